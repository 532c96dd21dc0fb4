import assert from 'node:assert/strict';
import { after, it } from 'node:test';
import {
  cli,
  events,
  freePort,
  startCli,
  tempDir,
  waitForOutput,
  writeStack,
  serviceYaml,
  describeEachBackend,
  uniqueSuffix,
} from './helpers.js';

/** A one-service stack that takes ~2 s to become healthy, so two runs overlap for sure. */
/** The holder stays busy this long, so the other runs surely meet it even on a loaded machine. */
async function slowStack(delayMs = 8000): Promise<string> {
  const dir = tempDir();
  const port = await freePort();
  writeStack(
    dir,
    [
      `stack: lockdemo-${uniqueSuffix()}`,
      'services:',
      serviceYaml('api', {
        port,
        env: { STARTUP_DELAY: delayMs, VERSION: '${VERSION:-1}' },
        health: `{ http: { url: "http://127.0.0.1:${port}/health" }, interval: 300ms, timeout: 1s, retries: 3, startPeriod: ${delayMs / 1000 + 5}s }`,
      }),
    ].join('\n'),
  );
  return dir;
}

describeEachBackend('one deployment of a stack at a time', () => {
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
    assert.equal(first.child.exitCode, null, 'exited at once, while the holder was still deploying');
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
      list.map((l) => [l.stack.replace(/-[\d-]+$/, ''), l.correlationId]),
      [['lockdemo', 'held']],
    );
    assert.equal((await cli(['lock', 'release'], { cwd: dir })).code, 3);
    await first.done;
    assert.deepEqual(JSON.parse((await cli(['lock', 'list', '--json'], { cwd: dir })).stdout), []);
  });
});

describeEachBackend('the queue: positions, estimates, superseding, giving up', () => {
  const dirs: string[] = [];
  after(async () => {
    for (const d of dirs) await cli(['down'], { cwd: d });
  });

  it('a newer queued deployment with --cancel-superseded replaces an older queued one, never the running one', async () => {
    const dir = await slowStack(10_000);
    dirs.push(dir);
    const a = startCli(['deploy', '--json', '--correlation-id', 'running'], { cwd: dir });
    await waitForOutput(a, /lock\.acquired/);
    const b = startCli(['deploy', '--json', '--wait-lock', '60s', '--correlation-id', 'older'], {
      cwd: dir,
      env: { VERSION: '2' },
    });
    await waitForOutput(b, /"code":"lock.waiting"/);
    const waiting = events(b.output()).find((e) => e.code === 'lock.waiting')!;
    assert.equal(waiting.position, 1);
    assert.equal(waiting.correlationId, 'running');
    assert.ok(!Number.isNaN(Date.parse(String(waiting.estimatedStartAt))));
    const queue = JSON.parse((await cli(['lock', 'queue', '--json'], { cwd: dir })).stdout) as {
      correlationId: string;
    }[];
    assert.deepEqual(
      queue.map((q) => q.correlationId),
      ['older'],
    );

    const c = startCli(
      ['deploy', '--json', '--wait-lock', '60s', '--cancel-superseded', '--correlation-id', 'newer'],
      { cwd: dir, env: { VERSION: '3' } },
    );
    const rb = await b.done;
    assert.equal(rb.code, 2);
    assert.match(rb.stderr, /superseded by a newer one \(correlation id newer\)/);
    const [ra, rc] = await Promise.all([a.done, c.done]);
    assert.equal(ra.code, 0, ra.stderr);
    assert.equal(rc.code, 0, rc.stderr);
    assert.deepEqual(events(rc.stdout).find((e) => e.code === 'lock.superseded')?.replaced, ['older']);
    const h = JSON.parse((await cli(['history', '--json'], { cwd: dir })).stdout) as {
      correlationId: string;
    }[];
    assert.deepEqual(
      h.map((x) => x.correlationId),
      ['newer', 'running'],
    );
  });

  it('a waiter that gives up exits 2 and leaves the queue', async () => {
    const dir = await slowStack();
    dirs.push(dir);
    const a = startCli(['deploy', '--correlation-id', 'holder'], { cwd: dir });
    await waitForOutput(a, /lock\.acquired/);
    const r = await cli(['deploy', '--wait-lock', '1s', '--correlation-id', 'impatient'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /gave up after waiting 1s .*held by .*correlation id holder/);
    assert.deepEqual(JSON.parse((await cli(['lock', 'queue', '--json'], { cwd: dir })).stdout), []);
    assert.equal((await a.done).code, 0);
  });
});
