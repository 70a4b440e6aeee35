/**
 * Issue 16 item 2: a terugplaatsing that stops without a place. The pupil cannot stay at the S(B)O
 * school and no regular school admits it: the coordinator says so when stopping (`leerlingThuis`),
 * and the case opens a thuiszitter case naming itself and the rule.
 */
import { patched } from '@temporalio/workflow';
import { formatDutchDate } from '../../domain/dates';
import type { Thuis } from '../../shared/thuiszitter';
import type { ActorRef } from '../../shared/zaak';
import { openBijSluiten, thuiszitterId, thuiszitterInvoer } from '../thuiszitter/openen';
import type { Terugplaatsingzaak } from './toestand';

export function thuiszitterNaStoppen(z: Terugplaatsingzaak, thuis: Thuis, door: ActorRef): void {
  if (!patched('terugplaatsing-thuiszitter')) return;
  const { zaak, t, input } = z;
  // A plaatsingstafel (an impasse child) may have opened it already: the same id, one case.
  const id = thuiszitterId(zaak.id, !!t.plaatsingstafel);
  t.thuiszitter = { zaakId: id };
  zaak.noteer({
    soort: 'leerling-thuis',
    omschrijving: `Gestopt zonder plek: de leerling zit thuis sinds ${formatDutchDate(thuis.sinds)}; een thuiszitterszaak wordt geopend (${id})`,
    door,
    reden: thuis.reden,
  });
  openBijSluiten(
    zaak,
    thuiszitterInvoer({ ...input, beleid: z.beleid }, thuis, door, {
      zaakId: zaak.id,
      regel: 'Terugplaatsing gestopt zonder plek: de leerling kan niet op de S(B)O-school blijven en zit thuis',
    }),
    id,
    z.aan.coordinator,
    () => (t.thuiszitter = undefined),
  );
}
