/**
 * Issue 16 item 2: a zorgplicht case withdrawn, or closed without zorgplicht, while the parents record
 * no other enrolment: no school admits the pupil, who has no school. The case opens a thuiszitter
 * case (enrolled nowhere: absoluut verzuim) naming itself and the rule; a coordinator dismisses it
 * when the pupil turns out to be enrolled after all. Only for a child that is leerplichtig: in the VO
 * always; in the PO from the birth date given at the start (Leerplichtwet 1969 art. 3), and without
 * one the coordinator is asked to look instead.
 */
import { patched } from '@temporalio/workflow';
import { compareDates, formatDutchDate, toIsoDate } from '../../domain/dates';
import { nextSchoolDay } from '../../domain/holidays';
import type { SchoolRef } from '../../shared/zaak';
import type { ZorgplichtView } from '../../shared/zorgplicht';
import { openBijSluiten, thuiszitterId, thuiszitterInvoer } from '../thuiszitter/openen';
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
  const { zaak, t, input, policy, aan } = z;
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
  // Leerplichtig from the first school day of the month after the fifth birthday (art. 3 lid 1).
  const leerplichtig =
    input.leerplichtigVanaf &&
    nextSchoolDay(input.leerplichtigVanaf, input.school.regio ?? policy.regio, input.kalender);
  if (leerplichtig && compareDates(vandaag, leerplichtig) < 0) {
    zaak.noteer({
      soort: 'nog-niet-leerplichtig',
      omschrijving: `De leerling is leerplichtig vanaf ${formatDutchDate(leerplichtig)} (Leerplichtwet 1969, artikel 3): geen thuiszitterszaak`,
    });
    return;
  }
  if (!leerplichtig && policy.sector !== 'vo') {
    // A child of three or four is often not yet leerplichtig: a person looks, no case is assumed.
    zaak.noteer({
      soort: 'thuiszitter-controleren',
      omschrijving:
        'Geen school laat de leerling toe en er is geen andere inschrijving vastgelegd; of de leerling leerplichtig is, is niet bekend (geen geboortedatum): de coördinator kijkt of de leerling thuiszit',
    });
    zaak.bericht('thuiszitter-controleren', 'thuiszitter-controleren', [aan.coordinator], {
      leeftijdOnbekend: 'ja',
      regel: regels[besluit.uitkomst],
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
  openBijSluiten(
    zaak,
    thuiszitterInvoer(input, { sinds: vandaag, reden: besluit.reden, nergensIngeschreven: true }, besluit.door, {
      zaakId: zaak.id,
      regel: regels[besluit.uitkomst],
    }),
    id,
    aan.coordinator,
    () => (t.thuiszitter = undefined),
  );
}
