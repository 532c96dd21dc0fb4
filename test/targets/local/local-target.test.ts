import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Service } from '../../../src/spec/types.js';
import type { Verdict } from '../../../src/targets/target.js';
import { createLocalTarget } from '../../../src/targets/local/local-target.js';
import { stackStateDir } from '../../../src/targets/local/state.js';
import {
  freePort,
  healthCheck,
  service,
  STARTING_MS,
  unit,
  useLocalTarget,
  withinConfigured,
  writeScript,
} from './helpers.js';

/** Gates of the local target, with real processes and real probes. */
describe('local target: awaitGate', () => {
  const local = useLocalTarget({ stopGraceMs: 1000 });

  async function deploy(
    svc: Service,
    gate: 'started' | 'healthy' | 'completed' = 'healthy',
    timeoutMs = STARTING_MS + 5000,
  ) {
    const u = unit(svc);
    const t0 = Date.now();
    await local.target.start(u);
    const verdict = await local.target.awaitGate(u, gate, { timeoutMs });
    return { verdict, elapsed: Date.now() - t0 };
  }

  const web = (port: number, env: Record<string, string> = {}, more: Partial<Service> = {}) =>
    service(
      'web',
      { command: process.execPath, args: [local.server], env: { PORT: String(port), ...env } },
      more,
    );

  it('becomes healthy via http', async () => {
    const port = await freePort();
    const { verdict } = await deploy(
      web(
        port,
        { LISTEN_DELAY_MS: '300' },
        {
          healthCheck: healthCheck({
            http: { url: `http://127.0.0.1:${port}/health` },
            startPeriod: STARTING_MS,
          }),
        },
      ),
    );
    assert.equal(verdict.ok, true, JSON.stringify(verdict));
  });

  it('becomes healthy via tcp', async () => {
    const port = await freePort();
    const { verdict } = await deploy(
      web(
        port,
        {},
        { healthCheck: healthCheck({ tcp: { host: '127.0.0.1', port }, startPeriod: STARTING_MS }) },
      ),
    );
    assert.equal(verdict.ok, true, JSON.stringify(verdict));
  });

  it('becomes healthy via CMD, with the service env', async () => {
    const port = await freePort();
    const probe = `fetch('http://127.0.0.1:' + process.env.PORT).then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))`;
    const { verdict } = await deploy(
      web(
        port,
        {},
        {
          healthCheck: healthCheck({
            command: ['CMD', process.execPath, '-e', probe],
            startPeriod: STARTING_MS,
          }),
        },
      ),
    );
    assert.equal(verdict.ok, true, JSON.stringify(verdict));
  });

  it('becomes healthy via CMD-SHELL, run in the service cwd', async () => {
    const svc = service(
      'web',
      { command: '/bin/sh', args: ['-c', 'sleep 0.3; touch ready; exec sleep 30'] },
      {
        healthCheck: healthCheck({ command: ['CMD-SHELL', 'test -f ready'], startPeriod: STARTING_MS }),
      },
    );
    const { verdict } = await deploy(svc);
    assert.equal(verdict.ok, true, JSON.stringify(verdict));
  });

  it('reports unhealthy after the start period plus `retries` failures, with the check output', async () => {
    const port = await freePort();
    const hc = healthCheck({
      http: { url: `http://127.0.0.1:${port}/health` },
      interval: 200,
      retries: 3,
      startPeriod: 300,
    });
    const { verdict, elapsed } = await deploy(
      web(port, { STATUS: '500', BODY: 'db down' }, { healthCheck: hc }),
    );
    // Probes at 200 (ignored), then 400, 600, 800 count: the verdict lands at 800 ms.
    assert.ok(elapsed >= 750, `verdict after ${elapsed} ms, before the start period and retries were over`);
    withinConfigured(elapsed, 800, 'unhealthy verdict');
    assert.deepEqual(pickFailure(verdict), {
      reason: 'unhealthy',
      check: `http GET http://127.0.0.1:${port}/health`,
      output: 'HTTP 500: db down',
      message: 'health check failed 3 times in a row after the 300ms start period',
      decidedBy: 'verdict',
    });
  });

  it('fails a runtime-only missing health command at the first probe, inside the start period, quoting the 127 output', async () => {
    // The shell finds out, not the pre-flight: the program is looked up only when the probe runs.
    const svc = service(
      'web',
      { command: 'sleep', args: ['30'] },
      {
        healthCheck: healthCheck({
          command: ['CMD-SHELL', 'no-such-check-xyz --health'],
          interval: 300,
          retries: 3,
          startPeriod: 60_000,
        }),
      },
    );
    const { verdict, elapsed } = await deploy(svc);
    // ≤ 2 probe intervals from start (the first probe is due at 1 interval); ECS would take 60 s + 3 × 300 ms.
    withinConfigured(elapsed, 2 * 300, 'conclusive verdict within 2 probe intervals');
    const f = pickFailure(verdict);
    assert.equal(f.reason, 'unhealthy');
    assert.equal(f.decidedBy, 'conclusive');
    assert.equal(f.check, 'CMD-SHELL no-such-check-xyz --health');
    assert.match(f.output ?? '', /^exit 127: \/bin\/sh: .*no-such-check-xyz: (command )?not found$/);
    assert.match(
      f.message,
      /^conclusive evidence at \d+(\.\d+)?m?s from start: the health command was not found/,
    );
    assert.match(f.message, /exit 127: \/bin\/sh: .*no-such-check-xyz: (command )?not found\)$/);
  });

  it('with deploy.failFast: verdict, a missing health command waits for the ECS verdict', async () => {
    const target = createLocalTarget({
      env: process.env,
      dir: local.dir,
      stack: 'teststack',
      failFast: 'verdict',
    });
    const svc = service(
      'web',
      { command: 'sleep', args: ['30'] },
      {
        healthCheck: healthCheck({ command: ['CMD-SHELL', 'no-such-check-xyz'], interval: 100, retries: 2 }),
      },
    );
    const u = unit(svc);
    const t0 = Date.now();
    await target.start(u);
    const verdict = await target.awaitGate(u, 'healthy', { timeoutMs: 10_000 });
    withinConfigured(Date.now() - t0, 2 * 100, 'verdict after 2 failures 100 ms apart');
    const f = pickFailure(verdict);
    assert.equal(f.decidedBy, 'verdict');
    assert.match(f.output ?? '', /^exit 127: \/bin\/sh: .*no-such-check-xyz: (command )?not found$/);
    assert.equal(f.message, 'health check failed 2 times in a row');
    await target.stop('web');
  });

  it('transient evidence (connection refused, then a 503, then recovery) inside the start period does not fail early', async () => {
    const port = await freePort();
    const warm = writeScript(
      local.dir,
      'warm.mjs',
      `import http from 'node:http';
const t0 = Date.now();
setTimeout(() => http.createServer((req, res) => {
  const warming = Date.now() - t0 < 900;
  res.writeHead(warming ? 503 : 200); res.end(warming ? 'warming up' : 'ok');
}).listen(Number(process.env.PORT), '127.0.0.1'), 500);`,
    );
    const hc = healthCheck({
      http: { url: `http://127.0.0.1:${port}/` },
      interval: 100,
      retries: 1,
      startPeriod: 5000,
    });
    const svc = service(
      'web',
      { command: process.execPath, args: [warm], env: { PORT: String(port) } },
      { healthCheck: hc },
    );
    const { verdict, elapsed } = await deploy(svc);
    assert.equal(verdict.ok, true, JSON.stringify(verdict));
    assert.ok(elapsed >= 850, `healthy after ${elapsed} ms, before it stopped warming up`);
  });

  it('ignores failures inside the start period', async () => {
    const port = await freePort();
    // Listening only after 700 ms: without the start period, 2 failures at 100 ms intervals would be fatal.
    const hc = healthCheck({
      http: { url: `http://127.0.0.1:${port}/` },
      interval: 100,
      retries: 2,
      startPeriod: 1500,
    });
    const { verdict, elapsed } = await deploy(web(port, { LISTEN_DELAY_MS: '700' }, { healthCheck: hc }));
    assert.equal(verdict.ok, true, JSON.stringify(verdict));
    assert.ok(elapsed >= 650, `healthy after ${elapsed} ms`);
  });

  it('fails at once with the exit code when the process exits before becoming healthy', async () => {
    const port = await freePort();
    const hc = healthCheck({
      http: { url: `http://127.0.0.1:${port}/` },
      interval: 200,
      retries: 3,
      startPeriod: 3000,
    });
    const { verdict, elapsed } = await deploy(
      web(port, { LISTEN_DELAY_MS: '60000', EXIT_AFTER_MS: '300', EXIT_CODE: '3' }, { healthCheck: hc }),
    );
    // Ordering: the exit ends the wait before the health check's own verdict (start period 3 s + 3 × 200 ms).
    assert.ok(elapsed < 3600, `verdict after ${elapsed} ms, the health verdict would take 3.6 s`);
    assert.deepEqual(pickFailure(verdict), {
      reason: 'exited',
      exitCode: 3,
      signal: null,
      message: 'process exited with code 3 before becoming healthy',
      decidedBy: 'verdict',
    });
  });

  it('reports a process killed by a signal', async () => {
    const svc = service(
      'web',
      { command: '/bin/sh', args: ['-c', 'sleep 0.2; kill -9 $$'] },
      { healthCheck: healthCheck({ command: ['CMD', 'false'], startPeriod: 5000 }) },
    );
    const { verdict } = await deploy(svc);
    assert.deepEqual(pickFailure(verdict), {
      reason: 'exited',
      exitCode: null,
      signal: 'SIGKILL',
      message: 'process was killed by SIGKILL before becoming healthy',
      decidedBy: 'verdict',
    });
  });

  it('passes the completed gate for a job that exits 0 and fails it for exit 1', async () => {
    const job = (code: number) =>
      service(
        'migrate',
        { command: process.execPath, args: ['-e', `setTimeout(() => process.exit(${code}), 200)`] },
        { kind: 'job' },
      );
    const good = await deploy(job(0), 'completed');
    assert.equal(good.verdict.ok, true);
    assert.ok(good.elapsed >= 150);
    const [st] = await local.target.status(['migrate']);
    assert.deepEqual([st?.health, st?.exitCode, st?.pid], ['stopped', 0, undefined]);
    const bad = await deploy(job(1), 'completed');
    assert.deepEqual(pickFailure(bad.verdict), {
      reason: 'exited',
      exitCode: 1,
      signal: null,
      message: 'job exited with code 1',
      decidedBy: 'verdict',
    });
    assert.equal((await local.target.status(['migrate']))[0]?.exitCode, 1);
  });

  it('an exit that says the program cannot run as built (a required env var missing at boot) is conclusive', async () => {
    const port = await freePort();
    const svc = service(
      'web',
      {
        command: process.execPath,
        args: [
          '-e',
          `console.error('Error: Missing required environment variable RULES_URL'); process.exit(1)`,
        ],
      },
      { healthCheck: healthCheck({ tcp: { host: '127.0.0.1', port }, startPeriod: 5000 }) },
    );
    const { verdict } = await deploy(svc);
    const f = pickFailure(verdict);
    assert.equal(f.decidedBy, 'conclusive');
    assert.match(f.message, /conclusive evidence, a required setting is missing from its environment$/);
  });

  it('passes the started gate for a running process and fails it for one that already died', async () => {
    const ok = await deploy(service('web', { command: 'sleep', args: ['30'] }), 'started');
    assert.equal(ok.verdict.ok, true);
    const u = unit(service('web', { command: '/bin/sh', args: ['-c', 'exit 4'] }), 'rev2');
    await local.target.start(u);
    await new Promise((r) => setTimeout(r, 200));
    assert.deepEqual(pickFailure(await local.target.awaitGate(u, 'started', { timeoutMs: 1000 })), {
      reason: 'exited',
      exitCode: 4,
      signal: null,
      message: 'process exited with code 4 right after starting',
      decidedBy: 'verdict',
    });
  });

  it('reports start-failed for a missing command without throwing', async () => {
    const { verdict } = await deploy(service('web', { command: 'node-xyz' }));
    const f = pickFailure(verdict);
    assert.equal(f.reason, 'start-failed');
    assert.match(f.message, /spawn node-xyz ENOENT/);
    const [st] = await local.target.status(['web']);
    assert.deepEqual([st?.health, st?.revision], ['stopped', 'rev1']);
    assert.match(
      readFileSync(join(stackStateDir(local.dir, 'teststack'), 'logs/web.log'), 'utf8'),
      /--- convoy: could not start node-xyz: spawn node-xyz ENOENT ---/,
    );
  });

  it('reports start-failed for a file that is not executable', async () => {
    const file = join(local.dir, 'not-executable.sh');
    writeFileSync(file, '#!/bin/sh\nsleep 30\n');
    chmodSync(file, 0o644);
    const { verdict } = await deploy(service('web', { command: file }));
    assert.equal(pickFailure(verdict).reason, 'start-failed');
    assert.match(pickFailure(verdict).message, /EACCES/);
  });

  it('reports start-failed for a missing working folder', async () => {
    const { verdict } = await deploy(service('web', { command: 'sleep', args: ['30'], cwd: 'no/such/dir' }));
    assert.equal(pickFailure(verdict).reason, 'start-failed');
    assert.match(pickFailure(verdict).message, /working folder .*no\/such\/dir does not exist/);
  });

  it('times out with the last check output', async () => {
    const port = await freePort();
    const hc = healthCheck({ http: { url: `http://127.0.0.1:${port}/` }, interval: 100, retries: 10 });
    const { verdict, elapsed } = await deploy(
      service('web', { command: 'sleep', args: ['30'] }, { healthCheck: hc }),
      'healthy',
      500,
    );
    assert.ok(elapsed >= 450, `timeout after ${elapsed} ms, before the 500 ms deadline`);
    withinConfigured(elapsed, 500, 'gate timeout');
    assert.deepEqual(pickFailure(verdict), {
      reason: 'timeout',
      check: `http GET http://127.0.0.1:${port}/`,
      output: `connect ECONNREFUSED 127.0.0.1:${port}`,
      message: 'did not become healthy within 500ms',
    });
  });

  it('rejects with the abort reason when the signal aborts', async () => {
    const u = unit(
      service(
        'web',
        { command: 'sleep', args: ['30'] },
        { healthCheck: healthCheck({ command: ['CMD', 'false'], retries: 10 }) },
      ),
    );
    await local.target.start(u);
    const ctl = new AbortController();
    setTimeout(() => ctl.abort(new Error('deploy cancelled')), 200);
    await assert.rejects(
      local.target.awaitGate(u, 'healthy', { timeoutMs: 5000, signal: ctl.signal }),
      /deploy cancelled/,
    );
  });

  it('writes the state file with mode 0600 and the env values', async () => {
    const port = await freePort();
    await deploy(web(port, { SECRET: 's3cret' }), 'started');
    const file = join(stackStateDir(local.dir, 'teststack'), 'services/web.json');
    assert.equal(statSync(file).mode & 0o777, 0o600);
    const rec = JSON.parse(readFileSync(file, 'utf8'));
    assert.equal(rec.service.local.env.SECRET.value, 's3cret');
    assert.equal(
      readFileSync(join(stackStateDir(local.dir, 'teststack'), 'pids/web.pid'), 'utf8').trim(),
      String(rec.pid),
    );
  });
});

function pickFailure(v: Verdict) {
  if (v.ok) throw new Error(`expected a failure, got ${JSON.stringify(v)}`);
  const { ok: _ok, at: _at, ...rest } = v;
  return rest;
}
