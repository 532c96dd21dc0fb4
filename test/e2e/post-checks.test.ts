import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { cli, copyExample, events, status } from './helpers.js';

/*
 * The sandbox-broker example's runbook checks (verify:) and its variants, through the built CLI on the local target.
 * The bake window is cut short (BAKE_FOR, BAKE_EVERY) so the suite stays fast; the example keeps the real numbers.
 */
describe('post-deploy checks: the sandbox-broker example on the local target', () => {
  let dir = '';
  let port: (original: number) => number = () => 0;
  const short = { BAKE_FOR: '2s', BAKE_EVERY: '1s' };
  const deploy = (env: Record<string, string> = {}) =>
    cli(['deploy', '--json'], { cwd: dir, env: { ...short, ...env } });
  const revisions = async () => new Map((await status(dir)).map((s) => [s.name, s.revision]));

  before(async () => {
    ({ dir, port } = await copyExample('sandbox-broker'));
  });
  after(async () => {
    await cli(['down'], { cwd: dir });
  });

  it('runs each service’s checks after its gate and before its dependents, then all at the end, then the bake', async () => {
    const r = await deploy();
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const ev = events(r.stdout);
    const codes = ev.map((e) =>
      `${e.code} ${String(e.check ?? e.service ?? '')} ${String(e.phase ?? '')}`.trim(),
    );
    const at = (s: string) => codes.indexOf(s);
    for (const name of ['health', 'rate-limit-header', 'cors-preflight', 'cached-quote'])
      assert.ok(
        at(`check.passed ${name} gate`) > at('service.starting api'),
        `${name} at api's gate: ${codes}`,
      );
    assert.ok(at('check.passed cached-quote gate') < at('service.ready api'));
    assert.ok(at('service.ready api') < at('service.starting worker'));
    assert.ok(at('check.passed worker-jobs gate') < at('service.ready worker'));
    assert.ok(at('check.passed health end') > at('service.ready worker'));
    assert.ok(at('bake.started') > at('check.passed worker-jobs end'));
    assert.ok(at('check.passed health bake') > at('bake.started'));
    assert.ok(at('bake.passed') < at('deploy.succeeded'));
    const bake = ev.find((e) => e.code === 'bake.started');
    assert.deepEqual(bake?.checks, [
      'health',
      'rate-limit-header',
      'cors-preflight',
      'cached-quote',
      'worker-jobs',
    ]);
    assert.equal(bake?.forMs, 2000);
  });

  it('verify --post runs the checks alone against what runs now', async () => {
    const r = await cli(['verify', '--post'], { cwd: dir });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(
      r.stdout
        .trim()
        .split('\n')
        .filter((l) => l.startsWith('✓ ')).length,
      5,
      r.stdout,
    );
    const json = await cli(['verify', '--post', '--json'], { cwd: dir });
    const out = JSON.parse(json.stdout) as { ok: boolean; checks: { check: string; status: string }[] };
    assert.equal(out.ok, true);
    assert.deepEqual(
      out.checks.map((c) => c.status),
      ['passed', 'passed', 'passed', 'passed', 'passed'],
    );
  });

  it('a revision that drops the CORS header passes its health check, fails verification and is rolled back', async () => {
    const previous = await revisions();
    const r = await cli(['deploy', '--json', '--capture', 'cors.json'], {
      cwd: dir,
      env: { ...short, CORS_ALLOW_HEADERS: 'Content-Type' },
    });
    assert.equal(r.code, 1, r.stdout + r.stderr);
    const ev = events(r.stdout);
    const failed = ev.find((e) => e.code === 'check.failed');
    assert.equal(failed?.check, 'cors-preflight', JSON.stringify(failed));
    assert.equal(failed?.phase, 'gate');
    assert.equal(failed?.status, 'failed');
    assert.equal((failed?.response as { status: number }).status, 204);
    assert.match(String(failed?.message), /header Access-Control-Allow-Headers is "Content-Type"/);
    const sf = ev.find((e) => e.code === 'service.failed');
    assert.equal(sf?.service, 'api');
    assert.equal(sf?.reason, 'check-failed');
    assert.ok(ev.some((e) => e.code === 'service.rolled-back' && e.service === 'api'));
    assert.ok(
      !ev.some((e) => e.code === 'service.starting' && e.service === 'worker'),
      'worker never started',
    );
    assert.match(r.stderr, /check cors-preflight failed: header Access-Control-Allow-Headers/);
    // Diagnosis gets the answer as evidence.
    const capture = JSON.parse(readFileSync(join(dir, 'cors.json'), 'utf8')) as {
      postCheck?: { response?: string };
    };
    assert.match(
      String(capture.postCheck?.response),
      /^HTTP 204\n(.|\n)*access-control-allow-headers: Content-Type/,
    );
    assert.deepEqual(await revisions(), previous);
  });

  it('a worker that never logs "job done" fails its log check and is rolled back', async () => {
    const previous = await revisions();
    const r = await deploy({ JOB_EVERY: '0' });
    assert.equal(r.code, 1, r.stdout + r.stderr);
    const ev = events(r.stdout);
    const failed = ev.find((e) => e.code === 'check.failed');
    assert.equal(failed?.check, 'worker-jobs', JSON.stringify(failed));
    assert.equal(failed?.kind, 'log');
    assert.match(String(failed?.message), /worker did not log \/job done\/ within 5s/);
    assert.ok(ev.some((e) => e.code === 'service.rolled-back' && e.service === 'worker'));
    assert.deepEqual(await revisions(), previous);
  });

  it('a revision that starts failing inside the bake window is rolled back by the bake', async () => {
    const previous = await revisions();
    // The example's numbers are a 30 s bake and 500s from 20 s on; here the api fails 15 s after it started, which
    // leaves a loaded machine time to pass the api's gate and the checks at the end before it does.
    const r = await deploy({ FAIL_AFTER: '15000', BAKE_FOR: '90s', BAKE_EVERY: '1s' });
    assert.equal(r.code, 1, r.stdout + r.stderr);
    const ev = events(r.stdout);
    const codes = ev.map((e) => e.code);
    assert.ok(codes.includes('bake.started'));
    const bakeFailed = ev.find((e) => e.code === 'bake.failed');
    assert.ok(bakeFailed, codes.join(' '));
    assert.ok((bakeFailed.failures as number) > 1, 'more than maxFailures (1)');
    assert.match(String(bakeFailed.message), /status 500/);
    const failed = ev.filter((e) => e.code === 'check.failed');
    assert.ok(
      failed.every((e) => e.phase === 'bake'),
      `only the bake saw it fail: ${JSON.stringify(failed[0])}`,
    );
    assert.ok(codes.indexOf('bake.failed') < codes.indexOf('rollback.started'));
    assert.ok(ev.some((e) => e.code === 'service.rolled-back' && e.service === 'api'));
    assert.equal(ev.find((e) => e.code === 'deploy.failed')?.service, 'api');
    assert.deepEqual(await revisions(), previous);
  });

  it('verify --post exits 1 when a check cannot run, in its own words', async () => {
    const down = await cli(['down'], { cwd: dir });
    assert.equal(down.code, 0, down.stderr);
    const r = await cli(['verify', '--post'], { cwd: dir });
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.ok(
      r.stdout.includes(`! health: could not connect: ECONNREFUSED 127.0.0.1:${port(7201)}`),
      r.stdout,
    );
    assert.match(
      r.stderr,
      /verify --post: [1-5] of 5 checks did not pass: health \(could not connect: ECONNREFUSED/,
    );
  });
});
