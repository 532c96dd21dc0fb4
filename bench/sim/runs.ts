import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { ApiMetrics } from './clients.js';
import { criticalPath, depth, quotaBoundMs, unitDurations } from './bound.js';
import { deployWithConvoy, registerImages, type ConvoyRun } from './convoy.js';
import { CostMeter, type Cost } from './measure.js';
import { RATES } from './throttle.js';
import type { SimStack } from './stacks.js';
import { toStack } from './stacks.js';
import { SimWorld } from './world.js';

export interface HealthyRun {
  stack: string;
  services: number;
  depth: number;
  order: 'waves' | 'dependencies';
  pollMs: number;
  ok: boolean;
  error?: string;
  /** Virtual seconds from `convoy deploy` to its return. */
  deploySeconds: number;
  /** Longest dependency chain of the start-up times ECS realised in this very run. */
  criticalPathSeconds: number;
  criticalPath: string[];
  ratio: number;
  /**
   * The fewest seconds the documented rate limits allow: creating the services at their write rate, and registering
   * the task definitions at theirs with each unit's dependency chain still to run after its registration.
   */
  apiBoundSeconds: number;
  /** deploySeconds ÷ max(critical path, API bound). */
  ratioToTighterBound: number;
  api: ReturnType<ApiMetrics['summary']>;
  pollRounds: number;
  cost: Cost;
}

/** N writes of one rate-limited group need at least (N − burst) / rate seconds; registrations also wait for chains. */
function apiBound(s: SimStack, durations: Map<string, number>): number {
  const services = s.units.filter((u) => u.kind === 'service').length;
  const write = RATES['ecs.service-write']!;
  return Math.max(
    Math.max(0, services - write.burst) / write.perSecond,
    quotaBoundMs(s, durations, RATES['ecs.taskdef-write']!) / 1000,
  );
}

const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

/** A first deployment of a healthy stack with Convoy, against its lower bounds. */
export async function healthyRun(
  s: SimStack,
  seed: number,
  order: 'waves' | 'dependencies',
  pollMs = 2_000,
): Promise<HealthyRun> {
  const world = new SimWorld({ seed });
  registerImages(world, s, 'v1');
  const meter = new CostMeter(world);
  const run = await deployWithConvoy(world, toStack(s, { version: 'v1', order }), { pollMs });
  const cost = meter.stop();
  const durations = unitDurations(world, s, run.startedAt);
  const cp = durations.size === s.units.length ? criticalPath(s, durations) : { boundMs: NaN, path: [] };
  const deploySeconds = (run.endedAt - run.startedAt) / 1000;
  const api = apiBound(s, durations);
  return {
    stack: s.name,
    services: s.units.length,
    depth: depth(s),
    order,
    pollMs,
    ok: run.ok,
    ...(run.error ? { error: run.error } : {}),
    deploySeconds: round(deploySeconds),
    criticalPathSeconds: round(cp.boundMs / 1000),
    criticalPath: cp.path,
    ratio: round(deploySeconds / (cp.boundMs / 1000), 3),
    apiBoundSeconds: round(api),
    ratioToTighterBound: round(deploySeconds / Math.max(cp.boundMs / 1000, api), 3),
    api: run.metrics.summary(),
    pollRounds: Object.values(run.pollRounds).reduce((a, b) => a + b, 0),
    cost,
  };
}

export interface RepeatRun {
  /** Deployments before the measured one, in the same world and store: its estimates come from their history. */
  prior: number;
  ok: boolean;
  deploySeconds: number;
  criticalPathSeconds: number;
  ratio: number;
  describeServices: number;
  apiCalls: number;
}

/**
 * A healthy stack deployed `prior` times (every service changed each time) and then once more, measured: a user's
 * usual deployment, an update whose estimates come from the stack's history rather than the stack file's guesses.
 */
export async function repeatRun(s: SimStack, seed: number, prior = 3): Promise<RepeatRun> {
  const world = new SimWorld({ seed });
  const store = openSqliteStore(':memory:');
  let run: ConvoyRun | undefined;
  try {
    for (let i = 1; i <= prior + 1 && (run?.ok ?? true); i++) {
      registerImages(world, s, `v${i}`);
      const stack = toStack(s, { version: `v${i}`, order: 'dependencies' });
      run = await deployWithConvoy(world, stack, { store, metrics: new ApiMetrics() });
    }
  } finally {
    await store.close();
  }
  const durations = unitDurations(world, s, run!.startedAt);
  const cp = durations.size === s.units.length ? criticalPath(s, durations).boundMs / 1000 : NaN;
  const deploySeconds = (run!.endedAt - run!.startedAt) / 1000;
  const api = run!.metrics.summary();
  return {
    prior,
    ok: run!.ok,
    deploySeconds: round(deploySeconds),
    criticalPathSeconds: round(cp),
    ratio: round(deploySeconds / cp, 3),
    describeServices: api.byOperation['ecs.DescribeServices'] ?? 0,
    apiCalls: api.total,
  };
}

const cache = new Map<string, Promise<HealthyRun>>();

/** The same run asked for by two benchmarks (deploy and scale) is simulated once per process. */
export function healthyRunCached(
  s: SimStack,
  seed: number,
  order: 'waves' | 'dependencies',
  pollMs = 2_000,
): Promise<HealthyRun> {
  const key = `${s.name}|${seed}|${order}|${pollMs}`;
  let hit = cache.get(key);
  if (!hit) cache.set(key, (hit = healthyRun(s, seed, order, pollMs)));
  return hit;
}
