/**
 * P2 runs as a linked child of the zorgplicht case: the impasse climbs its ladder and a placement
 * there closes this case. When this case closes otherwise, the child is cancelled and records that
 * it stopped.
 */
import { ParentClosePolicy } from '@temporalio/workflow';
import { impasse } from '../impasse';
import type { Toestand, Zorgplichtzaak } from './toestand';

export function koppelImpasse(z: Zorgplichtzaak, gemeld: NonNullable<Toestand['impasse']>): void {
  const { zaak, t, input } = z;
  zaak.koppel(
    impasse,
    {
      workflowId: `${zaak.id}-impasse`,
      args: [
        {
          leerling: { naam: input.leerling.naam },
          school: {
            brin: input.school.brin,
            naam: input.school.naam,
            regio: input.school.regio,
            email: input.school.email,
          },
          ouders: input.ouders.map((o) => ({ email: o.email })),
          kalender: input.kalender,
          beleid: input.beleid,
          reden: gemeld.reden,
          aanleiding: 'zorgplicht',
          gemeldDoor: gemeld.door,
          zorgplichtZaak: zaak.id,
          coordinatorEmail: input.coordinatorEmail,
        },
      ],
      // A backstop for servers that cancel children when the parent closes.
      parentClosePolicy: ParentClosePolicy.REQUEST_CANCEL,
    },
    {
      gestart: (kind) => {
        t.impasseZaak = kind;
        zaak.noteer({
          soort: 'impasse-gestart',
          omschrijving: `Impasseproces gestart (zaak ${kind})`,
          gegevens: { impasseZaak: kind },
        });
      },
      klaar: (uitkomst) => {
        if (t.besluit) return;
        if (!uitkomst.geplaatst && t.impasse) {
          // Stopped without a placement: the school decides on the aanmelding as before.
          t.impasse = { ...t.impasse, gestopt: { reden: uitkomst.reden, door: uitkomst.door, op: uitkomst.op } };
          zaak.noteer({
            soort: 'impasse-gestopt',
            omschrijving: `Impasse gestopt zonder plaatsing (op ${uitkomst.niveau}); de wettelijke termijnen lopen door`,
            door: uitkomst.door,
            reden: uitkomst.reden,
          });
          zaak.gewijzigd();
          return;
        }
        if (!uitkomst.geplaatst || !uitkomst.school) return;
        const hier = uitkomst.school.brin === input.school.brin;
        t.besluit = {
          uitkomst: hier ? 'toegelaten' : 'elders-toegelaten',
          reden: uitkomst.reden,
          door: uitkomst.door,
          op: zaak.nu(),
          details: hier
            ? { impasseNiveau: uitkomst.niveau }
            : { toelatendeSchool: uitkomst.school.naam, impasseNiveau: uitkomst.niveau },
        };
        zaak.noteer({
          soort: `besluit:${t.besluit.uitkomst}`,
          omschrijving: `Geplaatst via de impasse (${uitkomst.niveau}) op ${uitkomst.school.naam}`,
          door: uitkomst.door,
          reden: uitkomst.reden,
          gegevens: t.besluit.details,
        });
        // The parents already have the impasse's placement letter: no refusal letter on top of it.
        zaak.gewijzigd();
      },
    },
  );
}
