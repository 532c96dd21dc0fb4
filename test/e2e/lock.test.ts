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

/** A one-service stack whose holder stays busy this long, so the other runs surely meet it even on a loaded machine. */
async function slowStackDir(delayMs = 8000): Promise<string> {
  const port = await freePort();
  return stackDir('lockdemo', [
    serviceYaml('api', {
      port,
      env: { STARTUP_DELAY: delayMs, VERSION: '${VERSION:-1}' },
      health: `{ http: { url: "http://127.0.0.1:${port}/health" }, interval: 300ms, timeout: 1s, retries: 3, startPeriod: ${delayMs / 1000 + 5}s }`,
    }),
  ]);
}

/** Starts `convoy deploy <args>` in `dir` and resolves once it holds the lock. */
async function holdingDeploy(dir: string, args: string[]) {
  const run = startCli(['deploy', ...args], { cwd: dir });
  await waitForOutput(run, /lock\.acquired/);
  return run;
}

describeEachBackend('one deployment of a stack at a time', () => {
  const slowStack = downAfterSuite(slowStackDir);

  it('a second deploy exits 2 at once, naming holder, start time and correlation id', async () => {
    const dir = await slowStack();
    const first = await holdingDeploy(dir, ['--correlation-id', 'first-run']);
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
    const first = await holdingDeploy(dir, ['--json', '--correlation-id', 'a']);
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
    const first = await holdingDeploy(dir, ['--correlation-id', 'held']);
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
  const slowStack = downAfterSuite(slowStackDir);

  it('a newer queued deployment with --cancel-superseded replaces an older queued one, never the running one', async () => {
    // Two more CLI processes must queue while this one runs: seen taking over 8 s on a 2-core machine under load.
    const dir = await slowStack(20_000);
    const a = await holdingDeploy(dir, ['--json', '--correlation-id', 'running']);
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
    const a = await holdingDeploy(dir, ['--correlation-id', 'holder']);
    const r = await cli(['deploy', '--wait-lock', '1s', '--correlation-id', 'impatient'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /gave up after waiting 1s .*held by .*correlation id holder/);
    assert.deepEqual(JSON.parse((await cli(['lock', 'queue', '--json'], { cwd: dir })).stdout), []);
    assert.equal((await a.done).code, 0);
  });
});
