import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';

/** bench/results beside the sources (the compiled file lives in dist/bench). */
export const RESULTS_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../bench/results');

/** CI runs every benchmark in a short mode so they never rot; `npm run bench` runs the full one. */
export const SHORT = process.env.BENCH_SHORT === '1';

/** Results are formatted as `npm run lint` wants them, so a fresh run never fails the Prettier check. */
export async function writeResult(name: string, data: unknown): Promise<string> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, `${name}.json`);
  const json = JSON.stringify({
    name,
    short: SHORT,
    node: process.version,
    at: new Date().toISOString(),
    ...(data as object),
  });
  writeFileSync(file, await format(json, { ...(await resolveConfig(file)), filepath: file }));
  return file;
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function summarize(samples: number[]): {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
} {
  const s = [...samples].sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 1000) / 1000;
  return {
    n: s.length,
    p50: r(percentile(s, 50)),
    p95: r(percentile(s, 95)),
    p99: r(percentile(s, 99)),
    mean: r(s.reduce((a, b) => a + b, 0) / (s.length || 1)),
  };
}

export function printTable(rows: (string | number)[][]): void {
  const cells = rows.map((r) => r.map(String));
  const widths = cells[0]!.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  for (const r of cells)
    process.stdout.write(
      r
        .map((c, i) => c.padEnd(widths[i]!))
        .join('  ')
        .trimEnd() + '\n',
    );
}
