/**
 * A worker's sign of life for `/health`. The task queue's poller list only ages out a worker that
 * died (a long poll lasts up to a minute), so the API asks this workflow a query instead: only a
 * worker that takes tasks right now can answer it. It runs forever and never writes to its history
 * after its first workflow task; queries add nothing to it.
 */
import { condition, defineQuery, setHandler } from '@temporalio/workflow';

export const levendQuery = defineQuery<true>('levend');

export async function levensteken(): Promise<void> {
  setHandler(levendQuery, () => true);
  await condition(() => false);
}
