import { randomUUID } from 'node:crypto';
import { type BenchContext, progress, type StepResult } from '../context';
import { interleaved, pool, prepare, stats } from '../drive';
import { RAW_TASK_QUEUE } from '../rawSide';
import { rawCase, statusQuery, verlengenUpdate } from '../raw/workflows';
import { fmtErrors, fmtMs, fmtRate } from '../report';

/**
 * A decision: POST …/acties/verlengen on a fresh case (a case can be extended once) against
 * executeUpdate('verlengen') with a validator on a fresh trivial workflow. Latency, not throughput:
 * by default one at a time, so p50 is the plain round trip.
 */
export async function decisionStep(ctx: BenchContext): Promise<StepResult> {
  const { opts, api, raw } = ctx;
  const n = opts.decisions;
  progress(`decision: preparing ${n} fresh cases per side`);
  // Fresh cases, each viewed once (so both sides start from a case in the worker's cache).
  const productIds = await prepare('cases', n + 5, opts.concurrency, (i) => api.create(10_000 + i));
  // The same Update sent straight to the product's own workflow (the baseline): what the API adds.
  const sameIds = await prepare('cases for the same-workflow baseline', n + 5, opts.concurrency, (i) =>
    api.create(20_000 + i),
  );
  const rawIds = await prepare('raw workflows', n + 5, opts.concurrency, async () => {
    const h = await raw.client.workflow.start(rawCase, {
      taskQueue: RAW_TASK_QUEUE,
      workflowId: `raw-${randomUUID()}`,
    });
    await h.query(statusQuery);
    return h.workflowId;
  });
  await ctx.settleMail(500);
  const reden = 'Onderzoek door de orthopedagoog loopt nog';
  const door = { id: 'bench-school', naam: 'Bench school', rol: 'school' as const };
  const verlengSame = (id: string) =>
    ctx.productClient.workflow
      .getHandle(id)
      .executeUpdate('verlengen', { args: [{ weken: 4, reden, door }] })
      .then(() => undefined);
  const verlengRaw = (id: string) =>
    raw.client.workflow
      .getHandle(id)
      .executeUpdate(verlengenUpdate, { args: [{ weken: 4, reden }] })
      .then(() => undefined);

  // Warm-up on the 5 spare cases of each side.
  await pool(5, 1, (i) => api.verlengen(productIds[n + i]));
  await pool(5, 1, (i) => verlengRaw(rawIds[n + i]));
  await pool(5, 1, (i) => verlengSame(sameIds[n + i]));
  await ctx.settleMail(500);

  progress(`decision: ${n} per side, ${opts.decisionConcurrency} in flight`);
  const result = await interleaved(
    n,
    {
      product: (from, k) => pool(k, opts.decisionConcurrency, (i) => api.verlengen(productIds[from + i])),
      raw: (from, k) => pool(k, opts.decisionConcurrency, (i) => verlengRaw(rawIds[from + i])),
      same: (from, k) => pool(k, opts.decisionConcurrency, (i) => verlengSame(sameIds[from + i])),
    },
    // Each extension mails the parents: that background work finishes before the next phase.
    () => ctx.settleMail(500).then(() => undefined),
  );
  const p = stats(result.product);
  const r = stats(result.raw);
  const s = stats(result.same);
  const fmt = (b: typeof p) =>
    `${fmtMs(b.p50Ms)} (p95 ${fmtMs(b.p95Ms)}, ${fmtRate(b.perSecond)})${fmtErrors(b.errors)}`;
  return {
    title: 'Decision',
    rows: [
      {
        measurement: 'decision p50: API verlengen vs raw Update on the same workflow',
        product: fmt(p),
        raw: fmt(s),
        ratio: p.p50Ms / s.p50Ms,
        target: { op: '<=', value: 1.2 },
      },
      {
        measurement: 'decision p50: API verlengen vs raw Update on a trivial workflow',
        product: fmt(p),
        raw: fmt(r),
        ratio: p.p50Ms / r.p50Ms,
      },
    ],
    how: [
      `decision: ${n} per side on fresh cases (created and viewed once beforehand, untimed), ${opts.decisionConcurrency} in flight, halves product, raw | raw, product.`,
      '  product: POST /api/v1/zaken/{id}/acties/verlengen {"weken":4,"reden":…} (200 with the new view); the mail to the parents is let finish between halves.',
      "  raw, same workflow: executeUpdate('verlengen', { weken, reden, door }) on fresh zorgplicht cases, with the product's client and codec (the workflow does the same work; the API's share is what is left).",
      '  raw, trivial: handle.executeUpdate(verlengen) on a trivial workflow whose validator allows one extension.',
    ],
    detail: { product: p, raw: r, same: s },
  };
}
