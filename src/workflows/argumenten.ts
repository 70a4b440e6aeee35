/**
 * The shape checks an Update validator makes on its arguments inside the workflow. The API checks
 * every request in full against the process's zod schema (Dutch messages, OpenAPI) before it sends
 * the Update; these checks only keep a malformed Update from another client (the Temporal CLI or
 * UI) away from a handler. They load no library: every cached case evaluates this module again,
 * and zod would cost it about 2 MiB (issue 8).
 */
import { parseIsoDate } from '../domain/dates';
import { zaakNietGevonden } from '../shared/fouten';
import { BRIN_CODE, REDEN, SCHOOLNAAM } from '../shared/grenzen';
import { roles } from '../shared/rollen';
import type { ActorRef, SchoolRef, Stap } from '../shared/zaak';

function weiger(veld: string, verwacht: string): never {
  throw new Error(`Ongeldige invoer: ${veld} ${verwacht}.`);
}

/** Text of `min`..`max` characters after trimming (a reden is at least 3: the why is recorded). */
export function tekst(v: unknown, veld: string, min = 1, max = 4000): asserts v is string {
  if (typeof v !== 'string' || v.trim().length < min || v.length > max)
    weiger(veld, `moet een tekst van ${min} tot ${max} tekens zijn`);
}

export function reden(v: unknown, veld = 'reden'): asserts v is string {
  tekst(v, veld, REDEN.min, REDEN.max);
}

export function geheelGetal(v: unknown, veld: string, min: number, max: number): asserts v is number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max)
    weiger(veld, `moet een geheel getal van ${min} tot ${max} zijn`);
}

export function keuze<T extends string>(v: unknown, opties: readonly T[], veld: string): asserts v is T {
  if (!opties.includes(v as T)) weiger(veld, `is een van: ${opties.join(', ')}`);
}

/** At least one choice, each from `opties`. */
export function keuzes<T extends string>(v: unknown, opties: readonly T[], veld: string): asserts v is T[] {
  if (!Array.isArray(v) || v.length === 0 || !v.every((x) => opties.includes(x as T)))
    weiger(veld, `is een lijst met minstens één van: ${opties.join(', ')}`);
}

/** A list of `min`..`max` texts (participants, names). */
export function teksten(v: unknown, veld: string, min = 1, max = 20): asserts v is string[] {
  if (!Array.isArray(v) || v.length < min || v.length > max || !v.every((x) => typeof x === 'string' && x.trim()))
    weiger(veld, `is een lijst van ${min} tot ${max} teksten`);
}

/** A calendar date as the API writes it (YYYY-MM-DD). */
export function datum(v: unknown, veld: string): asserts v is string {
  try {
    // The domain's parser: a date that does not exist (2027-02-30) is refused here, not in a handler.
    if (typeof v !== 'string') throw new RangeError(veld);
    parseIsoDate(v);
  } catch {
    weiger(veld, 'is een datum zoals 2027-03-30');
  }
}

export function janee(v: unknown, veld: string): asserts v is boolean {
  if (typeof v !== 'boolean') weiger(veld, 'is true of false');
}

export function schoolRef(v: unknown, veld = 'school'): asserts v is SchoolRef {
  if (typeof v !== 'object' || v === null) weiger(veld, 'ontbreekt');
  const { naam, brin } = v as SchoolRef;
  tekst(naam, `${veld}.naam`, SCHOOLNAAM.min, SCHOOLNAAM.max);
  // A BRIN decides whether a placement is at this school: exactly as the API writes it.
  if (brin !== undefined && !(typeof brin === 'string' && BRIN_CODE.test(brin)))
    weiger(`${veld}.brin`, 'is een BRIN-code zoals 12AB of 12AB00');
}

/**
 * Who takes the step, first of all checks: a school acting on another school's case learns
 * nothing, not even that it exists. The API sends the scope with the step, so it needs no
 * round trip to find the case's school first (issue 8).
 */
export function stap(args: Stap, brin: string | readonly string[]): void {
  if (typeof args !== 'object' || args === null) weiger('de stap', 'moet een object zijn');
  const scholen: readonly string[] = typeof brin === 'string' ? [brin] : brin;
  if (args.scope !== undefined && !(Array.isArray(args.scope) && args.scope.some((b) => scholen.includes(b))))
    throw zaakNietGevonden();
  door(args.door);
}

/** Who takes the step: recorded with every decision, so it must be whole. */
export function door(v: unknown): asserts v is ActorRef {
  const a = v as ActorRef | undefined;
  if (
    typeof a !== 'object' ||
    a === null ||
    typeof a.id !== 'string' ||
    !a.id ||
    typeof a.naam !== 'string' ||
    !roles.includes(a.rol)
  ) {
    weiger('door', 'moet id, naam en rol van de actor geven');
  }
}
