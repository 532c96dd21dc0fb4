import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { initDynamoTable, openDynamoStore } from '../src/store/dynamodb/index.js';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.js';
import type { Store } from '../src/store/store.js';
import { printTable, SHORT, summarize, writeResult } from './report.js';

const require = createRequire(import.meta.url);

interface Backend {
  name: string;
  open(): Store;
  close(): Promise<void>;
}

async function sqlite(): Promise<Backend> {
  const dir = mkdtempSync(join(tmpdir(), 'convoy-bench-lock-'));
  return {
    name: 'sqlite',
    open: () => openSqliteStore(join(dir, 'state.db')),
    close: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** DynamoDB as dynalite implements it, on loopback: latency here is dynalite's, not AWS's network. */
async function dynamodb(): Promise<Backend> {
  const server = (require('dynalite') as (o: { createTableMs: number }) => Server)({ createTableMs: 0 });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const endpoint = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const client = () =>
    new DynamoDBClient({
      region: 'us-east-1',
      endpoint,
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    });
  await initDynamoTable({ table: 'bench', client: client(), log: () => undefined });
  return {
    name: 'dynamodb (dynalite)',
    open: () => openDynamoStore({ table: 'bench', client: client() }),
    close: () => new Promise((r) => server.close(() => r())),
  };
}

/** One client acquiring and releasing a free lock: the cost a deployment pays when nobody else is there. */
async function uncontended(b: Backend, cycles: number) {
  const store = b.open();
  const acquire: number[] = [];
  const release: number[] = [];
  const t0 = performance.now();
  for (let i = 0; i < cycles; i++) {
    let t = performance.now();
    const r = await store.acquireLock({
      stack: 'bench',
      holder: 'h',
      correlationId: `c${i}`,
      leaseMs: 30_000,
      now: Date.now(),
    });
    acquire.push(performance.now() - t);
    if (!r.acquired) throw new Error('lock unexpectedly held');
    t = performance.now();
    await store.releaseLock('bench', r.lock.token);
    release.push(performance.now() - t);
  }
  const seconds = (performance.now() - t0) / 1000;
  await store.close();
  return {
    cycles,
    acquireMs: summarize(acquire),
    releaseMs: summarize(release),
    cyclesPerSecond: Math.round(cycles / seconds),
  };
}

/** K clients competing for one stack: how many hand-overs per second, and how long a winner waits. */
async function contended(b: Backend, clients: number, handovers: number) {
  const stores = Array.from({ length: clients }, () => b.open());
  let done = 0;
  const waits: number[] = [];
  const t0 = performance.now();
  await Promise.all(
    stores.map(async (store, k) => {
      while (done < handovers) {
        const t = performance.now();
        let r = await store.acquireLock({
          stack: 'contended',
          holder: `k${k}`,
          correlationId: 'c',
          leaseMs: 30_000,
          now: Date.now(),
        });
        while (!r.acquired && done < handovers) {
          await new Promise((res) => setTimeout(res, 1));
          r = await store.acquireLock({
            stack: 'contended',
            holder: `k${k}`,
            correlationId: 'c',
            leaseMs: 30_000,
            now: Date.now(),
          });
        }
        if (!r.acquired) return;
        waits.push(performance.now() - t);
        done++;
        await store.releaseLock('contended', r.lock.token);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  for (const s of stores) await s.close();
  return {
    clients,
    handovers: done,
    handoversPerSecond: Math.round(done / seconds),
    acquireWaitMs: summarize(waits),
  };
}

export async function runLockBench(): Promise<void> {
  const cycles = SHORT ? 50 : 1000;
  const handovers = SHORT ? 40 : 500;
  const results = [];
  for (const make of [sqlite, dynamodb]) {
    const b = await make();
    try {
      results.push({
        backend: b.name,
        uncontended: await uncontended(b, cycles),
        contended: await contended(b, 8, handovers),
      });
    } finally {
      await b.close();
    }
  }
  const file = await writeResult('lock', { results });
  process.stdout.write(`\nLock acquire/release (${file})\n`);
  printTable([
    [
      'backend',
      'acquire p50 ms',
      'acquire p99 ms',
      'release p50 ms',
      'cycles/s',
      '8 clients: handovers/s',
      'wait p95 ms',
    ],
    ...results.map((r) => [
      r.backend,
      r.uncontended.acquireMs.p50,
      r.uncontended.acquireMs.p99,
      r.uncontended.releaseMs.p50,
      r.uncontended.cyclesPerSecond,
      r.contended.handoversPerSecond,
      r.contended.acquireWaitMs.p95,
    ]),
  ]);
}
