import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import Database from 'better-sqlite3';
import { migrations } from '../../src/store/sqlite/schema.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { runEventContract } from './event-contract.js';
import { openSqlite } from './sqlite-fixture.js';

runEventContract('sqlite', openSqlite);

it('sqlite: a file from before the event stream keeps its events, numbered per stack in deployment order', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'convoy-store-'));
  try {
    const file = join(dir, 'state.db');
    const db = new Database(file);
    for (const sql of migrations.slice(0, 2)) db.exec(sql);
    db.pragma('user_version = 2');
    const dep = db.prepare(
      `INSERT INTO deployments (id, stack, kind, correlation_id, actor, context, status, fencing_token, started_at)
       VALUES (?, ?, 'deploy', 'c', 'a', '{}', 'succeeded', 1, ?)`,
    );
    dep.run('late', 'web', 2000);
    dep.run('early', 'web', 1000);
    dep.run('other', 'api', 1500);
    const ev = db.prepare('INSERT INTO events (deployment_id, seq, at, code, data) VALUES (?, ?, ?, ?, ?)');
    ev.run('late', 1, 2001, 'deploy.started', '{"n":3}');
    ev.run('early', 2, 1002, 'deploy.succeeded', '{"n":2}');
    ev.run('early', 1, 1001, 'deploy.started', '{"n":1}');
    ev.run('other', 1, 1501, 'deploy.started', '{}');
    ev.run('pruned-long-ago', 1, 1, 'deploy.started', '{}');
    db.close();

    const store = openSqliteStore(file);
    try {
      assert.deepEqual(
        (await store.listEventsAfter('web', 0, 10)).map((e) => [e.seq, e.deploymentId, e.data.n]),
        [
          [1, 'early', 1],
          [2, 'early', 2],
          [3, 'late', 3],
        ],
      );
      assert.deepEqual(
        (await store.listEvents('other')).map((e) => [e.stack, e.seq]),
        [['api', 1]],
      );
      assert.equal(await store.appendEvent({ stack: 'web', at: 3000, code: 'lock.queued', data: {} }), 4);
    } finally {
      await store.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
