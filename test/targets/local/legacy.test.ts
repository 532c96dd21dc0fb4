import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { createLocalTarget } from '../../../src/targets/local/local-target.js';
import { procStartTime } from '../../../src/targets/local/procs.js';
import { stackStateDir } from '../../../src/targets/local/state.js';
import { alive, service, useLocalTarget } from './helpers.js';

/**
 * State written before it was kept per stack: `.convoy/{services,pids,logs,failures}/` shared by every stack of the
 * folder. An upgraded convoy must still see and stop what an older one started.
 */
describe('local target: state left in the shared layout of older versions', () => {
  const local = useLocalTarget({ stopGraceMs: 500 });

  /** A running process recorded the old way for `stack`, as an older convoy left it. */
  function legacyService(name: string, stack: string): number {
    const child = spawn('sleep', ['30'], { detached: true, stdio: 'ignore' });
    child.unref();
    const pid = child.pid!;
    const legacy = join(local.dir, '.convoy');
    for (const sub of ['services', 'pids', 'logs']) mkdirSync(join(legacy, sub), { recursive: true });
    const rec = {
      stack,
      name,
      kind: 'service',
      revision: 'old1',
      startedAt: Date.now(),
      pid,
      procStart: procStartTime(pid),
      service: service(name, { command: 'sleep', args: ['30'] }),
    };
    writeFileSync(join(legacy, 'services', `${name}.json`), JSON.stringify(rec), { mode: 0o600 });
    writeFileSync(join(legacy, 'pids', `${name}.pid`), `${pid}\n`);
    writeFileSync(
      join(legacy, 'logs', `${name}.log`),
      `--- convoy: ${name} revision old1 started ---\nhello\n`,
    );
    return pid;
  }

  it('status, logs and down reach a service an older convoy started; other stacks keep theirs', async () => {
    const web = legacyService('web', 'teststack');
    const api = legacyService('api', 'otherstack');
    mkdirSync(join(local.dir, '.convoy', 'failures'));
    writeFileSync(
      join(local.dir, '.convoy', 'failures', 'web.json'),
      JSON.stringify({ stack: 'teststack', revision: 'old1', startedAt: 1, capture: { service: 'web' } }),
    );

    const target = createLocalTarget({
      env: process.env,
      dir: local.dir,
      stack: 'teststack',
      stopGraceMs: 500,
    });
    const [st] = await target.status();
    assert.deepEqual([st?.name, st?.pid, st?.health, st?.revision], ['web', web, 'healthy', 'old1']);
    assert.deepEqual(await target.logs('web', 5), ['--- convoy: web revision old1 started ---', 'hello']);
    assert.ok(existsSync(join(stackStateDir(local.dir, 'teststack'), 'failures', 'web.json')));
    assert.ok(existsSync(join(local.dir, '.convoy', 'services', 'api.json')), "otherstack's record stays");

    assert.deepEqual(await target.down(), ['web']);
    assert.ok(!alive(web), 'stopped');
    assert.ok(alive(api), "another stack's service is not ours to stop");

    const other = createLocalTarget({
      env: process.env,
      dir: local.dir,
      stack: 'otherstack',
      stopGraceMs: 500,
    });
    assert.deepEqual(await other.down(), ['api']);
    assert.ok(!alive(api));
    assert.ok(!existsSync(join(local.dir, '.convoy', 'services')), 'the old layout is gone once empty');
  });

  it('a record already in the new place wins over a stale one in the old', async () => {
    const pid = legacyService('web', 'teststack');
    const own = join(stackStateDir(local.dir, 'teststack'), 'services');
    mkdirSync(own, { recursive: true });
    writeFileSync(
      join(own, 'web.json'),
      JSON.stringify({ stack: 'teststack', name: 'web', revision: 'new1' }),
    );
    createLocalTarget({ env: process.env, dir: local.dir, stack: 'teststack' });
    assert.equal(JSON.parse(readFileSync(join(own, 'web.json'), 'utf8')).revision, 'new1');
    process.kill(-pid, 'SIGKILL');
  });
});
