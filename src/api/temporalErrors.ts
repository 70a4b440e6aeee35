import { WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/common';
import { Problem, problems } from './problem';

/** A bounded wait: a worker that does not answer gives 503, not a hanging request. */
export function withDeadline<T>(client: Client, ms: number, fn: () => Promise<T>): Promise<T> {
  return client.connection.withDeadline(Date.now() + ms, fn);
}

function isDeadline(err: unknown): boolean {
  const code = (err as { code?: number })?.code;
  return code === 4 /* DEADLINE_EXCEEDED */ || /deadline/i.test(String((err as Error)?.message));
}

/**
 * Temporal's answers in the API's terms: an update its validator refused is 409 with the
 * workflow's own reason; an unknown case 404; a closed case 409.
 */
export function toProblem(err: unknown, closedReason?: string): Problem | unknown {
  if (err instanceof Problem) return err;
  if (err instanceof WorkflowUpdateFailedError) {
    return problems.conflict(String(err.cause?.message ?? err.message).replace(/^ZodError: /, ''));
  }
  if (err instanceof WorkflowNotFoundError || (err as Error)?.name === 'WorkflowNotFoundError') {
    return closedReason ? problems.conflict(closedReason) : problems.notFound('Deze zaak bestaat niet.');
  }
  if (isDeadline(err)) return problems.unavailable('De procesmotor antwoordt niet op tijd; probeer het later opnieuw.');
  return err;
}
