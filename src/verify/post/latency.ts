import type { LatencyFigures } from '../../core/check-result.js';
import { PERCENTILES, type LatencyBudget } from '../../spec/post-checks.js';

/** Nearest-rank percentile of durations in ms. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function latencyFigures(durations: readonly number[], budget: LatencyBudget): LatencyFigures {
  const sorted = [...durations].sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    requests: sorted.length,
    p50: round(percentile(sorted, 50)),
    p90: round(percentile(sorted, 90)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted[sorted.length - 1] ?? 0),
    budget: Object.fromEntries(PERCENTILES.flatMap((p) => (budget[p] === undefined ? [] : [[p, budget[p]]]))),
  };
}

/** The first percentile over its budget, in words; undefined when all are within. */
export function overBudget(f: LatencyFigures): string | undefined {
  for (const [p, limit] of Object.entries(f.budget)) {
    const actual = f[p as keyof LatencyFigures] as number;
    if (actual > limit)
      return `${p} latency ${actual} ms over ${f.requests} requests exceeds its budget of ${limit} ms`;
  }
  return undefined;
}
