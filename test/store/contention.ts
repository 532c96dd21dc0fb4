import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Shared by the per-backend contention tests: WORKERS real processes, each with its own store client, race ROUNDS
 * times for the lock of one stack, make a fenced write while holding it, and report when they held it.
 */

export const WORKERS = 8;
export const ROUNDS = 5;
export const HOLD_MS = 20;

/** One holding of the lock, as a worker reports it. */
export interface Held {
  name: string;
  round: number;
  token: number;
  enter: number;
  exit: number;
}

/**
 * The worker program: `opening` imports the backend and defines `store` (opened from process.argv) and `name`;
 * the rounds that follow are the same for every backend.
 */
export function workerScript(opening: string): string {
  // Times come from CLOCK_MONOTONIC (process.hrtime), which every process on one machine shares. Not
  // timeOrigin + performance.now(): each process fixes its timeOrigin once at start, from two clock reads that a
  // loaded machine can split by a scheduling quantum: the likely cause of an 18 ms "overlap" seen once under load.
  return `${opening}
const clock = () => Number(process.hrtime.bigint()) / 1e6;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const held = [];
for (let i = 0; i < ${ROUNDS}; i++) {
  let lock;
  for (;;) {
    const r = await store.acquireLock({ stack: 'shared', holder: name, correlationId: name + '-' + i, leaseMs: 60000, now: Date.now() });
    if (r.acquired) { lock = r.lock; break; }
    await sleep(1 + Math.random() * 4);
  }
  const enter = clock();
  // A fenced write under contention must succeed for the holder.
  await store.setCurrent('shared', 'svc', { revision: name + '-' + i, deploymentId: name, at: Date.now() }, lock.token);
  await sleep(${HOLD_MS});
  const exit = clock();
  await store.releaseLock('shared', lock.token);
  held.push({ name, round: i, token: lock.token, enter, exit });
}
await store.close();
process.stdout.write(JSON.stringify(held));
`;
}

/**
 * Writes `script` to `dir` and runs WORKERS copies at once, worker `w<i>` with the arguments `args('w<i>')`.
 * Resolves with every holding of every worker, in the order they entered; rejects when a worker fails.
 */
export async function runWorkers(
  dir: string,
  script: string,
  args: (name: string) => string[],
  env: Record<string, string> = {},
): Promise<Held[]> {
  const file = join(dir, 'worker.mjs');
  await writeFile(file, script);
  const results = await Promise.all(
    Array.from({ length: WORKERS }, (_, i) => runWorker(file, `w${i}`, args(`w${i}`), env)),
  );
  return results.flat().sort((a, b) => a.enter - b.enter);
}

function runWorker(file: string, name: string, args: string[], env: Record<string, string>): Promise<Held[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [file, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve(JSON.parse(out) as Held[])
        : reject(new Error(`worker ${name} exited ${code}: ${err}`)),
    );
  });
}

/** Every round of every worker held the lock, no two holdings overlap, and tokens strictly increase and are distinct. */
export function assertOneHolderAtATime(held: Held[]): void {
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
}
