import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DeployFailedError, RollbackFailedError } from '../../src/errors.js';
import { becomesReady, exits } from './fixtures/scripted-target.js';
import { find, get, stack, trace, withHarness, withVersions, type RunEvent } from './fixtures/harness.js';

/** api needs db. Default lock: a 15 s lease renewed every 5 s. api takes 10 s to become healthy. */
const shop = stack('shop', { db: {}, api: { dependsOn: ['db'] } });
const WAIT = { waitLockMs: 60_000 };

const apiStarting = (e: RunEvent) => e.code === 'service.starting' && e.service === 'api';

describe('engine: resume and rollback after a crash', () => {
  it('the next run waits out the dead run’s lease, takes it over, and resumes when it asks for the same revisions', () =>
    withHarness(async (h) => {
      h.target.script('api', becomesReady(10_000));
      const a = h.start(shop, { crashWhen: apiStarting });
      await h.drive(a.crashed);
      const crashedId = get(a.events, 'deploy.started').deploymentId!;
      assert.equal((await h.store.getDeployment(crashedId))?.status, 'running');

      const b = await h.deploy(shop, WAIT);

      assert.equal(b.ok, true, b.error?.message);
      assert.deepEqual(trace(b.events, { skip: ['lock.waiting'] }), [
        'lock.queued',
        'lock.acquired',
        'deploy.interrupted-found',
        'deploy.started',
        'service.unchanged db',
        'service.starting api',
        'service.ready api',
        'deploy.succeeded',
        'lock.released',
      ]);
      // The dead run acquired at 0 and never renewed: its 15 s lease is taken over only once it ran out.
      const acquired = get(b.events, 'lock.acquired');
      assert.ok(acquired.t >= 15_000, `took over at ${acquired.t}`);
      assert.deepEqual(acquired.tookOverExpired, { holder: 'A@test', correlationId: 'A' });
      const found = get(b.events, 'deploy.interrupted-found');
      assert.deepEqual(
        [found.previous, found.previousCorrelationId, found.action],
        [crashedId, 'A', 'resume'],
      );

      const crashed = await h.store.getDeployment(crashedId);
      assert.equal(crashed?.status, 'interrupted');
      assert.deepEqual(crashed?.resolvedBy, { deploymentId: b.deploymentId, action: 'resumed' });
      assert.equal((await h.store.getDeployment(b.deploymentId!))?.status, 'succeeded');
      assert.deepEqual(await h.current('shop'), { api: '1', db: '1' });
      // The audit trail of the next run has the same story, from the moment it had a deployment id.
      assert.deepEqual(
        await h.stored(b.deploymentId!),
        trace(b.events, { skip: ['lock.waiting', 'lock.queued', 'lock.acquired'] }).map(
          (l) => l.split(' ')[0],
        ),
      );
    }));

  it('an interrupted deployment is rolled back first when the next run asks for other revisions, then the new plan runs', () =>
    withHarness(async (h) => {
      await h.deploy(shop);
      h.target.script('api', becomesReady(10_000));
      const a = h.start(withVersions(shop, { db: '2', api: '2' }), { crashWhen: apiStarting });
      await h.drive(a.crashed);
      h.target.actions.length = 0;

      const b = await h.deploy(withVersions(shop, { db: '3', api: '3' }), WAIT);

      assert.equal(b.ok, true, b.error?.message);
      assert.equal(get(b.events, 'deploy.interrupted-found').action, 'rollback');
      assert.deepEqual(trace(b.events, { skip: ['lock.waiting', 'lock.queued', 'lock.acquired'] }), [
        'deploy.interrupted-found',
        'service.rolling-back api',
        'service.rolled-back api',
        'service.rolling-back db',
        'service.rolled-back db',
        'deploy.started',
        'service.starting db',
        'service.ready db',
        'service.starting api',
        // api takes 10 s now, ten times its one second in the first deployment.
        'deploy.stalled api',
        'service.ready api',
        'deploy.succeeded',
        'lock.released',
      ]);
      // What the dead run changed went back to version 1 before version 3 was deployed.
      assert.deepEqual(h.target.did(), [
        'start api@1 (returning)',
        'start db@1 (returning)',
        'start db@3',
        'start api@3',
      ]);
      const crashed = await h.store.getDeployment(get(a.events, 'deploy.started').deploymentId!);
      assert.equal(crashed?.status, 'interrupted');
      assert.deepEqual(crashed?.resolvedBy, { deploymentId: b.deploymentId, action: 'rolled-back' });
      assert.deepEqual(await h.steps(crashed!.id), { api: 'rolled-back', db: 'rolled-back' });
      assert.deepEqual(await h.current('shop'), { api: '3', db: '3' });
    }));

  it('a deployment interrupted while rolling back is rolled back by the next run, even one asking for the same revisions', () =>
    withHarness(async (h) => {
      await h.deploy(shop);
      const v2 = withVersions(shop, { db: '2', api: '2' });
      h.target.script('api@2', exits(2000));
      const a = h.start(v2, { crashWhen: (e) => e.code === 'service.rolling-back' });
      await h.drive(a.crashed);
      const crashedId = get(a.events, 'deploy.started').deploymentId!;
      assert.equal((await h.store.getDeployment(crashedId))?.status, 'rolling-back');
      // api@2 works now (what it waited for is back); the next run asks for version 2 again.
      h.target.script('api@2', becomesReady(1000));
      h.target.actions.length = 0;

      const b = await h.deploy(v2, WAIT);

      assert.equal(b.ok, true, b.error?.message);
      assert.equal(get(b.events, 'deploy.interrupted-found').action, 'rollback');
      assert.deepEqual(h.target.did(), [
        'start api@1 (returning)',
        'start db@1 (returning)',
        'start db@2',
        'start api@2',
      ]);
      assert.deepEqual((await h.store.getDeployment(crashedId))?.resolvedBy, {
        deploymentId: b.deploymentId,
        action: 'rolled-back',
      });
      assert.deepEqual(await h.current('shop'), { api: '2', db: '2' });
    }));

  it('an interrupted deployment that cannot be rolled back stops the next run before it plans anything (exit 4)', () =>
    withHarness(async (h) => {
      await h.deploy(shop);
      h.target.script('api', becomesReady(10_000));
      const a = h.start(withVersions(shop, { db: '2', api: '2' }), { crashWhen: apiStarting });
      await h.drive(a.crashed);
      // Version 1 of db no longer comes back.
      h.target.script('db@1', exits(500));

      const b = await h.deploy(withVersions(shop, { db: '3', api: '3' }), WAIT);

      assert.equal(b.ok, false);
      assert.ok(b.error instanceof RollbackFailedError, b.error?.message);
      assert.equal(b.error.exitCode, 4);
      assert.deepEqual(trace(b.events, { skip: ['lock.waiting', 'lock.queued', 'lock.acquired'] }), [
        'deploy.interrupted-found',
        'service.rolling-back api',
        'service.rolled-back api',
        'service.rolling-back db',
        'service.rollback-failed db',
        'deploy.rollback-failed',
        'lock.released',
      ]);
      assert.equal((await h.store.getDeployment(b.deploymentId!))?.status, 'rollback-failed');
      assert.deepEqual(await h.current('shop'), { api: '1', db: '2' });
    }));

  it('an interrupt (Ctrl-C) while an interrupted deployment is rolled back lets that rollback finish, then stops: nothing of the new plan starts', () =>
    withHarness(async (h) => {
      await h.deploy(shop);
      h.target.script('api', becomesReady(10_000));
      const a = h.start(withVersions(shop, { db: '2', api: '2' }), { crashWhen: apiStarting });
      await h.drive(a.crashed);
      h.target.actions.length = 0;
      const interrupt = new AbortController();
      // The next run takes over at 17 s and rolls api back first (10 s): the interrupt comes in the middle.
      h.at(20_000, () => interrupt.abort(new Error('cancelled by SIGINT')));

      const b = await h.deploy(withVersions(shop, { db: '3', api: '3' }), {
        ...WAIT,
        signal: interrupt.signal,
      });

      assert.equal(b.ok, false);
      assert.ok(b.error instanceof DeployFailedError, b.error?.message ?? 'it succeeded');
      assert.equal(b.error.exitCode, 1);
      assert.match(b.error.message, /cancelled by SIGINT/);
      assert.equal(get(b.events, 'deploy.interrupted-found').action, 'rollback');
      assert.deepEqual(h.target.did(), ['start api@1 (returning)', 'start db@1 (returning)']);
      assert.equal(find(b.events, 'service.starting'), undefined);
      assert.equal(find(b.events, 'deploy.succeeded'), undefined);
      assert.equal(b.events.at(-1)?.code, 'lock.released');
      assert.equal((await h.store.getDeployment(b.deploymentId!))?.status, 'failed');
      assert.deepEqual(await h.current('shop'), { api: '1', db: '1' });
    }));
});
