/**
 * Stap 2.4 (seed 001 L2086–2089): no school found, even with the OA's help. The SWV organises a
 * plaatsingstafel in the region where the pupil lives: an impasse as a linked child case on the
 * ladder of the SWV's policy (P2). When it places the pupil the terugplaatsing goes on at 2.5 with
 * that school; when it stops without a place, Stap 2 is open again.
 */
import { impasse } from '../impasse';
import type { Regio } from '../../domain/regio';
import type { ActorRef } from '../../shared/zaak';
import type { Terugplaatsingzaak } from './toestand';

export function koppelPlaatsingstafel(z: Terugplaatsingzaak, reden: string, door: ActorRef, regio?: Regio): void {
  const { zaak, t, input } = z;
  // One at a time; a second one (after a negative decision) reuses the id of the closed first.
  const zaakId = `${zaak.id}-impasse`;
  t.plaatsingstafel = { zaakId, status: 'loopt' };
  zaak.koppel(
    impasse,
    {
      workflowId: zaakId,
      args: [
        {
          leerling: { naam: input.leerling.naam },
          school: {
            brin: input.school.brin,
            naam: input.school.naam,
            email: input.school.email,
            ...((regio ?? input.school.regio) ? { regio: regio ?? input.school.regio } : {}),
          },
          ouders: input.ouders,
          beleid: z.beleid,
          kalender: input.kalender,
          reden,
          aanleiding: 'terugplaatsing',
          gemeldDoor: door,
          coordinatorEmail: input.coordinatorEmail,
          terugplaatsingZaak: zaak.id,
        },
      ],
    },
    {
      gestart: () => undefined,
      klaar: (uitkomst) => {
        if (uitkomst.geplaatst && uitkomst.school) {
          t.plaatsingstafel = { zaakId, status: 'geplaatst' };
          t.gevonden = { ...uitkomst.school, via: 'plaatsingstafel' };
          zaak.noteer({
            soort: 'plaatsingstafel:geplaatst',
            omschrijving: `De plaatsingstafel plaatst de leerling op ${uitkomst.school.naam} (${uitkomst.niveau}); verder met 2.5 (observatie) en 2.6 (bezoek ouders)`,
            door: uitkomst.door,
            reden: uitkomst.reden,
          });
        } else {
          t.plaatsingstafel = { zaakId, status: 'gestopt' };
          delete t.stappen['2.4'];
          zaak.noteer({
            soort: 'plaatsingstafel:gestopt',
            omschrijving: 'De plaatsingstafel is gestopt zonder plaatsing: stap 2 staat weer open',
            door: uitkomst.door,
            reden: uitkomst.reden,
          });
        }
        z.voortgang();
        zaak.gewijzigd();
      },
      // Terminated or failed (not placed, not stopped by the ladder): Stap 2 is open again, said so.
      mislukt: (reden) => {
        t.plaatsingstafel = { zaakId, status: 'gestopt' };
        delete t.stappen['2.4'];
        zaak.noteer({
          soort: 'plaatsingstafel:gestopt',
          omschrijving: `De plaatsingstafel (zaak ${zaakId}) is beëindigd zonder plaatsing (${reden}): stap 2 staat weer open`,
        });
        z.voortgang();
      },
    },
  );
}
