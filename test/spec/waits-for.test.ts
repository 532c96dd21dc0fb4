import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { waitsFor } from '../../src/spec/waits-for.js';

const svc = (name: string, ...deps: [string, string][]) => ({
  name,
  dependsOn: deps.map(([n, condition]) => ({ name: n, condition })),
});

describe('waitsFor', () => {
  it('follows dependsOn through other services, each with the condition of the first step', () => {
    const services = [
      svc('zk'),
      svc('kafka', ['zk', 'started']),
      svc('api', ['kafka', 'healthy']),
      svc('web'),
    ];
    assert.deepEqual(
      [...waitsFor(services, 'api')],
      [
        ['kafka', 'healthy'],
        ['zk', 'healthy'],
      ],
    );
    assert.deepEqual([...waitsFor(services, 'kafka')], [['zk', 'started']]);
    assert.equal(waitsFor(services, 'web').size, 0);
    assert.equal(waitsFor(services, 'nope').size, 0);
  });

  it('ends on a cycle (a capture is not validated like a stack file)', () => {
    const services = [svc('a', ['b', 'healthy']), svc('b', ['a', 'started'])];
    assert.deepEqual(
      [...waitsFor(services, 'a')],
      [
        ['b', 'healthy'],
        ['a', 'healthy'],
      ],
    );
  });
});
