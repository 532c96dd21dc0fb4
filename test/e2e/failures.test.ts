import assert from 'node:assert/strict';
import { after, it } from 'node:test';
import {
  cli,
  events,
  freePort,
  status,
  tempDir,
  writeStack,
  serviceYaml,
  describeEachBackend,
  uniqueSuffix,
} from './helpers.js';

describeEachBackend('failures, rollback scopes, secrets and convoy rollback', () => {
  const dirs: string[] = [];
  const dir = () => {
    const d = tempDir();
    dirs.push(d);
    return d;
  };
  after(async () => {
    for (const d of dirs) await cli(['down'], { cwd: d });
  });

  it('a process that exits fails at once with its exit code, long before its health verdict', async () => {
    const d = dir();
    const port = await freePort();
    // REQUIRES a closed port: the program gives up after 300 ms and exits 1.
    writeStack(
      d,
      [
        `stack: exits-${uniqueSuffix()}`,
        'services:',
        serviceYaml('api', {
          port,
          env: { REQUIRES: `db=127.0.0.1:${await freePort()}`, REQUIRES_TIMEOUT: 300 },
          health: `{ http: { url: "http://127.0.0.1:${port}/health" }, interval: 1s, retries: 5, startPeriod: 20s }`,
        }),
      ].join('\n'),
    );
    const r = await cli(['deploy', '--json'], { cwd: d });
    assert.equal(r.code, 1);
    const failed = events(r.stdout).find((e) => e.code === 'service.failed')!;
    assert.equal(failed.reason, 'exited');
    assert.equal(failed.exitCode, 1);
    assert.ok(
      (failed.elapsedMs as number) < 5000,
      `failed after ${failed.elapsedMs} ms, not after the 25 s verdict`,
    );
    assert.ok((failed.logs as string[]).some((l) => /cannot reach db/.test(l)));
  });

  it('a failing job stops the deployment before its dependents are touched', async () => {
    const d = dir();
    const [p1, p2] = [await freePort(), await freePort()];
    writeStack(
      d,
      [
        `stack: jobfail-${uniqueSuffix()}`,
        'services:',
        serviceYaml('migrate', {
          port: p1,
          kind: 'job',
          env: { MODE: 'job', JOB_EXIT: 3, JOB_DURATION: 100 },
        }),
        serviceYaml('api', { port: p2, dependsOn: ['migrate'] }),
      ].join('\n'),
    );
    const r = await cli(['deploy', '--json'], { cwd: d });
    assert.equal(r.code, 1);
    const ev = events(r.stdout);
    assert.equal(ev.find((e) => e.code === 'service.failed')?.exitCode, 3);
    assert.ok(ev.some((e) => e.code === 'service.skipped' && e.service === 'api'));
    assert.ok(!ev.some((e) => e.code === 'service.starting' && e.service === 'api'));
    assert.equal((await status(d)).find((s) => s.name === 'api')?.health, 'stopped');
  });

  it('scope changed rolls back every service the deployment changed; secrets never reach output or history', async () => {
    const d = dir();
    const [p1, p2] = [await freePort(), await freePort()];
    const name = `scope-${uniqueSuffix()}`;
    const yaml = (healthy: string) =>
      [
        `stack: ${name}`,
        'rollback: { scope: changed }',
        'services:',
        serviceYaml('db', { port: p1, env: { VERSION: '${VERSION:-1}' } }),
        serviceYaml('api', {
          port: p2,
          dependsOn: ['db'],
          env: {
            VERSION: '${VERSION:-1}',
            HEALTHY: healthy,
            UNHEALTHY_REASON: 'token ${SECRET_TOKEN} rejected',
          },
        }),
      ]
        .join('\n')
        .replace(
          `"UNHEALTHY_REASON":"token \${SECRET_TOKEN} rejected"`,
          `"UNHEALTHY_REASON":"token \${SECRET_TOKEN} rejected","API_TOKEN":{"value":"\${SECRET_TOKEN}","secret":true}`,
        );
    writeStack(d, yaml('true'));
    const env = { SECRET_TOKEN: 'hunter2-very-secret' };
    assert.equal((await cli(['deploy'], { cwd: d, env })).code, 0);
    const v1 = await status(d);
    writeStack(d, yaml('false'));
    const r = await cli(['deploy', '--json'], { cwd: d, env: { ...env, VERSION: '2' } });
    assert.equal(r.code, 1);
    const rolled = events(r.stdout)
      .filter((e) => e.code === 'service.rolled-back')
      .map((e) => e.service);
    assert.deepEqual(rolled, ['api', 'db'], 'dependents first');
    const v2 = await status(d);
    assert.deepEqual(
      v2.map((s) => [s.name, s.revision, s.health]),
      v1.map((s) => [s.name, s.revision, 'healthy']),
    );
    // The failing health output contains the token; it is masked everywhere.
    assert.match(r.stdout, /token \*\*\* rejected/);
    const plain = await cli(['deploy'], { cwd: d, env: { ...env, VERSION: '2' } });
    const hist = await cli(['history', '--json'], { cwd: d });
    for (const text of [r.stdout, r.stderr, plain.stdout, plain.stderr, hist.stdout])
      assert.doesNotMatch(text, /hunter2/);
  });

  it('convoy rollback puts a service back on its previous good revision; --dry-run changes nothing', async () => {
    const d = dir();
    const port = await freePort();
    writeStack(
      d,
      [
        `stack: rb-${uniqueSuffix()}`,
        'services:',
        serviceYaml('api', { port, env: { VERSION: '${VERSION:-1}' } }),
      ].join('\n'),
    );
    assert.equal((await cli(['deploy'], { cwd: d })).code, 0);
    const v1 = (await status(d))[0]!.revision;
    assert.equal((await cli(['deploy'], { cwd: d, env: { VERSION: '2' } })).code, 0);
    const v2 = (await status(d))[0]!.revision;
    assert.notEqual(v1, v2);
    const dry = await cli(['rollback', 'api', '--dry-run', '--json'], { cwd: d, env: { VERSION: '2' } });
    assert.deepEqual(JSON.parse(dry.stdout).rollback, [{ service: 'api', from: v2, to: v1 }]);
    assert.equal((await status(d))[0]!.revision, v2);
    const r = await cli(['rollback', 'api'], { cwd: d, env: { VERSION: '2' } });
    assert.equal(r.code, 0, r.stderr);
    const after1 = (await status(d))[0]!;
    assert.equal(after1.revision, v1);
    assert.equal(after1.health, 'healthy');
    const body = (await (await fetch(`http://127.0.0.1:${port}/health`)).json()) as { version: string };
    assert.equal(body.version, '1');
    const h = JSON.parse((await cli(['history', '--json'], { cwd: d })).stdout) as { kind: string }[];
    assert.deepEqual(
      h.map((x) => x.kind),
      ['rollback', 'deploy', 'deploy'],
    );
  });

  it('plan shows what changes and why', async () => {
    const d = dir();
    const port = await freePort();
    writeStack(
      d,
      [
        `stack: planned-${uniqueSuffix()}`,
        'services:',
        serviceYaml('api', { port, env: { VERSION: '${VERSION:-1}' } }),
      ].join('\n'),
    );
    const p0 = JSON.parse((await cli(['plan', '--json'], { cwd: d })).stdout);
    assert.deepEqual(p0.services[0].reasons, ['new service']);
    assert.equal((await cli(['deploy'], { cwd: d })).code, 0);
    const p1 = JSON.parse((await cli(['plan', '--json'], { cwd: d })).stdout);
    assert.equal(p1.services[0].changed, false);
    const p2 = JSON.parse((await cli(['plan', '--json'], { cwd: d, env: { VERSION: '2' } })).stdout);
    assert.deepEqual(p2.services[0].reasons, ['env changed: VERSION']);
  });
});
