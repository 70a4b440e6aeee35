/**
 * P2 runs as a linked child of the zorgplicht case: the impasse climbs its ladder and a placement
 * there closes this case. When this case closes otherwise, the child is cancelled and records that
 * it stopped.
 */
import { ParentClosePolicy } from '@temporalio/workflow';
import { impasse } from '../impasse';
import { besluitAanOuders } from './acties';
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
          school: { brin: input.school.brin, naam: input.school.naam, regio: input.school.regio },
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
        if (t.besluit || !uitkomst.geplaatst || !uitkomst.school) return;
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
        besluitAanOuders(z);
        zaak.gewijzigd();
      },
    },
  );
}
