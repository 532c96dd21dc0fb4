import { deploy } from '../../src/index.js';
import type { ConvoyEvent } from '../../src/engine/events.js';
import type { Stack } from '../../src/spec/types.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/store/store.js';
import { createAwsTarget } from '../../src/targets/aws/aws-target.js';
import { ApiMetrics, simClients, type SimClientOptions } from './clients.js';
import { behaviourOf, imageOf, type FailureMode, type SimStack } from './stacks.js';
import { SimulationError, type SimWorld } from './world.js';

export type TimedEvent = ConvoyEvent & { t: number };

export interface ConvoyRun {
  ok: boolean;
  error?: string;
  /** Virtual epoch ms when the deployment was called and when it returned. */
  startedAt: number;
  endedAt: number;
  events: TimedEvent[];
  metrics: ApiMetrics;
  /** DescribeServices poll rounds per cluster, from the target. */
  pollRounds: Record<string, number>;
}

/** Tells the model what each image of this version does: its sampled start-up, or the failure given for it. */
export function registerImages(
  world: SimWorld,
  s: SimStack,
  version: string,
  failures: Record<string, FailureMode> = {},
): void {
  for (const u of s.units)
    world.behaviours.setImage(imageOf(s.name, u.name, version), behaviourOf(u, failures[u.name]));
}

export interface ConvoyOptions {
  store?: Store;
  metrics?: ApiMetrics;
  /** The aws target's first poll interval; its default (2 s) unless a sensitivity run changes it. */
  pollMs?: number;
  client?: SimClientOptions;
}

/**
 * One `convoy deploy` on the simulator: the real engine, the real aws target and a SQLite store in memory, with
 * only the AWS clients swapped for the simulator's. Resolves with what happened; never throws for a failed
 * deployment (that is a result here).
 */
export async function deployWithConvoy(
  world: SimWorld,
  stack: Stack,
  o: ConvoyOptions = {},
): Promise<ConvoyRun> {
  const store = o.store ?? openSqliteStore(':memory:');
  const metrics = o.metrics ?? new ApiMetrics();
  const clients = simClients(world, metrics, o.client);
  const target = createAwsTarget({
    stack,
    clock: world.clock,
    clients,
    ...(o.pollMs ? { pollMs: o.pollMs } : {}),
  });
  const events: TimedEvent[] = [];
  const startedAt = world.clock.now();
  let ok = true;
  let error: string | undefined;
  try {
    // Through the library, as a user's program or the CLI would: only the AWS clients are the simulator's.
    const opened = { stack, env: {}, store, target, clock: world.clock, close: async () => undefined };
    await world.drive(
      deploy(opened, {
        correlationId: `bench-${stack.name}-${startedAt}`,
        who: { actor: 'bench', holder: 'bench@sim', context: {} },
        skipVerify: true,
        // Subscribers run apart from the deployment: the event's own stamp is when it happened.
        subscribers: [(e) => events.push({ ...e, t: Date.parse(e.at) })],
      }),
    );
  } catch (err) {
    if (err instanceof SimulationError) throw err;
    ok = false;
    error = (err as Error).message;
  }
  const run: ConvoyRun = {
    ok,
    ...(error ? { error } : {}),
    startedAt,
    endedAt: world.clock.now(),
    events,
    metrics,
    pollRounds: target.pollRounds(),
  };
  if (!o.store) await store.close();
  return run;
}

export function firstEvent<C extends ConvoyEvent['code']>(
  run: ConvoyRun,
  code: C,
  pred: (e: Extract<TimedEvent, { code: C }>) => boolean = () => true,
): Extract<TimedEvent, { code: C }> | undefined {
  return run.events.find((e): e is Extract<TimedEvent, { code: C }> => e.code === code && pred(e as never));
}
