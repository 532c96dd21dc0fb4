import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Stack } from '../../src/spec/types.js';
import { Random } from '../emulator/core/random.js';
import { becomesReady } from './fixtures/scripted-target.js';
import {
  get,
  stack,
  timesOf,
  trace,
  withHarness,
  withOptions,
  withVersions,
  type Harness,
  type RunEvent,
} from './fixtures/harness.js';

/**
 * db and cache have no dependencies; api needs db healthy; web needs api healthy.
 * Waves: [db, cache], [api], [web]. cache is the slow one.
 */
const shop = stack('shop', {
  db: {},
  cache: {},
  api: { dependsOn: ['db'] },
  web: { dependsOn: ['api'] },
});

function slowCache(h: Harness): void {
  h.target.script('db', becomesReady(3000)).script('cache', becomesReady(10_000));
}

describe('engine: ordering', () => {
  it('in waves order, a wave starts only once every service of the previous wave has passed its gate', () =>
    withHarness(async (h) => {
      slowCache(h);
      const run = await h.deploy(withOptions(shop, { order: 'waves' }));

      assert.equal(run.ok, true, run.error?.message);
      assert.deepEqual(trace(run.events), [
        'lock.acquired',
        'deploy.started',
        'service.starting db',
        'service.starting cache',
        'service.ready db',
        'service.ready cache',
        'service.starting api',
        'service.ready api',
        'service.starting web',
        'service.ready web',
        'deploy.succeeded',
        'lock.released',
      ]);
      // api does not need cache, but its wave waits for it.
      assert.deepEqual(timesOf(run.events, 'service.starting'), {
        db: 0,
        cache: 0,
        api: 10_000,
        web: 11_000,
      });
      assert.deepEqual(get(run.events, 'deploy.started').waves, [['db', 'cache'], ['api'], ['web']]);
    }));

  it('in dependencies order, a service starts as soon as its own dependencies are met, whatever else is slow', () =>
    withHarness(async (h) => {
      slowCache(h);
      const run = await h.deploy(withOptions(shop, { order: 'dependencies' }));

      assert.equal(run.ok, true, run.error?.message);
      assert.deepEqual(trace(run.events), [
        'lock.acquired',
        'deploy.started',
        'service.starting db',
        'service.starting cache',
        'service.ready db',
        'service.starting api',
        'service.ready api',
        'service.starting web',
        'service.ready web',
        'service.ready cache',
        'deploy.succeeded',
        'lock.released',
      ]);
      assert.deepEqual(timesOf(run.events, 'service.starting'), { db: 0, cache: 0, api: 3000, web: 4000 });
    }));

  describe('a dependency condition says what "met" means', () => {
    /** db takes 5 s to become healthy; migrate is a job that takes 2 s once started. */
    const conditions = stack(
      'conditions',
      {
        db: {},
        warmer: { dependsOn: { db: 'started' } },
        api: { dependsOn: { db: 'healthy' } },
        migrate: { kind: 'job', dependsOn: { db: 'healthy' } },
        worker: { dependsOn: { migrate: 'completed' } },
      },
      { order: 'dependencies' },
    );
    const deploy = async (h: Harness): Promise<RunEvent[]> => {
      h.target.script('db', becomesReady(5000)).script('migrate', becomesReady(2000));
      const run = await h.deploy(conditions);
      assert.equal(run.ok, true, run.error?.message);
      return run.events;
    };
    const before = (events: RunEvent[], a: string, b: string) => {
      const i = trace(events).indexOf(a);
      const j = trace(events).indexOf(b);
      assert.ok(i >= 0 && j >= 0 && i < j, `${a} should come before ${b}: ${trace(events).join(', ')}`);
    };

    it('started: the dependent starts as soon as its dependency was launched, before that one is healthy', () =>
      withHarness(async (h) => {
        const events = await deploy(h);
        before(events, 'service.starting db', 'service.starting warmer');
        before(events, 'service.starting warmer', 'service.ready db');
        assert.equal(timesOf(events, 'service.starting').warmer, 0);
      }));

    it('healthy: the dependent starts only once its dependency passed its health gate', () =>
      withHarness(async (h) => {
        const events = await deploy(h);
        before(events, 'service.ready db', 'service.starting api');
        assert.equal(timesOf(events, 'service.starting').api, 5000);
      }));

    it('completed: the dependent starts only once the job it depends on has exited 0', () =>
      withHarness(async (h) => {
        const events = await deploy(h);
        before(events, 'service.ready migrate', 'service.starting worker');
        assert.equal(get(events, 'service.ready', 'migrate').gate, 'completed');
        assert.deepEqual(timesOf(events, 'service.starting'), {
          db: 0,
          warmer: 0,
          api: 5000,
          migrate: 5000,
          worker: 7000,
        });
      }));
  });

  it('no service ever starts before each of its dependencies met its condition (random timings, both orders)', async () => {
    const base = stack('mesh', {
      db: {},
      queue: { healthCheck: false },
      migrate: { kind: 'job', dependsOn: ['db'] },
      api: { dependsOn: { db: 'healthy', migrate: 'completed', queue: 'started' } },
      worker: { dependsOn: { queue: 'started', migrate: 'completed' } },
      web: { dependsOn: { api: 'healthy' } },
      cron: { dependsOn: { worker: 'started' } },
    });
    const rng = new Random(12);
    for (const order of ['waves', 'dependencies'] as const) {
      for (let round = 0; round < 10; round++) {
        await withHarness(async (h) => {
          for (const s of base.services) h.target.script(s.name, becomesReady(Math.floor(rng.next() * 8000)));
          const run = await h.deploy(withOptions(base, { order }));
          assert.equal(run.ok, true, run.error?.message);
          assertDependenciesRespected(base, run.events);
        });
      }
    }
  });

  it('only changed services are started; an unchanged dependency counts as met at once', () =>
    withHarness(async (h) => {
      slowCache(h);
      await h.deploy(shop);
      h.target.actions.length = 0;

      const run = await h.deploy(withVersions(shop, { api: '2' }));

      assert.equal(run.ok, true, run.error?.message);
      assert.deepEqual(trace(run.events), [
        'lock.acquired',
        'deploy.started',
        'service.unchanged db',
        'service.unchanged cache',
        'service.starting api',
        'service.ready api',
        'service.unchanged web',
        'deploy.succeeded',
        'lock.released',
      ]);
      assert.deepEqual(h.target.did(), ['start api@2']);
      // Nothing to wait for: api starts the moment the deployment does, not after db or cache.
      assert.equal(timesOf(run.events, 'service.starting').api, get(run.events, 'deploy.started').t);
      assert.deepEqual(await h.current('shop'), { api: '2', cache: '1', db: '1', web: '1' });
      const succeeded = get(run.events, 'deploy.succeeded');
      assert.deepEqual([succeeded.changed, succeeded.unchanged], [1, 3]);
    }));
});

/** Every service.starting comes after each dependency's launch (started) or gate (healthy, completed). */
function assertDependenciesRespected(s: Stack, events: RunEvent[]): void {
  const lines = trace(events);
  for (const svc of s.services) {
    const start = lines.indexOf(`service.starting ${svc.name}`);
    assert.ok(start >= 0, `${svc.name} never started: ${lines.join(', ')}`);
    for (const d of svc.dependsOn) {
      const met = lines.indexOf(
        `${d.condition === 'started' ? 'service.starting' : 'service.ready'} ${d.name}`,
      );
      assert.ok(
        met >= 0 && met < start,
        `${svc.name} started before ${d.name} was ${d.condition}: ${lines.join(', ')}`,
      );
    }
  }
}
