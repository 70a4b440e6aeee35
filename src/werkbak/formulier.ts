/**
 * Forms from the process registry's zod schemas (through their JSON Schema, zod's own
 * `toJSONSchema`), and the posted form back into the body the API's route validates. The werkbak
 * decides nothing itself: the route's schema and the workflow's validators do, with their messages.
 */
import { z } from 'zod';

type Json = {
  type?: string;
  properties?: Record<string, Json>;
  required?: string[];
  items?: Json;
  anyOf?: Json[];
  enum?: string[];
  const?: unknown;
  default?: unknown;
  pattern?: string;
  format?: string;
  minItems?: number;
  maxItems?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  description?: string;
};

export type Veld =
  | {
      soort:
        'tekst' | 'lang' | 'datum' | 'email' | 'getal' | 'janee' | 'vink' | 'keuze' | 'regels' | 'meerkeuze' | 'vast';
      naam: string;
      label: string;
      verplicht: boolean;
      opties?: string[];
      standaard?: string;
      min?: number;
      max?: number;
      maxLength?: number;
      /** Of a `vast` field: the value it always sends (a discriminator: `uitkomst`, `stap`). */
      vast?: unknown;
    }
  | { soort: 'groep'; naam: string; label: string; verplicht: boolean; velden: Veld[] };

export interface Formulier {
  /** Which variant of a union (a form per variant); 0 for a plain object. */
  variant: number;
  /** The variant's fixed values, shown as its title ("Uitkomst: toegelaten"). */
  titel?: string;
  velden: Veld[];
}

const DATUM = '^(\\d{4})-(\\d{2})-(\\d{2})$';
const AFKORTINGEN: Record<string, string> = { brin: 'BRIN', hia: 'HIA', emb: 'EMB', opp: 'OPP', gd: 'GD', db: 'DB' };

/** `toelatendeSchool` → "Toelatende school". */
export function label(naam: string): string {
  const woorden = naam
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[\s-]+/)
    .map((w) => AFKORTINGEN[w] ?? w);
  const zin = woorden.join(' ');
  return zin.charAt(0).toUpperCase() + zin.slice(1);
}

/** A form per variant of the schema (a union of objects, nested unions flattened). */
export function formulieren(schema: z.ZodType): Formulier[] {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json;
  return varianten(json).map((v, variant) => ({ variant, titel: titel(v), velden: velden(v, '') }));
}

function varianten(s: Json): Json[] {
  return s.anyOf ? s.anyOf.flatMap(varianten) : [s];
}

function titel(s: Json): string | undefined {
  const verplicht = new Set(s.required ?? []);
  const vast = Object.entries(s.properties ?? {}).filter(
    ([k, p]) => p.const !== undefined && p.const !== false && verplicht.has(k),
  );
  if (!vast.length) return undefined;
  return vast
    .map(([k, p]) => (p.const === true ? label(k).toLowerCase() : `${label(k)} ${String(p.const)}`))
    .join(' · ');
}

function velden(s: Json, prefix: string): Veld[] {
  const verplicht = new Set(s.required ?? []);
  return Object.entries(s.properties ?? {}).map(([k, p]) => veld(p, `${prefix}${k}`, label(k), verplicht.has(k)));
}

function veld(p: Json, naam: string, lbl: string, verplicht: boolean): Veld {
  const basis = { naam, label: p.description ?? lbl, verplicht };
  // An optional `true` is something the user says (`nergensIngeschreven`): a checkbox, not a fixed value.
  if (p.const === true && !verplicht) return { ...basis, soort: 'vink' };
  if (p.const !== undefined) return { ...basis, soort: 'vast', vast: p.const };
  const standaard = p.default === undefined ? undefined : waardeTekst(p.default);
  if (p.type === 'object') return { ...basis, soort: 'groep', velden: velden(p, `${naam}.`) };
  if (p.type === 'array' && p.items?.type === 'object') {
    // The required rows and at least one more, up to four: rows left empty are dropped.
    const rijen = Math.min(p.maxItems ?? 4, Math.max((p.minItems ?? 0) + 1, 4));
    return {
      ...basis,
      soort: 'groep',
      velden: Array.from({ length: rijen }, (_, i) => ({
        soort: 'groep' as const,
        naam: `${naam}.${i}`,
        label: `${lbl} ${i + 1}`,
        verplicht: verplicht && i < (p.minItems ?? 0),
        velden: velden(p.items!, `${naam}.${i}.`),
      })),
    };
  }
  if (p.type === 'array' && p.items?.enum) return { ...basis, soort: 'meerkeuze', opties: p.items.enum };
  if (p.type === 'array') return { ...basis, soort: 'regels', min: p.minItems, max: p.maxItems };
  if (p.enum) return { ...basis, soort: 'keuze', opties: p.enum, standaard };
  if (p.type === 'boolean') return { ...basis, soort: 'janee', standaard };
  if (p.type === 'integer' || p.type === 'number')
    return {
      ...basis,
      soort: 'getal',
      min: p.minimum,
      max: p.maximum === Number.MAX_SAFE_INTEGER ? undefined : p.maximum,
    };
  if (p.pattern === DATUM) return { ...basis, soort: 'datum', standaard };
  if (p.format === 'email') return { ...basis, soort: 'email', standaard };
  return { ...basis, soort: (p.maxLength ?? 0) > 200 ? 'lang' : 'tekst', maxLength: p.maxLength, standaard };
}

const waardeTekst = (v: unknown) => (typeof v === 'boolean' ? (v ? 'ja' : 'nee') : String(v));

/** The posted form (urlencoded, `a.b.0.c` names) as the body of the form's variant. */
export function bodyUit(formulier: Formulier, post: Record<string, unknown>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const v of formulier.velden) zet(body, v, post);
  return (compact(body) as Record<string, unknown> | undefined) ?? {};
}

/**
 * Sets the field's value; answers whether the user filled it in. An optional group (or row) that the
 * user left alone is left out whole, even where its fields show a default or carry a fixed value.
 */
function zet(doel: Record<string, unknown>, v: Veld, post: Record<string, unknown>): boolean {
  if (v.soort === 'groep') {
    const sub: Record<string, unknown> = {};
    let gevuld = false;
    for (const w of v.velden) gevuld = zet(sub, w, post) || gevuld;
    if (gevuld || v.verplicht) doel[sleutel(v.naam)] = sub;
    return gevuld;
  }
  const ruw = post[v.naam];
  const tekst = typeof ruw === 'string' ? ruw.trim() : '';
  let waarde: unknown;
  switch (v.soort) {
    case 'vast':
      doel[sleutel(v.naam)] = v.vast;
      return false;
    case 'janee':
      waarde = tekst === 'ja' ? true : tekst === 'nee' ? false : undefined;
      break;
    case 'vink':
      waarde = tekst === 'ja' ? true : undefined;
      break;
    case 'getal':
      waarde = tekst === '' ? undefined : /^-?\d+(\.\d+)?$/.test(tekst) ? Number(tekst) : tekst;
      break;
    case 'meerkeuze':
      waarde = (Array.isArray(ruw) ? ruw : ruw === undefined ? [] : [ruw]).filter((x) => typeof x === 'string');
      break;
    case 'regels':
      waarde = tekst
        .split(/\r?\n/)
        .map((r) => r.trim())
        .filter(Boolean);
      break;
    default:
      waarde = tekst === '' ? undefined : tekst;
  }
  doel[sleutel(v.naam)] = waarde;
  const leeg = waarde === undefined || (Array.isArray(waarde) && waarde.length === 0);
  return !leeg && tekst !== v.standaard;
}

/** The last part of `a.b.0.c`: a group fills an object of its own (zet recurses), so one key is enough. */
const sleutel = (naam: string) => naam.slice(naam.lastIndexOf('.') + 1);

/** Drops what was left empty: blank fields, empty groups, empty rows of a list (rows become an array). */
function compact(v: unknown): unknown {
  if (Array.isArray(v)) return v.length ? v : undefined;
  if (v === null || typeof v !== 'object') return v;
  const entries = Object.entries(v as Record<string, unknown>)
    .map(([k, w]) => [k, compact(w)] as const)
    .filter(([, w]) => w !== undefined);
  if (!entries.length) return undefined;
  if (entries.every(([k]) => /^\d+$/.test(k))) return entries.map(([, w]) => w);
  return Object.fromEntries(entries);
}
