import assert from 'node:assert/strict';
import { it } from 'node:test';
import {
  cli,
  describeEachBackend,
  downAfterSuite,
  events,
  freePort,
  serviceYaml,
  stackDir,
  startCli,
  waitForOutput,
} from './helpers.js';

const LEASE_MS = 1500;
const HEARTBEAT_MS = 300;

async function slowStackDir(): Promise<string> {
  const port = await freePort();
  return stackDir(
    'fenced',
    [
      serviceYaml('api', {
        port,
        env: { STARTUP_DELAY: 8000, VERSION: '${VERSION:-1}' },
        health: `{ http: { url: "http://127.0.0.1:${port}/health" }, interval: 500ms, timeout: 2s, retries: 4, startPeriod: 13s }`,
      }),
    ],
    [`lock: { lease: ${LEASE_MS}ms, heartbeat: ${HEARTBEAT_MS}ms }`],
  );
}

describeEachBackend('a holder that stalls or dies loses the stack to the next run', () => {
  const slowStack = downAfterSuite(slowStackDir);

  it('a holder paused past its lease is fenced out when it resumes, and says so', async () => {
    const dir = await slowStack();
    const a = startCli(['deploy', '--json', '--correlation-id', 'paused'], { cwd: dir });
    await waitForOutput(a, /"code":"service.starting"/);
    a.child.kill('SIGSTOP');
    try {
      const b = await cli(['deploy', '--json', '--wait-lock', '30s', '--correlation-id', 'successor'], {
        cwd: dir,
      });
      assert.equal(b.code, 0, b.stderr);
      const took = events(b.stdout).find((e) => e.code === 'lock.acquired')!;
      assert.equal((took.tookOverExpired as { correlationId: string }).correlationId, 'paused');
    } finally {
      a.child.kill('SIGCONT');
    }
    const ra = await a.done;
    assert.equal(ra.code, 2, ra.stdout + ra.stderr);
    assert.match(ra.stderr, /lost the lock of stack fenced-[\d-]+ .*another deployment took over/);
    // Its state writes were rejected: history shows it as the successor left it.
    const h = JSON.parse((await cli(['history', '--json'], { cwd: dir })).stdout) as {
      correlationId: string;
      outcome: string;
      resolvedBy: { action: string } | null;
    }[];
    const paused = h.find((x) => x.correlationId === 'paused')!;
    assert.equal(paused.outcome, 'interrupted');
    assert.equal(paused.resolvedBy?.action, 'resumed');
    assert.equal(h.find((x) => x.correlationId === 'successor')!.outcome, 'succeeded');
  });

  it('a queued waiter proceeds within lease + one heartbeat of the holder being killed', async () => {
    const dir = await slowStack();
    const a = startCli(['deploy', '--json', '--correlation-id', 'killed'], { cwd: dir });
    await waitForOutput(a, /"code":"service.starting"/);
    const b = startCli(['deploy', '--json', '--wait-lock', '30s', '--correlation-id', 'waiter'], {
      cwd: dir,
      env: { VERSION: '2' },
    });
    await waitForOutput(b, /"code":"lock.waiting"/);
    a.child.kill('SIGKILL');
    const killedAt = Date.now();
    const rb = await b.done;
    assert.equal(rb.code, 0, rb.stderr);
    const acquired = events(rb.stdout).find((e) => e.code === 'lock.acquired')!;
    const waited = Date.parse(acquired.at) - killedAt;
    // One poll of slack for the waiter's own loop (500 ms) on top of lease + heartbeat.
    assert.ok(waited <= LEASE_MS + HEARTBEAT_MS + 500, `waited ${waited} ms`);
    assert.equal(events(rb.stdout).find((e) => e.code === 'deploy.interrupted-found')?.action, 'rollback');
  });
});
