// Runs the example service program (examples/server/service.mjs) as real processes.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { freePort } from '../ports.js';

// Compiled to dist/test/examples/, so the repo root is three folders up.
const SERVICE = fileURLToPath(new URL('../../../examples/server/service.mjs', import.meta.url));

interface Run {
  child: ChildProcess;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const children: ChildProcess[] = [];
after(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

function run(env: Record<string, string>): Run {
  const child = spawn(process.execPath, [SERVICE], {
    env: { PATH: process.env.PATH ?? '', SERVICE_NAME: 'test-svc', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => out, exited };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until the URL answers (any status); returns the response, its body and when it first answered. */
async function waitForHttp(url: string, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(url);
      return { status: res.status, body: (await res.json()) as Record<string, unknown>, at: Date.now() };
    } catch (e) {
      if (Date.now() > deadline)
        throw new Error(`${url} did not answer within ${timeoutMs} ms: ${String(e)}`);
      await sleep(50);
    }
  }
}

async function waitForOutput(r: Run, re: RegExp, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!re.test(r.output())) {
    if (Date.now() > deadline) throw new Error(`no ${re} within ${timeoutMs} ms: ${r.output()}`);
    await sleep(20);
  }
}

async function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no result within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([p, expired]);
  } finally {
    clearTimeout(timer);
  }
}

test('health answers 200 with VERSION', async () => {
  const port = await freePort();
  const r = run({ PORT: String(port), VERSION: '7' });
  const res = await waitForHttp(`http://127.0.0.1:${port}/health`);
  assert.equal(res.status, 200);
  assert.equal(res.body.status, 'ok');
  assert.equal(res.body.version, '7');
  assert.equal(res.body.service, 'test-svc');
  assert.match(r.output(), /^\d{4}-\d\d-\d\dT[\d:.]+Z .*listening on/m);
  r.child.kill('SIGTERM');
  await r.exited;
});

test('HEALTHY=false answers 503 with the reason and logs it', async () => {
  const port = await freePort();
  const reason = 'rule cache failed to load: RULES_URL not set';
  const r = run({ PORT: String(port), VERSION: '2', HEALTHY: 'false', UNHEALTHY_REASON: reason });
  const res = await waitForHttp(`http://127.0.0.1:${port}/health`);
  assert.equal(res.status, 503);
  assert.equal(res.body.status, 'unhealthy');
  assert.equal(res.body.reason, reason);
  assert.equal(res.body.version, '2');
  assert.ok(r.output().includes(reason), r.output());
  r.child.kill('SIGTERM');
  await r.exited;
});

test('REQUIRES waits for the dependency port to open, then serves', async () => {
  const [port, depPort] = [await freePort(), await freePort()];
  const r = run({ PORT: String(port), REQUIRES: `kafka=127.0.0.1:${depPort}` });
  let openedAt = 0;
  const dep = net.createServer((s) => s.end());
  // Ordering, not timing: the dependency opens only once the service has said it waits for it.
  const opening = waitForOutput(r, /waiting for kafka at 127\.0\.0\.1:\d+/).then(
    () =>
      new Promise<void>((resolve) =>
        dep.listen(depPort, '127.0.0.1', () => {
          openedAt = Date.now();
          resolve();
        }),
      ),
  );
  try {
    const res = await waitForHttp(`http://127.0.0.1:${port}/health`);
    await opening;
    assert.equal(res.status, 200);
    assert.ok(res.at >= openedAt, 'served before its dependency accepted connections');
    assert.match(r.output(), /waiting for kafka at 127\.0\.0\.1:\d+/);
    assert.match(r.output(), /reached kafka/);
  } finally {
    r.child.kill('SIGTERM');
    await r.exited;
    await new Promise((res) => dep.close(res));
  }
});

test('REQUIRES to a closed port gives up after REQUIRES_TIMEOUT with exit 1', async () => {
  const [port, depPort] = [await freePort(), await freePort()];
  const r = run({ PORT: String(port), REQUIRES: `kafka=127.0.0.1:${depPort}`, REQUIRES_TIMEOUT: '500' });
  const { code } = await withTimeout(r.exited, 5000, 'exit');
  assert.equal(code, 1);
  assert.match(
    r.output(),
    new RegExp(`cannot reach kafka at 127\\.0\\.0\\.1:${depPort}: connect ECONNREFUSED`),
  );
});

test('job mode exits with JOB_EXIT', async () => {
  const ok = run({ MODE: 'job', JOB_DURATION: '100' });
  const bad = run({ MODE: 'job', JOB_DURATION: '100', JOB_EXIT: '3' });
  assert.equal((await withTimeout(ok.exited, 5000, 'job')).code, 0);
  assert.equal((await withTimeout(bad.exited, 5000, 'job')).code, 3);
  assert.match(ok.output(), /job completed/);
  assert.match(bad.output(), /job failed with exit code 3/);
});

test('SIGTERM exits promptly and cleanly', async () => {
  const port = await freePort();
  const r = run({ PORT: String(port) });
  await waitForHttp(`http://127.0.0.1:${port}/health`);
  const t0 = Date.now();
  r.child.kill('SIGTERM');
  const { code } = await withTimeout(r.exited, 5000, 'SIGTERM');
  assert.equal(code, 0);
  // Promptly: well inside the 10 s a deploy tool gives before SIGKILL (Convoy's and ECS's default stop grace).
  assert.ok(Date.now() - t0 < 5000, `took ${Date.now() - t0} ms`);
  assert.match(r.output(), /received SIGTERM/);
});
