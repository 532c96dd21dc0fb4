import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gate, network, serviceDef, taskDef, unitOf, useHarness, writeStack } from './fixture.js';

/** AWS pushing back: the SDK's adaptive retry absorbs `Rate exceeded`, and the call counter sees every attempt. */
describe('aws target: throttling', () => {
  const h = useHarness({
    images: [{ image: 'app:*', command: 'migrate', exitAfterSeconds: 2, exitCode: 0 }],
    throttle: [
      // Few on purpose: after a throttle, adaptive mode paces the client to ~0.5 requests/s until the rate recovers.
      { service: 'ecs', operation: 'RunTask', first: 1 },
      { service: 'ecs', operation: 'DescribeServices', first: 2 },
    ],
  });

  it('a service and a job still deploy, and the counter matches what the endpoint saw', async () => {
    const stack = writeStack(h.dir, 'th', {
      migrate: {
        kind: 'job',
        taskDefinition: taskDef('th-migrate', [
          { name: 'migrate', image: 'app:1', healthCheck: false, command: ['migrate'] },
        ]),
        runTask: { launchType: 'FARGATE', networkConfiguration: network },
      },
      web: {
        taskDefinition: taskDef('th-web', [{ image: 'web:1' }]),
        serviceDefinition: serviceDef('th-web'),
      },
    });
    const t = h.target(stack);
    for (const [name, g] of [
      ['migrate', 'completed'],
      ['web', 'healthy'],
    ] as const) {
      const u = unitOf(stack, name);
      await t.start(u);
      const v = await t.awaitGate(u, g, gate());
      assert.equal(v.ok, true, JSON.stringify(v));
    }
    const seen = h.em.calls.snapshot();
    assert.equal(seen.throttled, 3);
    assert.equal(h.counter.total, seen.total, 'one count per attempt, retries included');
    console.log(`# ${seen.total} requests, ${seen.throttled} throttled and retried`);
  });
});
