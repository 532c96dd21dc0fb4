import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { VirtualClock } from '../../../bench/sim/clock.js';
import { Pacer } from '../../../src/targets/aws/pacer.js';

/** On virtual time: the pacer's promises are about when, and a wall clock would make them about load. */

async function settle(clock: VirtualClock, until: number): Promise<void> {
  for (;;) {
    await new Promise((r) => setImmediate(r));
    const wake = clock.nextWake();
    if (wake === undefined || wake > until) return;
    clock.advanceTo(wake);
  }
}

describe('aws target: pacing task definition registrations', () => {
  it('lets the burst through at once, then one request per refill, never more', async () => {
    const clock = new VirtualClock(0);
    const pacer = new Pacer(clock, { burst: 2, perSecond: 1 });
    const at: number[] = [];
    for (let i = 0; i < 5; i++) void pacer.take(false).then(() => at.push(clock.now()));
    await settle(clock, 10_000);
    assert.deepEqual(at, [0, 0, 1_000, 2_000, 3_000]);
  });

  it('serves an urgent caller before those already waiting', async () => {
    const clock = new VirtualClock(0);
    const pacer = new Pacer(clock, { burst: 1, perSecond: 1 });
    const order: string[] = [];
    for (const n of ['a', 'b', 'c']) void pacer.take(false).then(() => order.push(n));
    void pacer.take(true).then(() => order.push('urgent'));
    await settle(clock, 10_000);
    assert.deepEqual(order, ['a', 'urgent', 'b', 'c']);
  });

  it('drops a waiter whose signal aborted, with the signal’s reason', async () => {
    const clock = new VirtualClock(0);
    const pacer = new Pacer(clock, { burst: 1, perSecond: 1 });
    const abort = new AbortController();
    await pacer.take(false);
    const dropped = pacer.take(false, abort.signal).then(
      () => 'served',
      (e: Error) => e.message,
    );
    abort.abort(new Error('not needed'));
    const next = pacer.take(false);
    await settle(clock, 10_000);
    assert.equal(await dropped, 'not needed');
    await next;
    assert.equal(clock.now(), 1_000, 'the aborted waiter did not use up the token');
  });
});
