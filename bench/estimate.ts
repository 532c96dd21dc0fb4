import { computeWaves } from '../src/plan/graph.js';
import type { PastDeployment } from '../src/plan/estimate/learn.js';
import { timingSignature } from '../src/plan/estimate/prior.js';
import { estimateRemaining, learnModel } from '../src/plan/estimate/schedule.js';
import type { Plan } from '../src/plan/plan.js';
import type { Service } from '../src/spec/types.js';
import { Random } from '../test/emulator/core/random.js';
import { header, median, round, seeds } from './common.js';
import { printTable, SHORT, writeResult } from './report.js';
import { exampleStacks, generatedStack, type SimStack } from './sim/stacks.js';

/**
 * `npm run bench estimate`: how well Convoy's deployment estimate is calibrated. Histories of deployments are
 * generated with known duration distributions (each service log-normal; a change of regime; outliers; cold starts);
 * each deployment after the fifth is predicted from the ones before it, and the prediction is scored against what it
 * then took: how often the actual duration fell inside the 80 % interval (coverage) and the absolute error of the
 * interval's midpoint, against the field reports' "history mean ±20 %".
 *
 * The estimator is pure (src/plan/estimate/), so the histories are fed to it directly rather than through a store:
 * what is measured is the estimate, not the engine. The "actual" durations come from the same scheduling rule the
 * engine follows (a wave starts when the previous one passed its gates; with `dependencies`, a service when its own
 * dependencies did), written out here separately.
 */

const HISTORY = 30;
/** Predictions are scored once this many past deployments exist. */
const WARM_UP = 5;

type Scenario = 'steady' | 'partial' | 'regime' | 'outliers' | 'cold';
const SCENARIOS: Record<Scenario, string> = {
  steady: 'every service changes; log-normal durations',
  partial: 'a random 40 % of services change each time',
  regime: 'one service turns 2.5× slower from deployment 15 on',
  outliers: '5 % of runs take 4–8× their usual time',
  cold: '15 % of runs add a 20–40 s cold start (image pull)',
};

interface Truth {
  median: number;
  sigma: number;
}

function normal(rng: Random): number {
  const u = Math.max(rng.next(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.next());
}

const logNormal = (rng: Random, med: number, sigma: number) => med * Math.exp(sigma * normal(rng));

function servicesOf(s: SimStack): Service[] {
  return s.units.map((u) => ({
    name: u.name,
    kind: u.kind,
    dependsOn: u.deps.map((d) => ({
      name: d,
      condition:
        s.units.find((x) => x.name === d)?.kind === 'job' ? ('completed' as const) : ('healthy' as const),
    })),
    ...(u.kind === 'service'
      ? {
          healthCheck: {
            interval: 1000,
            timeout: 1000,
            retries: 3,
            startPeriod: 2000,
            http: { url: 'http://x/' },
          },
        }
      : {}),
  }));
}

/** When the deployment ends, given each changed service's duration: the engine's own order, replayed. */
function makespan(plan: Plan, order: 'waves' | 'dependencies', took: Map<string, number>): number {
  const end = new Map<string, number>();
  let waveStart = 0;
  let reached = 0;
  let wave = -1;
  for (const name of plan.waves.flat()) {
    const e = plan.entries.find((x) => x.service.name === name)!;
    if (e.wave !== wave) {
      waveStart = reached;
      wave = e.wave;
    }
    const ready =
      order === 'waves' ? waveStart : Math.max(0, ...e.service.dependsOn.map((d) => end.get(d.name) ?? 0));
    const t = ready + (took.get(name) ?? 0);
    end.set(name, t);
    reached = Math.max(reached, t);
  }
  return reached;
}

interface Scored {
  actual: number;
  convoy: { low: number; high: number };
  naive: { low: number; high: number };
}

/** One generated history of HISTORY deployments, each predicted from those before it. */
function replay(
  shape: SimStack,
  order: 'waves' | 'dependencies',
  scenario: Scenario,
  seed: number,
): Scored[] {
  const rng = new Random(
    seed * 7919 + Object.keys(SCENARIOS).indexOf(scenario) * 104_729 + shape.units.length,
  );
  const services = servicesOf(shape);
  const waves = computeWaves(services);
  const waveOf = new Map(waves.flatMap((ns, i) => ns.map((n) => [n, i] as const)));
  const truth = new Map<string, Truth>(
    services.map((s) => [
      s.name,
      { median: logNormal(rng, s.kind === 'job' ? 8_000 : 12_000, 0.6), sigma: 0.1 + 0.25 * rng.next() },
    ]),
  );
  const slowed = services[Math.floor(rng.next() * services.length)]!.name;
  const past: PastDeployment[] = [];
  const actuals: number[] = [];
  const out: Scored[] = [];
  for (let k = 0; k < HISTORY; k++) {
    const changed = new Set(
      services.filter(() => scenario !== 'partial' || rng.next() < 0.4).map((s) => s.name),
    );
    if (!changed.size) changed.add(services[0]!.name);
    const plan: Plan = {
      stack: shape.name,
      waves,
      entries: services.map((s) => ({
        service: s,
        revision: `r${k}`,
        changed: changed.has(s.name),
        reasons: [],
        wave: waveOf.get(s.name)!,
        gate: s.kind === 'job' ? 'completed' : 'healthy',
      })),
    };
    const took = new Map<string, number>();
    for (const name of changed) {
      const t = truth.get(name)!;
      let d = logNormal(rng, t.median, t.sigma);
      if (scenario === 'regime' && name === slowed && k >= 15) d *= 2.5;
      if (scenario === 'outliers' && rng.next() < 0.05) d *= 4 + 4 * rng.next();
      if (scenario === 'cold' && rng.next() < 0.15) d += 20_000 + 20_000 * rng.next();
      took.set(name, d);
    }
    const leadMs = logNormal(rng, 400, 0.3);
    const tailMs = logNormal(rng, 200, 0.3);
    const actual = leadMs + makespan(plan, order, took) + tailMs;
    if (k >= WARM_UP) {
      const e = estimateRemaining(plan, learnModel(plan, order, past));
      const mean = actuals.reduce((a, b) => a + b, 0) / actuals.length;
      out.push({
        actual,
        convoy: { low: e.lowMs, high: e.highMs },
        naive: { low: 0.8 * mean, high: 1.2 * mean },
      });
    }
    past.unshift({
      leadMs,
      tailMs,
      units: [...took].map(([service, durationMs]) => ({
        service,
        durationMs,
        signature: timingSignature(services.find((s) => s.name === service)!),
      })),
    });
    actuals.push(actual);
  }
  return out;
}

function score(rows: Scored[], which: 'convoy' | 'naive') {
  const inside = rows.filter((r) => r[which].low <= r.actual && r.actual <= r[which].high).length;
  const mid = (r: Scored) => (r[which].low + r[which].high) / 2;
  return {
    coverage: round(inside / rows.length, 3),
    medianAbsErrorSeconds: round(median(rows.map((r) => Math.abs(mid(r) - r.actual))) / 1000, 2),
    medianAbsErrorPct: round(100 * median(rows.map((r) => Math.abs(mid(r) - r.actual) / r.actual)), 1),
    medianWidthPct: round(100 * median(rows.map((r) => (r[which].high - r[which].low) / r.actual)), 1),
  };
}

export async function runEstimateBench(): Promise<void> {
  const runSeeds = seeds(SHORT ? 1 : 10);
  const shapes: { shape: SimStack; order: 'waves' | 'dependencies' }[] = [];
  for (const seed of runSeeds) {
    const rng = new Random(seed);
    for (const shape of exampleStacks(rng)) shapes.push({ shape, order: 'waves' });
    shapes.push({ shape: generatedStack(rng, 30), order: 'dependencies' });
  }
  const all: Scored[] = [];
  const perScenario = (Object.keys(SCENARIOS) as Scenario[]).map((scenario) => {
    const rows = runSeeds.flatMap((seed, i) =>
      shapes.slice(i * 4, i * 4 + 4).flatMap(({ shape, order }) => replay(shape, order, scenario, seed)),
    );
    all.push(...rows);
    return {
      scenario,
      what: SCENARIOS[scenario],
      predictions: rows.length,
      convoy: score(rows, 'convoy'),
      naive: score(rows, 'naive'),
    };
  });
  const overall = { predictions: all.length, convoy: score(all, 'convoy'), naive: score(all, 'naive') };
  const rows: (string | number)[][] = [
    ['scenario', 'n', 'coverage Convoy', 'coverage ±20%', 'MdAE Convoy', 'MdAE ±20%', 'width Convoy'],
    ...[...perScenario, { scenario: 'all', ...overall }].map((r) => [
      r.scenario,
      r.predictions,
      `${round(100 * r.convoy.coverage, 1)} %`,
      `${round(100 * r.naive.coverage, 1)} %`,
      `${r.convoy.medianAbsErrorSeconds} s (${r.convoy.medianAbsErrorPct} %)`,
      `${r.naive.medianAbsErrorSeconds} s (${r.naive.medianAbsErrorPct} %)`,
      `${r.convoy.medianWidthPct} %`,
    ]),
  ];
  const file = await writeResult('estimate', {
    seeds: runSeeds,
    history: HISTORY,
    warmUp: WARM_UP,
    coverageTarget: 0.8,
    shapes: [
      'alerting-platform (waves)',
      'sandbox-broker (waves)',
      'parental-control (waves)',
      'gen-30 (dependencies)',
    ],
    scenarios: perScenario,
    overall,
  });
  header('Estimates: 80 % interval coverage and midpoint error, Convoy vs "history mean ±20 %"', file);
  printTable(rows);
}
