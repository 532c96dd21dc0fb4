import assert from 'node:assert/strict';
import { it } from 'node:test';
import { systemClock } from '../../src/core/clock.js';
import { Emitter } from '../../src/engine/emitter.js';
import type { ConvoyEvent } from '../../src/engine/events.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/store/store.js';

/** Persist first, then publish (issue 12). */

const noRedact = (t: string) => t;

it('a subscriber gets each event only once it is stored, with its seq, in order and off the emitter’s call stack', async () => {
  const store = openSqliteStore(':memory:');
  const emitter = new Emitter('web', systemClock, store, noRedact);
  const checks: string[] = [];
  emitter.subscribe(async (e) => {
    const [stored] = await store.listEventsAfter('web', e.seq! - 1, 1);
    checks.push(`${e.seq} ${e.code} stored=${stored?.code === e.code}`);
  });
  emitter.emit({ code: 'lock.queued', ticket: 1, position: 1 });
  emitter.deploymentId = 'd1';
  emitter.emit({ code: 'lock.released', token: 3 });
  assert.deepEqual(checks, [], 'emit returns before any subscriber runs');
  await emitter.flush();
  assert.deepEqual(checks, ['1 lock.queued stored=true', '2 lock.released stored=true']);
  const stored = await store.listEventsAfter('web', 0, 10);
  assert.deepEqual(
    stored.map((e) => [e.seq, e.deploymentId, e.code, e.data]),
    [
      [1, undefined, 'lock.queued', { ticket: 1, position: 1 }],
      [2, 'd1', 'lock.released', { token: 3 }],
    ],
  );
  await store.close();
});

it('events the store refuses wait for the next store (degraded mode); at a flush they are shown unstored', async () => {
  const down = {
    appendEvent: () => Promise.reject(new Error('ECONNREFUSED')),
  } as unknown as Store;
  const local = openSqliteStore(':memory:');
  const emitter = new Emitter('web', systemClock, down, noRedact);
  const seen: ConvoyEvent[] = [];
  emitter.subscribe((e) => void seen.push(e));

  emitter.emit({ code: 'preflight.passed', checks: 3, skipped: 0 });
  await new Promise((r) => setTimeout(r, 50));
  assert.equal(seen.length, 0, 'not shown while the store may still take it');
  emitter.useStore(local);
  emitter.emit({ code: 'store.degraded', message: 'unreachable', file: 'unlocked.db' });
  await emitter.flush();
  assert.deepEqual(
    seen.map((e) => [e.seq, e.code]),
    [
      [1, 'preflight.passed'],
      [2, 'store.degraded'],
    ],
  );

  emitter.useStore(down);
  emitter.emit({ code: 'history.imported', deployments: 1 });
  await emitter.flush();
  assert.equal(seen.at(-1)!.code, 'history.imported');
  assert.equal(seen.at(-1)!.seq, undefined, 'shown without a seq: it is not in the stream');
  await local.close();
});
