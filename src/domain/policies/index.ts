/**
 * The policies the product ships, each with its versions. Every version is validated by
 * `policySchema` at module load, so a typo in a policy file fails every test instead of a running
 * workflow.
 *
 * A policy changes (SPOW's addendum replaced its TLV durations, seed 001 L1972–2002): each version
 * has an effective date (`geldigVanaf`). A new case takes the version in force on its start day and
 * keeps it, since its input holds a copy; only a coordinator moves a running case to another version.
 */
import { compareDates, type IsoDate } from '../dates';
import { parsePolicy, Policy, PolicyInput } from '../policy';
import { almerePolicyInput } from './almere';
import { ppoNkPolicyInput } from './ppoNk';
import { spow2020PolicyInput, spowPolicyInput } from './spow';
import { sppohPolicyInput } from './sppoh';
import { voGroningenStadPolicyInput } from './voGroningenStad';
import { wetPolicyInput, wetVoPolicyInput } from './wet';

function valideer(input: PolicyInput): Policy {
  const r = parsePolicy(input);
  if (!r.success) throw new Error(`Ongeldig beleid '${input.code}': ${r.errors.join('; ')}`);
  const p = r.policy;
  // Optional in the schema only for the copies old cases carry: a shipped policy names all of it.
  const ontbreekt = [
    !p.versie && 'versie',
    !p.geldigVanaf && 'geldigVanaf',
    !p.bron && 'bron',
    !p.sector && 'sector',
    !p.tlv.route && 'tlv.route',
    !p.tlv.categorieen && 'tlv.categorieen',
    !p.impasse.route && 'impasse.route',
    !p.thuiszitters && 'thuiszitters',
    !p.thuiszitters?.rapportages.length && 'thuiszitters.rapportages',
    // A route of its own is climbed by the impasse process: each rung says which role acts on it.
    ...(p.impasse.route?.treden ?? []).filter((t) => !t.rol).map((t) => `impasse.route.treden ${t.code}.rol`),
  ].filter(Boolean);
  if (ontbreekt.length) throw new Error(`Ongeldig beleid '${p.code}': ontbreekt ${ontbreekt.join(', ')}`);
  // The impasse climbs E1, E2, … one at a time (at most E7, the codes the index and the API know).
  const treden = p.impasse.route?.treden ?? [];
  if (treden.some((t, i) => t.code !== `E${i + 1}`) || treden.length > 7)
    throw new Error(`Ongeldig beleid '${p.code}': impasse.route.treden heten E1, E2, … op volgorde (hoogstens E7)`);
  const soorten = (p.thuiszitters?.rapportages ?? []).map((r) => r.soort);
  if (new Set(soorten).size !== soorten.length)
    throw new Error(`Ongeldig beleid '${p.code}': elke soort thuiszittersrapportage komt één keer voor`);
  if (treden.length && p.impasse.ladder.length)
    throw new Error(`Ongeldig beleid '${p.code}': een route met eigen treden heeft geen plaatsingstafel-ladder`);
  return p;
}

/** The versions of one policy, oldest first; distinct effective dates. */
function reeks(...inputs: PolicyInput[]): readonly Policy[] {
  const versies = inputs.map(valideer).sort((a, b) => compareDates(a.geldigVanaf!, b.geldigVanaf!));
  for (let i = 1; i < versies.length; i++) {
    if (versies[i].code !== versies[0].code) throw new Error(`Versies van één beleid hebben één code`);
    if (versies[i].geldigVanaf === versies[i - 1].geldigVanaf)
      throw new Error(`Beleid '${versies[i].code}': twee versies gelden vanaf ${versies[i].geldigVanaf}`);
  }
  return Object.freeze(versies);
}

/** Every version of every policy, by code. */
export const beleidsversies: Readonly<Record<string, readonly Policy[]>> = Object.freeze({
  wet: reeks(wetPolicyInput),
  'wet-vo': reeks(wetVoPolicyInput),
  spow: reeks(spow2020PolicyInput, spowPolicyInput),
  sppoh: reeks(sppohPolicyInput),
  almere: reeks(almerePolicyInput),
  'ppo-nk': reeks(ppoNkPolicyInput),
  'vo-groningen-stad': reeks(voGroningenStadPolicyInput),
});

/** The newest version of each policy (its region, name and sector; a case uses `beleidOp`). */
export const policies: Readonly<Record<string, Policy>> = Object.freeze(
  Object.fromEntries(Object.entries(beleidsversies).map(([code, v]) => [code, v[v.length - 1]])),
);

const bekend = (code: string) => Object.prototype.hasOwnProperty.call(beleidsversies, code);
const onbekend = (code: string) =>
  new RangeError(`Onbekend beleid '${code}': kies uit ${Object.keys(beleidsversies).join(', ')}`);

/** The version of `code` in force on `datum` (before the first version: the first). */
export function beleidOp(code: string, datum: IsoDate): Policy {
  if (!bekend(code)) throw onbekend(code);
  const v = beleidsversies[code];
  return [...v].reverse().find((p) => compareDates(p.geldigVanaf!, datum) <= 0) ?? v[0];
}

/** One version of `code` by its name; undefined when there is none. */
export function beleidsversie(code: string, versie: string): Policy | undefined {
  return bekend(code) ? beleidsversies[code].find((p) => p.versie === versie) : undefined;
}

/** The policy for `code`: on `datum` when given, else its newest version; RangeError (Dutch) for an unknown code. */
export function getPolicy(code: string, datum?: IsoDate): Policy {
  if (!bekend(code)) throw onbekend(code);
  return datum ? beleidOp(code, datum) : policies[code];
}

export { spowPolicyInput, wetPolicyInput, wetVoPolicyInput };
export { sppohTlvBezwaar } from './sppoh';
