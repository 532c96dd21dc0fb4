import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidInputError } from '../../src/errors.js';
import type { Recorded } from '../../src/plan/plan.js';
import { buildRestartPlan, restartSet } from '../../src/plan/restart-plan.js';
import type { Service, Stack } from '../../src/spec/types.js';

const svc = (name: string, deps: string[] = [], kind: Service['kind'] = 'service'): Service =>
  ({ name, kind, dependsOn: deps.map((d) => ({ name: d, condition: 'healthy' })) }) as Service;

// zookeeper → kafka → (migrate job) → rules; kafka → sender; worker apart.
const stack = {
  name: 'st',
  services: [
    svc('zookeeper'),
    svc('kafka', ['zookeeper']),
    svc('migrate', ['kafka'], 'job'),
    svc('rules', ['migrate']),
    svc('sender', ['kafka']),
    svc('worker'),
  ],
} as unknown as Stack;

const recorded = new Map<string, Recorded>(
  stack.services.map((s) => [s.name, { revision: `r-${s.name}`, spec: s }]),
);

describe('restartSet', () => {
  it('is the named services alone without --with-dependents', () => {
    assert.deepEqual(restartSet(stack, ['kafka'], false), ['kafka']);
  });

  it('adds dependents of dependents, through a job, but never restarts the job; file order', () => {
    assert.deepEqual(restartSet(stack, ['zookeeper'], true), ['zookeeper', 'kafka', 'rules', 'sender']);
  });

  it('is every service (no job) when none is named', () => {
    assert.deepEqual(restartSet(stack, [], false), ['zookeeper', 'kafka', 'rules', 'sender', 'worker']);
  });

  it('refuses a job by name, and a name the stack lacks', () => {
    assert.throws(() => restartSet(stack, ['migrate'], false), InvalidInputError);
    assert.throws(() => restartSet(stack, ['nope'], false), /no service "nope"/);
  });
});

describe('buildRestartPlan', () => {
  it('changes no revision: the chosen services restart on what runs, everything else is left alone', () => {
    const plan = buildRestartPlan(stack, recorded, ['zookeeper', 'kafka']);
    const changed = plan.entries.filter((e) => e.changed);
    assert.deepEqual(
      changed.map((e) => [e.service.name, e.from, e.revision, e.restart, e.wave]),
      [
        ['zookeeper', 'r-zookeeper', 'r-zookeeper', true, 0],
        ['kafka', 'r-kafka', 'r-kafka', true, 1],
      ],
    );
    assert.ok(plan.entries.filter((e) => !e.changed).every((e) => e.revision === `r-${e.service.name}`));
  });

  it('refuses a service that was never deployed', () => {
    const partial = new Map([...recorded].filter(([n]) => n !== 'worker'));
    assert.throws(() => buildRestartPlan(stack, partial, ['worker']), /worker has never been deployed/);
  });
});
