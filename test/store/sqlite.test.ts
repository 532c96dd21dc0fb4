import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { schemaVersion } from '../../src/store/sqlite/schema.js';
import { openSqlite } from './sqlite-fixture.js';
import { runPauseContract } from './pause-contract.js';
import { runStoreContract } from './store-contract.js';

runStoreContract('sqlite', openSqlite);
runPauseContract('sqlite', openSqlite);

it('sqlite: creates the parent folder, uses WAL, records the schema version, reopens', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'convoy-store-'));
  try {
    const file = join(dir, 'nested', '.convoy', 'state.db');
    const store = openSqliteStore(file);
    const r = await store.acquireLock({ stack: 's', holder: 'h', correlationId: 'c', leaseMs: 10, now: 1 });
    await store.close();
    await store.close(); // idempotent
    assert.ok(existsSync(file));

    const db = new Database(file, { readonly: true });
    assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
    assert.equal(db.pragma('user_version', { simple: true }), schemaVersion);
    db.close();

    const again = openSqliteStore(file);
    assert.ok(r.acquired);
    assert.deepEqual(await again.getLock('s'), r.lock);
    await again.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

it('sqlite: refuses a file written by a newer schema', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'convoy-store-'));
  try {
    const file = join(dir, 'state.db');
    const db = new Database(file);
    db.pragma(`user_version = ${schemaVersion + 1}`);
    db.close();
    assert.throws(() => openSqliteStore(file), /newer than this convoy understands/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
