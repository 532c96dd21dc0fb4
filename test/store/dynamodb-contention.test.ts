import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { initDynamoTable, openDynamoStore } from '../../src/store/dynamodb/index.js';
import { assertOneHolderAtATime, runWorkers, workerScript, WORKERS } from './contention.js';
import { DUMMY_AWS_ENV, dummyClient, startDynalite } from './dynamo-servers.js';

/**
 * Real processes, each with its own SDK client, racing for one stack in one table over 127.0.0.1: the conditional
 * lock write must give mutual exclusion and strictly increasing tokens, and every holder's fenced write must land.
 * dynalite runs in this process; it has no transactions, so this also exercises the per-item fencing path.
 */

// Compiled location: dist/test/store/ -> dist/src/store/dynamodb/index.js
const storeUrl = new URL('../../src/store/dynamodb/index.js', import.meta.url).href;

const worker = workerScript(`
import { openDynamoStore } from ${JSON.stringify(storeUrl)};
const [endpoint, table, name] = process.argv.slice(2);
const store = openDynamoStore({ table, endpoint, region: 'us-east-1' });
`);

it(
  `dynamodb (dynalite): ${WORKERS} processes contending for one stack never overlap and get increasing tokens`,
  { timeout: 120_000 },
  async () => {
    const server = await startDynalite();
    const dir = await mkdtemp(join(tmpdir(), 'convoy-dynamo-contention-'));
    const client = dummyClient(server.endpoint);
    try {
      const table = 'contention';
      await initDynamoTable({ table, client, log: () => undefined });
      const held = await runWorkers(dir, worker, (name) => [server.endpoint, table, name], DUMMY_AWS_ENV);
      assertOneHolderAtATime(held);

      // Every holder's fenced write landed, once, in token order; the last holder's revision is current.
      const store = openDynamoStore({ table, client });
      const good = await store.listGoodRevisions('shared', 'svc');
      assert.deepEqual(
        good.map((g) => g.revision),
        [...held].reverse().map((h) => `${h.name}-${h.round}`),
      );
      assert.equal((await store.getCurrent('shared'))[0]?.revision, good[0]?.revision);
      assert.equal(await store.getLock('shared'), undefined);
    } finally {
      client.destroy();
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    }
  },
);
