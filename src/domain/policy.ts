/**
 * The policy of a samenwerkingsverband: every term the workflows use, each with the rule it comes from.
 *
 * Why `{ waarde, regel, toelichting }` everywhere: a coordinator must see why a date is what it is
 * (domain README: "Every deadline the product computes records which rule produced it"). `regel` is
 * the short citation shown next to a computed date ('WPO art. 40 lid 4', 'seed 001 L1993',
 * 'productstandaard'); `toelichting` holds the wording or the reason.
 */
import { z } from 'zod';
import { isValidIsoDate } from './dates';
import { regioSchema, wallTimeSchema } from './schemas';

const regelSchema = z
  .string({ error: 'regel ontbreekt: elke instelling noemt de regel waar hij vandaan komt' })
  .trim()
  .min(1, { error: 'regel mag niet leeg zijn: noem de wet, de regel in het ondersteuningsplan of "productstandaard"' });

function instelling<T extends z.ZodType>(waarde: T) {
  return z.object({
    waarde,
    regel: regelSchema,
    toelichting: z.string().optional(),
  });
}

const weken = (wat: string) =>
  z
    .number({ error: `${wat}: verwacht een aantal weken (getal)` })
    .int({ error: `${wat}: verwacht een geheel aantal weken` })
    .min(1, { error: `${wat}: minimaal 1 week` })
    .max(52, { error: `${wat}: maximaal 52 weken` });

const dagenLijst = (wat: string) =>
  z
    .array(
      z
        .number({ error: `${wat}: verwacht getallen` })
        .int({ error: `${wat}: verwacht gehele getallen` })
        .min(1, { error: `${wat}: minimaal 1 dag van tevoren` })
        .max(365, { error: `${wat}: maximaal 365 dagen van tevoren` }),
      { error: `${wat}: verwacht een lijst van getallen` },
    )
    .max(10, { error: `${wat}: maximaal 10 herinneringen` });

/** One rung of an impasse escalation ladder (P2), e.g. SPOW E1–E7 (seed 001 L817–852). */
export const impasseTredeSchema = z.object({
  code: z.string().regex(/^E\d+$/, { error: 'code van een trede is E1, E2, …' }),
  omschrijving: z.string().min(1, { error: 'omschrijving van de trede ontbreekt' }),
  eigenaar: z.string().min(1, { error: 'eigenaar van de trede ontbreekt' }),
  regel: regelSchema,
  /** Overrides impasse.serviceniveauSchooldagen for this rung. */
  serviceniveauSchooldagen: instelling(z.number().int().min(1).max(200)).optional(),
});

/**
 * How the end date of a TLV is set.
 * - 'groepsafhankelijk': SPOW addendum (seed 001 L1996–2002; EMB L1166–1171).
 * - 'expliciet': no standard rule; each TLV states its own end date.
 */
export const tlvDuurSchema = z.discriminatedUnion(
  'soort',
  [
    z.object({
      soort: z.literal('groepsafhankelijk'),
      vanafGroep4: regelSchema,
      totGroep3: regelSchema,
      inGroep3: regelSchema,
      afwijking: regelSchema,
      emb: regelSchema,
    }),
    z.object({ soort: z.literal('expliciet'), regel: regelSchema }),
  ],
  { error: "tlv.duur.soort moet 'groepsafhankelijk' of 'expliciet' zijn" },
);

/** Who takes a step of the bezwaar route, and the rule that says so. */
const routeStapSchema = (wat: string) =>
  z.object({
    door: z
      .string({ error: `${wat}: noem wie deze stap zet` })
      .trim()
      .min(1, { error: `${wat}: noem wie deze stap zet` }),
    regel: regelSchema,
    toelichting: z.string().optional(),
  });

/**
 * Bezwaar against a TLV decision (Awb chapter 6–7) and the route after it, as data: the generic Awb
 * route (advice of the LBT, the SWV's board decides, then beroep) or the SWV's own (SPPOH: the
 * directeur decides on behalf of the board, seed 000 L298).
 */
export const tlvBezwaarSchema = z.object({
  /** Awb 6:7: six weeks, from the day after the decision was sent (Awb 6:8). */
  termijnWeken: instelling(weken('tlv.bezwaar.termijnWeken')),
  /** Awb 6:9 (posted in time) and 6:11 (excusable lateness): a late bezwaar is judged, not refused. */
  teLaat: z.object({ regel: regelSchema, toelichting: z.string().optional() }),
  /** Who may object (belanghebbenden, Awb 1:2), e.g. ouders and the school board. */
  indieners: instelling(
    z.array(z.string().trim().min(1)).min(1, { error: 'tlv.bezwaar.indieners: noem wie bezwaar kan maken' }),
  ),
  /** The advisory committee of Awb 7:13 (the LBT). */
  advies: routeStapSchema('tlv.bezwaar.advies'),
  /** Who decides on the bezwaar. */
  beslissing: routeStapSchema('tlv.bezwaar.beslissing'),
  /** Awb 7:10 lid 1: twelve weeks with a committee, from the end of the bezwaartermijn. */
  beslistermijnWeken: instelling(weken('tlv.bezwaar.beslistermijnWeken')),
  /** Awb 7:10 lid 3: once, by at most six weeks. */
  verdagingMaxWeken: instelling(weken('tlv.bezwaar.verdagingMaxWeken')),
  /** Reminders to the SWV before the decision on bezwaar (days before, moved to a school day). */
  herinneringenDagenVoor: instelling(dagenLijst('tlv.bezwaar.herinneringenDagenVoor')),
  /** After the decision on bezwaar: beroep at the rechtbank, within `termijnWeken` (Awb 8:1, 6:7). */
  beroep: routeStapSchema('tlv.bezwaar.beroep').extend({
    termijnWeken: instelling(weken('tlv.bezwaar.beroep.termijnWeken')),
  }),
});

/**
 * Herbeoordeling before a TLV ends, computed backwards from its end date (tlv.ts,
 * `herbeoordelingsPlanning`): the internal evaluation with the parents, the application, the
 * assessment (tlv.beslistermijnWeken, in school weeks) before the last school day.
 */
export const tlvHerbeoordelingSchema = z
  .object({
    /** School weeks between the internal evaluation with the parents and the application. */
    evaluatieWekenVoorAanvraag: instelling(weken('tlv.herbeoordeling.evaluatieWekenVoorAanvraag')),
    /** Reminders to the S(B)O school, calendar weeks before the last application date. */
    herinneringenWekenVoorAanvraag: instelling(
      z
        .array(
          z
            .number({ error: 'tlv.herbeoordeling.herinneringenWekenVoorAanvraag: verwacht getallen' })
            .int({ error: 'tlv.herbeoordeling.herinneringenWekenVoorAanvraag: verwacht gehele getallen' })
            .min(1, { error: 'tlv.herbeoordeling.herinneringenWekenVoorAanvraag: minimaal 1 week van tevoren' })
            .max(52, { error: 'tlv.herbeoordeling.herinneringenWekenVoorAanvraag: maximaal 52 weken van tevoren' }),
        )
        .min(1, { error: 'tlv.herbeoordeling.herinneringenWekenVoorAanvraag: minimaal één herinnering' })
        .max(10, { error: 'tlv.herbeoordeling.herinneringenWekenVoorAanvraag: maximaal 10 herinneringen' }),
    ),
    /**
     * EMB: the SO stay ends; the new TLV for the VSO is requested at the SWV VO (seed 001 L1173–1174),
     * whose decision term this is (in school weeks).
     */
    emb: z.object({
      aanvraagVso: z.object({ regel: regelSchema, toelichting: z.string().optional() }),
      beslistermijnVsoWeken: instelling(weken('tlv.herbeoordeling.emb.beslistermijnVsoWeken')),
    }),
  })
  .refine(
    // So the last reminder, after the evaluation, asks for the application (for EMB: at the SWV VO).
    (h) => Math.min(...h.herinneringenWekenVoorAanvraag.waarde) < h.evaluatieWekenVoorAanvraag.waarde,
    {
      error:
        'tlv.herbeoordeling.herinneringenWekenVoorAanvraag: minstens één herinnering valt na de interne evaluatie (minder weken vóór de aanvraag dan evaluatieWekenVoorAanvraag)',
      path: ['herinneringenWekenVoorAanvraag'],
    },
  );

/**
 * The counting date (teldatum) of the funding, and how long after it a planned transfer to the
 * S(B)O is worth a warning (seed 001 L2008–2012: a transfer around the teldatum is done before it).
 */
export const tlvTeldatumSchema = z.object({
  /** Month and day, 'MM-DD' (1 February since 1 January 2023: seed 000 L667–669, seed 004 L723). */
  datum: instelling(
    z
      .string({ error: "tlv.teldatum.datum: verwacht maand en dag als 'MM-DD'" })
      // 2001 is a common year: '02-29' would be a teldatum in one year of four.
      .refine((md) => /^\d{2}-\d{2}$/.test(md) && isValidIsoDate(`2001-${md}`), {
        error: "tlv.teldatum.datum: verwacht een bestaande maand en dag als 'MM-DD', bijvoorbeeld '02-01'",
      }),
  ),
  /** A start date up to this many weeks after the teldatum gets a warning. */
  waarschuwingWekenNa: instelling(weken('tlv.teldatum.waarschuwingWekenNa')),
});

/** Month and day 'MM-DD' of a date that recurs every year ('02-29' is refused: it would come one year in four). */
const maandDag = (wat: string) =>
  z
    .string({ error: `${wat}: verwacht maand en dag als 'MM-DD'` })
    // 2001 is a common year: '02-29' would be a date in one year of four.
    .refine((md) => /^\d{2}-\d{2}$/.test(md) && isValidIsoDate(`2001-${md}`), {
      error: `${wat}: verwacht een bestaande maand en dag als 'MM-DD', bijvoorbeeld '10-01'`,
    });

/**
 * Terugplaatsing: the return of a pupil from the S(B)O to a regular school (or from the SO to the
 * SBO). The law leaves its policy and procedure to the SWV (WPO art. 18a; seed 001 L1148–1151).
 */
export const terugplaatsingSchema = z.object({
  /** The evaluation takes place within this many calendar weeks after the start at the receiving school. */
  evaluatieWeken: instelling(weken('terugplaatsing.evaluatieWeken')),
  /** With a symbioseregeling: the evaluation and the decision on the full transfer, weeks after the start. */
  symbioseEvaluatieWeken: instelling(weken('terugplaatsing.symbioseEvaluatieWeken')),
  /** Reminders before the evaluation deadline (calendar days before, moved to the previous school day). */
  herinneringenDagenVoor: instelling(dagenLijst('terugplaatsing.herinneringenDagenVoor')),
  /** A step of Stap 1–3 without progress for this many school weeks is shown to the coordinator. */
  serviceniveauSchoolweken: instelling(weken('terugplaatsing.serviceniveauSchoolweken')),
  /** The yearly screening moments ('MM-DD', one or two, distinct) agreed by the S(B)O school and the OA. */
  screening: instelling(
    z
      .array(maandDag('terugplaatsing.screening'), {
        error: "terugplaatsing.screening: verwacht een lijst van data als 'MM-DD'",
      })
      .min(1, { error: 'terugplaatsing.screening: minimaal één screeningsmoment per jaar' })
      .max(2, { error: 'terugplaatsing.screening: maximaal twee screeningsmomenten per jaar' })
      .refine((lijst) => new Set(lijst).size === lijst.length, {
        error: 'terugplaatsing.screening: elk screeningsmoment mag maar één keer voorkomen',
      }),
  ),
});

export const policySchema = z.object({
  code: z
    .string({ error: 'code ontbreekt' })
    .regex(/^[a-z0-9-]+$/, { error: 'code mag alleen kleine letters, cijfers en streepjes bevatten (bijv. "spow")' }),
  naam: z.string({ error: 'naam ontbreekt' }).trim().min(1, { error: 'naam mag niet leeg zijn' }),
  /** Default vakantieregio for the SWV's schools (a school can still have its own rooster). */
  regio: regioSchema,
  regioRegel: regelSchema.optional(),
  /** Wall-clock times in Europe/Amsterdam at which reminders and deadline effects fire. */
  tijden: z
    .object({
      herinnering: wallTimeSchema.default('08:00'),
      deadline: wallTimeSchema.default('17:00'),
      tijdzone: z
        .literal('Europe/Amsterdam', { error: "tijdzone is altijd 'Europe/Amsterdam'" })
        .default('Europe/Amsterdam'),
    })
    .default({ herinnering: '08:00', deadline: '17:00', tijdzone: 'Europe/Amsterdam' }),
  /**
   * How terms are computed (termijnenwet.ts). Absent: as the law says. Only a workflow replaying a
   * case started before the correction of 2026-12 sets 'voor-2026-12'; no policy file does.
   */
  rekenwijze: z.enum(['atw', 'voor-2026-12']).optional(),
  zorgplicht: z.object({
    beslistermijnWeken: instelling(weken('zorgplicht.beslistermijnWeken')),
    verlengingMaxWeken: instelling(weken('zorgplicht.verlengingMaxWeken')),
    tijdelijkePlaatsingNaWeken: instelling(weken('zorgplicht.tijdelijkePlaatsingNaWeken')),
    herinneringenDagenVoor: instelling(dagenLijst('zorgplicht.herinneringenDagenVoor')),
  }),
  impasse: z.object({
    serviceniveauSchooldagen: instelling(
      z
        .number({ error: 'impasse.serviceniveauSchooldagen: verwacht een aantal schooldagen' })
        .int({ error: 'impasse.serviceniveauSchooldagen: verwacht een geheel getal' })
        .min(1, { error: 'impasse.serviceniveauSchooldagen: minimaal 1 schooldag' })
        .max(200, { error: 'impasse.serviceniveauSchooldagen: maximaal 200 schooldagen' }),
    ),
    herinneringenSchooldagenVoor: instelling(dagenLijst('impasse.herinneringenSchooldagenVoor')),
    /** The SWV's escalation ladder; empty when its plan describes none. */
    ladder: z.array(impasseTredeSchema).default([]),
    /**
     * The school boards with a seat in the Dagelijks Bestuur: when the advised school's board is not
     * among them, it is invited before the DB decides bindingly (seed 001 L848–849).
     */
    dagelijksBestuur: instelling(z.array(z.string().trim().min(1)).min(1)).optional(),
  }),
  tlv: z.object({
    beslistermijnWeken: instelling(weken('tlv.beslistermijnWeken')),
    /** Reminders to the deskundigen before the assessment term ends. */
    herinneringenDagenVoor: instelling(dagenLijst('tlv.herinneringenDagenVoor')),
    bezwaar: tlvBezwaarSchema,
    duur: tlvDuurSchema,
    herbeoordeling: tlvHerbeoordelingSchema,
    teldatum: tlvTeldatumSchema,
  }),
  /** Terugplaatsing from the S(B)O (terugplaatsing.ts). */
  terugplaatsing: terugplaatsingSchema,
});

/** A validated policy (defaults applied). */
export type Policy = z.output<typeof policySchema>;
/** What a caller may write (defaults optional). */
export type PolicyInput = z.input<typeof policySchema>;
export type Instelling<T> = { waarde: T; regel: string; toelichting?: string };
export type ImpasseTrede = z.output<typeof impasseTredeSchema>;

export type ParsePolicyResult =
  { success: true; policy: Policy } | { success: false; errors: string[]; error: z.ZodError };

/** Validates untrusted input; `errors` are readable Dutch lines like "zorgplicht.beslistermijnWeken.waarde: …". */
export function parsePolicy(input: unknown): ParsePolicyResult {
  const r = policySchema.safeParse(input);
  if (r.success) return { success: true, policy: r.data };
  const errors = r.error.issues.map((i) => {
    const pad = i.path.map(String).join('.');
    return pad ? `${pad}: ${i.message}` : i.message;
  });
  return { success: false, errors, error: r.error };
}
