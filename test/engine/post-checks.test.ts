import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CheckRunner, PostCheckResult } from '../../src/core/check-result.js';
import { DeployFailedError } from '../../src/errors.js';
import type { BakeSpec, PostCheck, Stack } from '../../src/spec/types.js';
import { becomesReady } from './fixtures/scripted-target.js';
import { stack, T0, trace, withHarness, withVersions, type Harness } from './fixtures/harness.js';

const shop = stack('shop', { db: {}, api: { dependsOn: ['db'] } });

function check(name: string, service?: string, bake = true): PostCheck {
  return {
    name,
    kind: 'tcp',
    bake,
    tcp: { host: '127.0.0.1', port: 1, timeout: 1000 },
    at: 'x',
    ...(service ? { service } : {}),
  } as PostCheck;
}

function withChecks(s: Stack, checks: PostCheck[], bake?: BakeSpec): Stack {
  return { ...s, postChecks: checks, ...(bake ? { bake } : {}) };
}

/** A runner on virtual time: `fails(name, tMs)` says whether a check fails when run at tMs after T0. */
function runner(h: Harness, fails: (name: string, t: number) => boolean): CheckRunner<PostCheck> {
  return async (c) => {
    const t = h.clock.now() - T0;
    const bad = fails(c.name, t);
    const r: PostCheckResult = {
      check: c.name,
      kind: c.kind,
      ...(c.service ? { service: c.service } : {}),
      status: bad ? 'failed' : 'passed',
      message: bad ? `${c.name} is broken at ${t}` : 'fine',
      startedAt: h.clock.now(),
      durationMs: 0,
    };
    return r;
  };
}

describe('engine: post-deploy checks and the bake window', () => {
  it('a service’s checks run after its gate and before its dependents start', () =>
    withHarness(async (h) => {
      h.target.script('db', becomesReady(1000)).script('api', becomesReady(1000));
      const s = withChecks(shop, [check('db-ok', 'db'), check('api-ok', 'api')]);
      const run = await h.deploy(s, { checks: runner(h, () => false) });
      assert.equal(run.ok, true, run.error?.message);
      const lines = trace(run.events, {
        only: ['service.starting', 'check.passed', 'service.ready', 'deploy.succeeded'],
      });
      assert.deepEqual(lines, [
        'service.starting db',
        'check.passed db',
        'service.ready db',
        'service.starting api',
        'check.passed api',
        'service.ready api',
        'check.passed db',
        'check.passed api',
        'deploy.succeeded',
      ]);
      const phases = run.events
        .filter((e) => e.code === 'check.passed')
        .map((e) => (e as { phase: string }).phase);
      assert.deepEqual(phases, ['gate', 'gate', 'end', 'end']);
    }));

  it('a check failing at its gate fails the service like its health check, and the policy rolls it back', () =>
    withHarness(async (h) => {
      h.target.script('db', becomesReady(1000)).script('api', becomesReady(1000));
      await h.deploy(shop);
      const v2 = withChecks(withVersions(shop, { db: '2', api: '2' }), [check('db-ok', 'db')]);
      const run = await h.deploy(v2, { checks: runner(h, () => true) });
      assert.ok(run.error instanceof DeployFailedError);
      const failed = run.events.find((e) => e.code === 'service.failed');
      assert.equal(failed?.code === 'service.failed' && failed.reason, 'check-failed');
      assert.match(run.error.message, /check db-ok failed: db-ok is broken/);
      assert.ok(!run.events.some((e) => e.code === 'service.starting' && e.service === 'api'));
      assert.deepEqual(await h.current('shop'), { api: '1', db: '1' });
    }));

  it('the bake tolerates maxFailures, and fails the deployment at the one after, rolling back what changed', () =>
    withHarness(async (h) => {
      h.target.script('db', becomesReady(1000)).script('api', becomesReady(1000));
      await h.deploy(shop);
      const bake = { for: 60_000, every: 5_000, maxFailures: 1 };
      const v2 = withChecks(withVersions(shop, { api: '2' }), [check('stack-ok')], bake);
      // Broken from 20 s on: rounds at ~7, 12, 17 s pass; ~22 s fails (1, tolerated); ~27 s fails (2 > 1).
      const run = await h.deploy(v2, { checks: runner(h, (_, t) => t >= 20_000) });
      assert.ok(run.error instanceof DeployFailedError, run.error?.message);
      const failed = run.events.find((e) => e.code === 'bake.failed');
      assert.ok(failed?.code === 'bake.failed');
      assert.equal(failed.failures, 2);
      assert.equal(failed.check, 'stack-ok');
      assert.ok(failed.t < 60_000, 'failed inside the window, not at its end');
      const lines = trace(run.events, {
        only: ['bake.started', 'bake.failed', 'rollback.started', 'deploy.failed'],
      });
      assert.deepEqual(lines, ['bake.started', 'bake.failed', 'rollback.started', 'deploy.failed api']);
      assert.deepEqual(await h.current('shop'), { api: '1', db: '1' });
    }));

  it('a bake whose failures stay within maxFailures passes', () =>
    withHarness(async (h) => {
      h.target.script('db', becomesReady(1000)).script('api', becomesReady(1000));
      const bake = { for: 20_000, every: 5_000, maxFailures: 1 };
      let failures = 0;
      const s = withChecks(shop, [check('flaky'), check('gate-only', 'api', false)], bake);
      const run = await h.deploy(s, {
        checks: runner(h, (name, t) => name === 'flaky' && t > 10_000 && failures++ === 0),
      });
      assert.equal(run.ok, true, run.error?.message);
      const passed = run.events.find((e) => e.code === 'bake.passed');
      assert.ok(passed?.code === 'bake.passed');
      assert.deepEqual({ rounds: passed.rounds, failures: passed.failures }, { rounds: 4, failures: 1 });
      const baked = run.events.filter(
        (e) => e.code.startsWith('check.') && (e as { phase?: string }).phase === 'bake',
      );
      assert.ok(
        baked.every((e) => (e as { check: string }).check === 'flaky'),
        'bake: false keeps a check out',
      );
    }));

  it('a convoy rollback runs no checks', () =>
    withHarness(async (h) => {
      h.target.script('db', becomesReady(1000)).script('api', becomesReady(1000));
      await h.deploy(shop);
      await h.deploy(withVersions(shop, { api: '2' }));
      const s = withChecks(shop, [check('api-ok', 'api')], { for: 10_000, every: 1_000, maxFailures: 0 });
      const run = await h.deploy(s, { kind: 'rollback', checks: runner(h, () => true) });
      assert.equal(run.ok, true, run.error?.message);
      assert.ok(!run.events.some((e) => e.code.startsWith('check.') || e.code.startsWith('bake.')));
    }));
});
