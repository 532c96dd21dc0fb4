import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fitDurations, learnUnit, type Run } from '../../../src/plan/estimate/learn.js';
import { priorOf, timingSignature } from '../../../src/plan/estimate/prior.js';
import { unitInterval } from '../../../src/plan/estimate/schedule.js';
import type { Service } from '../../../src/spec/types.js';

/** A local service with an HTTP health check; `hc` overrides its timing (ms). */
const svc = (hc: Partial<NonNullable<Service['healthCheck']>> = {}): Service => ({
  name: 'api',
  kind: 'service',
  dependsOn: [],
  healthCheck: {
    http: { url: 'http://127.0.0.1:1/health' },
    interval: 1000,
    timeout: 1000,
    retries: 3,
    startPeriod: 2000,
    ...hc,
  },
});

/** Past runs (newest first) in which `service` took these durations, under its current timing. */
const history = (s: Service, durationsMs: number[]): Run[] =>
  durationsMs.map((durationMs) => ({ service: s.name, durationMs, signature: timingSignature(s) }));

/** Ten ordinary runs around 10 s, newest first, a little apart. */
const ORDINARY = [10_200, 9_800, 10_500, 9_600, 10_100, 10_300, 9_900, 10_000, 9_700, 10_400];

describe('learnUnit', () => {
  it('learns the usual duration from history, with an interval around it', () => {
    const u = learnUnit(svc(), history(svc(), ORDINARY));
    assert.equal(u.basis, 'history');
    assert.equal(u.samples, 10);
    assert.ok(Math.abs(u.medianMs - 10_000) < 300, `median ${u.medianMs}`);
    const i = unitInterval(u);
    assert.ok(i.lowMs < 9_600 && i.highMs > 10_500, `interval ${i.lowMs}–${i.highMs} holds the usual runs`);
    assert.ok(i.lowMs > 7_000 && i.highMs < 14_000, `interval ${i.lowMs}–${i.highMs} is not wide`);
  });

  it('one slow run does not ruin it: the median barely moves, the interval stays tight, the run is noted as slow', () => {
    const calm = learnUnit(svc(), history(svc(), ORDINARY));
    for (const at of [0, 4, 9]) {
      const runs = [...ORDINARY];
      runs.splice(at, 0, 120_000); // one run twelve times slower: the newest, one in the middle, the oldest
      const u = learnUnit(svc(), history(svc(), runs));
      assert.ok(
        Math.abs(u.medianMs - calm.medianMs) / calm.medianMs < 0.05,
        `slow run at ${at}: median ${u.medianMs} vs ${calm.medianMs}`,
      );
      assert.ok(unitInterval(u).highMs < 15_000, `slow run at ${at}: top ${unitInterval(u).highMs}`);
      assert.equal(u.slow?.excess.length, 1, 'one slow run');
      assert.ok((u.slow?.p ?? 1) < 0.1, `a slow run is expected ${u.slow?.p} of the time`);
    }
  });

  it('a lasting change of regime takes over after three runs', () => {
    const slower = [25_000, 24_500, 25_500];
    const u = learnUnit(svc(), history(svc(), [...slower, ...ORDINARY]));
    assert.ok(Math.abs(u.medianMs - 25_000) < 1_000, `median ${u.medianMs} follows the new regime`);
    assert.ok(unitInterval(u).lowMs > 15_000, `low ${unitInterval(u).lowMs} is above the old regime`);
  });

  it('changed health check timing falls back to the prior', () => {
    const before = svc();
    const after = svc({ startPeriod: 30_000, interval: 5_000 });
    const u = learnUnit(after, history(before, ORDINARY));
    assert.equal(u.basis, 'guess');
    assert.equal(u.samples, 0);
    assert.deepEqual(u.dist, priorOf(after));
    // The same history still counts for a change that leaves the timing alone (a new version, say).
    assert.equal(learnUnit({ ...before, version: '2' }, history(before, ORDINARY)).basis, 'history');
  });

  it('widens its interval when it has seen few runs', () => {
    const few = unitInterval(learnUnit(svc(), history(svc(), ORDINARY.slice(0, 2))));
    const many = unitInterval(learnUnit(svc(), history(svc(), ORDINARY)));
    assert.ok(few.highMs / few.lowMs > many.highMs / many.lowMs, 'two runs give a wider interval than ten');
  });

  it('still has a spread when most runs took exactly the same time (a probe grid)', () => {
    const flat = fitDurations(Array<number>(10).fill(2000)).dist.sigma;
    const { dist } = fitDurations([2000, 2000, 2000, 2000, 2800, 2000, 2000, 2800, 2000, 2000]);
    assert.ok(dist.sigma > 0.15 && dist.sigma > flat, `sigma ${dist.sigma} (all equal: ${flat})`);
  });
});

describe('priorOf', () => {
  it('guesses from the health check: the first probe at the earliest, the last before it would fail at the latest', () => {
    const i = unitInterval({ dist: priorOf(svc()), basis: 'guess', samples: 0, medianMs: 0 });
    assert.ok(Math.abs(i.lowMs - 1_000) < 1, `low ${i.lowMs}: the first probe, after one interval`);
    // startPeriod 2 s + 3 retries × 1 s + a 1 s timeout.
    assert.ok(Math.abs(i.highMs - 6_000) < 1, `high ${i.highMs}`);
    const early = unitInterval({
      dist: priorOf(svc({ startInterval: 250 })),
      basis: 'guess',
      samples: 0,
      medianMs: 0,
    });
    assert.ok(Math.abs(early.lowMs - 250) < 1, `low ${early.lowMs}: startInterval probes sooner`);
  });

  it('uses ECS defaults and the desired count on aws', () => {
    const aws = (desiredCount: number): Service => ({
      name: 'web',
      kind: 'service',
      dependsOn: [],
      aws: {
        taskDefinitionFile: 'td.json',
        taskDefinition: { containerDefinitions: [{ name: 'web', essential: true }] },
        serviceDefinition: { desiredCount },
      },
    });
    const one = priorOf(aws(1));
    const ten = priorOf(aws(10));
    assert.ok(Math.exp(one.mu) > 30_000, 'ECS takes at least half a minute');
    assert.ok(ten.mu > one.mu, 'more tasks take longer');
    assert.notEqual(
      timingSignature(aws(1)),
      timingSignature(aws(10)),
      'the desired count is part of the timing',
    );
  });
});
