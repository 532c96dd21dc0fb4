import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Random } from '../emulator/core/random.js';
import { ApiMetrics, simClients } from '../../bench/sim/clients.js';
import { VirtualClock } from '../../bench/sim/clock.js';
import { breakerDetection } from '../../bench/sim/baselines.js';
import { convoyDetection } from '../../bench/sim/detection.js';
import { matrixRow } from '../../bench/sim/matrix.js';
import { healthyRun } from '../../bench/sim/runs.js';
import { exampleStacks, toStack } from '../../bench/sim/stacks.js';
import { deployWithConvoy, firstEvent, registerImages } from '../../bench/sim/convoy.js';
import { generated } from '../../bench/deploy.js';
import { RateLimits } from '../../bench/sim/throttle.js';
import { SimWorld } from '../../bench/sim/world.js';

/**
 * The simulator and the targets of issue 6, on virtual time: the real engine and aws target against the emulator's
 * ECS model. Assertions are about the simulated run, never about wall-clock time.
 */

const stack = (name: string, seed = 1) => exampleStacks(new Random(seed)).find((s) => s.name === name)!;

/** The aws target's default poll interval and its back-off ceiling (7.5×). */
const POLL_MS = 2_000;
const MAX_POLL_MS = 15_000;

describe('virtual clock', () => {
  it('wakes sleepers in time order, skips aborted ones, and never moves backwards', async () => {
    const clock = new VirtualClock(1_000);
    const woke: string[] = [];
    const abort = new AbortController();
    void clock.sleep(30).then(() => woke.push('30'));
    void clock.sleep(10).then(() => woke.push('10'));
    const aborted = clock.sleep(20, abort.signal).catch(() => woke.push('aborted'));
    abort.abort(new Error('stop'));
    await aborted;
    assert.equal(clock.nextWake(), 1_010);
    clock.advanceTo(1_030);
    await Promise.resolve();
    assert.deepEqual(woke, ['aborted', '10', '30']);
    clock.advanceTo(5);
    assert.equal(clock.now(), 1_030);
  });

  it('rounds sub-millisecond sleeps up, so a rate limiter waiting a fraction of a millisecond cannot spin', async () => {
    const clock = new VirtualClock(1_767_225_600_000);
    void clock.sleep(0.0001);
    assert.equal(clock.nextWake(), 1_767_225_600_001);
  });
});

describe('simulated AWS clients', () => {
  it('absorbs throttling the way the SDK retries, and counts what reaches the caller', async () => {
    const world = new SimWorld({ seed: 1 });
    const metrics = new ApiMetrics();
    const limits = new RateLimits({ 'ecs.service-read': { burst: 5, perSecond: 2, source: 'test' } });
    const clients = simClients(world, metrics, { limits });
    const calls = Array.from({ length: 20 }, () => clients.ecs.describeServices({ services: ['nope'] }));
    const results = await world.drive(Promise.allSettled(calls));
    assert.ok(metrics.throttledAttempts > 0, 'the burst was exceeded');
    assert.ok(metrics.absorbed > 0, 'retried throttles are absorbed');
    assert.ok(metrics.throttledAttempts >= metrics.absorbed + metrics.reachedEngine);
    assert.equal(results.filter((r) => r.status === 'rejected').length, metrics.reachedEngine);

    const starved = new SimWorld({ seed: 1 });
    const m2 = new ApiMetrics();
    const tight = new RateLimits({ 'ecs.service-read': { burst: 1, perSecond: 0.001, source: 'test' } });
    const c2 = simClients(starved, m2, { limits: tight });
    const r2 = await starved.drive(
      Promise.allSettled([1, 2, 3].map(() => c2.ecs.describeServices({ services: ['x'] }))),
    );
    assert.ok(m2.reachedEngine >= 1, 'a bucket that never refills exhausts the eight attempts');
    const rejected = r2.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    assert.equal((rejected.reason as Error).name, 'ThrottlingException');
  });
});

describe('Convoy on the simulator', () => {
  it('never reads the wall clock or sets a real timer from src/ during a deployment', async () => {
    const seen: string[] = [];
    const watch = (what: string) => {
      const at = new Error().stack?.split('\n').find((l) => /[/\\]dist[/\\]src[/\\]/.test(l));
      if (at) seen.push(`${what} ${at.trim()}`);
    };
    const RealDate = Date;
    const real = { setTimeout: globalThis.setTimeout, setInterval: globalThis.setInterval };
    class WatchedDate extends RealDate {
      constructor(...args: unknown[]) {
        if (args.length === 0) watch('new Date()');
        // @ts-expect-error -- forwards whichever Date overload the caller used
        super(...args);
      }
      static override now() {
        watch('Date.now()');
        return RealDate.now();
      }
    }
    globalThis.Date = WatchedDate as DateConstructor;
    globalThis.setTimeout = ((...a: Parameters<typeof setTimeout>) => (
      watch('setTimeout'),
      real.setTimeout(...a)
    )) as typeof setTimeout;
    globalThis.setInterval = ((...a: Parameters<typeof setInterval>) => (
      watch('setInterval'),
      real.setInterval(...a)
    )) as typeof setInterval;
    try {
      const d = await convoyDetection(stack('parental-control'), 1, 'p-gateway', 'health');
      assert.equal(d.rolledBack, true);
    } finally {
      globalThis.Date = RealDate;
      Object.assign(globalThis, real);
    }
    assert.deepEqual(seen, [], 'every wait and every timestamp must go through the injected Clock');
  });

  it('detects a failing health check within one poll interval of the failing task’s own verdict', async () => {
    const d = await convoyDetection(stack('parental-control'), 1, 'p-gateway', 'health');
    assert.equal(d.rolledBack, true);
    assert.match(d.reason ?? '', /failed container health checks/);
    assert.ok(d.lagMs !== undefined && d.pollIntervalMs !== undefined);
    // The first poll round after the verdict sees it; a round takes a few requests' latency on top of the interval.
    assert.ok(
      d.lagMs <= d.pollIntervalMs + 1_000,
      `lag ${d.lagMs} ms, poll interval then ${d.pollIntervalMs} ms`,
    );
    assert.ok(d.lagMs <= MAX_POLL_MS + 1_000, `lag ${d.lagMs} ms exceeds the longest poll interval`);
    const breaker = breakerDetection(
      new SimWorld({ seed: 1 }),
      stack('parental-control'),
      'p-gateway',
      'health',
    );
    assert.ok(d.detectMs! < breaker.detectMs!, 'sooner than ECS’s own circuit breaker');
  });

  it('the detection matrix counts what failing early costs: a transient crash is a false alarm for neither Convoy nor the breaker', async () => {
    const s = stack('parental-control');
    for (const desired of [1, 2]) {
      const transient = await matrixRow(s, 1, 'p-gateway', {
        desired,
        maximumPercent: 200,
        failureClass: 'transient',
      });
      assert.equal(transient.convoy.falseAlarm, false, JSON.stringify(transient));
      assert.ok(transient.convoy.deployedMs! > 0, JSON.stringify(transient));
      assert.equal(transient.circuitBreaker.falseAlarm, false, JSON.stringify(transient));
      assert.ok(transient.circuitBreaker.deployedMs! > 0);
    }
    // What it costs: a failure that repeats but is not conclusive waits for a second task (a second launch at one
    // task), and is still decided before the breaker.
    const one = await matrixRow(s, 1, 'p-gateway', {
      desired: 1,
      maximumPercent: 100,
      failureClass: 'deterministic',
    });
    assert.ok(one.convoy.detectMs! < one.circuitBreaker.detectMs!, JSON.stringify(one));
    // Conclusive evidence (the image does not exist) is said so on the failure.
    const missing = await matrixRow(s, 1, 'p-gateway', {
      desired: 2,
      maximumPercent: 200,
      failureClass: 'conclusive',
    });
    assert.equal(missing.convoy.decidedBy, 'conclusive');
    // A health check's curl missing from the image: read from the logs inside the start period, long before ECS.
    const noCurl = await matrixRow(s, 1, 'p-gateway', {
      desired: 2,
      maximumPercent: 200,
      failureClass: 'conclusive-health',
    });
    assert.equal(noCurl.convoy.decidedBy, 'conclusive');
    assert.ok(noCurl.convoy.detectMs! < 60_000, `${noCurl.convoy.detectMs} ms: inside the 60 s start period`);
    assert.ok(noCurl.circuitBreaker.detectMs! > 60_000);
    // With 10 tasks launched at once the breaker trips at about the first verdict: Convoy is not ahead there.
    const wide = await matrixRow(s, 1, 'p-gateway', {
      desired: 10,
      maximumPercent: 200,
      failureClass: 'deterministic',
    });
    const ratio = wide.circuitBreaker.detectMs! / wide.convoy.detectMs!;
    assert.ok(ratio > 0.8 && ratio < 1.2, `breaker ÷ Convoy at 10 tasks: ${ratio}`);
  });

  it('does not mistake a slow start inside the start period for a failure', async () => {
    const d = await convoyDetection(stack('sandbox-broker'), 1, 'worker', 'slow-start');
    assert.equal(d.rolledBack, false);
  });

  it('sees each service ready within one (longest) poll interval of ECS completing it', async () => {
    for (const name of ['alerting-platform', 'sandbox-broker', 'parental-control']) {
      const r = await healthyRun(stack(name), 1, 'dependencies');
      assert.equal(r.ok, true, r.error);
      const slack = r.depth * (MAX_POLL_MS + 1_000);
      assert.ok(
        r.deploySeconds * 1000 <= r.criticalPathSeconds * 1000 + slack,
        `${name}: ${JSON.stringify(r)}`,
      );
    }
  });

  it('deploys a healthy stack in at most 1.01 × its critical-path lower bound (issue 17; 1.1 × was issue 6)', async () => {
    for (const name of ['alerting-platform', 'sandbox-broker', 'parental-control']) {
      const r = await healthyRun(stack(name), 1, 'dependencies', POLL_MS);
      assert.equal(r.ok, true, r.error);
      assert.ok(
        r.ratio <= 1.01,
        `${name}: ${r.deploySeconds} s for a critical path of ${r.criticalPathSeconds} s (${r.ratio}×)`,
      );
    }
  });

  it('sees a job on the critical path stopped within half a poll interval of ECS stopping it', async () => {
    const s = stack('alerting-platform');
    const world = new SimWorld({ seed: 1 });
    registerImages(world, s, 'v1');
    const run = await deployWithConvoy(world, toStack(s, { version: 'v1', order: 'dependencies' }), {});
    assert.equal(run.ok, true, run.error);
    const task = world.ecs.allTasks().find((t) => t.def.family === `${s.name}-migrate`)!;
    const seen = firstEvent(run, 'service.ready', (e) => e.service === 'migrate')!.t;
    // Half the poll interval between two DescribeTasks of the stopping task, plus the call's round trip.
    assert.ok(
      seen - task.stoppedAt! <= POLL_MS / 2 + 100,
      `seen ${seen - task.stoppedAt!} ms after it stopped`,
    );
  });

  it('at 1,000 services, where registering task definitions at 1/s outlasts the critical path, stays within 1.1 × the bound that quota sets', async () => {
    const r = await healthyRun(generated(1_000), 1, 'dependencies', POLL_MS);
    assert.equal(r.ok, true, r.error);
    assert.ok(r.apiBoundSeconds > r.criticalPathSeconds * 1.4, JSON.stringify(r.apiBoundSeconds));
    assert.ok(
      r.ratioToTighterBound <= 1.1,
      `${r.deploySeconds} s for a bound of ${r.apiBoundSeconds} s (${r.ratioToTighterBound}×)`,
    );
    // Registered ahead, paced under the quota: one request per definition, none throttled.
    assert.equal(r.api.byOperation['ecs.RegisterTaskDefinition'], 1_000);
    assert.equal(r.api.throttlesReachedEngine, 0);
  });

  it('is deterministic: the same seed gives the same run', async () => {
    const a = await healthyRun(stack('parental-control', 7), 7, 'dependencies');
    const b = await healthyRun(stack('parental-control', 7), 7, 'dependencies');
    assert.deepEqual(
      [a.deploySeconds, a.criticalPathSeconds, a.api.total, a.api.byOperation],
      [b.deploySeconds, b.criticalPathSeconds, b.api.total, b.api.byOperation],
    );
  });
});
