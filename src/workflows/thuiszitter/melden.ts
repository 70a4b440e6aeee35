/**
 * Who hears of a thuiszitter case, and when. The coordinator hears of a case someone else opened (a
 * school's report, a case opened automatically); the school and the parents at the threshold
 * (momenten.ts). A policy may name more (`thuiszitters.melden`): Almere reports every thuiszitter,
 * a threatening one too, at once to the school's board and to leerplicht (seed 002 L589).
 */
import { formatDutchDate } from '../../domain/dates';
import type { Dated } from '../../domain/deadlines';
import type { Ontvanger } from '../../shared/bericht';
import type { Thuiszitterzaak } from './toestand';

/** The policy's extra recipients for a case in this phase, and a note when one has no address. */
export function meldenAan(z: Thuiszitterzaak, dreigend: boolean): { aan: Ontvanger[]; zonderAdres?: string } {
  const melden = z.beleid.thuiszitters?.melden;
  if (!melden || (dreigend && !melden.dreigend)) return { aan: [] };
  const aan: Ontvanger[] = [];
  let zonderAdres: string | undefined;
  if (melden.aan.includes('leerplicht')) aan.push({ rol: 'leerplicht' });
  if (melden.aan.includes('schoolbestuur')) {
    const email = z.input.school?.bestuurEmail;
    if (email) aan.push({ rol: 'schoolbestuur', email });
    else
      zonderAdres = z.input.school
        ? 'het bestuur van de school is niet gemeld: er is geen e-mailadres van het bestuur (school.bestuurEmail); meld het de school zelf'
        : 'de leerling staat op geen school ingeschreven: er is geen schoolbestuur te melden';
  }
  return { aan, ...(zonderAdres ? { zonderAdres } : {}) };
}

const naam = (o: Ontvanger) =>
  o.rol === 'coordinator' ? 'de coördinator' : o.rol === 'leerplicht' ? 'leerplicht' : 'het bestuur van de school';

/** One letter to those who hear of it now, and a note of who did (and who could not). */
function meld(
  z: Thuiszitterzaak,
  sleutel: string,
  aan: Ontvanger[],
  extra: ReturnType<typeof meldenAan>,
  gegevens: Record<string, string>,
  wat: string,
): void {
  const melden = z.beleid.thuiszitters?.melden;
  if (extra.aan.length || extra.zonderAdres)
    z.zaak.noteer({
      soort: 'gemeld-aan',
      omschrijving:
        (aan.length ? `${wat} gemeld aan ${aan.map(naam).join(', ')}` : `${wat} niet gemeld`) +
        (extra.zonderAdres ? `; ${extra.zonderAdres}` : ''),
      gegevens: { regel: melden?.regel ?? '' },
    });
  if (!aan.length) return;
  z.zaak.bericht('thuiszitter-geopend', sleutel, aan, {
    ...gegevens,
    ...(extra.aan.length && melden ? { melden: melden.regel } : {}),
  });
}

const dreigendGegevens = (z: Thuiszitterzaak, drempel: Dated) => ({
  dreigend: 'ja',
  drempelWeken: String(z.beleid.thuiszitters!.drempelWeken.waarde),
  thuiszitterVanaf: formatDutchDate(drempel.datum),
});

/** At the start: a case the coordinator did not open, or one the policy reports at once. */
export function meldBijOpenen(z: Thuiszitterzaak, drempel: Dated | undefined): void {
  const { t, input } = z;
  // An enrolled pupil past the threshold already: the threshold's letter tells everyone (momenten.ts).
  if (t.thuiszitterSinds && input.school) return;
  // Ill (no threshold running): not a threatening thuiszitter, only the coordinator hears of it.
  const ziek = !t.thuiszitterSinds && !drempel;
  const dreigend = !t.thuiszitterSinds && !ziek;
  const extra: ReturnType<typeof meldenAan> = ziek ? { aan: [] } : meldenAan(z, dreigend);
  const aan = [...(input.gestartDoor.rol === 'coordinator' ? [] : [z.aan.coordinator]), ...extra.aan];
  meld(
    z,
    'geopend',
    aan,
    extra,
    {
      ...(ziek ? { ziek: 'ja' } : {}),
      ...(dreigend && drempel ? dreigendGegevens(z, drempel) : {}),
      ...(input.aanleiding ? { aanleiding: input.aanleiding.regel } : {}),
    },
    dreigend ? 'Dreigende thuiszitter' : ziek ? 'Afwezigheid wegens ziekte' : 'Thuiszitter',
  );
}

/**
 * An ill child's absence turns into another reason (from `vanaf`): a threatening thuiszitter from then,
 * reported where the policy says so, and to the coordinator when the school recorded it.
 */
export function meldNaZiekte(z: Thuiszitterzaak, drempel: Dated, vanaf: string, door: Ontvanger['rol']): void {
  const extra = meldenAan(z, true);
  if (!extra.aan.length && !extra.zonderAdres) return;
  const aan = [...(door === 'coordinator' ? [] : [z.aan.coordinator]), ...extra.aan];
  // Absent since `vanaf` for a reason that counts: the letter's four weeks run from then, not from the illness.
  const gegevens = { ...dreigendGegevens(z, drempel), sinds: formatDutchDate(vanaf) };
  meld(z, `dreigend/${drempel.datum}`, aan, extra, gegevens, 'Dreigende thuiszitter');
}
