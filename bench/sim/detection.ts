import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { breakerDetection, cfnDetection, scriptDetection, type Detection } from './baselines.js';
import { deployWithConvoy, firstEvent, registerImages } from './convoy.js';
import { toStack, type FailureMode, type SimStack } from './stacks.js';
import { SimWorld } from './world.js';

export interface ConvoyDetection extends Detection {
  /** The deployment of the broken version ended in a rollback (false for slow-start: nothing to detect). */
  rolledBack: boolean;
  /** When ECS decided the first task of the new revision had failed (its health verdict, failed pull, exit). */
  verdictAt?: number;
  /** service.failed − that verdict: how late Convoy learnt what ECS already knew. */
  lagMs?: number;
  /** The aws target's poll interval when it noticed: the gap between its last two DescribeServices before then. */
  pollIntervalMs?: number;
  reason?: string;
  /** Which kind of evidence Convoy's service.failed says decided it. */
  decidedBy?: string;
  /**
   * The deployment succeeded: submission → the broken service ready (the transient cases), as the breaker's is
   * submission → that service's rollout COMPLETED.
   */
  deployedMs?: number;
}

/**
 * Convoy deploying version 2 of a running stack in which `broken` fails: version 1 is deployed first by Convoy
 * itself (so it has a revision to go back to) and runs for two minutes. The clock starts when Convoy submits the
 * broken service's update; it stops at `rollback.started`.
 */
export async function convoyDetection(
  s: SimStack,
  seed: number,
  broken: string,
  failure: FailureMode,
): Promise<ConvoyDetection> {
  const world = new SimWorld({ seed });
  const store = openSqliteStore(':memory:');
  registerImages(world, s, 'v1');
  const v1 = await deployWithConvoy(world, toStack(s, { version: 'v1', order: 'dependencies' }), { store });
  if (!v1.ok) throw new Error(`${s.name} v1 failed: ${v1.error}`);
  await world.idle(120_000);
  registerImages(world, s, 'v2', { [broken]: failure });
  let verdictAt: number | undefined;
  const unsubscribe = world.ecs.subscribe(({ task, change }) => {
    if (verdictAt === undefined && change === 'stopping' && task.failed && task.opts.serviceName === broken) {
      verdictAt = world.queue.now;
    }
  });
  const v2 = await deployWithConvoy(world, toStack(s, { version: 'v2', order: 'dependencies' }), { store });
  unsubscribe();
  await store.close();
  const starting = firstEvent(v2, 'service.starting', (e) => e.service === broken);
  const failed = firstEvent(v2, 'service.failed');
  const rollback = firstEvent(v2, 'rollback.started');
  const ready = firstEvent(v2, 'service.ready', (e) => e.service === broken);
  const submittedAt = starting?.t ?? v2.startedAt;
  const polls = v2.metrics.describeServicesAt.filter((t) => failed && t <= failed.t);
  return {
    submittedAt,
    rolledBack: !!rollback,
    ...(rollback ? { rollbackAt: rollback.t, detectMs: rollback.t - submittedAt } : {}),
    ...(verdictAt !== undefined ? { verdictAt } : {}),
    ...(failed && verdictAt !== undefined ? { lagMs: failed.t - verdictAt } : {}),
    ...(polls.length >= 2 ? { pollIntervalMs: polls.at(-1)! - polls.at(-2)! } : {}),
    ...(failed ? { reason: failed.message } : {}),
    ...(failed?.decidedBy ? { decidedBy: failed.decidedBy } : {}),
    ...(v2.ok && !rollback && ready ? { deployedMs: ready.t - submittedAt } : {}),
  };
}

export interface DetectionRow {
  failure: FailureMode;
  seed: number;
  convoy: ConvoyDetection;
  cloudformation: Detection;
  circuitBreaker: Detection;
  script: Detection;
}

/** One failure mode, one seed: Convoy and the three baselines, each in a fresh world with the same start-up draws. */
export async function detectionRow(
  s: SimStack,
  seed: number,
  broken: string,
  failure: FailureMode,
): Promise<DetectionRow> {
  return {
    failure,
    seed,
    convoy: await convoyDetection(s, seed, broken, failure),
    cloudformation: cfnDetection(new SimWorld({ seed }), s, broken, failure),
    circuitBreaker: breakerDetection(new SimWorld({ seed }), s, broken, failure),
    script: scriptDetection(new SimWorld({ seed }), s, broken, failure),
  };
}
