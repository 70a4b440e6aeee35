import type { Client } from '@temporalio/client';
import type { BenchOptions } from './options';
import type { RssSampler } from './proc';
import type { ProductApi } from './productApi';
import type { ProductStack } from './productStack';
import type { RawSide } from './rawSide';
import type { Row } from './report';

/** What every step gets: both sides, their drivers, and the RSS sampler. */
export interface BenchContext {
  opts: BenchOptions;
  product: ProductStack;
  api: ProductApi;
  /** The product's data converter (encrypting): for starting cases directly and counting them. */
  productClient: Client;
  raw: RawSide;
  sampler: RssSampler;
  /**
   * Waits until no product mail has come for `quietMs` (1 s): the last phase's background work is
   * done. Resolves with the time the last mail came.
   */
  settleMail: (quietMs?: number) => Promise<number>;
}

export interface StepResult {
  title: string;
  rows: Row[];
  /** How each side was driven, printed under the table. */
  how: string[];
  detail: Record<string, unknown>;
}

const t0 = Date.now();
/** Progress on stderr, with the seconds since the bench started (stdout keeps the tables). */
export const progress = (msg: string) =>
  console.error(`[bench ${((Date.now() - t0) / 1000).toFixed(1).padStart(6)}s] ${msg}`);
