import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DeployFailedError } from '../../src/errors.js';
import {
  becomesReady,
  cannotStart,
  diesAfterReady,
  exits,
  hangs,
  turnsUnhealthy,
} from './fixtures/scripted-target.js';
import { find, get, stack, timesOf, trace, withHarness, withOptions } from './fixtures/harness.js';

/** A chain: api needs db, web needs api; cache stands alone and is slow. */
const shop = stack('shop', {
  db: {},
  cache: {},
  api: { dependsOn: ['db'] },
  web: { dependsOn: ['api'] },
});

describe('engine: fail fast', () => {
  for (const order of ['waves', 'dependencies'] as const) {
    it(`in ${order} order, a failure stops the deployment at once: nothing is started after it`, () =>
      withHarness(async (h) => {
        h.target.script('db', exits(2000)).script('cache', becomesReady(1000));
        const run = await h.deploy(withOptions(shop, { order }));

        assert.equal(run.ok, false);
        assert.ok(run.error instanceof DeployFailedError, run.error?.message);
        assert.equal(run.error.exitCode, 1);
        // The failure and the skips it causes happen at the same instant; their relative order is not specified.
        const lines = trace(run.events, {
          only: ['service.starting', 'service.failed', 'service.skipped', 'deploy.failed'],
        });
        assert.deepEqual(lines.slice(0, 2), ['service.starting db', 'service.starting cache']);
        assert.deepEqual(lines.slice(2, 5).sort(), [
          'service.failed db',
          'service.skipped api',
          'service.skipped web',
        ]);
        assert.deepEqual(lines.slice(5), ['deploy.failed db']);
        assert.deepEqual(timesOf(run.events, 'service.skipped'), { api: 2000, web: 2000 });
        assert.deepEqual(
          h.target.did().filter((a) => a.startsWith('start')),
          ['start db@1', 'start cache@1'],
        );
        const failed = get(run.events, 'service.failed', 'db');
        assert.equal(failed.t, 2000);
        assert.equal(failed.reason, 'exited');
        assert.equal(get(run.events, 'deploy.failed').t, 2000);
        const steps = await h.steps(run.deploymentId!);
        assert.equal(steps.api, 'skipped');
        assert.equal(steps.web, 'skipped');
      }));
  }

  it('services still waiting for their gate are interrupted the moment another fails, not at their timeout', () =>
    withHarness(async (h) => {
      h.target.script('db', exits(2000)).script('cache', becomesReady(60_000));
      const run = await h.deploy(shop);

      assert.equal(run.ok, false);
      const interrupted = get(run.events, 'service.skipped', 'cache');
      assert.equal(interrupted.t, 2000);
      assert.match(interrupted.why, /db failed/);
      assert.equal(find(run.events, 'service.ready', 'cache'), undefined);
      assert.equal(get(run.events, 'deploy.failed').t, 2000);
      // It never proved itself, so the rollback treats it as failed too.
      assert.deepEqual(get(run.events, 'rollback.started').services, ['cache', 'db']);
      assert.equal((await h.steps(run.deploymentId!)).cache, 'rolled-back');
    }));

  it('a health check that gives up fails the service as unhealthy at that moment', () =>
    withHarness(async (h) => {
      h.target.script('api', turnsUnhealthy(4000));
      const run = await h.deploy(shop);

      assert.equal(run.ok, false);
      const failed = get(run.events, 'service.failed', 'api');
      assert.equal(failed.reason, 'unhealthy');
      assert.equal(failed.elapsedMs, 4000);
      assert.equal(failed.check, 'CMD true');
      assert.equal(failed.output, 'not ready');
      assert.equal(get(run.events, 'deploy.failed').service, 'api');
    }));

  it('a service that cannot be started fails the deployment as start-failed', () =>
    withHarness(async (h) => {
      h.target.script('api', cannotStart);
      const run = await h.deploy(shop);

      assert.equal(run.ok, false);
      const failed = get(run.events, 'service.failed', 'api');
      assert.equal(failed.reason, 'start-failed');
      assert.match(failed.message, /cannot start api@1/);
      assert.equal(find(run.events, 'service.starting', 'web'), undefined);
    }));

  it('a service that never reaches its gate fails when deploy.timeout runs out', () =>
    withHarness(async (h) => {
      h.target.script('cache', hangs);
      const run = await h.deploy(withOptions(shop, { timeout: 30_000 }));

      assert.equal(run.ok, false);
      const failed = get(run.events, 'service.failed', 'cache');
      assert.equal(failed.reason, 'timeout');
      assert.equal(failed.t, 30_000);
    }));

  it('a job that exits non-zero fails the deployment, and what depends on it never starts', () =>
    withHarness(async (h) => {
      const jobs = stack('jobs', {
        db: {},
        migrate: { kind: 'job', dependsOn: ['db'] },
        api: { dependsOn: ['migrate'] },
      });
      h.target.script('migrate', exits(1500));
      const run = await h.deploy(jobs);

      assert.equal(run.ok, false);
      const failed = get(run.events, 'service.failed', 'migrate');
      assert.equal(failed.reason, 'exited');
      assert.equal(failed.exitCode, 1);
      assert.deepEqual(Object.keys(timesOf(run.events, 'service.starting')), ['db', 'migrate']);
      assert.equal(get(run.events, 'service.skipped', 'api').why, 'the deployment stopped before its turn');
    }));

  it('a service that passes its gate but dies before the deployment ends fails it', () =>
    withHarness(async (h) => {
      // db is healthy at 1 s and exits at 3 s; cache takes until 10 s, so db is dead when the deployment ends at 12 s.
      h.target.script('db', diesAfterReady(1000, 2000)).script('cache', becomesReady(10_000));
      const run = await h.deploy(shop);

      assert.equal(run.ok, false);
      assert.ok(run.error instanceof DeployFailedError);
      assert.ok(find(run.events, 'service.ready', 'db'));
      const failed = get(run.events, 'service.failed', 'db');
      assert.equal(failed.reason, 'exited');
      assert.equal(failed.t, 12_000);
      assert.equal(get(run.events, 'deploy.failed').service, 'db');
      assert.equal((await h.steps(run.deploymentId!)).db, 'rolled-back');
    }));

  it('an interrupt (Ctrl-C) stops the deployment at once, rolls back per policy and releases the lock', () =>
    withHarness(async (h) => {
      h.target.script('api', becomesReady(30_000));
      const interrupt = new AbortController();
      h.at(5000, () => interrupt.abort(new Error('cancelled by SIGINT')));
      const run = await h.deploy(shop, { signal: interrupt.signal });

      assert.equal(run.ok, false);
      assert.ok(run.error instanceof DeployFailedError, run.error?.message);
      const failed = get(run.events, 'service.failed', 'api');
      assert.equal(failed.t, 5000);
      assert.match(failed.message, /cancelled by SIGINT/);
      assert.equal(find(run.events, 'service.starting', 'web'), undefined);
      assert.deepEqual(get(run.events, 'deploy.failed').rolledBack, ['api']);
      assert.equal(run.events.at(-1)?.code, 'lock.released');
      assert.equal(await h.store.getLock('shop'), undefined);
    }));
});
