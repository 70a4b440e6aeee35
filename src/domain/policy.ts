/**
 * The policy of a samenwerkingsverband: every term the workflows use, each with the rule it comes from.
 *
 * Why `{ waarde, regel, toelichting }` everywhere: a coordinator must see why a date is what it is
 * (domain README: "Every deadline the product computes records which rule produced it"). `regel` is
 * the short citation shown next to a computed date ('WPO art. 40 lid 4', 'seed 001 L1993',
 * 'productstandaard'); `toelichting` holds the wording or the reason.
 */
import { z } from 'zod';
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
    bezwaartermijnWeken: instelling(weken('tlv.bezwaartermijnWeken')),
    beslistermijnBezwaarWeken: instelling(weken('tlv.beslistermijnBezwaarWeken')),
    duur: tlvDuurSchema,
  }),
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
