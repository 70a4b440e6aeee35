/**
 * The raw baseline: the smallest workflows that do what a case does at the Temporal level (hold a
 * state, answer a query, take one validated update, act on a deadline), with no product code.
 */
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import {
  condition,
  defineQuery,
  defineUpdate,
  proxyActivities,
  setHandler,
  sleep,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { rawActivities } from './activities';

export interface RawView {
  status: 'open' | 'verlengd';
  weken?: number;
}
export interface RawVerlengen {
  weken: number;
  reden: string;
}

export const statusQuery = defineQuery<RawView>('status');
export const verlengenUpdate = defineUpdate<RawView, [RawVerlengen]>('verlengen');

/** An open case: answers `status`, can be extended once (the validator refuses a second time). */
export async function rawCase(): Promise<void> {
  const view: RawView = { status: 'open' };
  setHandler(statusQuery, () => view);
  setHandler(
    verlengenUpdate,
    ({ weken }) => {
      view.status = 'verlengd';
      view.weken = weken;
      return view;
    },
    {
      validator: ({ weken }) => {
        if (view.status === 'verlengd') throw new Error('al verlengd');
        if (!(weken >= 1 && weken <= 4)) throw new Error('weken 1..4');
      },
    },
  );
  // Open until the bench's dev server goes away, like a case waiting for a decision.
  await condition(() => false);
}

/** The dev server's registered keyword: the raw side marks "due step done" the way the product does. */
const Status = defineSearchAttributeKey('ZaakStatus', SearchAttributeType.KEYWORD);

const { verstuur } = proxyActivities<typeof rawActivities>({ startToCloseTimeout: '1 minute' });

/**
 * A deadline that may already be due when the worker first sees it: waited for only when it lies
 * ahead (as the product's loop does), then the state change is published and one activity runs.
 */
export async function rawDue(dueAt: number): Promise<void> {
  const wait = dueAt - Date.now();
  if (wait > 0) await sleep(wait);
  upsertSearchAttributes([{ key: Status, value: 'raw-klaar' }]);
  await verstuur(workflowInfo().workflowId);
}
