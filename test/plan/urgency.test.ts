import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildPlan, type Plan } from '../../src/plan/plan.js';
import { byUrgency } from '../../src/plan/urgency.js';
import type { Service, Stack } from '../../src/spec/types.js';

/** Most urgent first: by the longest chain still to run from each changed service. */

const svc = (name: string, deps: string[] = []): Service =>
  ({
    name,
    kind: 'service',
    dependsOn: deps.map((d) => ({ name: d, condition: 'healthy' })),
  }) as Service;

function plan(services: Service[], unchanged: string[] = []): Plan {
  const p = buildPlan({ name: 'st', services } as unknown as Stack, new Map(), new Map());
  for (const e of p.entries) if (unchanged.includes(e.service.name)) e.changed = false;
  return p;
}

const names = (p: Plan, order: 'waves' | 'dependencies', d?: Record<string, number>) =>
  byUrgency(p, order, (n) => d?.[n]).map((e) => e.service.name);

// db → api → web, and a side service `mail` (needs db only): the chain through api is the longer one.
const stack = [svc('web', ['api']), svc('mail', ['db']), svc('api', ['db']), svc('db')];

describe('byUrgency', () => {
  it('puts the start of the longest remaining chain first, then wave and file order among equals', () => {
    assert.deepEqual(names(plan(stack), 'dependencies'), ['db', 'api', 'mail', 'web']);
  });

  it('weighs chains by how long each service took last time', () => {
    // mail took 10 minutes last time: its chain outweighs api → web (2 × the one-minute default).
    assert.deepEqual(names(plan(stack), 'dependencies', { mail: 600_000 }), ['db', 'mail', 'api', 'web']);
  });

  it('with waves, everything of a wave waits for the whole previous wave', () => {
    // mail is in wave 1 with api: by wave, it is needed as early as api.
    const order = names(plan(stack), 'waves', { api: 1_000, mail: 5_000 });
    assert.deepEqual(order, ['db', 'mail', 'api', 'web']);
  });

  it('leaves unchanged services out, and counts no time for them on a chain', () => {
    const order = names(plan(stack, ['db', 'api']), 'dependencies', { mail: 30_000 });
    assert.deepEqual(order, ['web', 'mail']);
  });
});
