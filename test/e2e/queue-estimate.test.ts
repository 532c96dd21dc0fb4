import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  cli,
  downAfterSuite,
  events,
  freePort,
  serviceYaml,
  stackDir,
  startCli,
  waitForOutput,
} from './helpers.js';

/**
 * A queued deployment's wait, as a user meets it on the local target: once the stack has a history, the waiter's
 * `lock.waiting` and `convoy lock queue` say when its turn comes as an interval (the holder's remaining interval,
 * replayed from its plan and progress), and the waiter's real start falls inside it. The service takes a fixed 4 s
 * to start, so what the interval must cover is the machine's noise, not a chance draw.
 */

interface Interval {
  lowMs: number;
  highMs: number;
  coverage: number;
  basis: string;
}

async function slowStack(): Promise<string> {
  const port = await freePort();
  return stackDir('queue-estimate', [
    serviceYaml('api', {
      port,
      env: { STARTUP_DELAY: 4000, VERSION: '${VERSION:-1}' },
      health: `{ http: { url: "http://127.0.0.1:${port}/health" }, interval: 200ms, timeout: 1s, retries: 3, startPeriod: 10s }`,
    }),
  ]);
}

describe('queue waits from the estimator (local target)', () => {
  const stack = downAfterSuite(slowStack);

  it("a queued deployment's estimated start interval holds its real start", async (t) => {
    const dir = await stack();
    for (const v of ['1', '2', '3']) {
      const r = await cli(['deploy'], { cwd: dir, env: { VERSION: v } });
      assert.equal(r.code, 0, r.stdout + r.stderr);
    }

    const holder = startCli(['deploy', '--json', '--correlation-id', 'holder'], {
      cwd: dir,
      env: { VERSION: '4' },
    });
    await waitForOutput(holder, /"code":"service\.starting"/);
    const waiter = startCli(['deploy', '--json', '--wait-lock', '120s', '--correlation-id', 'waiter'], {
      cwd: dir,
      env: { VERSION: '5' },
    });
    await waitForOutput(waiter, /"code":"lock\.waiting"/);
    const queue = await cli(['lock', 'queue', '--json'], { cwd: dir });
    assert.equal(queue.code, 0, queue.stderr);
    const listed = JSON.parse(queue.stdout) as {
      correlationId: string;
      wait: Interval;
      estimatedStartAt: string;
    }[];
    assert.equal(listed.length, 1, queue.stdout);
    assert.equal(listed[0]!.correlationId, 'waiter');
    assert.equal(listed[0]!.wait.basis, 'history');
    assert.ok(listed[0]!.wait.lowMs <= listed[0]!.wait.highMs, queue.stdout);

    const [r1, r2] = await Promise.all([holder.done, waiter.done]);
    assert.equal(r1.code, 0, r1.stdout + r1.stderr);
    assert.equal(r2.code, 0, r2.stdout + r2.stderr);
    const ev = events(r2.stdout);
    const waiting = ev.find((e) => e.code === 'lock.waiting')!;
    assert.equal(waiting.correlationId, 'holder', 'it waited behind the holder');
    const wait = waiting.wait as Interval;
    assert.equal(wait.basis, 'history');
    assert.equal(wait.coverage, 0.8);
    // estimatedStartAt is the interval's middle from the moment the wait was estimated.
    const from = Date.parse(String(waiting.estimatedStartAt)) - (wait.lowMs + wait.highMs) / 2;
    const acquired = Date.parse(ev.find((e) => e.code === 'lock.acquired')!.at);
    t.diagnostic(`started after ${acquired - from} ms; estimated ${wait.lowMs}–${wait.highMs} ms`);
    assert.ok(
      from + wait.lowMs <= acquired && acquired <= from + wait.highMs,
      `started ${acquired - from} ms after the estimate, interval ${wait.lowMs}–${wait.highMs} ms`,
    );
  });
});
