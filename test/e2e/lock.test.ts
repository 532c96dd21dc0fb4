import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import {
  cli,
  events,
  freePort,
  startCli,
  tempDir,
  waitForOutput,
  writeStack,
  serviceYaml,
} from './helpers.js';

/** A one-service stack that takes ~2 s to become healthy, so two runs overlap for sure. */
async function slowStack(): Promise<string> {
  const dir = tempDir();
  const port = await freePort();
  writeStack(
    dir,
    [
      'stack: lockdemo',
      'services:',
      serviceYaml('api', { port, env: { STARTUP_DELAY: 2000, VERSION: '${VERSION:-1}' } }),
    ].join('\n'),
  );
  return dir;
}

describe('one deployment of a stack at a time', () => {
  const dirs: string[] = [];
  after(async () => {
    for (const d of dirs) await cli(['down'], { cwd: d });
  });

  it('a second deploy exits 2 at once, naming holder, start time and correlation id', async () => {
    const dir = await slowStack();
    dirs.push(dir);
    const first = startCli(['deploy', '--correlation-id', 'first-run'], { cwd: dir });
    await waitForOutput(first, /lock\.acquired/);
    const second = await cli(['deploy', '--correlation-id', 'second-run'], { cwd: dir });
    assert.equal(second.code, 2, second.stderr);
    assert.ok(second.ms < 3000, `exited at once, not after ${second.ms} ms`);
    assert.match(
      second.stderr,
      /being deployed by .+ since \d{4}-\d\d-\d\dT[\d:.]+Z \(correlation id first-run\)/,
    );
    const r1 = await first.done;
    assert.equal(r1.code, 0, r1.stdout + r1.stderr);
    const h = JSON.parse((await cli(['history', '--json'], { cwd: dir })).stdout) as {
      correlationId: string;
    }[];
    assert.deepEqual(
      h.map((x) => x.correlationId),
      ['first-run'],
    );
  });

  it('with --wait-lock the second waits its turn and then runs', async () => {
    const dir = await slowStack();
    dirs.push(dir);
    const first = startCli(['deploy', '--json', '--correlation-id', 'a'], { cwd: dir });
    await waitForOutput(first, /lock\.acquired/);
    const second = startCli(['deploy', '--json', '--wait-lock', '60s', '--correlation-id', 'b'], {
      cwd: dir,
      env: { VERSION: '2' },
    });
    const [r1, r2] = await Promise.all([first.done, second.done]);
    assert.equal(r1.code, 0, r1.stderr);
    assert.equal(r2.code, 0, r2.stderr);
    const e1 = events(r1.stdout);
    const e2 = events(r2.stdout);
    assert.ok(e2.some((e) => e.code === 'lock.waiting' && e.correlationId === 'a'));
    const released = Date.parse(e1.find((e) => e.code === 'lock.released')!.at);
    const acquired = Date.parse(e2.find((e) => e.code === 'lock.acquired')!.at);
    assert.ok(acquired >= released, 'the waiter ran only after the holder released');
    assert.ok(
      e2.some((e) => e.code === 'service.starting' && e.service === 'api'),
      'it deployed VERSION=2',
    );
  });

  it('lock list shows the holder; lock release needs --force', async () => {
    const dir = await slowStack();
    dirs.push(dir);
    const first = startCli(['deploy', '--correlation-id', 'held'], { cwd: dir });
    await waitForOutput(first, /lock\.acquired/);
    const list = JSON.parse((await cli(['lock', 'list', '--json'], { cwd: dir })).stdout) as {
      stack: string;
      correlationId: string;
    }[];
    assert.deepEqual(
      list.map((l) => [l.stack, l.correlationId]),
      [['lockdemo', 'held']],
    );
    assert.equal((await cli(['lock', 'release'], { cwd: dir })).code, 3);
    await first.done;
    assert.deepEqual(JSON.parse((await cli(['lock', 'list', '--json'], { cwd: dir })).stdout), []);
  });
});
