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
  status,
  waitForOutput,
} from './helpers.js';

async function crashStackDir(): Promise<string> {
  const [p1, p2] = [await freePort(), await freePort()];
  return stackDir(
    'crashdemo',
    [
      serviceYaml('db', { port: p1, env: { VERSION: '${VERSION:-1}' } }),
      serviceYaml('api', {
        port: p2,
        dependsOn: ['db'],
        env: { STARTUP_DELAY: 2500, VERSION: '${VERSION:-1}' },
      }),
    ],
    // Long enough that a CLI started right after the kill still finds the lock held on a loaded 2-core machine
    // (seen taking over 10 s to start and run its pre-flight with two other suites running beside it).
    ['lock: { lease: 20s, heartbeat: 2s }'],
  );
}

interface Hist {
  id: string;
  outcome: string;
  resolvedBy: { deploymentId: string; action: string } | null;
  fencingToken: number;
}

describeEachBackend('kill -9 of convoy in the middle of a deployment', () => {
  const stack = downAfterSuite(crashStackDir);

  it('the next deploy takes over the expired lease and resumes the interrupted deployment', async () => {
    const dir = await stack();
    const run = startCli(['deploy', '--json', '--correlation-id', 'killed'], { cwd: dir });
    await waitForOutput(run, /"code":"service.starting","service":"api"/);
    run.child.kill('SIGKILL');
    const killedAt = Date.now();
    await run.done;

    // Without waiting the lock is still held by the dead run...
    const blocked = await cli(['deploy'], { cwd: dir });
    assert.equal(blocked.code, 2);
    // ...but only until its lease runs out.
    const next = await cli(['deploy', '--json', '--wait-lock', '60s', '--correlation-id', 'next'], {
      cwd: dir,
    });
    assert.equal(next.code, 0, next.stderr);
    const ev = events(next.stdout);
    const acquired = ev.find((e) => e.code === 'lock.acquired')!;
    assert.deepEqual((acquired.tookOverExpired as { correlationId: string }).correlationId, 'killed');
    assert.ok(
      Date.parse(acquired.at) - killedAt <= 20_000 + 2_000 + 3_000,
      'lock did not outlive lease + heartbeat',
    );
    const found = ev.find((e) => e.code === 'deploy.interrupted-found')!;
    assert.equal(found.action, 'resume');
    // db reached its gate before the kill and stays; api is (re)started.
    assert.deepEqual(
      ev.filter((e) => e.code === 'service.starting').map((e) => e.service),
      ['api'],
    );

    const h = JSON.parse((await cli(['history', '--json'], { cwd: dir })).stdout) as Hist[];
    assert.deepEqual(
      h.map((x) => x.outcome),
      ['succeeded', 'interrupted'],
    );
    assert.equal(h[1]!.resolvedBy?.deploymentId, h[0]!.id);
    assert.equal(h[1]!.resolvedBy?.action, 'resumed');
    assert.ok(h[0]!.fencingToken > h[1]!.fencingToken);
    const after = await status(dir);
    if (!after.every((s) => s.health === 'healthy')) {
      const logs = await cli(['logs', 'api', '--lines', '40'], { cwd: dir });
      assert.fail(`${JSON.stringify(after)}\napi's log:\n${logs.stdout}${logs.stderr}`);
    }
  });

  it('when the stack file changed meanwhile, the interrupted deployment is rolled back first', async () => {
    const dir = await stack();
    assert.equal((await cli(['deploy'], { cwd: dir })).code, 0);
    const v1 = await status(dir);
    const run = startCli(['deploy', '--json'], { cwd: dir, env: { VERSION: '2' } });
    await waitForOutput(run, /"code":"service.starting","service":"api"/);
    run.child.kill('SIGKILL');
    await run.done;

    // The new run wants VERSION 3: not what the dead one was doing, so it undoes that first.
    const next = await cli(['deploy', '--json', '--wait-lock', '60s'], { cwd: dir, env: { VERSION: '3' } });
    assert.equal(next.code, 0, next.stderr);
    const ev = events(next.stdout);
    assert.equal(ev.find((e) => e.code === 'deploy.interrupted-found')?.action, 'rollback');
    const rolled = ev.filter((e) => e.code === 'service.rolled-back').map((e) => [e.service, e.to]);
    assert.deepEqual(rolled.map((r) => r[0]).sort(), ['api', 'db']);
    assert.equal(rolled.find((r) => r[0] === 'db')![1], v1.find((s) => s.name === 'db')!.revision);
    const h = JSON.parse((await cli(['history', '--json'], { cwd: dir })).stdout) as Hist[];
    assert.deepEqual(
      h.map((x) => x.outcome),
      ['succeeded', 'interrupted', 'succeeded'],
    );
    assert.equal(h[1]!.resolvedBy?.action, 'rolled-back');
  });
});
