import { relative } from 'node:path';
import { SHORT } from './report.js';

/** BENCH_SEED picks the first seed (default 1); full runs use a few consecutive seeds, short runs one. */
export const SEED = Number(process.env.BENCH_SEED ?? 1) || 1;

export function seeds(full: number): number[] {
  return Array.from({ length: SHORT ? 1 : full }, (_, i) => SEED + i);
}

export function median(xs: number[]): number {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export const round = (x: number, d = 1) => (Number.isFinite(x) ? Math.round(x * 10 ** d) / 10 ** d : x);

/** Seconds for a table cell: "never" when the tool did not act within the simulated horizon. */
export function secs(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return 'never';
  const s = ms / 1000;
  return s >= 3600 ? `${round(s / 3600, 2)} h` : `${round(s, 1)} s`;
}

export function times(x: number): string {
  return Number.isFinite(x) ? `${round(x, x >= 10 ? 0 : 1)}×` : '∞';
}

export function header(title: string, file: string, extra = ''): void {
  process.stdout.write(
    `\n${title} (${relative(process.cwd(), file)}; seed ${SEED}${SHORT ? ', short mode' : ''}${extra})\n`,
  );
}
