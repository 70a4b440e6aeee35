/**
 * The thuiszitter's timed steps: the day an absence makes a thuiszitter (the coordinator and the
 * school told), the coordinator reminded before the target date and the directeur told once past it,
 * the end of a vrijstelling reminded and taken, and each agreement of the plan van aanpak reminded
 * before its day and marked late after it. Each is skipped once its step is done.
 */
import { addDays, formatDutchDate, toInstant } from '../../domain/dates';
import type { Dated } from '../../domain/deadlines';
import { thuiszitterHerinneringen, vrijstellingEinde } from '../../domain/thuiszitters';
import { meldenAan } from './melden';
import type { Thuiszitterzaak } from './toestand';

export type ThuiszitterMoment = { sleutel: string; at: number; datum: string; regel: string } & (
  | { soort: 'drempel' }
  | { soort: 'streef-herinnering' | 'streef-verstreken' }
  | { soort: 'vrijstelling-herinnering' | 'vrijstelling-einde'; nummer: number }
  | { soort: 'afspraak-herinnering' | 'afspraak-te-laat'; nummer: number }
);

/** Every timed step still ahead or due, given the state; a reminder from before its date was set is past. */
export function thuiszitterMomenten(z: Thuiszitterzaak, drempel: () => Dated | undefined): ThuiszitterMoment[] {
  const { t, beleid, input } = z;
  const { herinnering, deadline, tijdzone } = beleid.tijden;
  const regio = input.school?.regio ?? beleid.regio;
  const om = (datum: string, tijd: string) => toInstant(datum, tijd, tijdzone);
  const uit: ThuiszitterMoment[] = [];
  if (!z.open()) return uit;

  const d = drempel();
  if (d) uit.push({ soort: 'drempel', sleutel: `drempel/${d.datum}`, at: om(d.datum, herinnering), ...d });
  // The target counts while the child is a thuiszitter and not under a vrijstelling.
  if (t.thuiszitterSinds && !t.streefVerstreken && !z.vrijgesteld()) {
    const s = z.streefdatum();
    for (const h of thuiszitterHerinneringen('streefdatum', s, beleid, regio, input.kalender)) {
      const at = om(h.datum, herinnering);
      if (at > t.streefGezet)
        uit.push({
          soort: 'streef-herinnering',
          sleutel: `streef/herinnering/${h.datum}`,
          at,
          datum: h.datum,
          regel: h.regel,
        });
    }
    uit.push({ soort: 'streef-verstreken', sleutel: `streef/verstreken/${s.datum}`, at: om(s.datum, deadline), ...s });
  }
  t.vrijstellingen.forEach((v, i) => {
    const nummer = i + 1;
    const einde = vrijstellingEinde(v.tot, beleid);
    for (const h of thuiszitterHerinneringen('vrijstelling', einde, beleid, regio, input.kalender)) {
      const at = om(h.datum, herinnering);
      if (at > Date.parse(v.op))
        uit.push({
          soort: 'vrijstelling-herinnering',
          sleutel: `vrijstelling/${nummer}/herinnering/${h.datum}`,
          at,
          datum: h.datum,
          regel: h.regel,
          nummer,
        });
    }
    uit.push({
      soort: 'vrijstelling-einde',
      sleutel: `vrijstelling/${nummer}/einde`,
      at: om(v.tot, herinnering),
      ...einde,
      nummer,
    });
  });
  for (const a of t.afspraken) {
    if (a.gedaan) continue;
    const dag: Dated = { datum: a.uiterlijk, regel: `plan van aanpak, afspraak ${a.nummer}` };
    for (const h of thuiszitterHerinneringen('afspraak', dag, beleid, regio, input.kalender)) {
      const at = om(h.datum, herinnering);
      if (at > Date.parse(a.op))
        uit.push({
          soort: 'afspraak-herinnering',
          sleutel: `afspraak/${a.nummer}/herinnering/${h.datum}`,
          at,
          datum: h.datum,
          regel: h.regel,
          nummer: a.nummer,
        });
    }
    // Late the morning after its day: the whole day was there to do it.
    if (!a.teLaat)
      uit.push({
        soort: 'afspraak-te-laat',
        sleutel: `afspraak/${a.nummer}/te-laat`,
        at: om(addDays(a.uiterlijk, 1), herinnering),
        ...dag,
        nummer: a.nummer,
      });
  }
  return z.zaak.vooruit(uit);
}

/** A timed step taken: state, timeline and messages. */
export function thuiszitterMoment(z: Thuiszitterzaak, m: ThuiszitterMoment): void {
  const { zaak, t, aan, streefdatum } = z;
  switch (m.soort) {
    case 'drempel': {
      t.thuiszitterSinds = m.datum;
      t.streefGezet = Date.now();
      zaak.noteer({
        soort: 'thuiszitter',
        omschrijving: `Langer dan ${z.beleid.thuiszitters!.drempelWeken.waarde} weken thuis: de leerling is een thuiszitter (${formatDutchDate(m.datum)}); streefdatum ${formatDutchDate(streefdatum().datum)}`,
        gegevens: { datum: m.datum },
      });
      // The policy's own recipients too (Almere: the school's board and leerplicht, seed 002 L589).
      const extra = meldenAan(z, false).aan;
      zaak.bericht('thuiszitter-gemeld', 'thuiszitter', [aan.coordinator, ...aan.school, ...aan.ouders, ...extra], {
        thuiszitterSinds: formatDutchDate(m.datum),
        regel: m.regel,
        ...(extra.length ? { melden: z.beleid.thuiszitters!.melden!.regel } : {}),
      });
      return;
    }
    case 'streef-herinnering':
      zaak.noteer({
        soort: 'herinnering',
        omschrijving: `Herinnering aan de coördinator: terug naar school vóór ${formatDutchDate(streefdatum().datum)}`,
        gegevens: { datum: m.datum },
      });
      zaak.bericht(
        'thuiszitter-herinnering',
        m.sleutel,
        [aan.coordinator],
        { streef: 'ja', regel: m.regel },
        () => z.open() && !t.streefVerstreken,
      );
      return;
    case 'streef-verstreken':
      t.streefVerstreken = true;
      zaak.noteer({
        soort: 'streefdatum-verstreken',
        omschrijving: `De streefdatum (${formatDutchDate(m.datum)}) is verstreken: de leerling zit nog thuis`,
        gegevens: { datum: m.datum },
      });
      // The directeur is told once; the letter names the case, not the child (need to know).
      zaak.bericht(
        'thuiszitter-streefdatum',
        m.sleutel,
        [{ rol: 'directeur' }, aan.coordinator],
        { regel: m.regel },
        z.open,
      );
      return;
    case 'vrijstelling-herinnering':
      zaak.noteer({
        soort: 'herinnering',
        omschrijving: `Herinnering: de vrijstelling eindigt op ${formatDutchDate(t.vrijstellingen[m.nummer - 1].tot)}`,
        gegevens: { datum: m.datum },
      });
      zaak.bericht(
        'thuiszitter-herinnering',
        m.sleutel,
        [aan.coordinator, ...aan.school],
        { vrijstelling: 'ja', vrijstellingTot: formatDutchDate(t.vrijstellingen[m.nummer - 1].tot), regel: m.regel },
        z.open,
      );
      return;
    case 'vrijstelling-einde':
      // The target counts again from today: reminders whose day fell in the vrijstelling are past.
      t.streefGezet = Date.now();
      zaak.noteer({
        soort: 'vrijstelling-einde',
        omschrijving: `De vrijstelling is afgelopen (${formatDutchDate(m.datum)}): de leerling telt weer als thuiszitter`,
        gegevens: { datum: m.datum },
      });
      return;
    case 'afspraak-herinnering': {
      const a = t.afspraken[m.nummer - 1];
      zaak.noteer({
        soort: 'herinnering',
        omschrijving: `Herinnering: afspraak ${a.nummer} (${a.wie}) uiterlijk ${formatDutchDate(a.uiterlijk)}`,
        gegevens: { datum: m.datum, afspraak: a.nummer },
      });
      zaak.bericht(
        'thuiszitter-herinnering',
        m.sleutel,
        [aan.coordinator],
        { afspraak: 'ja', wie: a.wie, wat: a.wat, uiterlijk: formatDutchDate(a.uiterlijk), regel: m.regel },
        () => z.open() && !a.gedaan,
      );
      return;
    }
    case 'afspraak-te-laat': {
      const a = t.afspraken[m.nummer - 1];
      a.teLaat = true;
      zaak.noteer({
        soort: 'afspraak-te-laat',
        omschrijving: `Afspraak ${a.nummer} (${a.wie}) is niet gedaan op ${formatDutchDate(a.uiterlijk)}`,
        gegevens: { datum: m.datum, afspraak: a.nummer },
      });
      return;
    }
  }
}
