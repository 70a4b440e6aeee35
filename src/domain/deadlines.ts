/**
 * Computed dates. Each returns `{ datum, regel }`: the date and, in words, the rule that produced it,
 * so a coordinator (and a letter to parents) can say why a date is what it is.
 *
 * Statutory terms end on a calendar date; when that date is a Saturday, Sunday or algemeen erkende
 * feestdag the term runs on to the next day that is none of these (Algemene termijnenwet art. 1). This
 * is applied to every "N weken na …" term here, also to the SWV's own TLV term (a product choice, so
 * the SWV never decides on a day the office is closed). School holidays do not stop these terms.
 * Reminders, in contrast, must reach a school that is open: they move to the previous school day.
 */
import { addDays, addWeeks, compareDates, formatDutchDate, type IsoDate, parseIsoDate, toInstant } from './dates';
import { addSchoolDays, nonSchoolDayReason, previousSchoolDay, schoolHolidayOn, type SchoolRooster } from './holidays';
import type { Instelling, Policy } from './policy';
import type { Regio } from './regio';
import { eindeWettelijkeTermijn } from './termijnenwet';

const meervoud = (n: number, een: string, meer: string) => `${n} ${Math.abs(n) === 1 ? een : meer}`;

export interface Dated {
  datum: IsoDate;
  regel: string;
}

export interface Herinnering extends Dated {
  dagenVoor: number;
}

export interface SchooldagHerinnering extends Dated {
  schooldagenVoor: number;
}

/**
 * The last day of a statutory term of `weken` weeks that starts the day after `start` (so it ends on
 * the same weekday), moved on past a weekend or feestdag (Algemene termijnenwet art. 1). `wat` names
 * the start in the rule text ('aanmelding').
 */
export function wekenNa(start: IsoDate, weken: number, regel: string, wat: string, policy: Policy): Dated {
  parseIsoDate(start);
  const eind = eindeWettelijkeTermijn(addWeeks(start, weken), policy.rekenwijze);
  let tekst = `${regel}: ${weken} weken na ${wat}`;
  if (eind.verschoven)
    tekst += `, verlengd tot de eerstvolgende werkdag (Algemene termijnenwet art. 1: ${eind.verschoven})`;
  if (eind.onzeker) {
    const jaar = eind.datum.slice(0, 4);
    tekst += `; voor ${jaar} is nog geen besluit gelijkstelling van feestdagen gepubliceerd: valt ${eind.onzeker} daaronder, dan schuift de termijn op naar de volgende werkdag (Algemene termijnenwet art. 3 lid 3)`;
  }
  return { datum: eind.datum, regel: tekst };
}

/**
 * The moment a term is over: the end of its last day (Europe/Amsterdam), so a school may still
 * decide that evening. A case started before the correction of 2026-12 keeps the policy's deadline
 * time on the last day (`rekenwijze`), as its history recorded.
 */
export function termijnVerstreken(datum: IsoDate, policy: Policy): number {
  const { deadline, tijdzone } = policy.tijden;
  return policy.rekenwijze === 'voor-2026-12'
    ? toInstant(datum, deadline, tijdzone)
    : toInstant(addDays(datum, 1), '00:00', tijdzone);
}

/** Decision deadline of the school after the written aanmelding (6 weeks by law). */
export function zorgplichtBeslisdatum(aanmelddatum: IsoDate, policy: Policy): Dated {
  const t = policy.zorgplicht.beslistermijnWeken;
  return wekenNa(aanmelddatum, t.waarde, t.regel, 'aanmelding', policy);
}

/** Decision deadline after the (once only) extension by `weken` (1..verlengingMaxWeken). */
export function verlengdeBeslisdatum(aanmelddatum: IsoDate, weken: number, policy: Policy): Dated {
  const max = policy.zorgplicht.verlengingMaxWeken;
  if (!Number.isInteger(weken) || weken < 1 || weken > max.waarde) {
    throw new RangeError(
      `Verlenging met ${weken} weken is niet toegestaan: eenmaal met ten hoogste ${max.waarde} weken (${max.regel})`,
    );
  }
  const t = policy.zorgplicht.beslistermijnWeken;
  const r = wekenNa(aanmelddatum, t.waarde + weken, t.regel, 'aanmelding', policy);
  const regel = r.regel.replace(
    `${t.waarde + weken} weken na aanmelding`,
    `${t.waarde} weken na aanmelding, eenmaal verlengd met ${weken} weken (${max.regel})`,
  );
  return { datum: r.datum, regel };
}

/** Date at which, without a decision, the pupil is temporarily placed and enrolled (10 weeks by law). */
export function tijdelijkePlaatsingsdatum(aanmelddatum: IsoDate, policy: Policy): Dated {
  const t = policy.zorgplicht.tijdelijkePlaatsingNaWeken;
  const r = wekenNa(aanmelddatum, t.waarde, t.regel, 'aanmelding', policy);
  return { datum: r.datum, regel: `${r.regel} zonder beslissing: tijdelijke plaatsing` };
}

export interface HerinneringOpties {
  /** What the deadline is called in the rule text (default 'beslisdatum'). */
  naam?: string;
  /** Overrides policy.zorgplicht.herinneringenDagenVoor. */
  dagenVoor?: Instelling<number[]>;
}

/**
 * Reminders N calendar days before `deadline`; one that falls on a non-school day moves to the previous
 * school day. Reminders that land on the same day are merged (the earliest N is kept). Sorted by date;
 * reminders on or after the deadline date are dropped.
 */
export function herinneringen(
  deadline: Dated,
  policy: Policy,
  regio: Regio,
  rooster?: SchoolRooster,
  opties: HerinneringOpties = {},
): Herinnering[] {
  const naam = opties.naam ?? 'beslisdatum';
  const setting = opties.dagenVoor ?? policy.zorgplicht.herinneringenDagenVoor;
  const dagen = [...new Set(setting.waarde)].sort((a, b) => b - a);
  // A deadline in a school holiday: its reminders would pile up on the holiday's eve. They are spread
  // over the last school weeks before it instead, a school week apart, the nearest on its eve, and
  // none later than its own day (so they keep their order). Cases of before 2026-12 keep the old
  // plan (`rekenwijze`).
  const vakantie = policy.rekenwijze === 'voor-2026-12' ? undefined : schoolHolidayOn(deadline.datum, regio, rooster);
  const eve = vakantie && previousSchoolDay(addDays(vakantie.van, -1), regio, rooster);
  const vakantieNaam = vakantie && nonSchoolDayReason(vakantie.van, regio, rooster);
  const out: Herinnering[] = [];
  for (const [i, n] of dagen.entries()) {
    const k = dagen.length - 1 - i; // 0 for the reminder nearest the deadline
    const ruw = addDays(deadline.datum, -n);
    const basis = `${meervoud(n, 'dag', 'dagen')} voor ${naam} (${setting.regel})`;
    const reden = nonSchoolDayReason(ruw, regio, rooster);
    let datum = reden ? previousSchoolDay(ruw, regio, rooster) : ruw;
    let regel = reden ? `${basis}, verschoven naar vorige schooldag (${reden})` : basis;
    if (eve) {
      const plek = addSchoolDays(eve, -5 * k, regio, rooster);
      if (compareDates(plek, datum) < 0) datum = plek;
      regel = `${basis}; de ${naam} valt in de ${vakantieNaam}: herinneringen verspreid over de laatste schoolweken ervoor`;
    }
    if (compareDates(datum, deadline.datum) >= 0) continue;
    if (out.some((h) => h.datum === datum)) continue;
    out.push({ datum, dagenVoor: n, regel });
  }
  return out.sort((a, b) => compareDates(a.datum, b.datum));
}

function serviceniveauVoor(policy: Policy, trede?: string): Instelling<number> & { trede?: string } {
  // The plaatsingstafel ladder's rungs, or those of the policy's route of its own (issue 15).
  const treden = policy.impasse.ladder.length > 0 ? policy.impasse.ladder : (policy.impasse.route?.treden ?? []);
  const t = trede ? treden.find((x) => x.code === trede) : undefined;
  if (trede && !t && treden.length > 0) {
    throw new RangeError(
      `Onbekende trede '${trede}' in beleid '${policy.code}': kies uit ${treden.map((x) => x.code).join(', ')}`,
    );
  }
  return {
    ...(t?.serviceniveauSchooldagen ?? policy.impasse.serviceniveauSchooldagen),
    trede: t ? `${t.code} (${t.regel})` : trede,
  };
}

/** When an impasse that has been on its current rung since `sinds` counts as stuck (N school days). */
export function impasseServiceniveau(
  sinds: IsoDate,
  policy: Policy,
  regio: Regio,
  rooster?: SchoolRooster,
  trede?: string,
): Dated {
  const s = serviceniveauVoor(policy, trede);
  const op = s.trede ? ` op trede ${s.trede}` : '';
  return {
    datum: addSchoolDays(sinds, s.waarde, regio, rooster),
    regel: `${s.regel}: ${meervoud(s.waarde, 'schooldag', 'schooldagen')}${op} na ${formatDutchDate(sinds)}`,
  };
}

/** Reminders N school days before an impasse service level expires. */
export function impasseHerinneringen(
  serviceniveau: Dated,
  policy: Policy,
  regio: Regio,
  rooster?: SchoolRooster,
): SchooldagHerinnering[] {
  const setting = policy.impasse.herinneringenSchooldagenVoor;
  const out: SchooldagHerinnering[] = [];
  for (const n of [...new Set(setting.waarde)].sort((a, b) => b - a)) {
    const datum = addSchoolDays(serviceniveau.datum, -n, regio, rooster);
    if (out.some((h) => h.datum === datum)) continue;
    out.push({
      datum,
      schooldagenVoor: n,
      regel: `${meervoud(n, 'schooldag', 'schooldagen')} voor het serviceniveau (${setting.regel})`,
    });
  }
  return out.sort((a, b) => compareDates(a.datum, b.datum));
}
