import { ApplicationFailure } from '@temporalio/common';

/** The failure type of a validator's "this role may not take this step": the API answers 403. */
export const ROL_NIET_TOEGESTAAN = 'RolNietToegestaan';

export function rolNietToegestaan(message: string): ApplicationFailure {
  return ApplicationFailure.create({ type: ROL_NIET_TOEGESTAAN, message, nonRetryable: true });
}

/** The failure type of a step on a case outside the actor's school scope: the API answers 404. */
export const ZAAK_NIET_GEVONDEN = 'ZaakNietGevonden';

export function zaakNietGevonden(): ApplicationFailure {
  return ApplicationFailure.create({
    type: ZAAK_NIET_GEVONDEN,
    message: 'Deze zaak bestaat niet.',
    nonRetryable: true,
  });
}
