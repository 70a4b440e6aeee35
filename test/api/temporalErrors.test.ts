import { ServiceError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { Problem } from '../../src/api/problem';
import { toProblem } from '../../src/api/temporalErrors';

/** The client wraps a gRPC deadline ("Failed to query Workflow" → cause code 4): still 503, never 500. */
it('answers 503 for a deadline anywhere in the cause chain', () => {
  const grpc = Object.assign(new Error('4 DEADLINE_EXCEEDED: Deadline exceeded'), { code: 4 });
  const wrapped = new ServiceError('Failed to query Workflow', { cause: grpc });
  const problem = toProblem(wrapped);
  expect(problem).toBeInstanceOf(Problem);
  expect((problem as Problem).status).toBe(503);
  expect(toProblem(new Error('iets anders'))).not.toBeInstanceOf(Problem);
});

it('answers 503 for an unreachable server (gRPC UNAVAILABLE), never 500', () => {
  const grpc = Object.assign(new Error('14 UNAVAILABLE: No connection established'), { code: 14 });
  const problem = toProblem(new ServiceError('Failed to start Workflow', { cause: grpc }));
  expect((problem as Problem).status).toBe(503);
  expect((toProblem(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:7233'), {})) as Problem).status).toBe(503);
});

/**
 * A worker killed while an Update waited on its sticky queue: the server fails that workflow task and
 * answers WorkflowNotReady (FAILED_PRECONDITION); a poll cut short is the client's own timeout error.
 * Both are "not now" (503), not a bug of ours (500).
 */
it("answers 503 when an Update's workflow task failed (WorkflowNotReady) or its poll was cut short", () => {
  const nietGereed = Object.assign(
    new Error(
      '9 FAILED_PRECONDITION: Unable to perform workflow execution update due to unexpected workflow task failure.',
    ),
    { code: 9 },
  );
  expect((toProblem(new ServiceError('Failed to update Workflow', { cause: nietGereed })) as Problem).status).toBe(503);
  const afgebroken = new WorkflowUpdateRPCTimeoutOrCancelledError('Workflow update call timeout or cancelled');
  expect((toProblem(afgebroken) as Problem).status).toBe(503);
  // Any other failed precondition is not an outage.
  const anders = Object.assign(new Error('9 FAILED_PRECONDITION: something else'), { code: 9 });
  expect(toProblem(new ServiceError('Failed', { cause: anders }))).not.toBeInstanceOf(Problem);
});
