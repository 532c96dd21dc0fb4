import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { backends } from './backends.js';
import {
  cli,
  events,
  freePort,
  startCli,
  tempDir,
  waitForOutput,
  writeStack,
  serviceYaml,
  uniqueSuffix,
} from './helpers.js';

const LEASE_MS = 1500;
const HEARTBEAT_MS = 300;

async function slowStack(): Promise<string> {
  const dir = tempDir();
  const port = await freePort();
  writeStack(
    dir,
    [
      `stack: fenced-${uniqueSuffix()}`,
      `lock: { lease: ${LEASE_MS}ms, heartbeat: ${HEARTBEAT_MS}ms }`,
      'services:',
      serviceYaml('api', {
        port,
        env: { STARTUP_DELAY: 8000, VERSION: '${VERSION:-1}' },
        health: `{ http: { url: "http://127.0.0.1:${port}/health" }, interval: 500ms, timeout: 2s, retries: 4, startPeriod: 13s }`,
      }),
    ].join('\n'),
  );
  return dir;
}

for (const backend of backends()) {
  describe(`a holder that stalls or dies loses the stack to the next run (${backend.name} store)`, () => {
    let env: Record<string, string> = {};
    const dirs: string[] = [];
    before(async () => {
      env = await backend.start();
    });
    after(async () => {
      for (const d of dirs) await cli(['down'], { cwd: d, env });
      await backend.stop();
    });

    it('a holder paused past its lease is fenced out when it resumes, and says so', async () => {
      const dir = await slowStack();
      dirs.push(dir);
      const a = startCli(['deploy', '--json', '--correlation-id', 'paused'], { cwd: dir, env });
      await waitForOutput(a, /"code":"service.starting"/);
      a.child.kill('SIGSTOP');
      try {
        const b = await cli(['deploy', '--json', '--wait-lock', '30s', '--correlation-id', 'successor'], {
          cwd: dir,
          env,
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
      const h = JSON.parse((await cli(['history', '--json'], { cwd: dir, env })).stdout) as {
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
      dirs.push(dir);
      const a = startCli(['deploy', '--json', '--correlation-id', 'killed'], { cwd: dir, env });
      await waitForOutput(a, /"code":"service.starting"/);
      const b = startCli(['deploy', '--json', '--wait-lock', '30s', '--correlation-id', 'waiter'], {
        cwd: dir,
        env: { ...env, VERSION: '2' },
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
}
