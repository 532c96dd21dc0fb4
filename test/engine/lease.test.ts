import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FencedOutError } from '../../src/errors.js';
import { becomesReady } from './fixtures/scripted-target.js';
import { get, stack, T0, trace, withFault, withHarness, type RunEvent } from './fixtures/harness.js';

/** Lease 15 s, heartbeat every 5 s. api takes 30 s to become healthy, so the deployment outlives several leases. */
const shop = stack('shop', { db: {}, api: { dependsOn: ['db'] }, web: { dependsOn: ['api'] } });

/** Codes a run that lost its lock must never emit afterwards: it neither acts nor rolls back nor releases. */
const AFTER_LOSS_FORBIDDEN = [
  'service.starting',
  'rollback.started',
  'service.rolling-back',
  'deploy.failed',
  'deploy.rollback-failed',
  'deploy.succeeded',
  'lock.released',
];

function after(events: RunEvent[], code: string): RunEvent[] {
  const i = events.findIndex((e) => e.code === code);
  assert.ok(i >= 0, `no ${code} among ${trace(events).join(', ')}`);
  return events.slice(i + 1);
}

describe('engine: losing the lease', () => {
  it('a heartbeat that cannot reach the store is retried; the lease holds while a renewal lands within it', () =>
    withHarness(async (h) => {
      h.target.script('api', becomesReady(30_000));
      // Renewals fail from 4 s to 8 s: the beat at 5 s fails, the one at 10 s lands well inside the 15 s lease.
      const store = withFault(h.store, 'renewLock', h.during(4000, 8000));
      const a = h.start(shop, { store });
      const b = h.start(shop, { waitLockMs: 120_000 });

      const [ra, rb] = await h.drive(Promise.all([a.done, b.done]));

      assert.equal(store.failures, 1);
      assert.equal(ra.ok, true, ra.error?.message);
      assert.equal(rb.ok, true, rb.error?.message);
      assert.equal(trace(ra.events).includes('lock.lost'), false);
      // Nobody took over: the waiter got the lock only when its holder released it.
      assert.equal(get(rb.events, 'lock.acquired').tookOverExpired, undefined);
      assert.ok(get(rb.events, 'lock.acquired').t >= get(ra.events, 'lock.released').t);
    }));

  it('a run cut off from the store for longer than its lease loses the lock to the next one, and stops at its next heartbeat without rolling back', () =>
    withHarness(async (h) => {
      h.target.script('api', becomesReady(30_000));
      // Renewals fail from 4 s to 18 s: the lease taken at 0 runs out at 15 s; the beat at 20 s learns it is gone.
      const a = h.start(shop, { store: withFault(h.store, 'renewLock', h.during(4000, 18_000)) });
      const b = h.start(shop, { waitLockMs: 120_000 });

      const [ra, rb] = await h.drive(Promise.all([a.done, b.done]));

      const takeover = get(rb.events, 'lock.acquired');
      assert.ok(takeover.t >= 15_000 && takeover.t < 20_000, `took over at ${takeover.t}`);
      assert.deepEqual(takeover.tookOverExpired, { holder: 'A@test', correlationId: 'A' });
      const lost = get(ra.events, 'lock.lost');
      assert.equal(lost.t, 20_000);
      assert.equal(lost.token, get(ra.events, 'lock.acquired').token);
      assert.ok(takeover.token > lost.token);
      assert.deepEqual(
        trace(after(ra.events, 'lock.lost')).filter((l) => AFTER_LOSS_FORBIDDEN.includes(l.split(' ')[0]!)),
        [],
      );
      assert.equal(ra.ok, false);
      assert.ok(ra.error instanceof FencedOutError, ra.error?.message);
      assert.equal(ra.error.exitCode, 2);
      assert.match(ra.error.message, /lost the lock/);

      // The next run found the cut-off one unfinished and resumed its work.
      assert.equal(rb.ok, true, rb.error?.message);
      const found = get(rb.events, 'deploy.interrupted-found');
      assert.deepEqual([found.previous, found.action], [ra.deploymentId, 'resume']);
      assert.deepEqual((await h.store.getDeployment(ra.deploymentId!))?.resolvedBy, {
        deploymentId: rb.deploymentId,
        action: 'resumed',
      });
      assert.deepEqual(await h.current('shop'), { api: '1', db: '1', web: '1' });
    }));

  it('a run whose lock was broken and taken by someone else writes nothing more, starts nothing more, and leaves the new holder’s lock alone', () =>
    withHarness(async (h) => {
      h.target.script('api', becomesReady(30_000));
      const a = h.start(shop);
      // At 7 s an operator breaks the lock (`convoy lock release --force`) and another holder takes it.
      let other: number | undefined;
      h.at(7000, async () => {
        await h.store.forceReleaseLock('shop');
        const r = await h.store.acquireLock({
          stack: 'shop',
          holder: 'Z@elsewhere',
          correlationId: 'Z',
          leaseMs: 3_600_000,
          now: h.clock.now(),
        });
        other = r.acquired ? r.lock.token : undefined;
      });

      const ra = await h.drive(a.done);

      assert.ok(other !== undefined, 'the other holder got the lock');
      assert.equal(get(ra.events, 'lock.lost').t, 10_000);
      assert.deepEqual(
        trace(after(ra.events, 'lock.lost')).filter((l) => AFTER_LOSS_FORBIDDEN.includes(l.split(' ')[0]!)),
        [],
      );
      assert.ok(ra.error instanceof FencedOutError, ra.error?.message);
      assert.equal(ra.error.exitCode, 2);
      // Its record stays as it was when the lock went: every later write was fenced out.
      assert.equal((await h.store.getDeployment(ra.deploymentId!))?.status, 'running');
      assert.deepEqual(await h.steps(ra.deploymentId!), { api: 'starting', db: 'healthy' });
      assert.deepEqual(
        h.target.actions.filter((x) => x.at > T0 + 7000),
        [],
      );
      assert.equal((await h.store.getLock('shop'))?.token, other);
    }));
});
