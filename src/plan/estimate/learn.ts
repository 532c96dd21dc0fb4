import type { Service } from '../../spec/types.js';
import { fromInterval, priorOf, timingSignature, type LogNormal } from './prior.js';
import { normalQuantile, robustCentre, weightedQuantile, type Weighted } from './stats.js';

/**
 * Per-service durations learned from history: the recency-weighted median and spread of log-durations, so one slow
 * run barely moves them, a lasting change of regime takes over within a few runs, and a change of the settings a
 * duration depends on (the timing signature) falls back to the stack file's guess.
 */

/** One past deployment as the estimator reads it; lists of them are newest first. */
export interface PastDeployment {
  /** From the deployment's start to its first service's start: taking the lock's place, recovering, planning. */
  leadMs?: number;
  /** From the last service reaching its gate to the deployment's end: checks that everything still runs. */
  tailMs?: number;
  /** Each service it started that reached its gate: how long that took, under which timing signature. */
  units: readonly { service: string; durationMs: number; signature: string }[];
}

export type Basis = 'history' | 'guess';

export interface UnitModel {
  dist: LogNormal;
  basis: Basis;
  /** Past runs it learned from (0: a guess). */
  samples: number;
  medianMs: number;
  /** Past runs far slower than the others, which a deployment's interval allows for. */
  slow?: SlowRuns;
}

/** How many of a service's past runs count at most, and the age (in runs) at which one weighs half as much. */
const MAX_SAMPLES = 20;
const HALF_LIFE = 5;
/** The spread assumed before seeing any: a run 30 % off the median is ordinary. Shrinks as runs accumulate. */
const PRIOR_SIGMA = 0.2;
const MIN_SIGMA = 0.05;
const Z80 = normalQuantile(0.9);
/** A shift of regime: this many newest runs all this many spreads beyond the older runs' median, on one side. */
const SHIFT_RUNS = 3;
const SHIFT_SPREADS = 2.5;

/**
 * Student's t 90 % quantile over the normal's, by degrees of freedom (1…10): how much wider an interval drawn from n
 * runs must be than one from the true distribution.
 */
const T_WIDEN = [Infinity, 2.4, 1.47, 1.28, 1.196, 1.152, 1.124, 1.104, 1.09, 1.079, 1.071];
const tWiden = (df: number) => (df < T_WIDEN.length ? T_WIDEN[df]! : 1 + 0.7 / df);

/**
 * The newest runs that moved away from the older ones for good (all of them beyond the older spread on one side),
 * or every run when there was no such shift. Newest first, as given.
 */
function sinceShift(logs: readonly number[]): readonly number[] {
  if (logs.length < SHIFT_RUNS + 3) return logs;
  const older = logs.slice(SHIFT_RUNS).map((x) => ({ x, w: 1 }));
  const { centre, spread } = robustCentre(older);
  const band = SHIFT_SPREADS * Math.max(spread, 0.1);
  const side = (x: number) => (x > centre + band ? 1 : x < centre - band ? -1 : 0);
  const s = side(logs[0]!);
  if (s === 0 || !logs.slice(0, SHIFT_RUNS).every((x) => side(x) === s)) return logs;
  let k = SHIFT_RUNS;
  while (k < logs.length && side(logs[k]!) === s) k++;
  return logs.slice(0, k);
}

/**
 * Runs well beyond the usual ones (a cold start, a retry): how often they happen and by how much (ln of the ratio to
 * the median, one per such run), so a deployment's interval can allow for them without moving the median.
 */
export interface SlowRuns {
  p: number;
  excess: number[];
}

/** A run this far above the median (in ln, at least this many spreads) is slow rather than ordinary. */
const SLOW_SPREADS = 3;
const SLOW_MIN = Math.log(1.5);
/** Pseudo-runs without a slow one: a single slow run among few is not yet a habit. */
const SLOW_PSEUDO = 4;

/** A log-normal fitted to durations (ms, newest first), with an interval as wide as their number warrants. */
export function fitDurations(durationsMs: readonly number[]): {
  dist: LogNormal;
  samples: number;
  slow?: SlowRuns;
} {
  const logs = sinceShift(durationsMs.slice(0, MAX_SAMPLES).map((d) => Math.log(Math.max(1, d))));
  const all: Weighted[] = logs.map((x, age) => ({ x, w: 0.5 ** (age / HALF_LIFE) }));
  const { centre, spread } = robustCentre(all);
  const quartiles = (pts: Weighted[]) => (weightedQuantile(pts, 0.75) - weightedQuantile(pts, 0.25)) / 1.349;
  // The MAD is 0 when most runs took the same time (a probe grid); the quartiles still see the others.
  const core = Math.max(spread, quartiles(all));
  const cut = centre + Math.max(SLOW_SPREADS * Math.max(core, MIN_SIGMA), SLOW_MIN);
  const pts = all.filter((p) => p.x <= cut);
  const slow = logs.filter((x) => x > cut).map((x) => x - centre);
  // The 10–90 % range of the ordinary runs, capped so that a few odd ones cannot blow the interval up.
  const tails = Math.min(
    (weightedQuantile(pts, 0.9) - weightedQuantile(pts, 0.1)) / (2 * Z80),
    2 * Math.max(core, 0.1),
  );
  const seen = Math.max(core, tails);
  // Recency weights make fewer runs count than there are: the effective number of runs.
  const sum = pts.reduce((t, p) => t + p.w, 0);
  const n = sum ** 2 / pts.reduce((t, p) => t + p.w ** 2, 0);
  const shrunk = Math.sqrt((n * seen ** 2 + PRIOR_SIGMA ** 2) / (n + 1));
  const sigma = Math.max(MIN_SIGMA, shrunk * Math.sqrt(1 + 1 / n) * tWiden(Math.max(1, Math.round(n) - 1)));
  return {
    dist: { mu: centre, sigma },
    samples: logs.length,
    ...(slow.length ? { slow: { p: slow.length / (logs.length + SLOW_PSEUDO), excess: slow } } : {}),
  };
}

/** Fitted to the durations when there are any, else the guess. */
function modelOf(durationsMs: readonly number[], guess: () => LogNormal): UnitModel {
  if (!durationsMs.length) {
    const dist = guess();
    return { dist, basis: 'guess', samples: 0, medianMs: Math.exp(dist.mu) };
  }
  const { dist, samples, slow } = fitDurations(durationsMs);
  return { dist, basis: 'history', samples, medianMs: Math.exp(dist.mu), ...(slow ? { slow } : {}) };
}

export type Run = PastDeployment['units'][number];

/** Each service's past runs, newest first: one pass over the history for a whole plan. */
export function runsByService(history: readonly PastDeployment[]): Map<string, Run[]> {
  const runs = new Map<string, Run[]>();
  for (const d of history)
    for (const u of d.units) {
      const list = runs.get(u.service);
      if (list) list.push(u);
      else runs.set(u.service, [u]);
    }
  return runs;
}

/**
 * How long `service` will take to reach its gate: from its past runs (newest first) under the same timing
 * signature, else a guess from the stack file.
 */
export function learnUnit(service: Service, runs: readonly Run[]): UnitModel {
  const signature = timingSignature(service);
  const durations = runs.filter((u) => u.signature === signature).map((u) => u.durationMs);
  return modelOf(durations, () => priorOf(service));
}

/** The part of a deployment no service accounts for, before the first start (`lead`) or after the last gate. */
export function learnOverhead(history: readonly PastDeployment[], part: 'leadMs' | 'tailMs'): UnitModel {
  const runs = history.map((d) => d[part]).filter((x): x is number => x !== undefined);
  return modelOf(runs, () => fromInterval(20, 3_000));
}
