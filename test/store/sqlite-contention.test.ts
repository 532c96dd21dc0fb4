import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';

/**
 * Real processes, real file locks: the in-process contract cannot show that BEGIN IMMEDIATE + busy_timeout give
 * mutual exclusion and monotonic tokens when separate convoy runs race for one stack.
 */

const WORKERS = 8;
const ROUNDS = 5;
const HOLD_MS = 20;

// Compiled location: dist/test/store/ -> dist/src/store/sqlite/sqlite-store.js
const storeUrl = new URL('../../src/store/sqlite/sqlite-store.js', import.meta.url).href;

// Times use timeOrigin + performance.now(): sub-millisecond and comparable across processes on one machine.
const worker = `
import { openSqliteStore } from ${JSON.stringify(storeUrl)};
const [file, name, rounds, holdMs] = [process.argv[2], process.argv[3], Number(process.argv[4]), Number(process.argv[5])];
const clock = () => performance.timeOrigin + performance.now();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const store = openSqliteStore(file);
const held = [];
for (let i = 0; i < rounds; i++) {
  let lock;
  for (;;) {
    const r = await store.acquireLock({ stack: 'shared', holder: name, correlationId: name + '-' + i, leaseMs: 60000, now: Date.now() });
    if (r.acquired) { lock = r.lock; break; }
    await sleep(1 + Math.random() * 4);
  }
  const enter = clock();
  // A fenced write under contention must succeed for the holder.
  await store.setCurrent('shared', 'svc', { revision: name + '-' + i, deploymentId: name, at: Date.now() }, lock.token);
  await sleep(holdMs);
  const exit = clock();
  await store.releaseLock('shared', lock.token);
  held.push({ name, token: lock.token, enter, exit });
}
await store.close();
process.stdout.write(JSON.stringify(held));
`;

interface Held {
  name: string;
  token: number;
  enter: number;
  exit: number;
}

function run(script: string, args: string[]): Promise<Held[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve(JSON.parse(out) as Held[])
        : reject(new Error(`worker ${args[1]} exited ${code}: ${err}`)),
    );
  });
}

it(
  `sqlite: ${WORKERS} processes contending for one stack never overlap and get increasing tokens`,
  { timeout: 120_000 },
  async () => {
    const dir = await mkdtemp(join(tmpdir(), 'convoy-contention-'));
    try {
      const script = join(dir, 'worker.mjs');
      await writeFile(script, worker);
      // The workers open the fresh file at the same time too: WAL switch and migration must survive that race.
      const file = join(dir, 'state.db');
      const results = await Promise.all(
        Array.from({ length: WORKERS }, (_, i) =>
          run(script, [file, `w${i}`, String(ROUNDS), String(HOLD_MS)]),
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
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
);
