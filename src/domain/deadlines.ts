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
import { endOfGroep3, endOfGroep8, assertGroep } from './groepen';
import { addSchoolDays, nonSchoolDayReason, previousSchoolDay, schoolHolidayOn, type SchoolRooster } from './holidays';
import type { Instelling, Policy } from './policy';
import type { Regio } from './regio';
import { eindeWettelijkeTermijn } from './termijnenwet';

import { schoolYearByLabel } from './schoolYear';

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

function wekenNa(start: IsoDate, weken: number, regel: string, wat: string, policy: Policy): Dated {
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
  const t = trede ? policy.impasse.ladder.find((x) => x.code === trede) : undefined;
  if (trede && !t && policy.impasse.ladder.length > 0) {
    throw new RangeError(
      `Onbekende trede '${trede}' in beleid '${policy.code}': kies uit ${policy.impasse.ladder.map((x) => x.code).join(', ')}`,
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

/** TLV decision deadline after receipt of the (complete) application. */
export function tlvBeslisdatum(ontvangstAanvraag: IsoDate, policy: Policy): Dated {
  const t = policy.tlv.beslistermijnWeken;
  return wekenNa(ontvangstAanvraag, t.waarde, t.regel, 'ontvangst van de aanvraag', policy);
}

/** Last day for bezwaar against a TLV decision (Awb 6:7; the term starts the day after bekendmaking, Awb 6:8). */
export function tlvBezwaartermijnEinde(bekendmaking: IsoDate, policy: Policy): Dated {
  const t = policy.tlv.bezwaartermijnWeken;
  return wekenNa(bekendmaking, t.waarde, t.regel, 'bekendmaking van het besluit', policy);
}

/** Decision deadline on bezwaar (Awb 7:10: counted from the end of the bezwaartermijn). */
export function beslisdatumOpBezwaar(eindeBezwaartermijn: IsoDate, policy: Policy): Dated {
  const t = policy.tlv.beslistermijnBezwaarWeken;
  return wekenNa(eindeBezwaartermijn, t.waarde, t.regel, 'afloop van de bezwaartermijn', policy);
}

export type TlvEindInput =
  | {
      soort: 'regulier';
      /** The pupil's groep on `afgiftedatum` (1..8). */
      groep: number;
      afgiftedatum: IsoDate;
      /** Required in groep 3 and for policies without a duration rule; otherwise a deviation. */
      einddatum?: IsoDate;
      /** Required when `einddatum` deviates from the standard end (seed 001 L1997). */
      afwijkingReden?: string;
    }
  | {
      soort: 'emb';
      /**
       * The school year in which the pupil turns 14, e.g. '2030-2031'. A school year, not a birth date:
       * the workflow needs no date of birth, and a bare calendar year would be ambiguous (turning 14 in
       * March 2031 ends SO on 2031-07-31, in October 2031 on 2032-07-31).
       */
      schooljaarWaarin14: string;
      einddatum?: IsoDate;
    };

/** End date of a TLV by the SWV's duration rule (SPOW: addendum seed 001 L1996–2002, EMB L1166–1171). */
export function tlvEinddatum(input: TlvEindInput, policy: Policy): Dated {
  const duur = policy.tlv.duur;
  if (input.einddatum !== undefined) parseIsoDate(input.einddatum);

  if (duur.soort === 'expliciet') {
    if (!input.einddatum) throw new RangeError(`Einddatum van de TLV is verplicht: ${duur.regel}`);
    if (input.soort === 'regulier' && compareDates(input.einddatum, input.afgiftedatum) <= 0) {
      throw new RangeError(`Einddatum ${input.einddatum} ligt niet na de afgiftedatum ${input.afgiftedatum}`);
    }
    return { datum: input.einddatum, regel: duur.regel };
  }

  if (input.soort === 'emb') {
    const eind = schoolYearByLabel(input.schooljaarWaarin14).end;
    if (input.einddatum && input.einddatum !== eind) {
      throw new RangeError(`Een EMB-TLV loopt tot einde schooljaar ${input.schooljaarWaarin14} (${eind}): ${duur.emb}`);
    }
    return { datum: eind, regel: `${duur.emb} (schooljaar ${input.schooljaarWaarin14})` };
  }

  const { groep, afgiftedatum, einddatum } = input;
  assertGroep(groep);
  parseIsoDate(afgiftedatum);
  if (einddatum && compareDates(einddatum, afgiftedatum) <= 0) {
    throw new RangeError(`Einddatum ${einddatum} ligt niet na de afgiftedatum ${afgiftedatum}`);
  }

  if (groep >= 4) {
    const standaard = endOfGroep8(groep, afgiftedatum);
    if (!einddatum || einddatum === standaard) return { datum: standaard, regel: duur.vanafGroep4 };
    const reden = input.afwijkingReden?.trim();
    if (!reden) {
      throw new RangeError(
        `Afwijken van einde groep 8 (${standaard}) kan alleen beargumenteerd: geef een reden (${duur.afwijking})`,
      );
    }
    return { datum: einddatum, regel: `${duur.afwijking}: ${reden}` };
  }

  if (groep === 3) {
    if (!einddatum)
      throw new RangeError(`Voor een TLV in groep 3 is een expliciete einddatum verplicht (${duur.inGroep3})`);
    const max = endOfGroep8(groep, afgiftedatum);
    if (compareDates(einddatum, max) > 0) {
      throw new RangeError(`Einddatum ${einddatum} ligt na einde groep 8 (${max}) (${duur.inGroep3})`);
    }
    return { datum: einddatum, regel: duur.inGroep3 };
  }

  // groep 1 of 2
  const max = endOfGroep3(groep, afgiftedatum);
  if (einddatum && compareDates(einddatum, max) > 0) {
    throw new RangeError(
      `Een TLV vóór groep 3 loopt tot maximaal einde schooljaar groep 3 (${max}) (${duur.totGroep3})`,
    );
  }
  return { datum: einddatum ?? max, regel: duur.totGroep3 };
}
