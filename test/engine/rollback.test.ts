import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DeployFailedError, RollbackFailedError } from '../../src/errors.js';
import { becomesReady, exits } from './fixtures/scripted-target.js';
import {
  get,
  stack,
  trace,
  withHarness,
  withOptions,
  withVersions,
  type Harness,
} from './fixtures/harness.js';

/**
 * In dependencies order: api needs db; web needs api; cache stands alone. Version 2 changes db, cache and api:
 * db comes up at 1 s, api starts then and exits at 3 s, while cache (slow, 30 s) has not passed its gate yet.
 */
const shop = stack(
  'shop',
  { db: {}, cache: {}, api: { dependsOn: ['db'] }, web: { dependsOn: ['api'] } },
  { order: 'dependencies' },
);
const v2 = withVersions(shop, { db: '2', cache: '2', api: '2' });

async function failV2(h: Harness, scope: 'failed' | 'changed' | 'none') {
  const first = await h.deploy(withOptions(shop, { scope }));
  assert.equal(first.ok, true, first.error?.message);
  h.target.script('cache@2', becomesReady(30_000)).script('api@2', exits(2000));
  h.target.actions.length = 0;
  const run = await h.deploy(withOptions(v2, { scope }));
  assert.equal(run.ok, false);
  assert.ok(run.error instanceof DeployFailedError, run.error?.message);
  assert.equal(run.error.exitCode, 1);
  return run;
}

const ROLLBACK_EVENTS = ['rollback.started', 'service.rolling-back', 'service.rolled-back', 'deploy.failed'];

describe('engine: rollback scopes', () => {
  it('scope failed: only the failed service and those that had not passed their gate go back, newest first', () =>
    withHarness(async (h) => {
      const run = await failV2(h, 'failed');

      assert.deepEqual(trace(run.events, { only: ROLLBACK_EVENTS }), [
        'rollback.started',
        'service.rolling-back api',
        'service.rolled-back api',
        'service.rolling-back cache',
        'service.rolled-back cache',
        'deploy.failed api',
      ]);
      const started = get(run.events, 'rollback.started');
      assert.deepEqual([started.scope, started.services], ['failed', ['api', 'cache']]);
      assert.deepEqual(get(run.events, 'deploy.failed').rolledBack, ['api', 'cache']);
      // db passed its gate at version 2 and stays there.
      assert.deepEqual(await h.current('shop'), { api: '1', cache: '1', db: '2', web: '1' });
      assert.deepEqual(h.target.state(), {
        db: '2 healthy',
        cache: '1 healthy',
        api: '1 healthy',
        web: '1 healthy',
      });
      assert.deepEqual(await h.steps(run.deploymentId!), {
        api: 'rolled-back',
        cache: 'rolled-back',
        db: 'healthy',
        web: 'skipped',
      });
      assert.equal((await h.store.getDeployment(run.deploymentId!))?.status, 'failed');
    }));

  it('scope changed: every service this deployment started goes back, dependents before their dependencies', () =>
    withHarness(async (h) => {
      const run = await failV2(h, 'changed');

      assert.deepEqual(trace(run.events, { only: ROLLBACK_EVENTS }), [
        'rollback.started',
        'service.rolling-back api',
        'service.rolled-back api',
        'service.rolling-back cache',
        'service.rolled-back cache',
        'service.rolling-back db',
        'service.rolled-back db',
        'deploy.failed api',
      ]);
      assert.deepEqual(get(run.events, 'rollback.started').services, ['api', 'cache', 'db']);
      assert.deepEqual(await h.current('shop'), { api: '1', cache: '1', db: '1', web: '1' });
      assert.deepEqual(h.target.state(), {
        db: '1 healthy',
        cache: '1 healthy',
        api: '1 healthy',
        web: '1 healthy',
      });
      // Each restored revision passed its gate again before the next one was touched.
      assert.deepEqual(h.target.did().slice(-3), [
        'start api@1 (returning)',
        'start cache@1 (returning)',
        'start db@1 (returning)',
      ]);
      assert.equal((await h.store.getDeployment(run.deploymentId!))?.status, 'failed');
    }));

  it('scope none: nothing is rolled back; what failed is left as it is for a person to look at', () =>
    withHarness(async (h) => {
      const run = await failV2(h, 'none');

      assert.deepEqual(trace(run.events, { only: ROLLBACK_EVENTS }), [
        'rollback.started',
        'deploy.failed api',
      ]);
      assert.deepEqual(get(run.events, 'rollback.started').services, []);
      assert.deepEqual(get(run.events, 'deploy.failed').rolledBack, []);
      assert.deepEqual(h.target.did(), ['start db@2', 'start cache@2', 'start api@2']);
      assert.deepEqual(h.target.state(), {
        db: '2 healthy',
        cache: '2 starting',
        api: '2 stopped',
        web: '1 healthy',
      });
      // The store still names the last revisions that passed their gate.
      assert.deepEqual(await h.current('shop'), { api: '1', cache: '1', db: '2', web: '1' });
      assert.deepEqual(await h.steps(run.deploymentId!), {
        api: 'failed',
        cache: 'failed',
        db: 'healthy',
        web: 'skipped',
      });
    }));

  it('a service that was new in the failed deployment is stopped by its rollback: there is nothing to go back to', () =>
    withHarness(async (h) => {
      h.target.script('api', exits(2000));
      const run = await h.deploy(withOptions(shop, { scope: 'changed' }));

      assert.equal(run.ok, false);
      assert.deepEqual(get(run.events, 'rollback.started').services, ['api', 'cache', 'db']);
      assert.equal(get(run.events, 'service.rolled-back', 'db').to, undefined);
      assert.deepEqual(h.target.did().slice(-3), ['stop api', 'stop cache', 'stop db']);
      assert.deepEqual(await h.current('shop'), {});
    }));

  it('a finished job is not run again by a rollback: its previous revision only counts as current again', () =>
    withHarness(async (h) => {
      const jobs = stack(
        'jobs',
        { db: {}, migrate: { kind: 'job', dependsOn: ['db'] }, api: { dependsOn: ['migrate'] } },
        { scope: 'changed' },
      );
      await h.deploy(jobs);
      h.target.script('api@2', exits(500));
      h.target.actions.length = 0;

      const run = await h.deploy(withVersions(jobs, { migrate: '2', api: '2' }));

      assert.equal(run.ok, false);
      assert.deepEqual(get(run.events, 'deploy.failed').rolledBack, ['api', 'migrate']);
      assert.deepEqual(h.target.did(), ['start migrate@2', 'start api@2', 'start api@1 (returning)']);
      assert.deepEqual(await h.current('jobs'), { api: '1', db: '1', migrate: '1' });
    }));

  it('a rollback that cannot restore a service goes on with the others, then ends as rollback-failed (exit 4)', () =>
    withHarness(async (h) => {
      await h.deploy(withOptions(shop, { scope: 'changed' }));
      // Version 1 of cache no longer comes back (its image was deleted, say).
      h.target.script('cache@1', exits(500));
      h.target.script('cache@2', becomesReady(30_000)).script('api@2', exits(2000));

      const run = await h.deploy(withOptions(v2, { scope: 'changed' }));

      assert.equal(run.ok, false);
      assert.ok(run.error instanceof RollbackFailedError, run.error?.message);
      assert.equal(run.error.exitCode, 4);
      assert.deepEqual(
        trace(run.events, {
          only: [
            'rollback.started',
            'service.rolled-back',
            'service.rollback-failed',
            'deploy.failed',
            'deploy.rollback-failed',
          ],
        }),
        [
          'rollback.started',
          'service.rolled-back api',
          'service.rollback-failed cache',
          'service.rolled-back db',
          'deploy.rollback-failed',
        ],
      );
      assert.deepEqual(get(run.events, 'deploy.rollback-failed').services, ['cache']);
      assert.equal((await h.store.getDeployment(run.deploymentId!))?.status, 'rollback-failed');
      assert.deepEqual(await h.steps(run.deploymentId!), {
        api: 'rolled-back',
        cache: 'rollback-failed',
        db: 'rolled-back',
        web: 'skipped',
      });
    }));
});
