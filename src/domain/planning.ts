/**
 * The timed steps of a case, derived from its state: which reminders and which deadline moments
 * are still ahead. Pure (no clock: "now" comes in), so a workflow re-plans from its state after every
 * change and a test can ask what a state plans. The case kernel drops steps already taken (by key)
 * and sorts them by moment.
 */
import { addDays, toInstant } from './dates';
import {
  herinneringen,
  impasseHerinneringen,
  termijnVerstreken,
  type Dated,
  type HerinneringOpties,
} from './deadlines';
import type { SchoolRooster } from './holidays';
import { terugplaatsingHerinneringen } from './terugplaatsing';
import type { Policy } from './policy';
import type { Regio } from './regio';

/** A step at a moment; `sleutel` is unique in the case, so a step is taken once. */
export interface Moment<S extends string = string> {
  sleutel: string;
  soort: S;
  /** Epoch ms. */
  at: number;
  datum: string;
  regel: string;
}

export interface ZorgplichtMoment extends Moment<
  'herinnering' | 'laatste-dag' | 'termijn-overschreden' | 'tijdelijke-plaatsing' | 'informatie-te-laat'
> {
  deadline: Dated & { soort: string };
}

export interface ZorgplichtStand {
  beslistermijn: Dated;
  plaatsing: Dated;
  termijnOverschreden: boolean;
  tijdelijkGeplaatst: boolean;
  /** Reminders at or before this moment are not planned: they were past when the case was (re)planned. */
  geplandOp: number;
  /** Enrolled at another school: no temporary placement follows, so no warning announces one. */
  ingeschrevenElders?: unknown;
  /** The school's requests for information to the parents: an open one past its date reminds the school. */
  informatieverzoeken?: { uiterlijk: string; antwoord?: unknown }[];
}

/**
 * P1: reminders to the school before each deadline, a warning on its last day, the overdue mark once
 * that day is over, and the temporary placement on the day after the 10 weeks (WPO art. 40).
 */
export function zorgplichtMomenten(
  s: ZorgplichtStand,
  policy: Policy,
  regio: Regio,
  kalender: SchoolRooster,
): ZorgplichtMoment[] {
  const { herinnering, tijdzone } = policy.tijden;
  const momenten: ZorgplichtMoment[] = [];
  const deadlines = [
    { ...s.beslistermijn, soort: 'beslistermijn', naam: 'beslisdatum' },
    ...(s.tijdelijkGeplaatst
      ? []
      : [{ ...s.plaatsing, soort: 'tijdelijke-plaatsing', naam: 'datum van tijdelijke plaatsing' }]),
  ];
  const herinnerd = new Set<string>();
  for (const deadline of deadlines) {
    if (deadline.soort === 'tijdelijke-plaatsing' && deadline.datum === s.beslistermijn.datum) continue;
    for (const h of herinneringen(deadline, policy, regio, kalender, { naam: deadline.naam })) {
      if (herinnerd.has(h.datum)) continue;
      herinnerd.add(h.datum);
      const at = toInstant(h.datum, herinnering, tijdzone);
      if (at <= s.geplandOp) continue;
      momenten.push({
        sleutel: `herinnering/${deadline.soort}/${deadline.datum}/${h.datum}`,
        soort: 'herinnering',
        at,
        deadline,
        regel: h.regel,
        datum: h.datum,
      });
    }
    // The last day itself: the school and coordinator are warned that morning (cases of before 2026-12 were not).
    const at = toInstant(deadline.datum, herinnering, tijdzone);
    const voorbij = deadline.soort === 'beslistermijn' ? s.termijnOverschreden : Boolean(s.ingeschrevenElders);
    if (policy.rekenwijze !== 'voor-2026-12' && !voorbij && !herinnerd.has(deadline.datum) && at > s.geplandOp) {
      herinnerd.add(deadline.datum);
      momenten.push({
        sleutel: `laatste-dag/${deadline.soort}/${deadline.datum}`,
        soort: 'laatste-dag',
        at,
        deadline,
        regel: deadline.regel,
        datum: deadline.datum,
      });
    }
  }
  const moment = (
    soort: 'termijn-overschreden' | 'tijdelijke-plaatsing',
    d: Dated,
    deadline: string,
  ): ZorgplichtMoment => ({
    sleutel: `${soort}/${d.datum}`,
    soort,
    at: termijnVerstreken(d.datum, policy),
    deadline: { ...d, soort: deadline },
    regel: d.regel,
    datum: d.datum,
  });
  // With the full extension the decision deadline is the placement date: the placement says it all.
  if (!s.termijnOverschreden && !(s.tijdelijkGeplaatst || s.beslistermijn.datum === s.plaatsing.datum)) {
    momenten.push(moment('termijn-overschreden', s.beslistermijn, 'beslistermijn'));
  }
  if (!s.tijdelijkGeplaatst) momenten.push(moment('tijdelijke-plaatsing', s.plaatsing, 'tijdelijke-plaatsing'));
  // The parents' answer is late: the school hears it the morning after the date it asked for.
  for (const [nr, v] of (s.informatieverzoeken ?? []).entries()) {
    if (v.antwoord) continue;
    const regel = 'ouders werken mee aan het onderzoek en geven de gevraagde informatie; de beslistermijn loopt door';
    momenten.push({
      sleutel: `informatie-te-laat/${nr + 1}/${v.uiterlijk}`,
      soort: 'informatie-te-laat',
      at: toInstant(addDays(v.uiterlijk, 1), herinnering, tijdzone),
      deadline: { datum: v.uiterlijk, regel, soort: 'informatie' },
      regel,
      datum: addDays(v.uiterlijk, 1),
    });
  }
  return momenten;
}

export interface ImpasseStand {
  niveau: string;
  /** Epoch ms: since when the case is on this rung. */
  niveauSinds: number;
  /** Epoch ms: when the case was registered (a melding registered late skips reminders already past). */
  geregistreerd: number;
  serviceniveau: Dated;
  vastgelopen: boolean;
}

/** P2: reminders to the rung's owner before its service level, and the moment it counts as stuck. */
export function impasseMomenten(
  s: ImpasseStand,
  policy: Policy,
  regio: Regio,
  kalender: SchoolRooster,
): Moment<'herinnering' | 'vastgelopen'>[] {
  const { herinnering, deadline, tijdzone } = policy.tijden;
  const sn = s.serviceniveau;
  const momenten: Moment<'herinnering' | 'vastgelopen'>[] = impasseHerinneringen(sn, policy, regio, kalender)
    .map((h) => ({
      sleutel: `${s.niveau}/herinnering/${h.datum}`,
      soort: 'herinnering' as const,
      at: toInstant(h.datum, herinnering, tijdzone),
      datum: h.datum,
      regel: h.regel,
    }))
    .filter((m) => m.at > Math.max(s.niveauSinds, s.geregistreerd));
  if (!s.vastgelopen) {
    momenten.push({
      sleutel: `${s.niveau}/vastgelopen/${sn.datum}`,
      soort: 'vastgelopen',
      at: toInstant(sn.datum, deadline, tijdzone),
      datum: sn.datum,
      regel: sn.regel,
    });
  }
  return momenten;
}

export interface TlvMoment extends Moment<
  | 'herinnering'
  | 'beoordeling-te-laat'
  | 'herinnering-bezwaar'
  | 'herinnering-herbeoordeling'
  | 'laatste-schooljaar'
  | 'verlopen'
  | 'afgerond'
  | 'nieuw-schooljaar'
> {
  /** The deadline the step belongs to (`soort` as the view's deadlines name it). */
  deadline?: string;
}

export interface TlvStand {
  /** Absent while the aanvraag is incomplete: nothing to remind of yet. */
  beoordelingstermijn?: Dated;
  /** The 2nd deskundige decided: no reminder, no lateness. */
  besloten: boolean;
  teLaat: boolean;
  /** Open bezwaren: their decision date (`nr` keeps the keys apart). */
  bezwaren: { nr: number; beslisdatum: Dated }[];
  /**
   * The herbeoordeling reminders to the S(B)O school still relevant (src/domain/tlv.ts
   * herbeoordelingsPlanning, computed backwards from the end date), while the school has not yet
   * applied or chosen otherwise.
   */
  herbeoordeling?: { einddatum: string; herinneringen: (Dated & { soort: string })[] };
  /** A granted TLV's end date: the case lapses once that day is over. */
  einddatum?: Dated;
  /** The S(B)O board's reminder in the TLV's last school year (Almere, seed 002 L649), if the policy has it. */
  laatsteSchooljaar?: Dated;
  /** A refusal's bezwaar window, while no bezwaar came in: the case is done once it is over. */
  afwijzingBezwaartermijn?: Dated;
  /** The last day of the school year this run started in: the next run starts the day after. */
  schooljaarEinde: string;
  /** Reminders at or before this moment are not planned (they were past when the case was planned). */
  geplandOp: number;
}

/**
 * P3: the deskundigen reminded before the assessment term and the directeur told once it passed
 * undecided; the SWV reminded before its decision on a bezwaar; the lapse at the end date; and a new
 * run every school year (a TLV case lives for years: its history stays short).
 */
export function tlvMomenten(s: TlvStand, policy: Policy, regio: Regio, kalender: SchoolRooster): TlvMoment[] {
  const { herinnering, tijdzone } = policy.tijden;
  const momenten: TlvMoment[] = [];
  const herinner = (
    d: Dated,
    soort: 'herinnering' | 'herinnering-bezwaar',
    deadline: string,
    opties: HerinneringOpties,
  ) => {
    for (const h of herinneringen(d, policy, regio, kalender, opties)) {
      const at = toInstant(h.datum, herinnering, tijdzone);
      if (at > s.geplandOp)
        momenten.push({
          sleutel: `${soort}/${deadline}/${d.datum}/${h.datum}`,
          soort,
          at,
          datum: h.datum,
          regel: h.regel,
          deadline,
        });
    }
  };
  if (!s.besloten && s.beoordelingstermijn) {
    herinner(s.beoordelingstermijn, 'herinnering', 'beoordelingstermijn', {
      naam: 'einde van de beoordelingstermijn',
      dagenVoor: policy.tlv.herinneringenDagenVoor,
    });
    if (!s.teLaat)
      momenten.push({
        sleutel: `beoordeling-te-laat/${s.beoordelingstermijn.datum}`,
        soort: 'beoordeling-te-laat',
        at: termijnVerstreken(s.beoordelingstermijn.datum, policy),
        datum: s.beoordelingstermijn.datum,
        regel: s.beoordelingstermijn.regel,
        deadline: 'beoordelingstermijn',
      });
  }
  for (const b of s.bezwaren)
    herinner(b.beslisdatum, 'herinnering-bezwaar', `beslistermijn-bezwaar-${b.nr}`, {
      naam: 'beslisdatum op bezwaar',
      dagenVoor: policy.tlv.bezwaar.herinneringenDagenVoor,
    });
  for (const h of s.herbeoordeling?.herinneringen ?? []) {
    const at = toInstant(h.datum, herinnering, tijdzone);
    if (at > s.geplandOp)
      momenten.push({
        sleutel: `herbeoordeling/${s.herbeoordeling!.einddatum}/${h.soort}/${h.datum}`,
        soort: 'herinnering-herbeoordeling',
        at,
        datum: h.datum,
        regel: h.regel,
        deadline: 'herbeoordeling-aanvraag',
      });
  }
  if (s.einddatum && s.laatsteSchooljaar) {
    const at = toInstant(s.laatsteSchooljaar.datum, herinnering, tijdzone);
    if (at > s.geplandOp)
      momenten.push({
        sleutel: `laatste-schooljaar/${s.einddatum.datum}`,
        soort: 'laatste-schooljaar',
        at,
        datum: s.laatsteSchooljaar.datum,
        regel: s.laatsteSchooljaar.regel,
        deadline: 'einddatum',
      });
  }
  if (s.einddatum)
    momenten.push({
      sleutel: `verlopen/${s.einddatum.datum}`,
      soort: 'verlopen',
      at: termijnVerstreken(s.einddatum.datum, policy),
      datum: s.einddatum.datum,
      regel: s.einddatum.regel,
      deadline: 'einddatum',
    });
  // A bezwaar posted on the window's last day still counts if it arrives within a week (Awb 6:9
  // lid 2): a refused TLV closes a week after its window, so such a bezwaar can still be recorded.
  if (s.afwijzingBezwaartermijn) {
    const datum = addDays(s.afwijzingBezwaartermijn.datum, 7);
    momenten.push({
      sleutel: `afgerond/${datum}`,
      soort: 'afgerond',
      at: termijnVerstreken(datum, policy),
      datum,
      regel: `${s.afwijzingBezwaartermijn.regel}, en een week voor een op tijd gepost bezwaar (Algemene wet bestuursrecht, artikel 6:9 lid 2)`,
      deadline: 'bezwaartermijn',
    });
  }
  // Last, on purpose: a lapse on 31 July and the new school year fall on the same instant; the
  // kernel keeps the order of equal moments, so the case lapses first and does not continue.
  const nieuw = addDays(s.schooljaarEinde, 1);
  momenten.push({
    sleutel: `nieuw-schooljaar/${nieuw}`,
    soort: 'nieuw-schooljaar',
    at: toInstant(nieuw, '00:00', tijdzone),
    datum: nieuw,
    regel: 'een TLV-zaak begint elk schooljaar een nieuwe run (de geschiedenis blijft kort)',
  });
  return momenten;
}

export type TerugplaatsingMoment = Moment<'herinnering' | 'evaluatie-te-laat' | 'vastgelopen'>;

export interface TerugplaatsingStand {
  /** A negative decision starts a new round: its steps have new keys. */
  ronde: number;
  /** The evaluation deadline, while the start is recorded (4.1) and the evaluation (4.2) not. */
  evaluatie?: Dated;
  /** Epoch ms: when the start was recorded; reminders before it were past already. */
  evaluatieSinds?: number;
  evaluatieTeLaat: boolean;
  /** While a step of Stap 1–3 is open (no plaatsingstafel running): its service level, from the last progress. */
  serviceniveau?: Dated & { sinds: number };
}

/**
 * P4: reminders to the receiving school and the OA before the evaluation deadline, the mark once its
 * day is over, and the moment a step of Stap 1–3 stalls past the policy's service level.
 */
export function terugplaatsingMomenten(
  s: TerugplaatsingStand,
  policy: Policy,
  regio: Regio,
  kalender: SchoolRooster,
): TerugplaatsingMoment[] {
  const { herinnering, tijdzone } = policy.tijden;
  const momenten: TerugplaatsingMoment[] = [];
  if (s.evaluatie) {
    for (const h of terugplaatsingHerinneringen(s.evaluatie, policy, regio, kalender)) {
      const at = toInstant(h.datum, herinnering, tijdzone);
      if (s.evaluatieSinds !== undefined && at <= s.evaluatieSinds) continue;
      momenten.push({ sleutel: `${s.ronde}/evaluatie/herinnering/${h.datum}`, soort: 'herinnering', at, ...h });
    }
    if (!s.evaluatieTeLaat)
      momenten.push({
        sleutel: `${s.ronde}/evaluatie/te-laat/${s.evaluatie.datum}`,
        soort: 'evaluatie-te-laat',
        at: termijnVerstreken(s.evaluatie.datum, policy),
        datum: s.evaluatie.datum,
        regel: s.evaluatie.regel,
      });
  }
  if (s.serviceniveau)
    momenten.push({
      sleutel: `vastgelopen/${s.serviceniveau.sinds}`,
      soort: 'vastgelopen',
      at: toInstant(s.serviceniveau.datum, herinnering, tijdzone),
      datum: s.serviceniveau.datum,
      regel: s.serviceniveau.regel,
    });
  return momenten;
}
