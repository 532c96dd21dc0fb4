import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Service } from '../../../src/spec/types.js';
import { createLocalTarget } from '../../../src/targets/local/local-target.js';
import { stackStateDir } from '../../../src/targets/local/state.js';
import {
  alive,
  freePort,
  healthCheck,
  service,
  unit,
  useLocalTarget,
  STARTING_MS,
  waitFor,
  withinConfigured,
  writeScript,
} from './helpers.js';

/** Start, replace, stop, down, status and logs of the local target, across convoy processes. */
describe('local target: lifecycle', () => {
  const local = useLocalTarget({ stopGraceMs: 500 });

  const web = (port: number, more: Partial<Service> = {}, env: Record<string, string> = {}) =>
    service(
      'web',
      { command: process.execPath, args: [local.server], env: { PORT: String(port), ...env } },
      {
        healthCheck: healthCheck({ http: { url: `http://127.0.0.1:${port}/` }, startPeriod: STARTING_MS }),
        ...more,
      },
    );
  const pidOf = (name: string, stack = 'teststack'): number =>
    JSON.parse(readFileSync(join(stackStateDir(local.dir, stack), 'services', `${name}.json`), 'utf8')).pid;

  it('keeps a service running after the convoy process that started it exits', async () => {
    const port = await freePort();
    const svc = web(port);
    const moduleUrl = new URL('../../../src/targets/local/local-target.js', import.meta.url).href;
    const starter = writeScript(
      local.dir,
      'starter.mjs',
      `import { createLocalTarget } from ${JSON.stringify(moduleUrl)};
       const t = createLocalTarget({ env: process.env, dir: ${JSON.stringify(local.dir)}, stack: 'teststack' });
       const u = ${JSON.stringify(unit(svc))};
       await t.start(u);
       const v = await t.awaitGate(u, 'healthy', { timeoutMs: 4000 });
       console.log(JSON.stringify(v));`,
    );
    const out = execFileSync(process.execPath, [starter], { encoding: 'utf8', timeout: 8000 });
    assert.equal(JSON.parse(out).ok, true, out);
    const pid = pidOf('web');
    assert.ok(alive(pid), 'service outlived its starter');
    const [st] = await local.target.status();
    assert.deepEqual([st?.name, st?.pid, st?.health, st?.revision], ['web', pid, 'healthy', 'rev1']);
    // Another process can still follow it: the gate holds, and an exit is noticed by polling the pid.
    assert.equal((await local.target.awaitGate(unit(svc), 'healthy', { timeoutMs: 2000 })).ok, true);
    const u = unit({ ...svc, healthCheck: healthCheck({ command: ['CMD', 'false'], startPeriod: 60_000 }) });
    const t0 = Date.now();
    setTimeout(() => process.kill(pid, 'SIGKILL'), 300);
    const v = await local.target.awaitGate(u, 'healthy', { timeoutMs: 4000 });
    assert.ok(!v.ok && v.reason === 'exited' && v.exitCode === null, JSON.stringify(v));
    assert.match(v.message, /exit code is unknown/);
    // Ordering, not speed: the exit, not the 4 s gate timeout, ended the wait (its health check never fails).
    assert.ok(Date.now() - t0 < 4000);
  });

  it('finds a process whose convoy was killed between spawning it and recording its pid, and replaces it', async () => {
    const port = await freePort();
    await local.target.start(unit(web(port)));
    const orphan = pidOf('web');
    // What a convoy killed inside spawn() leaves on disk: the record written before the spawn, without a pid.
    const file = join(stackStateDir(local.dir, 'teststack'), 'services', 'web.json');
    const { pid: _pid, procStart: _start, ...intent } = JSON.parse(readFileSync(file, 'utf8'));
    assert.ok(intent.launchId, 'the record names the launch before the process exists');
    writeFileSync(file, JSON.stringify(intent));

    const next = createLocalTarget({
      env: process.env,
      dir: local.dir,
      stack: 'teststack',
      stopGraceMs: 500,
    });
    const [st] = await next.status(['web']);
    assert.equal(st?.pid, orphan, 'status finds the process by its launch id');
    await next.start(unit(web(port), 'rev2'));
    assert.ok(!alive(orphan), 'the orphan was stopped before its replacement started');
    assert.equal((await next.awaitGate(unit(web(port), 'rev2'), 'healthy', { timeoutMs: 15_000 })).ok, true);
    await next.down();
  });

  it('down() stops every process of the stack, grandchildren included, and removes the state', async () => {
    const port = await freePort();
    const grandchildPid = join(local.dir, 'grandchild.pid');
    const parent = service('worker', {
      command: process.execPath,
      args: [
        '-e',
        `const c = require('child_process').spawn('sleep', ['30'], { stdio: 'ignore' });
         require('fs').writeFileSync(${JSON.stringify(grandchildPid)}, String(c.pid));
         setInterval(() => {}, 1000);`,
      ],
    });
    await local.target.start(unit(web(port)));
    await local.target.start(unit(parent));
    const grandchild = await waitFor(
      'grandchild pid',
      () => existsSync(grandchildPid) && Number(readFileSync(grandchildPid, 'utf8')),
    );
    const pids = [pidOf('web'), pidOf('worker'), grandchild];
    assert.ok(pids.every(alive));

    // Down from a fresh target object, as a later `convoy down` would.
    const names = await createLocalTarget({ env: process.env, dir: local.dir, stack: 'teststack' }).down();
    assert.deepEqual(names, ['web', 'worker']);
    assert.deepEqual(pids.filter(alive), [], 'no process left');
    assert.ok(
      !existsSync(join(stackStateDir(local.dir, 'teststack'), 'services/web.json')) &&
        !existsSync(join(stackStateDir(local.dir, 'teststack'), 'pids/web.pid')),
    );
    assert.deepEqual(await local.target.status(), []);
    assert.deepEqual(await local.target.status(['web']), [{ name: 'web', health: 'stopped' }]);
  });

  it('down() leaves other stacks in the same folder alone', async () => {
    const other = createLocalTarget({ env: process.env, dir: local.dir, stack: 'otherstack' });
    await other.start(unit(service('other', { command: 'sleep', args: ['30'] }), 'rev1', 'otherstack'));
    const pid = pidOf('other', 'otherstack');
    assert.deepEqual(await local.target.down(), []);
    assert.ok(alive(pid));
    assert.deepEqual(await other.down(), ['other']);
    assert.ok(!alive(pid));
  });

  it('a new revision replaces the old process', async () => {
    const port = await freePort();
    await local.target.start(unit(web(port), 'rev1'));
    assert.equal(
      (await local.target.awaitGate(unit(web(port), 'rev1'), 'healthy', { timeoutMs: 3000 })).ok,
      true,
    );
    const old = pidOf('web');
    await local.target.start(unit(web(port, {}, { BODY: 'v2' }), 'rev2'));
    assert.ok(!alive(old), 'old revision stopped');
    assert.equal(
      (await local.target.awaitGate(unit(web(port), 'rev2'), 'healthy', { timeoutMs: 3000 })).ok,
      true,
    );
    assert.equal(await (await fetch(`http://127.0.0.1:${port}/`)).text(), 'v2');
    const [st] = await local.target.status();
    assert.deepEqual([st?.revision, st?.pid, st?.health], ['rev2', pidOf('web'), 'healthy']);
    const gate = await local.target.awaitGate(unit(web(port), 'rev1'), 'healthy', { timeoutMs: 1000 });
    assert.ok(!gate.ok && gate.reason === 'start-failed', 'the old revision is no longer there to follow');
  });

  it('kills a service that ignores SIGTERM once the grace period is over', async () => {
    const stubborn = service('stubborn', {
      command: '/bin/sh',
      args: ['-c', 'trap "" TERM; while :; do sleep 0.1; done'],
    });
    await local.target.start(unit(stubborn));
    const pid = pidOf('stubborn');
    await new Promise((r) => setTimeout(r, 100));
    const t0 = Date.now();
    await local.target.stop('stubborn');
    const took = Date.now() - t0;
    assert.ok(!alive(pid));
    assert.ok(took >= 450, `stop took ${took} ms: the 500 ms grace period was not given`);
    withinConfigured(took, 500, 'stop after the grace period');
    const [st] = await local.target.status(['stubborn']);
    assert.equal(st?.health, 'stopped');
    await local.target.stop('stubborn'); // no-op when not running
  });

  it('status() reports starting, unhealthy and healthy from one probe', async () => {
    const port = await freePort();
    const hc = (startPeriod: number) =>
      healthCheck({ http: { url: `http://127.0.0.1:${port}/` }, startPeriod });
    await local.target.start(
      unit(service('slow', { command: 'sleep', args: ['30'] }, { healthCheck: hc(60_000) })),
    );
    await local.target.start(
      unit(service('broken', { command: 'sleep', args: ['30'] }, { healthCheck: hc(0) })),
    );
    await local.target.start(unit(service('plain', { command: 'sleep', args: ['30'] })));
    await local.target.start(unit(web(port)));
    assert.equal((await local.target.awaitGate(unit(web(port)), 'healthy', { timeoutMs: 3000 })).ok, true);
    await local.target.stop('web');
    const byName = Object.fromEntries((await local.target.status()).map((s) => [s.name, s.health]));
    assert.deepEqual(byName, { broken: 'unhealthy', plain: 'healthy', slow: 'starting', web: 'stopped' });
  });

  it('captures stdout and stderr in the log after a header line', async () => {
    const port = await freePort();
    await local.target.start(unit(web(port)));
    await local.target.awaitGate(unit(web(port)), 'healthy', { timeoutMs: 3000 });
    const lines = await local.target.logs('web', 3);
    assert.equal(lines.length, 3);
    assert.match(lines[0] ?? '', /^--- convoy: web revision rev1 started \d{4}-\d\d-\d\dT[\d:.]+Z ---$/);
    assert.deepEqual(lines.slice(1).sort(), [
      'greeting on stderr',
      'hello from web revision rev1 of teststack',
    ]);
    assert.deepEqual(await local.target.logs('web', 1), [lines[2]]);
    assert.deepEqual(await local.target.logs('nobody', 10), []);
  });

  it('returns only the last lines of a long log', async () => {
    const chatty = service(
      'chatty',
      {
        command: process.execPath,
        args: ['-e', `for (let i = 0; i < 20000; i++) console.log('line ' + i + ' ' + 'x'.repeat(20));`],
      },
      { kind: 'job' },
    );
    await local.target.start(unit(chatty));
    assert.equal((await local.target.awaitGate(unit(chatty), 'completed', { timeoutMs: 4000 })).ok, true);
    const lines = await local.target.logs('chatty', 2);
    assert.deepEqual(lines, [`line 19998 ${'x'.repeat(20)}`, `line 19999 ${'x'.repeat(20)}`]);
  });
});
