/**
 * The impasse that opened this case placed the pupil (signalen.ts): the coordinator is asked to close
 * the case with the first school day. It is not closed here: a place is not yet a child in school,
 * and the days at home count until the child is back.
 */
import { setHandler } from '@temporalio/workflow';
import { plaatsingSignal, type PlaatsingBericht } from './signalen';
import type { Thuiszitterzaak } from './toestand';

export function luisterNaarPlaatsing(z: Thuiszitterzaak): void {
  const { zaak, t } = z;
  setHandler(plaatsingSignal, (b: PlaatsingBericht) => {
    if (!z.open() || t.plaatsing || z.input.aanleiding?.zaakId !== b.zaakId) return;
    t.plaatsing = { zaakId: b.zaakId, school: b.school, niveau: b.niveau, op: b.op };
    zaak.noteer({
      soort: 'geplaatst',
      omschrijving: `De impasse (zaak ${b.zaakId}, ${b.niveau}) plaatst de leerling op ${b.school.naam}: sluit de zaak af met de eerste schooldag`,
      door: b.door,
      reden: b.reden,
    });
    zaak.bericht('thuiszitter-geplaatst', 'geplaatst', [z.aan.coordinator], {
      impasseZaak: b.zaakId,
      plaatsingsschool: b.school.naam,
      niveau: b.niveau,
    });
    zaak.gewijzigd();
  });
}
