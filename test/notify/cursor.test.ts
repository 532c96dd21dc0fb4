import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openOn, startDynalite, type DynamoServer } from '../store/dynamo-servers.js';
import { openSqlite } from '../store/sqlite-fixture.js';
import type { OpenStore } from '../store/store-contract.js';

/** The notification outbox's one store primitive: a per-channel cursor written by compare-and-set. */
function cursorContract(open: OpenStore): void {
  it('starts empty, takes the first write, refuses a stale version, keeps state per channel', async () => {
    const { store, openAnother, cleanup } = await open();
    try {
      assert.equal(await store.getCursor('s', 'slack'), undefined);
      assert.equal(await store.putCursor('s', 'slack', { seq: 0, state: {}, version: 1 }), true);
      const other = await openAnother();
      // A second sender that also saw "none" loses: the lease it wanted is someone else's.
      assert.equal(await other.putCursor('s', 'slack', { seq: 0, state: {}, version: 1 }), false);
      const next = { seq: 7, state: { parents: { d1: '1.2' } }, holder: 'me', leaseUntil: 99, version: 2 };
      assert.equal(await store.putCursor('s', 'slack', next), true);
      assert.equal(await other.putCursor('s', 'slack', { ...next, seq: 9 }), false);
      assert.deepEqual(await other.getCursor('s', 'slack'), next);
      assert.equal(await store.getCursor('s', 'hook'), undefined);
      assert.equal(await store.getCursor('t', 'slack'), undefined);
      const released = { seq: 8, state: {}, version: 3 };
      assert.equal(await other.putCursor('s', 'slack', released), true);
      assert.deepEqual(await store.getCursor('s', 'slack'), released);
    } finally {
      await cleanup();
    }
  });
}

describe('delivery cursors (sqlite)', () => cursorContract(openSqlite));

describe('delivery cursors (dynamodb on dynalite)', () => {
  let server: DynamoServer;
  before(async () => {
    server = await startDynalite();
  });
  after(() => server.stop());
  cursorContract(openOn(() => server));
});
