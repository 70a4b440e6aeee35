import { type BenchContext, progress, type StepResult } from '../context';
import { interleaved, pool, stats } from '../drive';
import { statusQuery } from '../raw/workflows';
import { CpuMeter } from '../proc';
import { fmtErrors, fmtMs, fmtRate } from '../report';

/** Read: GET /api/v1/zaken/{id} against the raw `status` query, round-robin over existing cases. */
export async function readStep(ctx: BenchContext, productIds: string[], rawIds: string[]): Promise<StepResult> {
  const { opts, api, raw } = ctx;
  const n = opts.reads;
  progress(`read: ${n} per side over ${productIds.length} / ${rawIds.length} cases, concurrency ${opts.concurrency}`);
  const readRaw = (id: string) =>
    raw.client.workflow
      .getHandle(id)
      .query(statusQuery)
      .then(() => undefined);
  // The same query sent straight to the product's own workflow (with its codec): what the API adds.
  const readSame = (id: string) =>
    ctx.productClient.workflow
      .getHandle(id)
      .query('status')
      .then(() => undefined);
  await pool(20, opts.concurrency, (i) => api.read(productIds[i % productIds.length]));
  await pool(20, opts.concurrency, (i) => readRaw(rawIds[i % rawIds.length]));
  await pool(20, opts.concurrency, (i) => readSame(productIds[i % productIds.length]));
  const cpu = new CpuMeter({
    bench: process.pid,
    api: ctx.product.api?.pid,
    worker: ctx.product.worker?.pid,
    'dev server': ctx.product.devServer?.pid,
    'raw worker': raw.worker?.pid,
  });
  const result = await interleaved(n, {
    product: (from, k) =>
      cpu.measure('product', () =>
        pool(k, opts.concurrency, (i) => api.read(productIds[(from + i) % productIds.length])),
      ),
    raw: (from, k) =>
      cpu.measure('raw', () => pool(k, opts.concurrency, (i) => readRaw(rawIds[(from + i) % rawIds.length]))),
    same: (from, k) =>
      cpu.measure('same', () => pool(k, opts.concurrency, (i) => readSame(productIds[(from + i) % productIds.length]))),
  });
  const p = stats(result.product);
  const r = stats(result.raw);
  const s = stats(result.same);
  const fmt = (b: typeof p) => `${fmtRate(b.perSecond)} p50 ${fmtMs(b.p50Ms)}${fmtErrors(b.errors)}`;
  return {
    title: 'Read',
    rows: [
      {
        measurement: 'read: GET case vs raw query on the same workflow',
        product: fmt(p),
        raw: fmt(s),
        ratio: p.perSecond / s.perSecond,
        target: { op: '>=', value: 0.8 },
      },
      {
        measurement: 'read: GET case vs raw query on a trivial workflow',
        product: fmt(p),
        raw: fmt(r),
        ratio: p.perSecond / r.perSecond,
      },
    ],
    how: [
      `read: ${n} per side, ${opts.concurrency} in flight, round-robin over the cases of the create step (cached in each worker), halves product, raw | raw, product.`,
      "  product: GET /api/v1/zaken/{id} (coordinator token). raw, same workflow: query('status') on the same product cases with the product's client and codec. raw, trivial: handle.query(status) on the raw create step's workflows.",
      `  CPU ms per read, all processes (bench = the clients): GET ${cpu.perOp('product')}`,
      `    raw query, same workflow ${cpu.perOp('same')}`,
      `    raw query, trivial workflow ${cpu.perOp('raw')}`,
    ],
    detail: { product: p, raw: r, same: s },
  };
}
