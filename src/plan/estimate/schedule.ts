import type { Stack } from '../../spec/types.js';
import type { Plan } from '../plan.js';
import {
  learnOverhead,
  learnUnit,
  runsByService,
  type Basis,
  type PastDeployment,
  type UnitModel,
} from './learn.js';
import type { LogNormal } from './prior.js';
import { normalCdf, normalQuantile, seeded } from './stats.js';

/**
 * How long a deployment (or what is left of it) will take: its plan replayed many times under the real order (waves
 * or dependencies), each service drawing a duration from what it learned, so the interval comes from the critical
 * path the plan actually has (and from which path turns critical in a given run). A running service draws only
 * durations longer than it has already taken. Pure and seeded: the same inputs give the same interval.
 */

/** An interval that holds the actual duration with probability `coverage`; never a bare point. */
export interface Estimate {
  lowMs: number;
  highMs: number;
  coverage: number;
  /** `history`: every service still to go has past runs; `guess`: none has (wide, from the stack file); else `mixed`. */
  basis: Basis | 'mixed';
}

export interface EstimateModel {
  order: 'waves' | 'dependencies';
  units: ReadonlyMap<string, UnitModel>;
  lead: UnitModel;
  tail: UnitModel;
}

/** Where a deployment stands, in ms since it started: which services started, and which reached their gate. */
export interface Progress {
  elapsedMs: number;
  startedAt: ReadonlyMap<string, number>;
  endedAt: ReadonlyMap<string, number>;
}

export const COVERAGE = 0.8;
/** Draws per estimate, fewer for large plans so one estimate stays about 10⁵ service draws. */
const DRAWS = { max: 400, min: 64, budget: 100_000 };
const SEED = 20_261_205;

/**
 * The model of a plan's deployment: each of its services' durations, and the deployment's own overhead. The plan's
 * services, not the stack file's: a rollback plan runs revisions recorded earlier.
 */
export function learnModel(
  plan: Plan,
  order: Stack['deploy']['order'],
  history: readonly PastDeployment[],
): EstimateModel {
  const runs = runsByService(history);
  return {
    order,
    units: new Map(
      plan.entries.map((e) => [e.service.name, learnUnit(e.service, runs.get(e.service.name) ?? [])]),
    ),
    lead: learnOverhead(history, 'leadMs'),
    tail: learnOverhead(history, 'tailMs'),
  };
}

/** The 80 % interval of one service's duration. */
export function unitInterval(u: UnitModel, coverage = COVERAGE): Estimate {
  const z = normalQuantile((1 + coverage) / 2);
  return {
    lowMs: Math.exp(u.dist.mu - z * u.dist.sigma),
    highMs: Math.exp(u.dist.mu + z * u.dist.sigma),
    coverage,
    basis: u.basis,
  };
}

/** A draw of ln-duration above `minMs` (a service already running that long), by inverse transform. */
function draw(d: LogNormal, u: number, minMs = 0): number {
  if (minMs <= 0) return Math.exp(d.mu + d.sigma * normalQuantile(u));
  const p0 = normalCdf((Math.log(minMs) - d.mu) / d.sigma);
  const p = Math.min(1 - 1e-9, p0 + u * (1 - p0));
  return Math.max(minMs, Math.exp(d.mu + d.sigma * normalQuantile(p)));
}

/**
 * The shortest interval holding `coverage` of the draws (sorted): durations are skewed to the right, so it sits nearer
 * the likely values than the central one (10 % to 90 %) would, with the same coverage.
 */
function shortest(sorted: readonly number[], coverage: number): [number, number] {
  const k = Math.min(sorted.length, Math.ceil(coverage * sorted.length));
  let best = 0;
  for (let i = 1; i + k - 1 < sorted.length; i++)
    if (sorted[i + k - 1]! - sorted[i]! < sorted[best + k - 1]! - sorted[best]!) best = i;
  return [sorted[best]!, sorted[best + k - 1]!];
}

/** A whole run of a service: mostly an ordinary one, as often as its history had them a slow one. */
function drawRun(unit: UnitModel, u: number, rand: () => number): number {
  const d = draw(unit.dist, u);
  const slow = unit.slow;
  if (!slow || rand() >= slow.p) return d;
  return d * Math.exp(slow.excess[Math.floor(rand() * slow.excess.length)]!);
}

/** Replayed durations (ms, ascending) of what remains of a deployment, and what they were learned from. */
export interface Draws {
  totals: number[];
  basis: Estimate['basis'];
}

const NO_PROGRESS: Progress = { elapsedMs: 0, startedAt: new Map(), endedAt: new Map() };

/**
 * The interval of what remains of the deployment from `progress` (from its start when omitted). Unchanged services
 * take no time; a service not yet started starts when its prerequisites are met, or now if that has passed.
 */
export function estimateRemaining(
  plan: Plan,
  model: EstimateModel,
  progress: Progress = NO_PROGRESS,
  coverage = COVERAGE,
): Estimate {
  return intervalOf(remainingDraws(plan, model, progress), coverage);
}

/** The shortest interval holding `coverage` of the draws. */
export function intervalOf({ totals, basis }: Draws, coverage = COVERAGE): Estimate {
  const [low, high] = shortest(totals, coverage);
  return { lowMs: Math.round(low), highMs: Math.round(high), coverage, basis };
}

/**
 * What one after the other takes (a queue): the sum of independent parts, each draw of one paired with a random draw
 * of every other. Seeded, like every estimate.
 */
export function sumOf(parts: readonly Draws[]): Draws {
  if (!parts.length) return { totals: [0], basis: 'history' };
  const rand = seeded(SEED + 1);
  const n = Math.max(...parts.map((p) => p.totals.length));
  const totals = Array.from({ length: n }, () =>
    parts.reduce((t, p) => t + p.totals[Math.floor(rand() * p.totals.length)]!, 0),
  ).sort((a, b) => a - b);
  const bases = new Set(parts.map((p) => p.basis));
  return { totals, basis: bases.size > 1 ? 'mixed' : parts[0]!.basis };
}

/** The replays behind estimateRemaining. */
export function remainingDraws(plan: Plan, model: EstimateModel, progress: Progress = NO_PROGRESS): Draws {
  const { startedAt, endedAt, elapsedMs: now } = progress;
  const order = plan.waves.flat();
  const entry = new Map(plan.entries.map((e) => [e.service.name, e]));
  const changed = plan.entries.filter((e) => e.changed);
  const draws = Math.max(
    DRAWS.min,
    Math.min(DRAWS.max, Math.floor(DRAWS.budget / Math.max(1, changed.length))),
  );
  const rand = seeded(SEED);
  const anyStarted = startedAt.size > 0;
  const totals: number[] = [];
  const start = new Map<string, number>();
  const end = new Map<string, number>();
  for (let i = 0; i < draws; i++) {
    start.clear();
    end.clear();
    const lead = anyStarted ? 0 : Math.max(0, draw(model.lead.dist, rand()) - now);
    let waveEnd = now + lead;
    let waveStart = waveEnd;
    let prevWave = -1;
    let last = now;
    for (const name of order) {
      const e = entry.get(name)!;
      if (model.order === 'waves' && e.wave !== prevWave) {
        // A wave starts when every earlier one reached its gates.
        waveStart = Math.max(waveStart, waveEnd);
        prevWave = e.wave;
      }
      const ready =
        model.order === 'waves'
          ? waveStart
          : Math.max(
              now + lead,
              ...e.service.dependsOn.map(
                (d) => (d.condition === 'started' ? start : end).get(d.name) ?? now + lead,
              ),
            );
      const u = rand();
      const s = startedAt.get(name) ?? Math.max(ready, now);
      let t: number;
      if (endedAt.has(name)) t = endedAt.get(name)!;
      else if (!e.changed) t = s;
      else if (startedAt.has(name)) t = s + draw(model.units.get(name)!.dist, u, now - s);
      else t = s + drawRun(model.units.get(name)!, u, rand);
      start.set(name, s);
      end.set(name, t);
      waveEnd = Math.max(waveEnd, t);
      last = Math.max(last, t);
    }
    totals.push(last + draw(model.tail.dist, rand()) - now);
  }
  totals.sort((a, b) => a - b);
  const bases = new Set(
    changed.filter((e) => !endedAt.has(e.service.name)).map((e) => model.units.get(e.service.name)!.basis),
  );
  return { totals, basis: bases.size > 1 ? 'mixed' : bases.has('guess') ? 'guess' : 'history' };
}
