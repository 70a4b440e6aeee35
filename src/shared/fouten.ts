import { ApplicationFailure } from '@temporalio/common';

/** The failure type of a validator's "this role may not take this step": the API answers 403. */
export const ROL_NIET_TOEGESTAAN = 'RolNietToegestaan';

export function rolNietToegestaan(message: string): ApplicationFailure {
  return ApplicationFailure.create({ type: ROL_NIET_TOEGESTAAN, message, nonRetryable: true });
}
