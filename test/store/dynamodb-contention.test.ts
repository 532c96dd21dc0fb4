import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { initDynamoTable, openDynamoStore } from '../../src/store/dynamodb/index.js';
import { DUMMY_AWS_ENV, dummyClient, startDynalite } from './dynamo-servers.js';

/**
 * Real processes, each with its own SDK client, racing for one stack in one table over 127.0.0.1: the conditional
 * lock write must give mutual exclusion and strictly increasing tokens, and every holder's fenced write must land.
 * dynalite runs in this process; it has no transactions, so this also exercises the per-item fencing path.
 */

const WORKERS = 8;
const ROUNDS = 5;
const HOLD_MS = 20;

// Compiled location: dist/test/store/ -> dist/src/store/dynamodb/index.js
const storeUrl = new URL('../../src/store/dynamodb/index.js', import.meta.url).href;

// Times use timeOrigin + performance.now(): sub-millisecond and comparable across processes on one machine.
const worker = `
import { openDynamoStore } from ${JSON.stringify(storeUrl)};
const [endpoint, table, name, rounds, holdMs] = process.argv.slice(2);
const clock = () => performance.timeOrigin + performance.now();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const store = openDynamoStore({ table, endpoint, region: 'us-east-1' });
const held = [];
for (let i = 0; i < Number(rounds); i++) {
  let lock;
  for (;;) {
    const r = await store.acquireLock({ stack: 'shared', holder: name, correlationId: name + '-' + i, leaseMs: 60000, now: Date.now() });
    if (r.acquired) { lock = r.lock; break; }
    await sleep(1 + Math.random() * 4);
  }
  const enter = clock();
  await store.setCurrent('shared', 'svc', { revision: name + '-' + i, deploymentId: name, at: Date.now() }, lock.token);
  await sleep(Number(holdMs));
  const exit = clock();
  await store.releaseLock('shared', lock.token);
  held.push({ name, round: i, token: lock.token, enter, exit });
}
await store.close();
process.stdout.write(JSON.stringify(held));
`;

interface Held {
  name: string;
  round: number;
  token: number;
  enter: number;
  exit: number;
}

function run(script: string, args: string[]): Promise<Held[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...DUMMY_AWS_ENV },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve(JSON.parse(out) as Held[])
        : reject(new Error(`worker ${args[2]} exited ${code}: ${err}`)),
    );
  });
}

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
      const script = join(dir, 'worker.mjs');
      await writeFile(script, worker);
      const results = await Promise.all(
        Array.from({ length: WORKERS }, (_, i) =>
          run(script, [server.endpoint, table, `w${i}`, String(ROUNDS), String(HOLD_MS)]),
        ),
      );

      const held = results.flat().sort((a, b) => a.enter - b.enter);
      assert.equal(held.length, WORKERS * ROUNDS);
      for (let i = 1; i < held.length; i++) {
        const [prev, cur] = [held[i - 1]!, held[i]!];
        assert.ok(
          cur.enter >= prev.exit,
          `overlap: ${prev.name} held until ${prev.exit}, ${cur.name} entered at ${cur.enter}`,
        );
        assert.ok(
          cur.token > prev.token,
          `token ${cur.token} (${cur.name}) not above ${prev.token} (${prev.name})`,
        );
      }
      assert.equal(new Set(held.map((h) => h.token)).size, held.length, 'tokens are distinct');

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
