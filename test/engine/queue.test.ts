import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LockHeldError, SupersededError } from '../../src/errors.js';
import { becomesReady } from './fixtures/scripted-target.js';
import {
  get,
  stack,
  T0,
  trace,
  withHarness,
  withVersions,
  type Harness,
  type RunEvent,
} from './fixtures/harness.js';

/** A deployment of shop takes 12 s: db 1 s, then api 10 s, then web 1 s. */
const shop = stack('shop', { db: {}, api: { dependsOn: ['db'] }, web: { dependsOn: ['api'] } });
const v2 = withVersions(shop, { api: '2' });
const v3 = withVersions(shop, { api: '3' });

function slowApi(h: Harness): void {
  h.target.script('api', becomesReady(10_000));
}

/** Which run took the lock, in the order they took it. */
function acquisitions(h: Harness): string[] {
  return h.log.filter((e) => e.code === 'lock.acquired').map((e) => e.run);
}

/** Index of a run's event in the shared log. */
function at(h: Harness, run: string, code: RunEvent['code']): number {
  const i = h.log.findIndex((e) => e.run === run && e.code === code);
  assert.ok(i >= 0, `${run} has no ${code}`);
  return i;
}

describe('engine: the lock queue', () => {
  it('without waiting, a second deployment is refused at once (exit 2), naming the holder, and leaves no record', () =>
    withHarness(async (h) => {
      slowApi(h);
      const a = h.start(shop);
      const b = h.startAt(1000, v2);

      const [ra, rb] = await h.drive(Promise.all([a.done, b]));

      assert.equal(ra.ok, true, ra.error?.message);
      assert.equal(rb.ok, false);
      assert.ok(rb.error instanceof LockHeldError, rb.error?.message);
      assert.equal(rb.error.exitCode, 2);
      assert.match(rb.error.message, /being deployed by A@test since .* \(correlation id A\)/);
      assert.deepEqual(rb.events, []);
      assert.deepEqual(
        (await h.store.listDeployments({ stack: 'shop' })).map((d) => d.correlationId),
        ['A'],
      );
    }));

  it('a waiting deployment joins the queue, says whom it waits for, and starts once the holder has released', () =>
    withHarness(async (h) => {
      slowApi(h);
      const a = h.start(shop);
      const b = h.startAt(1000, v2, { waitLockMs: 60_000 });

      const [ra, rb] = await h.drive(Promise.all([a.done, b]));

      assert.equal(ra.ok, true, ra.error?.message);
      assert.equal(rb.ok, true, rb.error?.message);
      assert.deepEqual(trace(rb.events).slice(0, 4), [
        'lock.queued',
        'lock.waiting',
        'lock.acquired',
        'deploy.started',
      ]);
      const queued = get(rb.events, 'lock.queued');
      assert.equal(queued.position, 1);
      const waiting = get(rb.events, 'lock.waiting');
      assert.deepEqual(
        [waiting.holder, waiting.correlationId, waiting.position, waiting.queueLength],
        ['A@test', 'A', 1, 1],
      );
      assert.ok(at(h, 'A', 'lock.released') < at(h, 'B', 'lock.acquired'));
      assert.equal(get(rb.events, 'lock.acquired').token, get(ra.events, 'lock.acquired').token + 1);
      const [first, second] = [
        await h.store.getDeployment(ra.deploymentId!),
        await h.store.getDeployment(rb.deploymentId!),
      ];
      assert.ok(second!.startedAt >= first!.endedAt!, 'the second deployment began after the first ended');
      assert.deepEqual(await h.current('shop'), { api: '2', db: '1', web: '1' });
      assert.deepEqual(await h.store.listQueue('shop', h.clock.now()), []);
    }));

  it('waiters are served in arrival order, each told its place in line', () =>
    withHarness(async (h) => {
      slowApi(h);
      const a = h.start(shop);
      const b = h.startAt(1000, v2, { waitLockMs: 120_000 });
      // C arrives later, and out of step with B's polling, so it looks at the lock first at times; it still waits.
      const c = h.startAt(2250, v3, { waitLockMs: 120_000 });

      const results = await h.drive(Promise.all([a.done, b, c]));

      assert.deepEqual(
        results.map((r) => r.ok),
        [true, true, true],
      );
      assert.deepEqual(acquisitions(h), ['A', 'B', 'C']);
      const [, rb, rc] = results;
      assert.equal(get(rc!.events, 'lock.queued').position, 2);
      const cWaiting = rc!.events.filter((e) => e.code === 'lock.waiting');
      const seen = cWaiting.map((e) => [e.holder, e.position, e.queueLength]);
      assert.deepEqual(seen[0], ['A@test', 2, 2]);
      assert.deepEqual(seen.at(-1), ['B@test', 1, 1]);
      // Between A's release and B's turn, C found the lock free; B was ahead of it, so C left the lock alone.
      assert.ok(
        seen.some(([holder, position]) => holder === undefined && position === 2),
        JSON.stringify(seen),
      );
      assert.ok(at(h, 'B', 'lock.released') < at(h, 'C', 'lock.acquired'));
      assert.ok(get(rc!.events, 'lock.acquired').token > get(rb!.events, 'lock.acquired').token);
      assert.deepEqual(await h.current('shop'), { api: '3', db: '1', web: '1' });
    }));

  it('a newer deployment that cancels superseded ones replaces the older queued deployment, never the running one', () =>
    withHarness(async (h) => {
      slowApi(h);
      const a = h.start(shop);
      const b = h.startAt(1000, v2, { waitLockMs: 120_000 });
      const c = h.startAt(2000, v3, { waitLockMs: 120_000, cancelSuperseded: true });

      const [ra, rb, rc] = await h.drive(Promise.all([a.done, b, c]));

      assert.equal(ra.ok, true, ra.error?.message);
      assert.deepEqual(trace(rc.events).slice(0, 3), ['lock.queued', 'lock.superseded', 'lock.waiting']);
      assert.deepEqual(get(rc.events, 'lock.superseded').replaced, ['B']);
      assert.equal(rb.ok, false);
      assert.ok(rb.error instanceof SupersededError, rb.error?.message);
      assert.equal(rb.error.exitCode, 2);
      assert.match(rb.error.message, /superseded by a newer one \(correlation id C\)/);
      assert.equal(trace(rb.events).includes('lock.acquired'), false);
      assert.equal(rc.ok, true, rc.error?.message);
      assert.deepEqual(acquisitions(h), ['A', 'C']);
      assert.deepEqual(
        (await h.store.listDeployments({ stack: 'shop' })).map((d) => [d.correlationId, d.status]),
        [
          ['C', 'succeeded'],
          ['A', 'succeeded'],
        ],
      );
      assert.deepEqual(await h.current('shop'), { api: '3', db: '1', web: '1' });
    }));

  it('a waiter that runs out of time gives up (exit 2), says where it was, and leaves the queue', () =>
    withHarness(async (h) => {
      h.target.script('api', becomesReady(60_000));
      const a = h.start(shop);
      const b = h.startAt(1000, v2, { waitLockMs: 5000 });

      const rb = await h.drive(b);

      assert.equal(rb.ok, false);
      assert.ok(rb.error instanceof LockHeldError, rb.error?.message);
      assert.equal(rb.error.exitCode, 2);
      assert.match(
        rb.error.message,
        /gave up after waiting 5s .*held by A@test.*we were number 1 in the queue/,
      );
      // It gave up exactly when its 5 s ran out.
      assert.equal(h.clock.now() - T0, 6000);
      assert.deepEqual(await h.store.listQueue('shop', h.clock.now()), []);
      assert.equal(trace(rb.events).includes('lock.acquired'), false);

      const ra = await h.drive(a.done);
      assert.equal(ra.ok, true, ra.error?.message);
      assert.deepEqual(
        (await h.store.listDeployments({ stack: 'shop' })).map((d) => d.correlationId),
        ['A'],
      );
    }));

  it('a waiter interrupted (Ctrl-C) stops waiting at once, leaves the queue and never deploys (exit 2)', () =>
    withHarness(async (h) => {
      slowApi(h);
      const a = h.start(shop);
      const interrupt = new AbortController();
      const b = h.startAt(1000, v2, { waitLockMs: 60_000, signal: interrupt.signal });
      h.at(3000, () => interrupt.abort(new Error('cancelled by SIGINT')));

      const [ra, rb] = await h.drive(Promise.all([a.done, b]));

      assert.equal(ra.ok, true, ra.error?.message);
      assert.equal(rb.ok, false);
      assert.ok(rb.error instanceof LockHeldError, rb.error?.message);
      assert.equal(rb.error.exitCode, 2);
      assert.match(rb.error.message, /cancelled by SIGINT/);
      assert.equal(trace(rb.events).includes('lock.acquired'), false);
      assert.ok(
        rb.events.every((e) => e.t <= 3000),
        `B went on after the interrupt: ${trace(rb.events).join(', ')}`,
      );
      assert.deepEqual(
        (await h.store.listDeployments({ stack: 'shop' })).map((d) => d.correlationId),
        ['A'],
      );
      assert.deepEqual(await h.current('shop'), { api: '1', db: '1', web: '1' });
      assert.deepEqual(await h.store.listQueue('shop', h.clock.now()), []);
    }));
});
