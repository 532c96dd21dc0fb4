import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { initDynamoTable, openDynamoStore } from '../../src/store/dynamodb/index.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/store/store.js';
import { DUMMY_AWS_ENV, dummyClient, startDynalite } from './dynamo-servers.js';

/**
 * Real processes appending to one stack's stream at once (the in-process contract cannot show that SQLite's
 * IMMEDIATE transaction, or DynamoDB's atomic counter, serialise separate convoy runs): every seq is handed out
 * once, with no gaps, and each process's events keep their order.
 */

const WORKERS = 4;
const EVENTS = 30;

// Compiled location: dist/test/store/ -> dist/src/store/...
const sqliteUrl = new URL('../../src/store/sqlite/sqlite-store.js', import.meta.url).href;
const dynamoUrl = new URL('../../src/store/dynamodb/index.js', import.meta.url).href;

const appendLoop = `
const seqs = [];
for (let i = 0; i < ${EVENTS}; i++)
  seqs.push(await store.appendEvent({ stack: 'shared', at: Date.now(), code: 'tick', data: { who: name, i } }));
await store.close();
process.stdout.write(JSON.stringify(seqs));
`;

function runWorker(file: string, args: string[], env: Record<string, string>): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [file, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    });
    let [out, err] = ['', ''];
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(JSON.parse(out) as number[]) : reject(new Error(`worker exited ${code}: ${err}`)),
    );
  });
}

async function race(
  dir: string,
  opening: string,
  args: (name: string) => string[],
  env: Record<string, string> = {},
): Promise<Map<string, number[]>> {
  const file = join(dir, 'append.mjs');
  await writeFile(file, opening + appendLoop);
  const names = Array.from({ length: WORKERS }, (_, i) => `w${i}`);
  const results = await Promise.all(names.map((n) => runWorker(file, args(n), env)));
  return new Map(names.map((n, i) => [n, results[i]!]));
}

async function assertOneStream(store: Store, bySeqs: Map<string, number[]>): Promise<void> {
  const total = WORKERS * EVENTS;
  const all = [...bySeqs.values()].flat().sort((a, b) => a - b);
  assert.deepEqual(
    all,
    Array.from({ length: total }, (_, i) => i + 1),
  );
  const stream = await store.listEventsAfter('shared', 0, total + 10);
  for (const [who, seqs] of bySeqs)
    assert.deepEqual(
      stream.filter((e) => e.data.who === who).map((e) => [e.seq, e.data.i]),
      seqs.map((seq, i) => [seq, i]),
      `${who}'s events are stored in its order, at the seqs it was told`,
    );
}

it(
  `sqlite: ${WORKERS} processes appending to one stack get every seq once, in order`,
  { timeout: 120_000 },
  async () => {
    const dir = await mkdtemp(join(tmpdir(), 'convoy-event-contention-'));
    try {
      const db = join(dir, 'state.db');
      const opening = `import { openSqliteStore } from ${JSON.stringify(sqliteUrl)};
const [file, name] = process.argv.slice(2);
const store = openSqliteStore(file);
`;
      const seqs = await race(dir, opening, (name) => [db, name]);
      const store = openSqliteStore(db);
      try {
        await assertOneStream(store, seqs);
      } finally {
        await store.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
);

it(
  `dynamodb (dynalite): ${WORKERS} processes appending to one stack get every seq once, in order`,
  { timeout: 120_000 },
  async () => {
    const server = await startDynalite();
    const dir = await mkdtemp(join(tmpdir(), 'convoy-event-contention-'));
    const client = dummyClient(server.endpoint);
    try {
      const table = 'events';
      await initDynamoTable({ table, client, log: () => undefined });
      const opening = `import { openDynamoStore } from ${JSON.stringify(dynamoUrl)};
const [endpoint, table, name] = process.argv.slice(2);
const store = openDynamoStore({ table, endpoint, region: 'us-east-1' });
`;
      const seqs = await race(dir, opening, (name) => [server.endpoint, table, name], DUMMY_AWS_ENV);
      await assertOneStream(openDynamoStore({ table, client }), seqs);
    } finally {
      client.destroy();
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    }
  },
);
