/** Result rows and their printing: one table per step, ratios with the targets. */

export interface Target {
  op: '>=' | '<=';
  value: number;
}

export interface Row {
  measurement: string;
  product: string;
  raw: string;
  /** product ÷ raw of the figure named in `measurement`. */
  ratio?: number;
  target?: Target;
  /** A target that is not a ratio (an absolute budget): its text and whether it was met. */
  check?: { text: string; pass: boolean };
}

export const verdict = (r: Row): 'PASS' | 'FAIL' | 'info' | 'n/a' => {
  if (r.check) return r.check.pass ? 'PASS' : 'FAIL';
  if (!r.target) return 'info';
  if (r.ratio === undefined || !Number.isFinite(r.ratio)) return 'n/a';
  return (r.target.op === '>=' ? r.ratio >= r.target.value : r.ratio <= r.target.value) ? 'PASS' : 'FAIL';
};

export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (c ?? '').padEnd(widths[i]))
      .join(' | ')
      .trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)].join('\n');
}

export function rowsTable(rows: Row[]): string {
  return table(
    ['measurement', 'product', 'raw', 'ratio', 'target', 'result'],
    rows.map((r) => [
      r.measurement,
      r.product,
      r.raw,
      r.ratio === undefined ? '-' : `${r.ratio.toFixed(2)}x`,
      r.check ? r.check.text : r.target ? `${r.target.op} ${r.target.value}x` : '-',
      verdict(r),
    ]),
  );
}

export const fmtRate = (perSecond: number) => `${perSecond >= 100 ? perSecond.toFixed(0) : perSecond.toFixed(1)}/s`;
export const fmtMs = (ms: number) => (Number.isFinite(ms) ? `${ms >= 100 ? ms.toFixed(0) : ms.toFixed(1)} ms` : '-');
export const fmtMiB = (bytes: number | undefined, digits = 0) =>
  bytes === undefined ? '-' : `${(bytes / 2 ** 20).toFixed(digits)} MiB`;
export const fmtErrors = (errors: number) => (errors ? ` (${errors} errors)` : '');
