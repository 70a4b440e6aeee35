/**
 * What a process is, for everything outside its workflow: the API's routes and OpenAPI document,
 * the case list's enums, the id pattern, the worker's check that it runs every process. One file
 * per process (its definition) and one line in the registry (index.ts) add a process.
 * API-side: it holds zod schemas, so workflows never import it (they import only `src/shared`).
 */
import type { QueryDefinition, SearchAttributePair, UpdateDefinition, Workflow } from '@temporalio/common';
import type { z } from 'zod';
import type { Actor, Role } from '../auth/actors';
import type { Policy, Regio, SchoolRooster } from '../domain';
import type { ActorRef } from '../shared/zaak';

/** What the API knows when it starts a case besides the validated body. */
export interface StartContext {
  id: string;
  door: ActorRef;
  /** The SWV's policy named by the body (`beleid`), already checked. */
  beleid: Policy;
  /** The SWV's coordinator mailbox (COORDINATOR_EMAIL). */
  coordinatorEmail: string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface Actie<V = any> {
  /** The OpenAPI summary: what the step does, in Dutch. */
  omschrijving: string;
  /** The body as the API validates it (and OpenAPI shows it). */
  schema: z.ZodType;
  /** The Update of the same name; it answers the case's view. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  update: UpdateDefinition<V, [any]>;
  /** Who may take it, where fewer than the process's roles (the workflow's validator decides; OpenAPI shows it). */
  rollen?: readonly Role[];
  /** What this step records that is the SWV's internal work: kept from a school (src/auth/inzage.ts). */
  intern?: Intern;
  /** The Update's argument from the validated body, where the workflow needs less (a birth date becomes a school year). */
  invoer?: (body: never) => object;
  /**
   * Whether the step belongs to this case's route at all (an impasse's doorzettingsmacht): the werkbak
   * offers it only then. The workflow's validator still decides; the API refuses it with the reason.
   */
  hoortBij?: (view: V) => boolean;
}

/**
 * The SWV's internal work in a case's view (deliberations, advice, notes): a school does not read it.
 * `velden`: view fields (a dotted path for a nested one) that go. `tijdlijn`: per soort (exact, or a
 * prefix ending in ':') whether the entry goes ('weg') or stays as a fact without its text ('tekst':
 * its `reden` and `gegevens` go).
 */
export interface Intern {
  velden?: readonly string[];
  tijdlijn?: Readonly<Record<string, 'weg' | 'tekst'>>;
}

/** What src/auth/inzage.ts needs to know of a process to decide who reads what of its cases. */
export interface Inzage {
  /** Internal work no single action records (timed steps); each action declares its own. */
  intern?: Intern;
  /** Its cases climb the impasse ladder (search attribute ImpasseNiveau): who sits on a rung reads them. */
  ladder?: boolean;
  /** The statuses in which a case counts as stuck: the directeur's werkbak shows it, without personal data. */
  vastgelopen?: readonly string[];
  /**
   * What a school that takes part (`betrokkenScholen`, not the case's own school) reads of the view:
   * its own part, not the other schools' (a terugplaatsing's other candidate schools and consents).
   */
  voorBetrokkenSchool?: (view: never, brins: readonly string[]) => unknown;
  /** The view's fields without personal data (dotted paths); the tijdlijn shows only when and what (op, soort). */
  zonderPersoonsgegevens?: readonly string[];
  /** Its view names the deskundigen assigned to it (`deskundigen: [{ id }]`); they read it (TLV, issue 12). */
  deskundigen?: boolean;
  /** The statuses in which a case waits for a deskundige to take it up: every deskundige reads it then. */
  deskundigenPool?: readonly string[];
  /**
   * The policies (SWV codes) under which the directeur decides this process's cases (SPPOH's TLV,
   * seed 000 L469, L298): the directeur reads those cases in full, in lists too (search attribute SwvCode).
   */
  directeurBeslist?: readonly string[];
}

/**
 * S: the start body's schema; W: the workflow (its input is what `invoer` builds); V: the view its
 * status query, view Update and actions answer.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface ProcesDefinitie<S extends z.ZodType = z.ZodType, W extends Workflow = Workflow, V = any> {
  /** The case type (`ZaakType` search attribute, `type` in every view, the start path). */
  type: string;
  /** The id prefix of a case started through the API: `<prefix>-<uuid>`. */
  prefix: string;
  /** Child cases of another process carry their parent's id plus this suffix (`zp-…-impasse`). */
  kindSuffix?: string;
  /** The processes whose cases open one of these as `<their id><kindSuffix>`. */
  geopendDoor?: readonly string[];
  workflow: W;
  statusQuery: QueryDefinition<V>;
  /** Started with the case (Update-with-Start): the create's answer in one round trip. */
  viewUpdate: UpdateDefinition<V, []>;
  statussen: readonly string[];
  /** Who may act on a case of this type at all; the workflow's validators decide per step. */
  rollen: readonly Role[];
  acties: Record<string, Actie<V>>;
  /** Who reads what beyond the coordinator and the school scope (need to know); absent: no one else. */
  inzage?: Inzage;
  start: {
    omschrijving: string;
    tags: string[];
    rollen: readonly Role[];
    schema: S;
    /** The status a new case has (its search attribute before the first workflow task). */
    status: string;
    /** Refusals beyond the schema (who may set what, dates within range): throw a Problem. */
    controleer?: (body: z.output<S>, actor: Actor) => void;
    /** The day the case's calendar starts from. */
    vanaf: (body: z.output<S>) => string;
    /** The workflow's input: only the fields it needs. */
    invoer: (body: z.output<S>, ctx: StartContext & { kalender: SchoolRooster }) => Parameters<W>[0];
    /**
     * The school the case belongs to (scope, search attribute) and whose holidays it counts with. A
     * case of a pupil enrolled nowhere (a thuiszitter in absoluut verzuim) has none: only the SWV
     * starts it, and it counts with the policy's region.
     */
    school: (body: z.output<S>) => { brin?: string; regio?: Regio; rooster?: SchoolRooster };
    /** The SWV's policy code the body names. */
    beleid: (body: z.output<S>) => string;
    /** Search attributes beyond type, status, school and SWV, known at the start. */
    zoekvelden?: (body: z.output<S>) => SearchAttributePair[];
    /** The 201 answer, from the first view, and its schema. */
    antwoord: (view: V) => Record<string, unknown>;
    antwoordSchema: z.ZodType;
  };
  /** Why a closed case takes no step (the same text its workflow's validators give). */
  gesloten: (view: V) => string | undefined;
}

export const procesDefinitie = <S extends z.ZodType, W extends Workflow, V>(
  d: ProcesDefinitie<S, W, V>,
): ProcesDefinitie<S, W, V> => d;
