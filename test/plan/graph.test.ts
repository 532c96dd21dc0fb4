import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findCycle } from '../../src/core/graph.js';
import { computeWaves, topoOrder } from '../../src/plan/graph.js';
import type { Service } from '../../src/spec/types.js';

/** `graph({ a: [], b: ['a'] })`: services in key order, each depending on the listed names. */
function graph(deps: Record<string, string[]>): Service[] {
  return Object.entries(deps).map(([name, on]) => ({
    name,
    kind: 'service',
    dependsOn: on.map((d) => ({ name: d, condition: 'started' as const })),
  }));
}

describe('findCycle', () => {
  it('finds none in a DAG', () => {
    assert.equal(findCycle(graph({ a: [], b: ['a'], c: ['a', 'b'] })), undefined);
  });

  it('returns a closed path starting at the earliest service in file order', () => {
    assert.deepEqual(findCycle(graph({ x: [], a: ['b'], b: ['c'], c: ['a'] })), ['a', 'b', 'c', 'a']);
    assert.deepEqual(findCycle(graph({ a: ['c'], b: ['a'], c: ['b'] })), ['a', 'c', 'b', 'a']);
    assert.deepEqual(findCycle(graph({ z: ['m'], m: ['n'], n: ['m'] })), ['m', 'n', 'm']);
    // Reached through x at c, but still reported from a, the cycle's first service in the file.
    assert.deepEqual(findCycle(graph({ x: ['c'], a: ['b'], b: ['c'], c: ['a'] })), ['a', 'b', 'c', 'a']);
  });

  it('finds a self dependency', () => {
    assert.deepEqual(findCycle(graph({ a: ['a'] })), ['a', 'a']);
  });
});

describe('computeWaves', () => {
  it('puts each service one wave after its latest dependency, in file order within a wave', () => {
    const services = graph({
      api: ['db', 'migrate'],
      web: ['api'],
      db: [],
      migrate: ['db'],
      cache: [],
      worker: ['db'],
    });
    assert.deepEqual(computeWaves(services), [['db', 'cache'], ['migrate', 'worker'], ['api'], ['web']]);
    assert.deepEqual(topoOrder(services), ['db', 'cache', 'migrate', 'worker', 'api', 'web']);
  });

  it('treats dependencies outside the list as already met', () => {
    assert.deepEqual(computeWaves(graph({ api: ['db'], web: ['api'] })), [['api'], ['web']]);
  });

  it('is empty for no services and throws on a cycle', () => {
    assert.deepEqual(computeWaves([]), []);
    assert.throws(() => computeWaves(graph({ a: ['b'], b: ['a'] })), /a → b → a/);
  });
});
