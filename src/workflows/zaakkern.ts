/**
 * The case kernel: what every case workflow does the same way, so a process file holds only its
 * own rules. A case has a timeline, a change counter that wakes its planner, search attributes
 * derived from its state, outgoing mail, a refusal for steps on a closed case, decisions that all
 * read alike (validate, check the role, check the state, change, log, notify, answer the view),
 * timed steps, linked child cases, and a finish that lets handlers and mail complete.
 *
 * Plain code, workflow-safe and small: every cached case evaluates it (issue 8). The order of the
 * commands it emits is the order the workflows emitted before it existed, so their recorded
 * histories replay (test/histories).
 */
import {
  allHandlersFinished,
  CancellationScope,
  ChildWorkflowCancellationType,
  condition,
  continueAsNew,
  patched,
  setHandler,
  startChild,
  upsertSearchAttributes,
  workflowInfo,
  type ChildWorkflowOptions,
} from '@temporalio/workflow';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import type {
  Duration,
  SearchAttributeUpdatePair,
  UpdateDefinition,
  WithWorkflowArgs,
  Workflow,
  WorkflowResultType,
} from '@temporalio/common';
import type { Moment as PlanMoment } from '../domain/planning';
import { rolNietToegestaan } from '../shared/fouten';
import type { Bericht, Ontvanger, Sjabloon } from '../shared/bericht';
import type { ActorRef, Stap, TijdlijnItem } from '../shared/zaak';
import * as argument from './argumenten';
import { Berichten } from './berichten';

/** What the planner needs of a timed step (src/domain/planning.ts): its key and its moment. */
export type Moment = Pick<PlanMoment, 'sleutel' | 'at'>;

export interface ZaakOpties<V> {
  /**
   * The case's school: a school actor outside it gets "unknown case" (argument.stap). A function when
   * it changes (a TLV moves to the S(B)O school the pupil goes to).
   */
  brin: string | (() => string);
  /**
   * Other schools that take part in the case (a terugplaatsing's receiving school): a school actor of
   * one of them acts on it too; the process's own rules say which steps it may take.
   */
  scholen?: () => readonly string[];
  /** Where the notice goes when a message could not be delivered: the case's own coordinator. */
  coordinator: Ontvanger;
  /** The case's view: what the status query, every decision and the start answer. */
  view: () => V;
  /** The search attributes that follow from the state (codes and dates only, no personal data). */
  zoekvelden: () => SearchAttributeUpdatePair[];
  /** Why no step can be taken any more, or undefined while the case is open. */
  gesloten: () => string | undefined;
  /** What every message of this case fills its template with (names, dates, rules). */
  berichtGegevens: () => Record<string, string>;
  /** What an earlier run of this case left (continueAsNew): its timeline and the steps it took. */
  geheugen?: ZaakGeheugen;
}

/**
 * The kernel's part of a case's state, serializable: with the process's own state object it is all
 * a run hands to the next when a case that lives for years continues as new (`vervolg`).
 */
export interface ZaakGeheugen {
  tijdlijn: TijdlijnItem[];
  /** Keys of the timed steps already taken: a new run does not take them again. */
  afgehandeld: string[];
}

/** One action (a decision or step): checks in a fixed order, then the change. */
export interface ActieRegels<A extends Stap> {
  /** The body's shape (argument.*): a malformed step from another client than the API. */
  vorm?: (args: A) => void;
  /** Who may take it: roles, or a check that may depend on the state (a rung's owner). */
  rollen?: readonly ActorRef['rol'][] | ((door: ActorRef) => void);
  /** Checked after the role: whether the case's state allows it now (throw an Error with the reason). */
  toestand?: (args: A) => void;
  /** The change itself: state, timeline, messages. The kernel then notifies and answers the view. */
  voerUit: (args: A) => void;
  /** Role checked after the state (impasse: the owner is the current rung's). */
  rolNaToestand?: boolean;
}

export class Zaak<V> {
  readonly id = workflowInfo().workflowId;
  readonly tijdlijn: TijdlijnItem[] = [];
  /** Bumped by every change: wakes the planner loop and whoever waits for a change. */
  versie = 0;
  private readonly uitgaand: Berichten;
  private readonly afgehandeld = new Set<string>();
  private readonly kinderen = new Set<{ scope: CancellationScope; loopt: Promise<unknown> }>();
  /** Starts of cases that outlive this one (`koppel` with `los`), and signals to them, until the server confirms them. */
  private readonly starten = new Set<Promise<void>>();

  constructor(private readonly opties: ZaakOpties<V>) {
    if (opties.geheugen) {
      this.tijdlijn.push(...opties.geheugen.tijdlijn);
      for (const s of opties.geheugen.afgehandeld) this.afgehandeld.add(s);
    }
    this.uitgaand = new Berichten((n, reden) => {
      this.noteer({
        soort: 'bericht-niet-bezorgd',
        omschrijving: `Bericht '${n.sjabloon}' kon niet worden bezorgd: ${reden}`,
        gegevens: { sjabloon: n.sjabloon },
      });
      // The coordinator makes sure the recipient hears it another way (not for this notice itself).
      if (n.sjabloon !== 'bericht-niet-bezorgd') {
        this.bericht(
          'bericht-niet-bezorgd',
          `niet-bezorgd/${n.sleutel.slice(this.id.length + 1)}`,
          [opties.coordinator],
          { wat: n.sjabloon, reden },
        );
      }
    });
  }

  /** Now, as an ISO timestamp (workflow time). */
  nu(): string {
    return new Date(Date.now()).toISOString();
  }

  /** A line in the case's tijdlijn: what happened, by whom, why. */
  noteer(item: Omit<TijdlijnItem, 'op'>): void {
    this.tijdlijn.push({ op: this.nu(), ...item });
  }

  publiceer(): void {
    upsertSearchAttributes(this.opties.zoekvelden());
  }

  /** After every change: wake the planner, publish the state, call off mail that lost its point. */
  gewijzigd(): void {
    this.versie++;
    this.publiceer();
    this.uitgaand.herzie();
  }

  /**
   * A message to send; `sleutel` is unique within the case (the outbox sends each once). `actueel`
   * is asked before it goes out: a reminder that lost its point is dropped, not sent late.
   */
  bericht(
    sjabloon: Sjabloon,
    sleutel: string,
    aan: Ontvanger[],
    gegevens: Record<string, string> = {},
    actueel?: () => boolean,
  ): void {
    const n: Bericht = {
      sleutel: `${this.id}/${sleutel}`,
      sjabloon,
      aan,
      gegevens: { ...this.opties.berichtGegevens(), ...gegevens },
    };
    this.uitgaand.push(n, actueel);
  }

  /** The closed-case refusal, for validators. */
  open(): void {
    const dicht = this.opties.gesloten();
    if (dicht) throw new Error(dicht);
  }

  /** The role check every decision makes: refused with the roles that may (403 in the API). */
  magHandelen(door: ActorRef, rollen: readonly ActorRef['rol'][], wat: string): void {
    if (!rollen.includes(door.rol))
      throw rolNietToegestaan(`De rol ${door.rol} zet deze stap niet in ${wat}; wel: ${rollen.join(', ')}.`);
  }

  /**
   * A decision as an Update with a validator: an illegal step is refused with its reason and
   * changes nothing; a legal one changes the state, is logged by `voerUit`, and answers the view.
   * Checks: who (and the school scope), the body, the role, closed, the state.
   */
  actie<A extends Stap>(update: UpdateDefinition<V, [A]>, b: ActieRegels<NoInfer<A>>, wat: string): void {
    const rol = (door: ActorRef) => {
      if (typeof b.rollen === 'function') b.rollen(door);
      else if (b.rollen) this.magHandelen(door, b.rollen, wat);
    };
    setHandler(
      update,
      (args) => {
        b.voerUit(args);
        this.gewijzigd();
        return this.opties.view();
      },
      {
        validator: (args) => {
          const { brin, scholen } = this.opties;
          const eigen = typeof brin === 'function' ? brin() : brin;
          argument.stap(args, scholen ? [eigen, ...scholen()] : eigen);
          b.vorm?.(args);
          if (!b.rolNaToestand) rol(args.door);
          this.open();
          b.toestand?.(args);
          if (b.rolNaToestand) rol(args.door);
        },
      },
    );
  }

  /** The steps still to take, earliest first: a step taken (by its key) is not planned again. */
  vooruit<M extends Moment>(momenten: M[]): M[] {
    return momenten.filter((m) => !this.afgehandeld.has(m.sleutel)).sort((a, b) => a.at - b.at);
  }

  /**
   * The planner loop, the same for every process: the earliest timed step still ahead is waited
   * for, unless a change comes first (then the plan is made again); a step already due is taken at
   * once. With nothing planned the case waits for a change (`rust` caps that wait where a process
   * did so before the kernel). `tussendoor` runs first in every round; true means it did something.
   */
  async plan<M extends Moment>(p: {
    zolang: () => boolean;
    planning: () => M[];
    voerUit: (m: M) => void;
    tussendoor?: () => boolean;
    rust?: Duration;
  }): Promise<void> {
    while (p.zolang()) {
      if (p.tussendoor?.()) continue;
      const volgende = p.planning()[0];
      const v = this.versie;
      const wacht = volgende ? volgende.at - Date.now() : undefined;
      if (wacht === undefined || wacht > 0) {
        const tot = wacht ?? p.rust;
        const gewijzigd = () => this.versie !== v;
        const gewekt = tot === undefined ? (await condition(gewijzigd), true) : await condition(gewijzigd, tot);
        if (gewekt || !volgende) continue;
      }
      p.voerUit(volgende!);
      this.afgehandeld.add(volgende!.sleutel);
      this.gewijzigd();
    }
  }

  /**
   * A linked child case: started here, its outcome handed to `klaar`; cancelled when this case
   * finishes first (afronden). A child that fails or is stopped leaves this case running.
   * `los`: a case that outlives this one (a TLV runs for years after the zorgplicht case closed, with
   * ParentClosePolicy ABANDON): this case waits only until it has started, and hears of it by Signal.
   */
  koppel<T extends Workflow>(
    workflow: T,
    options: WithWorkflowArgs<T, Omit<ChildWorkflowOptions, 'typeInfo'> & { typeInfo?: undefined }>,
    h: {
      gestart: (id: string) => void;
      klaar?: (uitkomst: WorkflowResultType<T>) => void;
      los?: boolean;
      /**
       * It could not start (`bestaatAl`: a case with that id exists already), or, not `los`, it
       * failed, was terminated or cancelled from outside: this case goes on without it.
       */
      mislukt?: (reden: string, bestaatAl: boolean) => void;
    },
  ): void {
    if (h.los) {
      // A case that outlives this one is not cancelled with it either (this case withdrawn, stopped):
      // its start is not called off, and a cancellation of this case does not reach it. Cases
      // started before this rule keep their history's behaviour.
      const blijft = patched('los-kind-blijft');
      const opties = blijft ? { ...options, cancellationType: ChildWorkflowCancellationType.ABANDON } : options;
      const begin = () => startChild(workflow, opties as typeof options);
      const start = (blijft ? CancellationScope.nonCancellable(begin) : begin()).then(
        (handle) => {
          h.gestart(handle.workflowId);
          this.gewijzigd();
        },
        (err: unknown) => {
          h.mislukt?.(
            err instanceof Error ? err.message : String(err),
            err instanceof WorkflowExecutionAlreadyStartedError,
          );
          this.gewijzigd();
        },
      );
      this.starten.add(start);
      void start.finally(() => this.starten.delete(start));
      return;
    }
    const kind = { scope: new CancellationScope(), loopt: Promise.resolve() as Promise<unknown> };
    kind.loopt = kind.scope
      .run(async () => {
        const handle = await startChild(workflow, options);
        h.gestart(handle.workflowId);
        this.gewijzigd();
        return handle.result();
      })
      .then((uitkomst) => {
        this.kinderen.delete(kind);
        h.klaar?.(uitkomst as WorkflowResultType<T>);
      })
      .catch((err: unknown) => {
        // Stopped or failed: this case stays open and its own deadlines keep running.
        this.kinderen.delete(kind);
        // Not when this case ended it (afronden); only a process that asks hears it (no command otherwise).
        if (h.mislukt && !kind.scope.consideredCancelled) {
          h.mislukt(
            err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err),
            err instanceof WorkflowExecutionAlreadyStartedError,
          );
          this.gewijzigd();
        }
      });
    this.kinderen.add(kind);
  }

  /**
   * A signal to another case: this case does not end before the server took it (a signal from a
   * closed case is dropped), nor does its own cancellation call it off; `mislukt` when that case is
   * closed already.
   */
  meld(signaal: () => Promise<void>, mislukt: () => void): void {
    const klaar = CancellationScope.nonCancellable(signaal).catch(() => {
      mislukt();
      this.gewijzigd();
    });
    this.starten.add(klaar);
    void klaar.finally(() => this.starten.delete(klaar));
  }

  /** The starts of cases that outlive this one, confirmed (a case cancelled from outside waits for them). */
  async startenBevestigd(): Promise<void> {
    await Promise.all([...this.starten]);
  }

  /** The end: children still running are cancelled, handlers finish, queued mail goes out. */
  async afronden(): Promise<void> {
    await this.startenBevestigd();
    for (const kind of [...this.kinderen]) {
      kind.scope.cancel();
      await kind.loopt;
    }
    await condition(() => allHandlersFinished() && this.uitgaand.leeg);
  }

  /** The kernel's state for the next run (see `ZaakGeheugen`). */
  geheugen(): ZaakGeheugen {
    return { tijdlijn: [...this.tijdlijn], afgehandeld: [...this.afgehandeld] };
  }

  /**
   * Whether the history has grown long enough for a new run: Temporal suggests it (the event count
   * or size nears its limit). A linked child cannot follow a case to its next run, so not while one
   * runs. A process asks this in its planner's `zolang` and then calls `vervolg`.
   */
  vervolgen(): boolean {
    return this.kinderen.size === 0 && this.starten.size === 0 && workflowInfo().continueAsNewSuggested;
  }

  /**
   * The case continues as a new run of the same workflow, with the same id, once every handler has
   * answered and the queued mail is out (a letter still being retried holds the case up to its retry
   * window; the planner's steps wait meanwhile). `args` is built after that wait, so what handlers
   * and mail wrote in it (state, timeline) goes along: the process's state and `geheugen()`. The
   * search attributes go along by themselves. Decisions a run took with `patched()` must travel in
   * the state too: the next run has no markers and sees every patch as applied.
   */
  async vervolg<F extends Workflow>(args: () => Parameters<F>): Promise<never> {
    await condition(() => allHandlersFinished() && this.uitgaand.leeg);
    return continueAsNew<F>(...args());
  }

  /**
   * The start, once the first timeline entries are written: the search attributes that never change
   * (type, school, SWV), then those of the state, then the `view` Update, registered only now so
   * that the first view (Update-with-Start) already shows the start.
   */
  start(vast: SearchAttributeUpdatePair[], viewUpdate: UpdateDefinition<V, []>): void {
    if (vast.length > 0) upsertSearchAttributes(vast);
    this.publiceer();
    setHandler(viewUpdate, () => this.opties.view());
  }
}
