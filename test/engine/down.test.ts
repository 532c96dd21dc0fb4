import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { systemClock } from '../../src/core/clock.js';
import { runDown } from '../../src/engine/down.js';
import { LockHeldError } from '../../src/errors.js';
import type { Stack } from '../../src/spec/types.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/store/store.js';
import { ManualClock, MemoryTarget, tempStack } from './memory-target.js';

/** Stopping takes several leases, as an aws `down` does against a 15 s lease. */
const DOWN_MS = 1200;

class SlowDownTarget extends MemoryTarget {
  fail?: string;
  override async down(): Promise<string[]> {
    await delay(DOWN_MS);
    if (this.fail) throw new Error(this.fail);
    return super.down();
  }
}

describe('convoy down holds the lock like a deployment and is recorded in history', () => {
  let store: Store;
  let stack: Stack;
  let target: SlowDownTarget;
  let cleanup = () => {};
  const run = () =>
    runDown(
      { store, target, clock: systemClock },
      { stack, correlationId: 'down-1', actor: 'test', context: {}, holder: 'test down', waitLockMs: 0 },
    );
  const intrude = () =>
    store.acquireLock({
      stack: stack.name,
      holder: 'a deployment',
      correlationId: 'deploy-1',
      leaseMs: stack.lock.lease,
      now: Date.now(),
    });

  afterEach(async () => {
    await store.close();
    cleanup();
  });
  const setUp = () => {
    const t = tempStack(
      'downrec',
      'lock: { lease: 300ms, heartbeat: 100ms }\nservices:\n  api:\n    local: { command: node }\n',
    );
    ({ stack, cleanup } = t);
    store = openSqliteStore(':memory:');
    target = new SlowDownTarget(new ManualClock(), () => ({ gateMs: 0 }));
    target.running.set('api', 'rev1');
  };

  it('keeps its lease past its length while the target stops, then records a down', async () => {
    setUp();
    const down = run();
    let intruded = false;
    let done = false;
    void down.finally(() => (done = true)).catch(() => undefined);
    await delay(50);
    while (!done) {
      const r = await intrude();
      if (r.acquired) {
        intruded = true;
        await store.releaseLock(stack.name, r.lock.token);
      }
      await delay(100);
    }
    assert.deepEqual((await down).stopped, ['api']);
    assert.equal(intruded, false, 'a deployment took the lock while down was stopping services');
    assert.equal(await store.getLock(stack.name), undefined, 'released at the end');
    const [d, ...rest] = await store.listDeployments({ stack: stack.name });
    assert.equal(rest.length, 0);
    assert.equal(d?.kind, 'down');
    assert.equal(d?.status, 'succeeded');
    assert.equal(d?.summary, 'stopped api');
    assert.equal(d?.correlationId, 'down-1');
    assert.ok(d!.endedAt! - d!.startedAt >= DOWN_MS);
  });

  it('refuses while a deployment holds the lock, stopping nothing and recording nothing', async () => {
    setUp();
    assert.ok((await intrude()).acquired);
    await assert.rejects(run(), LockHeldError);
    assert.deepEqual([...target.running.keys()], ['api']);
    assert.deepEqual(await store.listDeployments({ stack: stack.name }), []);
  });

  it('records a failed down with the target error, and releases the lock', async () => {
    setUp();
    target.fail = 'ECS said no';
    await assert.rejects(run(), /ECS said no/);
    const [d] = await store.listDeployments({ stack: stack.name });
    assert.equal(d?.status, 'failed');
    assert.match(d?.summary ?? '', /down failed: ECS said no/);
    assert.equal(await store.getLock(stack.name), undefined);
  });
});
