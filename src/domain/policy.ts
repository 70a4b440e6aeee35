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
import { isoDateSchema, regioSchema, wallTimeSchema } from './schemas';

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
  /**
   * The product's role that acts on this rung of a route of its own (impasse.route.treden; the
   * plaatsingstafel ladder's owners are the impasse process's own). Every shipped route names it.
   * Not the DB: it reads impasses on the plaatsingstafel's own rungs E5 and E6 (src/auth/inzage.ts).
   */
  rol: z
    .enum(['coordinator', 'directeur'], {
      error: "rol van een trede is 'coordinator' of 'directeur'",
    })
    .optional(),
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
    /**
     * SPOW before its addendum (seed 001 L1137–1139): an SO TLV for at least one full school year; an
     * SBO TLV to the next fixed moment at the end of groep 2, 5 or 8; EMB as in 'groepsafhankelijk'.
     */
    z.object({
      soort: z.literal('groepsmomenten'),
      sboEindeGroepen: instelling(z.array(z.number().int().min(1).max(8)).min(1)),
      soMinimaalSchooljaren: instelling(z.number().int().min(1).max(4)),
      emb: regelSchema,
    }),
    /**
     * Almere (seed 002 L629, L637): at least `minimaalSchooljaren` full school years, the duration
     * reasoned from the goals of the placement, a planned return date set at placement; the categories
     * in `zonderMinimum` (SO cat. III, MG, EMB) are exempt from the minimum.
     */
    z.object({
      soort: z.literal('doelgericht'),
      minimaalSchooljaren: instelling(z.number().int().min(1).max(4)),
      terugkeerdatum: z.object({ regel: regelSchema, toelichting: z.string().optional() }),
      zonderMinimum: instelling(z.array(z.string().trim().min(1))),
    }),
    /** PPO-NK (seed 003 L350ff): at least `minimaalJaren` years, as a rule reviewed every year. */
    z.object({
      soort: z.literal('jaarlijks'),
      minimaalJaren: instelling(z.number().int().min(1).max(4)),
      herbeoordeling: z.object({ regel: regelSchema, toelichting: z.string().optional() }),
    }),
    /**
     * VO Groningen Stad (seed 004 L163, L221): for the whole school career, no herbeoordeling; a VSO
     * TLV ends with the school year in which the pupil turns `vsoTotLeeftijd`.
     */
    z.object({
      soort: z.literal('schoolloopbaan'),
      regel: regelSchema,
      vsoTotLeeftijd: instelling(z.number().int().min(16).max(22)),
      toelichting: z.string().optional(),
    }),
  ],
  {
    error:
      "tlv.duur.soort moet 'groepsafhankelijk', 'groepsmomenten', 'expliciet', 'doelgericht', 'jaarlijks' of 'schoolloopbaan' zijn",
  },
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
  /**
   * Steps the SWV's plan puts before the Awb route, e.g. VO Groningen's mediation by the CvA while the
   * bezwaartermijn runs on (seed 004 L197), SPOW's second opinion with written consent (seed 001 L1418–1426).
   */
  voorafgaand: z
    .array(
      routeStapSchema('tlv.bezwaar.voorafgaand').extend({
        /** The bezwaartermijn runs on meanwhile (it is a statutory term: it is not suspended). */
        termijnLooptDoor: z.boolean().default(true),
      }),
    )
    .max(4)
    .optional(),
  /** A dispute body beside the route (the Geschillencommissie passend onderwijs, seed 001 L1435–1443). */
  geschil: routeStapSchema('tlv.bezwaar.geschil').optional(),
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
  /**
   * The S(B)O board's duty in the last school year of a TLV (Almere, seed 002 L645–649): on this day
   * of that school year the S(B)O school is reminded to arrange the pupil's next place.
   */
  laatsteSchooljaar: z
    .object({ datum: instelling(maandDag('terugplaatsing.laatsteSchooljaar.datum')), door: z.string().trim().min(1) })
    .optional(),
  /**
   * The route's variant: the stappenplan (SPOW's Stap 1–5) or VO Groningen's phases VSO → VO, where
   * the VO school decides (seed 004 L347–355). Absent: the stappenplan.
   */
  variant: z
    .object({
      soort: z.enum(['stappenplan', 'vso-vo'], { error: "terugplaatsing.variant.soort is 'stappenplan' of 'vso-vo'" }),
      regel: regelSchema,
      fasen: z
        .array(
          z.object({
            code: z.string().trim().min(1),
            omschrijving: z.string().trim().min(1),
            door: z.string().trim().min(1),
            regel: regelSchema,
          }),
        )
        .max(10)
        .default([]),
    })
    .optional(),
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

/** Who takes a step of a route, and the rule that says so, with the product's role that records it. */
const wieStapSchema = (wat: string) =>
  routeStapSchema(wat).extend({
    /** The product's role that records this step for them (a decision: who may take it). */
    rol: z
      .enum(['deskundige', 'directeur', 'coordinator'], { error: "rol is 'deskundige', 'directeur' of 'coordinator'" })
      .optional(),
  });

/**
 * The assessment route of a TLV aanvraag: who prepares it, who advises, who decides. The law asks
 * only that the SWV decides after the advice of at least two deskundigen (WPO art. 18a lid 6); each
 * SWV fills in the rest, and the route itself differs, so each `soort` is a named variant:
 * - 'twee-deskundigen': the 1st deskundige (the OA) assesses, the 2nd decides (SPOW, seed 001 L1990–1994).
 * - 'mdo-directeur': consensus on the aanvraag in the MDO at the school, with an S(B)O school and (by
 *   default) the parents' consent; two independent deskundigen advise; the directeur decides (SPPOH,
 *   seed 000 L469–473).
 * - 'toelaatbaarheidsoverleg': the current school's board applies; the SWV's orthopedagoog and the
 *   Steunpunt Toeleiding weigh it in a TLO; the SWV decides on the dossier (Almere, seed 002 L612–629).
 * - 'commissie-consensus': a commission seeks consensus of the four parties; without it the
 *   behandelaar weighs in (PPO-NK, seed 003 L350–363).
 * - 'consensus-of-cva': with consensus the SWV decides without the Commissie van Advies; otherwise (or
 *   on one of the CvA's grounds) the CvA advises first (VO Groningen Stad, seed 004 L162–195).
 */
export const tlvRouteSchema = z.discriminatedUnion(
  'soort',
  [
    z.object({
      soort: z.literal('twee-deskundigen'),
      beoordeling: wieStapSchema('tlv.route.beoordeling'),
      besluit: wieStapSchema('tlv.route.besluit'),
    }),
    z.object({
      soort: z.literal('mdo-directeur'),
      /** Consensus on the aanvraag in the school's MDO. */
      mdo: wieStapSchema('tlv.route.mdo'),
      /** An S(B)O school (preferably the one that will admit the pupil) takes part: mandatory. */
      sboBetrokken: z.object({ regel: regelSchema, toelichting: z.string().optional() }),
      /** The parents' consent is the rule; without it only with a reason. */
      instemmingOuders: z.object({ regel: regelSchema, toelichting: z.string().optional() }),
      /** The parents (and the pupil) may give their zienswijze, which is recorded with the aanvraag. */
      zienswijze: z.object({ regel: regelSchema, toelichting: z.string().optional() }),
      advies: wieStapSchema('tlv.route.advies'),
      besluit: wieStapSchema('tlv.route.besluit'),
    }),
    z.object({
      soort: z.literal('toelaatbaarheidsoverleg'),
      /** Who applies (Almere: always the board of the pupil's current school). */
      aanvrager: wieStapSchema('tlv.route.aanvrager'),
      overleg: wieStapSchema('tlv.route.overleg').extend({
        deelnemers: instelling(z.array(z.string().trim().min(1)).min(1)),
      }),
      besluit: wieStapSchema('tlv.route.besluit'),
    }),
    z.object({
      soort: z.literal('commissie-consensus'),
      /** The parties whose consensus the commission seeks. */
      partijen: instelling(z.array(z.string().trim().min(1)).min(2)),
      /** Without consensus: who weighs in before the commission decides. */
      zonderConsensus: wieStapSchema('tlv.route.zonderConsensus'),
      besluit: wieStapSchema('tlv.route.besluit'),
      /** A temporary observation or intervention placement in the S(B)O before a TLV. */
      observatieplaatsing: z
        .object({
          minWeken: instelling(weken('tlv.route.observatieplaatsing.minWeken')),
          maxWeken: instelling(weken('tlv.route.observatieplaatsing.maxWeken')),
        })
        .refine((o) => o.minWeken.waarde <= o.maxWeken.waarde, {
          error: 'tlv.route.observatieplaatsing: minWeken is niet groter dan maxWeken',
        })
        .optional(),
    }),
    z.object({
      soort: z.literal('consensus-of-cva'),
      /** Consensus of the school, the parents and the SWV: the SWV decides without the CvA. */
      consensus: wieStapSchema('tlv.route.consensus'),
      /** The Commissie van Advies: without consensus, or on one of its grounds. */
      cva: wieStapSchema('tlv.route.cva'),
      /** When the CvA advises even with consensus (an open list: 'onder meer'). */
      cvaGronden: instelling(z.array(z.string().trim().min(1)).min(1)),
      besluit: wieStapSchema('tlv.route.besluit'),
    }),
  ],
  {
    error:
      "tlv.route.soort moet 'twee-deskundigen', 'mdo-directeur', 'toelaatbaarheidsoverleg', 'commissie-consensus' of 'consensus-of-cva' zijn",
  },
);

/** A category of TLV the SWV uses (funding level, SO cluster, Lecso level, …). */
export const tlvCategorieSchema = z.object({
  code: z.string().trim().min(1).max(40),
  omschrijving: z.string().trim().min(1),
  /** The TLV kinds it applies to. */
  soorten: z.array(z.enum(['sbo', 'so', 'vso'])).min(1),
});

/**
 * The impasse route as data: which kind of escalation the SWV's plan describes. The rungs themselves
 * are `impasse.ladder`.
 * - 'plaatsingstafel': SPOW's ladder E1–E7 (seed 001 L817–852).
 * - 'doorzettingsmacht': the SWV names the school (Almere: the teamleider Toeleiding, seed 002 L593).
 * - 'bestuursgeschil': a dispute between school boards: overleg → mediator → geschillencommissie,
 *   without placement steps of its own (PPO-NK, seed 003 L512–515).
 * - 'thuiszitterspact': the case table of the regional thuiszitterspact (VO Groningen, seed 004 L562).
 * - 'productstandaard': the plan describes none; the product's default ladder.
 */
export const impasseRouteSchema = z.object({
  soort: z.enum(['plaatsingstafel', 'doorzettingsmacht', 'bestuursgeschil', 'thuiszitterspact', 'productstandaard'], {
    error:
      "impasse.route.soort moet 'plaatsingstafel', 'doorzettingsmacht', 'bestuursgeschil', 'thuiszitterspact' of 'productstandaard' zijn",
  }),
  regel: regelSchema,
  toelichting: z.string().optional(),
  /**
   * The route's own rungs, where it is not the plaatsingstafel ladder (`impasse.ladder`): the impasse
   * process climbs them one at a time, each with its `rol` (src/shared/impasseLadder.ts, ladderVan).
   */
  treden: z.array(impasseTredeSchema).min(1).max(7).optional(),
});

export const policySchema = z.object({
  code: z
    .string({ error: 'code ontbreekt' })
    .regex(/^[a-z0-9-]+$/, { error: 'code mag alleen kleine letters, cijfers en streepjes bevatten (bijv. "spow")' }),
  naam: z.string({ error: 'naam ontbreekt' }).trim().min(1, { error: 'naam mag niet leeg zijn' }),
  /**
   * Which version of the SWV's policy this is, and from when it applies: a new case takes the version
   * in force on its start day and keeps it (its input holds a copy) unless a coordinator moves it.
   * Optional in the type only because cases started before versions (issue 15) carry none; every
   * shipped policy has them (policies/index.ts).
   */
  versie: z.string().trim().min(1).max(40).optional(),
  geldigVanaf: isoDateSchema.optional(),
  /** The plan the values come from ('Ondersteuningsplan SPOW 2020-2024'), or the law. */
  bron: z.string().trim().min(1).optional(),
  /** PO (WPO) or VO (WVO): which law's terms and articles apply. Absent: PO. */
  sector: z.enum(['po', 'vo'], { error: "sector is 'po' of 'vo'" }).optional(),
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
    /** Which kind of route the plan describes (absent in cases from before issue 15: the ladder's). */
    route: impasseRouteSchema.optional(),
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
    /** Who prepares, advises and decides (absent in cases from before issue 15: 'twee-deskundigen'). */
    route: tlvRouteSchema.optional(),
    /** The categories a TLV of this SWV records (empty: none). */
    categorieen: instelling(z.array(tlvCategorieSchema)).optional(),
    bezwaar: tlvBezwaarSchema,
    duur: tlvDuurSchema,
    herbeoordeling: tlvHerbeoordelingSchema,
    teldatum: tlvTeldatumSchema,
  }),
  /** Terugplaatsing from the S(B)O (terugplaatsing.ts). */
  terugplaatsing: terugplaatsingSchema,
  /**
   * P5 Thuiszitters (thuiszitters.ts). Optional in the type only for the copies older cases carry;
   * every shipped policy has it (policies/index.ts).
   */
  thuiszitters: z
    .object({
      /** An enrolled pupil away longer than this, for whatever reason but illness or vrijstelling, is a thuiszitter. */
      drempelWeken: instelling(weken('thuiszitters.drempelWeken')),
      /** Back in school (or an offer of education or care) within this many months of the first day at home. */
      streefMaanden: instelling(
        z
          .number({ error: 'thuiszitters.streefMaanden: verwacht een aantal maanden' })
          .int({ error: 'thuiszitters.streefMaanden: verwacht een geheel aantal maanden' })
          .min(1, { error: 'thuiszitters.streefMaanden: minimaal 1 maand' })
          .max(24, { error: 'thuiszitters.streefMaanden: maximaal 24 maanden' }),
      ),
      /** The coordinator reminded these many days before the target date. */
      herinneringenDagenVoor: instelling(dagenLijst('thuiszitters.herinneringenDagenVoor')),
      /** The coordinator and the school reminded these many days before a vrijstelling ends. */
      vrijstellingHerinneringDagenVoor: instelling(dagenLijst('thuiszitters.vrijstellingHerinneringDagenVoor')),
      /** The coordinator reminded these many days before an agreement of the plan van aanpak is due. */
      afspraakHerinneringDagenVoor: instelling(dagenLijst('thuiszitters.afspraakHerinneringDagenVoor')),
      /** A vrijstelling only with the SWV involved (seed 003 L399) and for a fixed period (seed 001 L1799). */
      vrijstelling: z.object({ regel: regelSchema, toelichting: z.string().optional() }),
      /**
       * Who hears of a (threatening) thuiszitter at once, besides the SWV: Almere reports every one,
       * threatening too, to the school's board and to leerplicht (seed 002 L589). Without it the SWV's
       * coordinator hears of a case someone else opened, and the school and parents at the threshold.
       */
      melden: z
        .object({
          aan: z
            .array(z.enum(['schoolbestuur', 'leerplicht'], { error: "melden.aan: 'schoolbestuur' of 'leerplicht'" }))
            .min(1),
          /** Also a threatening thuiszitter (dreigend), on the day it is reported. */
          dreigend: z.boolean(),
          regel: regelSchema,
          toelichting: z.string().optional(),
        })
        .optional(),
      /**
       * The reports the SWV sends, each on the 1st of its months at 08:00 over the months before
       * (a Schedule per SWV and report mails the directeur the counts): the national registration
       * per quarter (seed 001 L147), the inspectie every two months (seed 001 L1959; seed 003 L650),
       * PPO-NK's trimester report (seed 003 L619).
       */
      rapportages: z
        .array(
          z.object({
            soort: z.enum(['landelijk', 'inspectie', 'trimester'], {
              error: "soort is 'landelijk', 'inspectie' of 'trimester'",
            }),
            /** The months (1–12) on whose first day the report goes out. */
            maanden: z.array(z.number().int().min(1).max(12)).min(1).max(12),
            /** How many months before that day it covers. */
            periodeMaanden: z.number().int().min(1).max(12),
            regel: regelSchema,
            toelichting: z.string().optional(),
          }),
        )
        .max(5)
        .default([]),
    })
    .optional(),
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
