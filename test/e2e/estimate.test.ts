import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { cli, copyExample, events } from './helpers.js';

/**
 * Estimates as a user meets them, on the local target: `convoy plan --json` and the deployment's events carry an
 * interval, a guess from the stack file at first and from history once the services have run. Whether a single
 * deployment falls inside its 80 % interval is one draw of a chance event, so it is measured by `npm run bench
 * estimate` over many, not asserted here.
 */

interface Interval {
  lowMs: number;
  highMs: number;
  coverage: number;
  basis: string;
}

const wellFormed = (e: Interval | undefined, what: string) => {
  assert.ok(e, `${what} has an estimate`);
  assert.ok(e.lowMs >= 0 && e.lowMs <= e.highMs, `${what}: ${e.lowMs}–${e.highMs}`);
  assert.equal(e.coverage, 0.8, what);
};

describe('estimates on the local target (alerting-platform)', () => {
  let dir = '';
  before(async () => {
    ({ dir } = await copyExample('alerting-platform'));
  });
  after(async () => {
    await cli(['down'], { cwd: dir });
  });

  it('plan and deploy carry an interval: a guess at first, from history once the services have run', async () => {
    const first = await cli(['plan', '--json'], { cwd: dir });
    assert.equal(first.code, 0, first.stderr);
    const guess = JSON.parse(first.stdout) as { estimate: Interval };
    wellFormed(guess.estimate, 'the first plan');
    assert.equal(guess.estimate.basis, 'guess');

    // Three deployments of a cheap change: the services that read VERSION restart each time.
    for (const v of ['1', '2', '3']) {
      const r = await cli(['deploy', '--json'], { cwd: dir, env: { VERSION: v } });
      assert.equal(r.code, 0, r.stdout + r.stderr);
    }

    const next = await cli(['plan', '--json'], { cwd: dir, env: { VERSION: '4' } });
    assert.equal(next.code, 0, next.stderr);
    const plan = JSON.parse(next.stdout) as {
      estimate: Interval;
      services: { name: string; changed: boolean; estimate: Interval | null }[];
    };
    wellFormed(plan.estimate, 'the plan');
    assert.equal(plan.estimate.basis, 'history');
    for (const s of plan.services) {
      if (s.changed) assert.equal(s.estimate?.basis, 'history', s.name);
      else assert.equal(s.estimate, null, s.name);
    }

    const r = await cli(['deploy', '--json'], { cwd: dir, env: { VERSION: '4' } });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const ev = events(r.stdout);
    const started = ev.find((e) => e.code === 'deploy.started');
    wellFormed(started?.estimate as Interval, 'deploy.started');
    assert.equal((started?.estimate as Interval).basis, 'history');
    const ready = ev.filter((e) => e.code === 'service.ready');
    assert.ok(ready.length >= 6, `${ready.length} services ready`);
    for (const e of ready) wellFormed(e.remaining as Interval, `service.ready ${String(e.service)}`);
  });
});
