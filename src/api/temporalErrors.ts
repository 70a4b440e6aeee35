import { WorkflowUpdateFailedError, WorkflowUpdateRPCTimeoutOrCancelledError, type Client } from '@temporalio/client';
import { ApplicationFailure, WorkflowNotFoundError } from '@temporalio/common';
import { ROL_NIET_TOEGESTAAN, ZAAK_NIET_GEVONDEN } from '../shared/fouten';
import { Problem, problems } from './problem';

/**
 * How long the API waits for Temporal and its worker before it answers 503: a read (query,
 * describe, list) 5 s, a write (start, Update) 10 s. A busy worker answers in milliseconds; one that
 * does not answer in these times is gone, and the client hears so in seconds, not after a minute.
 * `controle`: the server-only look at a case after a worker did not answer (zonderWorker), 2 s.
 */
export const TIJDSBUDGET = { lezen: 5_000, schrijven: 10_000, controle: 2_000 } as const;

/**
 * A bounded wait: a worker or a Temporal that does not answer gives 503, not a hanging request. The
 * deadline goes with every gRPC call inside `fn`, and a timer answers at the deadline itself: the
 * client's retries sleep their backoff without looking at the deadline, which cost up to 5 s more.
 * What `fn` still does after that is nobody's business (a write's 503 says it may still happen).
 */
export function withDeadline<T>(client: Client, soort: keyof typeof TIJDSBUDGET, fn: () => Promise<T>): Promise<T> {
  return binnen(client, Date.now() + TIJDSBUDGET[soort], fn);
}

export async function binnen<T>(client: Client, deadline: number, fn: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const verlopen = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(Object.assign(new Error('deadline exceeded'), { code: 4 })),
      Math.max(0, deadline - Date.now()),
    );
  });
  const bezig = client.connection.withDeadline(deadline, fn);
  bezig.catch(() => undefined);
  return Promise.race([bezig, verlopen]).finally(() => clearTimeout(timer));
}

/** gRPC codes that mean "not now": CANCELLED, DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED, ABORTED, UNAVAILABLE. */
const NIET_NU = new Set([1, 4, 8, 10, 14]);
/** FAILED_PRECONDITION means "not now" only as the server's WorkflowNotReady. */
const FAILED_PRECONDITION = 9;
/**
 * The server's WorkflowNotReady: the workflow task that carried an Update failed or timed out,
 * e.g. on the sticky queue of a worker that was just killed (its next task runs elsewhere).
 */
const NIET_GEREED = /workflow task failure|not ready/i;

/**
 * Temporal (or its worker) did not answer: a deadline or an unreachable server anywhere in the cause
 * chain. The client wraps gRPC errors ("Failed to query Workflow"), so the chain is walked.
 */
function onbereikbaar(err: unknown): { code?: number } | undefined {
  for (
    let e = err as { code?: number; message?: string; cause?: unknown } | undefined, i = 0;
    e && i < 5;
    e = e.cause as typeof e, i++
  ) {
    if (
      (e.code !== undefined && NIET_NU.has(e.code)) ||
      (e.code === FAILED_PRECONDITION && NIET_GEREED.test(String(e.message))) ||
      e instanceof WorkflowUpdateRPCTimeoutOrCancelledError ||
      /deadline|unavailable|ECONNREFUSED|failed to connect/i.test(String(e.message))
    )
      return { code: (e as { code?: number }).code };
  }
  return undefined;
}

/**
 * Temporal's answers in the API's terms: an update its validator refused is 409 with the
 * workflow's own reason (403 when it refused the role); an unknown case 404.
 */
export function toProblem(err: unknown): Problem | unknown {
  if (err instanceof Problem) return err;
  if (err instanceof WorkflowUpdateFailedError) {
    const reden = String(err.cause?.message ?? err.message).replace(/^ZodError: /, '');
    // The workflow knows who owns the current step: its refusal of a role is a 403.
    if (err.cause instanceof ApplicationFailure && err.cause.type === ROL_NIET_TOEGESTAAN)
      return problems.forbidden(reden);
    // Outside the actor's school scope: as if the case did not exist.
    if (err.cause instanceof ApplicationFailure && err.cause.type === ZAAK_NIET_GEVONDEN)
      return problems.notFound('Deze zaak bestaat niet.');
    return problems.conflict(reden);
  }
  if (err instanceof WorkflowNotFoundError || (err as Error)?.name === 'WorkflowNotFoundError') {
    return problems.notFound('Deze zaak bestaat niet.');
  }
  const oorzaak = onbereikbaar(err);
  if (oorzaak)
    // The gRPC code goes to the log (problemHandler), not to the client: a WorkflowNotReady that keeps
    // coming back is a workflow task failing on every attempt, which only the log shows.
    return Object.assign(problems.unavailable('De procesmotor antwoordt niet op tijd; probeer het later opnieuw.'), {
      grpcCode: oorzaak.code,
    });
  return err;
}
