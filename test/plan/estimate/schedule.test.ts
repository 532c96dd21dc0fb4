import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PastDeployment } from '../../../src/plan/estimate/learn.js';
import { timingSignature } from '../../../src/plan/estimate/prior.js';
import { estimateRemaining, learnModel } from '../../../src/plan/estimate/schedule.js';
import { buildPlan, type Plan } from '../../../src/plan/plan.js';
import type { Service, Stack } from '../../../src/spec/types.js';

/** The deployment's interval follows the plan's real order and narrows as services finish. */

const svc = (name: string, deps: string[] = []): Service => ({
  name,
  kind: 'service',
  dependsOn: deps.map((d) => ({ name: d, condition: 'healthy' })),
  healthCheck: { command: ['CMD', 'true'], interval: 1000, timeout: 1000, retries: 3, startPeriod: 0 },
});

function plan(services: Service[], unchanged: string[] = []): Plan {
  const p = buildPlan({ name: 'st', services } as unknown as Stack, new Map(), new Map());
  for (const e of p.entries) if (unchanged.includes(e.service.name)) e.changed = false;
  return p;
}

/** Ten past deployments in which each service took about its duration here (ms), ±3 %. */
function past(services: Service[], took: Record<string, number>): PastDeployment[] {
  return Array.from({ length: 10 }, (_, k) => ({
    leadMs: 100,
    tailMs: 50,
    units: services.map((s) => ({
      service: s.name,
      durationMs: took[s.name]! * (1 + 0.03 * Math.sin(k * 1.7 + s.name.length)),
      signature: timingSignature(s),
    })),
  }));
}

const TOOK = { db: 10_000, api: 10_000, web: 10_000 };

describe('estimateRemaining', () => {
  it('is an 80 % interval, never a point, from history when every service has some', () => {
    const s = [svc('db'), svc('api', ['db'])];
    const e = estimateRemaining(plan(s), learnModel(plan(s), 'waves', past(s, TOOK)));
    assert.equal(e.coverage, 0.8);
    assert.equal(e.basis, 'history');
    assert.ok(e.lowMs < e.highMs);
    // Two waves of ten seconds each, plus the deployment's own 150 ms.
    assert.ok(e.lowMs < 20_150 && e.highMs > 20_150, `${e.lowMs}–${e.highMs} holds 20.15 s`);
    assert.ok(e.lowMs > 17_000 && e.highMs < 24_000, `${e.lowMs}–${e.highMs} is not wide`);
  });

  it('follows the critical path: parallel services take the longest of them, a chain takes the sum', () => {
    const parallel = [svc('db'), svc('api'), svc('web')];
    const chain = [svc('db'), svc('api', ['db']), svc('web', ['api'])];
    const p = estimateRemaining(
      plan(parallel),
      learnModel(plan(parallel), 'dependencies', past(parallel, TOOK)),
    );
    const c = estimateRemaining(plan(chain), learnModel(plan(chain), 'dependencies', past(chain, TOOK)));
    assert.ok(p.highMs < 15_000, `parallel: ${p.lowMs}–${p.highMs}`);
    assert.ok(c.lowMs > 25_000, `chain: ${c.lowMs}–${c.highMs}`);
  });

  it('waits for the whole previous wave with order waves, only for its own dependencies with dependencies', () => {
    // db (2 s) and slow (20 s) in wave 0; api (10 s) needs db only.
    const s = [svc('db'), svc('slow'), svc('api', ['db'])];
    const took = { db: 2_000, slow: 20_000, api: 10_000 };
    const waves = estimateRemaining(plan(s), learnModel(plan(s), 'waves', past(s, took)));
    const deps = estimateRemaining(plan(s), learnModel(plan(s), 'dependencies', past(s, took)));
    assert.ok(waves.lowMs > 25_000, `waves: api after slow, about 30 s: ${waves.lowMs}–${waves.highMs}`);
    assert.ok(
      deps.highMs < 25_000,
      `dependencies: api beside slow, about 20 s: ${deps.lowMs}–${deps.highMs}`,
    );
  });

  it('counts unchanged services as no time', () => {
    const s = [svc('db'), svc('api', ['db'])];
    const e = estimateRemaining(plan(s, ['db']), learnModel(plan(s, ['db']), 'waves', past(s, TOOK)));
    assert.ok(e.highMs < 13_000, `only api changes: ${e.lowMs}–${e.highMs}`);
  });

  it('is a wide guess without history, and mixed when only some services have past runs', () => {
    const s = [svc('db'), svc('api', ['db'])];
    const guess = estimateRemaining(plan(s), learnModel(plan(s), 'waves', []));
    assert.equal(guess.basis, 'guess');
    assert.ok(guess.highMs / guess.lowMs > 1.8, `a guess is wide: ${guess.lowMs}–${guess.highMs}`);
    const onlyDb = past([svc('db')], TOOK);
    assert.equal(estimateRemaining(plan(s), learnModel(plan(s), 'waves', onlyDb)).basis, 'mixed');
  });

  it('narrows as services finish, and counts a running service from what it has already taken', () => {
    const s = [svc('db'), svc('api', ['db']), svc('web', ['api'])];
    const p = plan(s);
    const model = learnModel(p, 'waves', past(s, TOOK));
    const atStart = estimateRemaining(p, model);
    // db started at 0.1 s and passed its gate at 10.1 s, when api started.
    const dbDone = (elapsedMs: number) => ({
      elapsedMs,
      startedAt: new Map([
        ['db', 100],
        ['api', 10_100],
      ]),
      endedAt: new Map([['db', 10_100]]),
    });
    const afterDb = estimateRemaining(p, model, dbDone(10_100));
    assert.ok(afterDb.highMs < atStart.highMs - 8_000, `${afterDb.lowMs}–${afterDb.highMs} after db`);
    assert.ok(afterDb.highMs - afterDb.lowMs < atStart.highMs - atStart.lowMs, 'and is narrower');
    // api has run 25 s, far past its usual 10 s: what is left is at least web's 10 s, never negative.
    const late = estimateRemaining(p, model, dbDone(35_100));
    assert.ok(late.lowMs > 8_000 && late.lowMs < late.highMs, `late: ${late.lowMs}–${late.highMs}`);
  });

  it('gives the same interval for the same inputs', () => {
    const s = [svc('db'), svc('api', ['db'])];
    const m = learnModel(plan(s), 'waves', past(s, TOOK));
    assert.deepEqual(estimateRemaining(plan(s), m), estimateRemaining(plan(s), m));
  });
});
