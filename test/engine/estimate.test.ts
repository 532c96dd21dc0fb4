import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { becomesReady, hangs } from './fixtures/scripted-target.js';
import { get, stack, timesOf, trace, withHarness, withVersions, type Harness } from './fixtures/harness.js';

/**
 * Estimates on the engine's clock (virtual time here): `deploy.started` carries the deployment's interval,
 * `service.ready` what is left, and a service three times slower than usual is named by `deploy.stalled`.
 * db → api → web, one wave each; db takes 2 s, api 4 s, web 1 s.
 */
const shop = stack('shop', { db: {}, api: { dependsOn: ['db'] }, web: { dependsOn: ['api'] } });
const usual = (h: Harness) =>
  h.target
    .script('db', becomesReady(2000))
    .script('api', becomesReady(4000))
    .script('web', becomesReady(1000));

/** Six deployments, each changing every service (a new version), so each service has six past runs. */
async function history(h: Harness): Promise<void> {
  usual(h);
  for (let v = 1; v <= 6; v++) {
    const run = await h.deploy(withVersions(shop, { db: `${v}`, api: `${v}`, web: `${v}` }));
    assert.equal(run.ok, true, run.error?.message);
  }
}

const next = withVersions(shop, { db: '7', api: '7', web: '7' });

describe('engine: estimates', () => {
  it('deploy.started carries an interval that holds the deployment, and service.ready what is left of it', () =>
    withHarness(async (h) => {
      const first = await h.deploy(shop);
      assert.equal(get(first.events, 'deploy.started').estimate?.basis, 'guess', 'no history yet: a guess');

      await history(h);
      const run = await h.deploy(next);
      assert.equal(run.ok, true, run.error?.message);
      const started = get(run.events, 'deploy.started');
      const took = get(run.events, 'deploy.succeeded').elapsedMs;
      const e = started.estimate!;
      assert.equal(e.basis, 'history');
      assert.equal(e.coverage, 0.8);
      assert.ok(e.lowMs <= took && took <= e.highMs, `${took} ms inside ${e.lowMs}–${e.highMs}`);
      const left = ['db', 'api', 'web'].map((s) => get(run.events, 'service.ready', s).remaining!.highMs);
      assert.ok(left[0]! > left[1]! && left[1]! > left[2]!, `what is left shrinks: ${left.join(', ')}`);
      assert.equal(trace(run.events, { only: ['deploy.stalled'] }).length, 0, 'nothing was late');
    }));

  it('a service three times slower than usual triggers deploy.stalled naming it, at three times its median', () =>
    withHarness(async (h) => {
      await history(h);
      h.target.script('api', becomesReady(20_000));
      const run = await h.deploy(next);
      assert.equal(run.ok, true, run.error?.message);
      const stalled = get(run.events, 'deploy.stalled');
      assert.equal(stalled.service, 'api');
      assert.equal(stalled.medianMs, 4000);
      assert.equal(stalled.elapsedMs, 3 * 4000);
      const starting = get(run.events, 'service.starting', 'api');
      assert.equal(
        Date.parse(stalled.at) - Date.parse(starting.at),
        12_000,
        'three medians after api started',
      );
      assert.ok(stalled.t < timesOf(run.events, 'service.ready').api!, 'while api was still on its way');
      assert.deepEqual(trace(run.events, { only: ['deploy.stalled'] }), ['deploy.stalled api'], 'once');
    }));

  it('a service whose runs vary widely is called stalled only past the top of its interval', () =>
    withHarness(async (h) => {
      usual(h);
      for (const [v, ms] of [1000, 9000, 1500, 12_000, 2000, 800].entries()) {
        h.target.script('api', becomesReady(ms));
        const run = await h.deploy(withVersions(shop, { db: `${v}`, api: `${v}`, web: `${v}` }));
        assert.equal(run.ok, true, run.error?.message);
      }
      h.target.script('api', becomesReady(120_000));
      const run = await h.deploy(next);
      assert.equal(run.ok, true, run.error?.message);
      const top = Math.ceil(get(run.events, 'service.starting', 'api').estimate!.highMs);
      const stalled = get(run.events, 'deploy.stalled');
      assert.ok(
        top > 3 * stalled.medianMs,
        `its interval reaches ${top} ms, past 3 × ${stalled.medianMs} ms`,
      );
      assert.equal(stalled.elapsedMs, top);
    }));

  it('no deploy.stalled for a service late by less than three times its median', () =>
    withHarness(async (h) => {
      await history(h);
      h.target.script('api', becomesReady(10_000)); // 2.5× its median
      const late = await h.deploy(next);
      assert.equal(late.ok, true, late.error?.message);
      assert.equal(trace(late.events, { only: ['deploy.stalled'] }).length, 0);
    }));

  it('a service with no past runs is never called late: its guess is too wide', () =>
    withHarness(async (h) => {
      h.target.script('api', hangs);
      const run = await h.deploy(stack('fresh', { db: {}, api: { dependsOn: ['db'] } }, { timeout: 60_000 }));
      assert.equal(run.ok, false);
      assert.equal(trace(run.events, { only: ['deploy.stalled'] }).length, 0);
    }));
});
