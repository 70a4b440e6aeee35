/**
 * The dates of a TLV (toelaatbaarheidsverklaring, process P3), each `{ datum, regel }` like every
 * computed date: the assessment term, the end date by the SWV's duration rule, the bezwaar window and
 * its route, the herbeoordeling in time before the end date, and the teldatum warning for the start.
 *
 * Pure and cheap: workflows call these on every replay (no clock, no I/O; the school calendar comes
 * in as the case's copy, `rooster`). Statutory terms (Awb) run on calendar days and move past a
 * weekend or feestdag (`wekenNa`, Algemene termijnenwet); the work of a school and of the deskundigen
 * runs on school days (the assessment does not run in the summer holiday); reminders land on school
 * days.
 */
import {
  addDays,
  addWeeks,
  compareDates,
  formatDutchDate,
  type IsoDate,
  isoDate,
  parseIsoDate,
  weekday,
} from './dates';
import { type Dated, wekenNa } from './deadlines';
import { assertGroep, endOfGroep, endOfGroep3, endOfGroep8 } from './groepen';
import {
  addSchoolDays,
  nonSchoolDayReason,
  previousSchoolDay,
  regionaleKalender,
  type SchoolRooster,
} from './holidays';
import type { Policy } from './policy';
import type { Regio } from './regio';
import { addSchoolYears, schoolYearByLabel, schoolYearOf } from './schoolYear';

const meervoud = (n: number, een: string, meer: string) => `${n} ${Math.abs(n) === 1 ? een : meer}`;

// ---------------------------------------------------------------------------------------------
// Assessment

/** TLV decision deadline after receipt of the (complete) application. */
export function tlvBeslisdatum(ontvangstAanvraag: IsoDate, policy: Policy): Dated {
  const t = policy.tlv.beslistermijnWeken;
  return wekenNa(ontvangstAanvraag, t.waarde, t.regel, 'ontvangst van de aanvraag', policy);
}

// ---------------------------------------------------------------------------------------------
// Bezwaar (Awb chapters 6 and 7) and the route after it

/**
 * Last day for bezwaar against a TLV decision sent on `verzonden`: six weeks from the day after
 * (Awb 6:7, 6:8), moved past a weekend or feestdag (Algemene termijnenwet art. 1).
 */
export function tlvBezwaartermijnEinde(verzonden: IsoDate, policy: Policy): Dated {
  const t = policy.tlv.bezwaar.termijnWeken;
  return wekenNa(verzonden, t.waarde, t.regel, 'verzending van het besluit', policy);
}

export interface BezwaarOntvangst {
  /** 'te-laat' is no refusal: the SWV judges Awb 6:9 lid 2 and 6:11 and records its finding. */
  oordeel: 'op-tijd' | 'te-laat';
  /** The end of the bezwaar window the date was judged against. */
  termijn: Dated;
  regel: string;
}

/**
 * Whether a bezwaar received on `ontvangen` against a decision sent on `verzonden` is in time
 * (Awb 6:9 lid 1), or, received later, was posted in time and arrived within a week after the
 * window (6:9 lid 2, when `terPostBezorgd` is known). A late bezwaar is not refused here: the rule
 * text says what the SWV must weigh (6:9 lid 2, 6:11 excusable lateness).
 */
export function bezwaarOntvangst(
  bezwaar: { verzonden: IsoDate; ontvangen: IsoDate; terPostBezorgd?: IsoDate },
  policy: Policy,
): BezwaarOntvangst {
  const { verzonden, ontvangen, terPostBezorgd } = bezwaar;
  parseIsoDate(ontvangen);
  if (terPostBezorgd !== undefined) parseIsoDate(terPostBezorgd);
  const termijn = tlvBezwaartermijnEinde(verzonden, policy);
  const einde = termijn.datum;
  const ontvangenOp = `ontvangen op ${formatDutchDate(ontvangen)}`;
  if (compareDates(ontvangen, einde) <= 0) {
    const vroeg = compareDates(ontvangen, verzonden) <= 0 ? ', nog vóór de termijn begon (artikel 6:10)' : '';
    return {
      oordeel: 'op-tijd',
      termijn,
      regel: `${ontvangenOp}, binnen de bezwaartermijn tot en met ${formatDutchDate(einde)}${vroeg} (Algemene wet bestuursrecht, artikel 6:9 lid 1)`,
    };
  }
  const weekNaEinde = addWeeks(einde, 1);
  const binnenWeek = compareDates(ontvangen, weekNaEinde) <= 0;
  if (binnenWeek && terPostBezorgd && compareDates(terPostBezorgd, einde) <= 0) {
    return {
      oordeel: 'op-tijd',
      termijn,
      regel: `${ontvangenOp}, na de bezwaartermijn tot en met ${formatDutchDate(einde)}, maar op ${formatDutchDate(terPostBezorgd)} ter post bezorgd en binnen een week na afloop ontvangen (Algemene wet bestuursrecht, artikel 6:9 lid 2)`,
    };
  }
  const post = binnenWeek
    ? terPostBezorgd
      ? ''
      : ` Is het vóór het einde van de termijn ter post bezorgd, dan is het toch op tijd (artikel 6:9 lid 2).`
    : '';
  return {
    oordeel: 'te-laat',
    termijn,
    regel: `${ontvangenOp}, na de bezwaartermijn tot en met ${formatDutchDate(einde)}: te laat.${post} Het bezwaar wordt niet vanzelf afgewezen: het samenwerkingsverband beoordeelt of de indiener redelijkerwijs niet in verzuim is geweest (${policy.tlv.bezwaar.teLaat.regel}).`,
  };
}

/**
 * Decision deadline on bezwaar: `beslistermijnWeken` (Awb 7:10 lid 1: 12 with the LBT) from the
 * end of the bezwaar window, or from receipt when the bezwaar came in after it.
 */
export function beslisdatumOpBezwaar(eindeBezwaartermijn: IsoDate, policy: Policy, ontvangen?: IsoDate): Dated {
  const t = policy.tlv.bezwaar.beslistermijnWeken;
  const { start, wat } = bezwaarStart(eindeBezwaartermijn, ontvangen);
  return wekenNa(start, t.waarde, t.regel, wat, policy);
}

/** The decision deadline on bezwaar after the (once only) verdaging by `weken` (Awb 7:10 lid 3). */
export function verdaagdeBeslisdatumOpBezwaar(
  eindeBezwaartermijn: IsoDate,
  weken: number,
  policy: Policy,
  ontvangen?: IsoDate,
): Dated {
  const max = policy.tlv.bezwaar.verdagingMaxWeken;
  if (!Number.isInteger(weken) || weken < 1 || weken > max.waarde) {
    throw new RangeError(
      `Verdaging met ${weken} weken is niet toegestaan: eenmaal met ten hoogste ${max.waarde} weken (${max.regel})`,
    );
  }
  const t = policy.tlv.bezwaar.beslistermijnWeken;
  const { start, wat } = bezwaarStart(eindeBezwaartermijn, ontvangen);
  const r = wekenNa(start, t.waarde + weken, t.regel, wat, policy);
  const regel = r.regel.replace(
    `${t.waarde + weken} weken na ${wat}`,
    `${t.waarde} weken na ${wat}, eenmaal verdaagd met ${weken} weken (${max.regel})`,
  );
  return { datum: r.datum, regel };
}

function bezwaarStart(eindeBezwaartermijn: IsoDate, ontvangen?: IsoDate): { start: IsoDate; wat: string } {
  parseIsoDate(eindeBezwaartermijn);
  if (ontvangen !== undefined && compareDates(ontvangen, eindeBezwaartermijn) > 0)
    return { start: ontvangen, wat: 'ontvangst van het na de termijn ingediende bezwaar' };
  return { start: eindeBezwaartermijn, wat: 'afloop van de bezwaartermijn' };
}

/** Last day for beroep at the rechtbank against the decision on bezwaar sent on `verzonden` (Awb 6:7). */
export function beroepstermijnEinde(verzonden: IsoDate, policy: Policy): Dated {
  const t = policy.tlv.bezwaar.beroep.termijnWeken;
  return wekenNa(verzonden, t.waarde, t.regel, 'verzending van de beslissing op bezwaar', policy);
}

/**
 * The bezwaar paragraph of a TLV decision letter, in plain Dutch, from the policy's route: who may
 * object, until which date, who advises, who decides and when, and where beroep goes.
 */
export function bezwaarclausule(verzonden: IsoDate, policy: Policy): string {
  const b = policy.tlv.bezwaar;
  const einde = tlvBezwaartermijnEinde(verzonden, policy);
  // Steps the SWV puts before the Awb route (VO Groningen's CvA mediation, SPOW's second opinion).
  const voorafgaand = (b.voorafgaand ?? []).map(
    (v) =>
      `Vóór of naast het bezwaar: ${v.door} (${v.regel}).${v.termijnLooptDoor ? ` De bezwaartermijn loopt intussen door: dien een bezwaar uiterlijk op ${formatDutchDate(einde.datum)} in.` : ''}`,
  );
  return [
    `Tegen dit besluit kunnen belanghebbenden (${b.indieners.waarde.join(', ')}) bezwaar maken bij het samenwerkingsverband, uiterlijk op ${formatDutchDate(einde.datum)} (${b.termijnWeken.regel}).`,
    ...voorafgaand,
    `Het samenwerkingsverband vraagt advies aan de ${b.advies.door}; daarna beslist ${b.beslissing.door} binnen ${b.beslistermijnWeken.waarde} weken na afloop van de bezwaartermijn (${b.beslistermijnWeken.regel}); die termijn kan eenmaal met ten hoogste ${b.verdagingMaxWeken.waarde} weken worden verdaagd.`,
    `Tegen de beslissing op bezwaar staat binnen ${b.beroep.termijnWeken.waarde} weken beroep open bij ${b.beroep.door}.`,
    ...(b.geschil ? [`Een geschil kan ook worden voorgelegd aan de ${b.geschil.door} (${b.geschil.regel}).`] : []),
  ].join(' ');
}

// ---------------------------------------------------------------------------------------------
// End date by the SWV's duration rule

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
      /** The first day at the S(B)O, when known: a minimum duration counts from it (default: afgiftedatum). */
      startdatum?: IsoDate;
      /** The TLV's category: some are exempt from a minimum duration (Almere, seed 002 L637). */
      categorie?: string;
      /** SBO or SO, where the rule differs by kind (SPOW before its addendum, seed 001 L1137–1139). */
      tlvSoort?: 'sbo' | 'so';
    }
  | {
      /** A TLV for the whole school career (VO): the school year in which the pupil reaches the policy's age. */
      soort: 'loopbaan';
      /** E.g. '2031-2032' (`schooljaarWaarin(geboortedatum, duur.vsoTotLeeftijd).label`). */
      schooljaarWaarinLeeftijd: string;
      einddatum?: IsoDate;
    }
  | {
      soort: 'emb';
      /**
       * The school year in which the pupil turns 14, e.g. '2030-2031' (`schooljaarWaarin(geboortedatum,
       * 14).label`). A school year, not a birth date: the workflow needs no date of birth, and a bare
       * calendar year would be ambiguous (turning 14 in March 2031 ends SO on 2031-07-31, in October
       * 2031 on 2032-07-31).
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

  if (duur.soort === 'schoolloopbaan') {
    if (input.soort !== 'loopbaan') {
      throw new RangeError(
        `Een TLV van dit samenwerkingsverband geldt de hele schoolloopbaan: geef het schooljaar waarin de leerling ${duur.vsoTotLeeftijd.waarde} wordt (${duur.regel})`,
      );
    }
    const eind = schoolYearByLabel(input.schooljaarWaarinLeeftijd).end;
    if (input.einddatum && input.einddatum !== eind) {
      throw new RangeError(
        `Deze TLV loopt tot het einde van schooljaar ${input.schooljaarWaarinLeeftijd} (${eind}): ${duur.vsoTotLeeftijd.regel}`,
      );
    }
    return {
      datum: eind,
      regel: `${duur.vsoTotLeeftijd.regel} (schooljaar ${input.schooljaarWaarinLeeftijd}, waarin de leerling ${duur.vsoTotLeeftijd.waarde} wordt)`,
    };
  }
  if (input.soort === 'loopbaan') throw new RangeError(`Dit beleid kent geen TLV voor de hele schoolloopbaan`);

  if (duur.soort === 'doelgericht' || duur.soort === 'jaarlijks') {
    if (input.soort === 'regulier') return minimaleDuur(input, duur);
    // EMB: no minimum (Almere's footnote 24, seed 002 L637; PPO-NK's simplified procedure, seed 003
    // L363); the end date is chosen.
    if (!input.einddatum) throw new RangeError(`Geef de einddatum van de TLV voor een leerling met EMB`);
    const regel = duur.soort === 'doelgericht' ? duur.zonderMinimum.regel : duur.minimaalJaren.regel;
    return { datum: input.einddatum, regel: `${regel} (EMB: zonder minimale duur)` };
  }

  if (duur.soort === 'groepsmomenten' && input.soort === 'regulier') return groepsmoment(input, duur);

  if (input.soort === 'emb') {
    const eind = schoolYearByLabel(input.schooljaarWaarin14).end;
    if (input.einddatum && input.einddatum !== eind) {
      throw new RangeError(`Een EMB-TLV loopt tot einde schooljaar ${input.schooljaarWaarin14} (${eind}): ${duur.emb}`);
    }
    return { datum: eind, regel: `${duur.emb} (schooljaar ${input.schooljaarWaarin14})` };
  }

  if (duur.soort !== 'groepsafhankelijk') throw new RangeError(`Onbekende duurregel`);
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

/**
 * Whether a day lies between 1 August and the first school day after the summer holiday, in any
 * region: the holiday ends from mid-August to the first days of September (noord: 2 September in
 * 2029), so up to 7 September. Without the region's calendar here, a start in those days counts as
 * the start of the school year: the reading that never asks a longer TLV than the rule does.
 */
function voorEersteSchooldag(d: IsoDate): boolean {
  const { m, d: dag } = parseIsoDate(d);
  return m === 8 || (m === 9 && dag <= 7);
}

/**
 * SPOW's rule before the addendum (seed 001 L1137–1139): an SBO TLV runs to the next of the fixed
 * moments (the end of groep 2, 5 or 8; a reasoned deviation as in the addendum); an SO TLV for at
 * least one full school year, with its end date given.
 */
function groepsmoment(
  input: Extract<TlvEindInput, { soort: 'regulier' }>,
  duur: Extract<Policy['tlv']['duur'], { soort: 'groepsmomenten' }>,
): Dated {
  const { groep, afgiftedatum, einddatum } = input;
  assertGroep(groep);
  if (input.tlvSoort === 'so') {
    return minimaleDuur(input, {
      soort: 'doelgericht',
      minimaalSchooljaren: duur.soMinimaalSchooljaren,
      terugkeerdatum: { regel: duur.soMinimaalSchooljaren.regel },
      zonderMinimum: { waarde: [], regel: duur.soMinimaalSchooljaren.regel },
    });
  }
  const doel = [...duur.sboEindeGroepen.waarde].sort((a, b) => a - b).find((g) => g >= groep) ?? 8;
  const standaard = endOfGroep(groep, afgiftedatum, doel);
  if (!einddatum || einddatum === standaard) {
    return { datum: standaard, regel: `${duur.sboEindeGroepen.regel} (einde groep ${doel})` };
  }
  if (compareDates(einddatum, afgiftedatum) <= 0) {
    throw new RangeError(`Einddatum ${einddatum} ligt niet na de afgiftedatum ${afgiftedatum}`);
  }
  const reden = input.afwijkingReden?.trim();
  if (!reden) {
    throw new RangeError(
      `Afwijken van het vaste moment einde groep ${doel} (${standaard}) kan alleen beargumenteerd: geef een reden (${duur.sboEindeGroepen.regel})`,
    );
  }
  return { datum: einddatum, regel: `${duur.sboEindeGroepen.regel}; afwijking: ${reden}` };
}

/**
 * A duration with a minimum: Almere's "tenminste één volledig schooljaar" with a reasoned end date
 * (seed 002 L629, exemptions L637), PPO-NK's "minimaal een jaar" (seed 003 L350ff).
 * - 'doelgericht': the end date is required (set by the goals of the placement) and lies at or after
 *   the end of the first full school year from the start. Reading: a school year is full when the
 *   pupil is there from its first day, so a start on 1 August counts that year, a start in January the
 *   next one. Exempt categories have no minimum.
 * - 'jaarlijks': at least `minimaalJaren` years from the start; without an end date, the end of the
 *   school year in which that year is complete (the yearly review then falls before the summer).
 */
function minimaleDuur(
  input: Extract<TlvEindInput, { soort: 'regulier' }>,
  duur: Extract<Policy['tlv']['duur'], { soort: 'doelgericht' | 'jaarlijks' }>,
): Dated {
  const start = input.startdatum ?? input.afgiftedatum;
  parseIsoDate(start);
  const { einddatum } = input;
  if (einddatum && compareDates(einddatum, start) <= 0) {
    throw new RangeError(`Einddatum ${einddatum} ligt niet na de start ${start}`);
  }
  if (duur.soort === 'doelgericht') {
    const m = duur.minimaalSchooljaren;
    if (!einddatum) {
      throw new RangeError(
        `Geef de einddatum van de TLV, onderbouwd met de doelen van de plaatsing (${duur.terugkeerdatum.regel})`,
      );
    }
    if (input.categorie && duur.zonderMinimum.waarde.includes(input.categorie)) {
      return { datum: einddatum, regel: `${duur.zonderMinimum.regel} (categorie ${input.categorie})` };
    }
    const eerste = schoolYearOf(start);
    const volledig = voorEersteSchooldag(start) ? eerste : addSchoolYears(eerste, 1);
    const minimum = addSchoolYears(volledig, m.waarde - 1).end;
    if (compareDates(einddatum, minimum) < 0) {
      throw new RangeError(
        `Een TLV geldt minimaal ${meervoud(m.waarde, 'volledig schooljaar', 'volledige schooljaren')}: bij een start op ${formatDutchDate(start)} tot ten minste ${formatDutchDate(minimum)} (${m.regel})`,
      );
    }
    return { datum: einddatum, regel: m.regel };
  }
  const m = duur.minimaalJaren;
  const p = parseIsoDate(start);
  // The day before the same date `minimaalJaren` later (29 February: the last day of February).
  const laatsteDag = addDays(
    p.m === 2 && p.d === 29 ? isoDate(p.y + m.waarde, 3, 1) : isoDate(p.y + m.waarde, p.m, p.d),
    -1,
  );
  // A year that ends in the summer holiday ends with the school year before it (31 July): the
  // holiday is no school time, and the yearly review falls before it (seed 003 L355).
  const inZomer = voorEersteSchooldag(laatsteDag);
  const minimum = inZomer ? addDays(schoolYearOf(laatsteDag).start, -1) : laatsteDag;
  if (!einddatum) return { datum: inZomer ? minimum : schoolYearOf(laatsteDag).end, regel: m.regel };
  if (compareDates(einddatum, minimum) < 0) {
    throw new RangeError(
      `Een TLV geldt minimaal ${meervoud(m.waarde, 'jaar', 'jaar')}: bij een start op ${formatDutchDate(start)} tot ten minste ${formatDutchDate(minimum)} (${m.regel})`,
    );
  }
  return { datum: einddatum, regel: m.regel };
}

// ---------------------------------------------------------------------------------------------
// Herbeoordeling in time

export interface HerbeoordelingHerinnering extends Dated {
  /** 'evaluatie': hold the internal evaluation with the parents; 'aanvraag': apply for herbeoordeling;
   * 'aanvraag-vso': EMB, request the new TLV for the VSO at the SWV VO. */
  soort: 'evaluatie' | 'aanvraag' | 'aanvraag-vso';
  /** Calendar weeks before `aanvraagUiterlijk` (before moving to a school day). */
  wekenVoor: number;
}

export interface HerbeoordelingsPlanning {
  /** The last school day before the end date: the new TLV is decided by then. */
  besluitUiterlijk: Dated;
  /** The last school day to apply so that the assessment fits in the school weeks before it. */
  aanvraagUiterlijk: Dated;
  /** The last school day for the S(B)O school's internal evaluation with the parents. */
  evaluatieUiterlijk: Dated;
  /** Reminders to the S(B)O school, in date order, each on a school day. */
  herinneringen: HerbeoordelingHerinnering[];
  /** Set when part of the plan lies where no official holiday data exists (only weekends and feestdagen count). */
  melding?: string;
}

/**
 * The herbeoordeling of a TLV that ends on `einddatum`, computed backwards: the new TLV is decided
 * on the last school day before the end date; the assessment takes the policy's decision term in
 * school weeks (5 school days each: it does not run in school holidays, and the statutory term, in
 * calendar weeks, ends by that day too); before the application lies the internal evaluation with the
 * parents (`evaluatieWekenVoorAanvraag` school weeks); reminders go out the policy's calendar weeks
 * before the application date, on the previous school day when that is none. So a TLV ending on
 * 31 July needs its application weeks before the summer holiday.
 *
 * EMB (`emb: true`): the SO stay ends; the new TLV for the VSO is requested at the SWV VO (seed 001
 * L1173–1174), whose term is `herbeoordeling.emb.beslistermijnVsoWeken`.
 */
export function herbeoordelingsPlanning(
  einddatum: IsoDate,
  school: {
    regio: Regio;
    /** The case's copy of its calendar; without it, the region's holidays. */
    rooster?: SchoolRooster;
    /** With `rooster`: where its copy has no official holiday data (`regionaleKalender`). */
    zonderVakantiegegevensVanaf?: IsoDate;
    emb?: boolean;
  },
  policy: Policy,
): HerbeoordelingsPlanning {
  parseIsoDate(einddatum);
  const { regio, rooster, emb } = school;
  const h = policy.tlv.herbeoordeling;

  // Without holiday data for the summer around the end date, the plan must not count the summer as
  // school weeks: it assumes the zomervakantie starts on the first Saturday of July (the earliest
  // start of the copied years: noord 2026, zuid 2030) and says so; the case re-plans once it
  // extends its calendar with the official dates.
  const { y, m } = parseIsoDate(einddatum);
  const vanaf = rooster
    ? school.zonderVakantiegegevensVanaf
    : regionaleKalender(regio, addDays(einddatum, -366), einddatum).zonderVakantiegegevensVanaf;
  const zomerBekend = rooster
    ? rooster.some((v) => /zomer/i.test(v.naam) && parseIsoDate(v.van).y === y)
    : !vanaf || compareDates(vanaf, isoDate(y, 7, 1)) > 0;
  const zomerGeschat = !zomerBekend && m >= 7 && m <= 9 ? eersteZaterdagVanJuli(y) : undefined;
  const grens = zomerGeschat && compareDates(zomerGeschat, einddatum) <= 0 ? zomerGeschat : einddatum;
  const besluit = previousSchoolDay(addDays(grens, -1), regio, rooster);
  const eindReden = nonSchoolDayReason(einddatum, regio, rooster);
  const besluitUiterlijk: Dated = {
    datum: besluit,
    regel:
      grens === einddatum
        ? `laatste schooldag vóór de einddatum van de TLV (${formatDutchDate(einddatum)}${eindReden ? `, ${eindReden}` : ''})`
        : `laatste schooldag vóór de einddatum van de TLV (${formatDutchDate(einddatum)}) en vóór de zomervakantie; de zomervakantie ${y} is nog niet bekend: aangenomen is dat die op ${formatDutchDate(grens)} begint`,
  };

  const termijn = emb ? h.emb.beslistermijnVsoWeken : policy.tlv.beslistermijnWeken;
  let aanvraag = addSchoolDays(besluit, -5 * termijn.waarde, regio, rooster);
  // The statutory term (calendar weeks, Algemene termijnenwet) must end by `besluit` as well.
  while (compareDates(wekenNa(aanvraag, termijn.waarde, termijn.regel, '', policy).datum, besluit) > 0)
    aanvraag = addSchoolDays(aanvraag, -1, regio, rooster);
  const aanvraagUiterlijk: Dated = {
    datum: aanvraag,
    regel: `${meervoud(termijn.waarde, 'schoolweek', 'schoolweken')} vóór ${formatDutchDate(besluit)}: de beoordeling duurt ten hoogste ${meervoud(termijn.waarde, 'week', 'weken')} (${termijn.regel}) en loopt niet door in schoolvakanties`,
  };

  const ev = h.evaluatieWekenVoorAanvraag;
  const evaluatie = addSchoolDays(aanvraag, -5 * ev.waarde, regio, rooster);
  const evaluatieUiterlijk: Dated = {
    datum: evaluatie,
    regel: `${meervoud(ev.waarde, 'schoolweek', 'schoolweken')} vóór de uiterste aanvraagdatum ${formatDutchDate(aanvraag)} (${ev.regel})`,
  };

  const setting = h.herinneringenWekenVoorAanvraag;
  const herinneringen: HerbeoordelingHerinnering[] = [];
  for (const weken of [...new Set(setting.waarde)].sort((a, b) => b - a)) {
    const ruw = addWeeks(aanvraag, -weken);
    const reden = nonSchoolDayReason(ruw, regio, rooster);
    const datum = reden ? previousSchoolDay(ruw, regio, rooster) : ruw;
    if (herinneringen.some((x) => x.datum === datum)) continue;
    const soort = compareDates(datum, evaluatie) <= 0 ? 'evaluatie' : emb ? 'aanvraag-vso' : 'aanvraag';
    const wat =
      soort === 'evaluatie'
        ? `houd de interne evaluatie met de ouders uiterlijk ${formatDutchDate(evaluatie)}`
        : soort === 'aanvraag'
          ? `dien de aanvraag voor herbeoordeling uiterlijk ${formatDutchDate(aanvraag)} in`
          : `vraag de nieuwe toelaatbaarheidsverklaring voor het VSO uiterlijk ${formatDutchDate(aanvraag)} aan (${h.emb.aanvraagVso.regel})`;
    const verschoven = reden ? `, verschoven naar de vorige schooldag (${reden})` : '';
    herinneringen.push({
      datum,
      soort,
      wekenVoor: weken,
      regel: `${meervoud(weken, 'week', 'weken')} vóór de uiterste aanvraagdatum${verschoven} (${setting.regel}): ${wat}`,
    });
  }
  herinneringen.sort((a, b) => compareDates(a.datum, b.datum));
  const planning: HerbeoordelingsPlanning = { besluitUiterlijk, aanvraagUiterlijk, evaluatieUiterlijk, herinneringen };
  const eerste = herinneringen[0]?.datum ?? evaluatie;
  const zonderGegevens = zomerGeschat !== undefined || (vanaf !== undefined && compareDates(vanaf, einddatum) <= 0);
  if (!zonderGegevens) return planning;
  return {
    ...planning,
    melding: `Voor (een deel van) de periode van ${formatDutchDate(eerste)} tot ${formatDutchDate(einddatum)} zijn nog geen officiële schoolvakanties bekend: de planning telt daar alleen weekenden en feestdagen als vrije dagen en wordt herberekend zodra de vakanties bekend zijn.`,
  };
}

function eersteZaterdagVanJuli(jaar: number): IsoDate {
  const eerste = isoDate(jaar, 7, 1);
  return addDays(eerste, (6 - weekday(eerste) + 7) % 7);
}

// ---------------------------------------------------------------------------------------------
// Teldatum

function teldatumIn(jaar: number, policy: Policy): IsoDate {
  const [m, d] = policy.tlv.teldatum.datum.waarde.split('-').map(Number);
  return isoDate(jaar, m!, d!);
}

/** The first teldatum on or after `startdatum`: the count in which a pupil starting then is first counted at the new school. */
export function teldatumVoor(startdatum: IsoDate, policy: Policy): Dated {
  const { y } = parseIsoDate(startdatum);
  const dit = teldatumIn(y, policy);
  const datum = compareDates(dit, startdatum) >= 0 ? dit : teldatumIn(y + 1, policy);
  return { datum, regel: `eerstvolgende teldatum (${policy.tlv.teldatum.datum.regel})` };
}

export interface TeldatumMelding {
  /** The teldatum the start date falls shortly after. */
  teldatum: IsoDate;
  melding: string;
  regel: string;
}

/**
 * A warning when a TLV's start date (the transfer to the S(B)O) falls after a teldatum by at most
 * `waarschuwingWekenNa` weeks: a transfer around the teldatum is expected before it (seed 001
 * L2008–2012). A start on the teldatum itself is counted there, so it gets none. Else undefined.
 */
export function teldatumMelding(startdatum: IsoDate, policy: Policy): TeldatumMelding | undefined {
  const { y } = parseIsoDate(startdatum);
  const t = policy.tlv.teldatum;
  for (const teldatum of [teldatumIn(y, policy), teldatumIn(y - 1, policy)]) {
    const na = compareDates(startdatum, teldatum) > 0;
    if (!na || compareDates(startdatum, addWeeks(teldatum, t.waarschuwingWekenNa.waarde)) > 0) continue;
    return {
      teldatum,
      melding: `De overstap naar het S(B)O is gepland op ${formatDutchDate(startdatum)}, kort na de teldatum ${formatDutchDate(teldatum)}. Verwacht wordt dat een overstap rond de teldatum vóór de teldatum plaatsvindt.`,
      regel: `${t.waarschuwingWekenNa.regel}; ${t.datum.regel}`,
    };
  }
  return undefined;
}
