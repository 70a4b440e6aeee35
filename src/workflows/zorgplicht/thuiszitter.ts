/**
 * Issue 16 item 2: a zorgplicht case withdrawn, or closed without zorgplicht, while the parents record
 * no other enrolment: no school admits the pupil, who has no school. The case opens a thuiszitter
 * case (enrolled nowhere: absoluut verzuim) naming itself and the rule; a coordinator dismisses it
 * when the pupil turns out to be enrolled after all. A child not yet leerplichtig is not a thuiszitter.
 */
import { patched } from '@temporalio/workflow';
import { compareDates, formatDutchDate, toIsoDate } from '../../domain/dates';
import type { SchoolRef } from '../../shared/zaak';
import type { ZorgplichtView } from '../../shared/zorgplicht';
import { openThuiszitter, thuiszitterId, thuiszitterInvoer } from '../thuiszitter/openen';
import type { Zorgplichtzaak } from './toestand';

const regels = {
  ingetrokken: 'Aanmelding ingetrokken zonder andere inschrijving: de leerling heeft geen school',
  'geen-zorgplicht': 'Geen zorgplicht en geen andere inschrijving: de leerling heeft geen school',
} as const;

export function thuiszitterNaBesluit(
  z: Zorgplichtzaak,
  besluit: NonNullable<ZorgplichtView['besluit']> & { uitkomst: keyof typeof regels },
  ingeschrevenOp: SchoolRef | undefined,
): void {
  // Cases closed before this rule keep their history: no thuiszitter case.
  if (!patched('zorgplicht-thuiszitter')) return;
  const { zaak, t, input, policy } = z;
  if (ingeschrevenOp) t.ingeschrevenElders = ingeschrevenOp;
  const elders = t.ingeschrevenElders;
  if (elders) {
    zaak.noteer({
      soort: 'ingeschreven-blijft',
      omschrijving: `De leerling staat ingeschreven op ${elders.naam}: geen thuiszitterszaak`,
      door: besluit.door,
    });
    return;
  }
  const vandaag = toIsoDate(Date.now(), policy.tijden.tijdzone);
  if (input.leerplichtigVanaf && compareDates(vandaag, input.leerplichtigVanaf) < 0) {
    zaak.noteer({
      soort: 'nog-niet-leerplichtig',
      omschrijving: `De leerling is leerplichtig vanaf ${formatDutchDate(input.leerplichtigVanaf)} (Leerplichtwet 1969, artikel 3): geen thuiszitterszaak`,
    });
    return;
  }
  const id = thuiszitterId(zaak.id, !!t.impasseZaak);
  t.thuiszitter = { zaakId: id };
  zaak.noteer({
    soort: 'thuiszitter-geopend',
    omschrijving: `Geen school laat de leerling toe en er is geen andere inschrijving vastgelegd: een thuiszitterszaak wordt geopend (${id})`,
    door: besluit.door,
  });
  openThuiszitter(
    zaak,
    thuiszitterInvoer(input, { sinds: vandaag, reden: besluit.reden, nergensIngeschreven: true }, besluit.door, {
      zaakId: zaak.id,
      regel: regels[besluit.uitkomst],
    }),
    {
      gestart: (kind, bestond) => {
        if (bestond)
          zaak.noteer({
            soort: 'thuiszitter-bestaat',
            omschrijving: `De thuiszitterszaak ${kind} liep al (geopend door de impasse)`,
          });
      },
      mislukt: (reden) => {
        t.thuiszitter = undefined;
        zaak.noteer({
          soort: 'thuiszitter-niet-gestart',
          omschrijving: `De thuiszitterszaak kon niet starten: ${reden}. Open haar als coördinator (POST /api/v1/zaken/thuiszitter).`,
        });
      },
    },
    id,
  );
}
