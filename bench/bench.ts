/** Shared shape and helpers of the benchmarks (`npm run bench`). */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  /** The same measure for the thing we compare against, when there is one. */
  baseline?: number;
  /** baseline / value: how many times better than the baseline (for times: faster). */
  ratio?: number;
  note?: string;
}

/** Mean nanoseconds per call of `fn` over `iterations` calls, after one untimed warm-up call. */
export function timeIt(fn: () => void, iterations: number): number {
  fn();
  const started = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) fn();
  return Number(process.hrtime.bigint() - started) / iterations;
}

export function printResults(results: readonly BenchResult[]): void {
  const rows = results.map((r) => [
    r.name,
    `${format(r.value)} ${r.unit}`,
    r.baseline === undefined ? '' : `${format(r.baseline)} ${r.unit}`,
    r.ratio === undefined ? '' : `${format(r.ratio)}×`,
    r.note ?? '',
  ]);
  const header = ['benchmark', 'value', 'baseline', 'ratio', 'note'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  for (const row of [header, ...rows]) {
    console.log(row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ').trimEnd());
  }
}

function format(n: number): string {
  return n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2);
}
