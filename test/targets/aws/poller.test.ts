import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AwsClients, EcsApi } from '../../../src/targets/aws/clients.js';
import { gate, serviceDef, taskDef, unitOf, useHarness, writeStack, type UnitSpec } from './fixture.js';

/** One poller per cluster: watching N services costs ceil(N/10) DescribeServices per round, not N. */
describe('aws target: the shared poller', () => {
  const h = useHarness();

  /** The target's own clients, with every DescribeServices call's batch size recorded. */
  function recording(): { clients: AwsClients; batches: number[] } {
    const batches: number[] = [];
    const ecs: EcsApi = {
      ...h.clients.ecs,
      describeServices: (i) => {
        batches.push(i.services?.length ?? 0);
        return h.clients.ecs.describeServices(i);
      },
    };
    return { clients: { ...h.clients, ecs }, batches };
  }

  for (const n of [1, 10, 25]) {
    it(`watching ${n} services together: ceil(${n}/10) DescribeServices per round`, async () => {
      const services: Record<string, UnitSpec> = {};
      for (let i = 0; i < n; i++) {
        const name = `svc${i}`;
        services[name] = {
          taskDefinition: taskDef(`p${n}-${name}`, [{ image: 'web:1' }]),
          serviceDefinition: serviceDef(`p${n}-${name}`),
        };
      }
      const stack = writeStack(h.dir, `p${n}`, services);
      const { clients, batches } = recording();
      const t = h.target(stack, { clients });
      const units = stack.services.map((s) => unitOf(stack, s.name));
      await Promise.all(units.map((u) => t.start(u)));
      const perCall = Math.ceil(n / 10);
      assert.equal(batches.length, perCall, `the ${n} start-time lookups share ${perCall} call(s)`);
      batches.length = 0;
      const verdicts = await Promise.all(units.map((u) => t.awaitGate(u, 'healthy', gate())));
      assert.ok(
        verdicts.every((v) => v.ok),
        JSON.stringify(verdicts.filter((v) => !v.ok)),
      );
      const rounds = t.pollRounds().default!;
      assert.ok(
        batches.every((b) => b <= 10),
        'at most ten services per call',
      );
      assert.ok(rounds > 0);
      // Rounds may see fewer services once some are done, never more calls than ceil(N/10) each.
      assert.ok(batches.length <= rounds * perCall, `${batches.length} calls for ${rounds} rounds`);
      console.log(
        `# ${n} services: ${rounds} rounds, ${batches.length} DescribeServices calls (${(batches.length / rounds).toFixed(2)} per round)`,
      );
    });
  }

  it('backs off while nothing changes', async () => {
    const stack = writeStack(h.dir, 'slow', {
      web: {
        taskDefinition: taskDef('slow-web', [
          { image: 'web:slow', healthCheck: { interval: 30, retries: 3, startPeriod: 0 } },
        ]),
        serviceDefinition: serviceDef('slow-web'),
      },
    });
    h.em.applyScenario({ images: [{ image: 'web:slow', readySeconds: 60 }] });
    const { clients, batches } = recording();
    const { t, u } = await h.start(stack, 'web', { clients });
    batches.length = 0;
    const started = Date.now();
    const v = await t.awaitGate(u, 'healthy', gate());
    const elapsed = Date.now() - started;
    assert.equal(v.ok, true);
    // Polling every 25 ms would take elapsed/25 calls. One watched service costs one call a round, so the
    // back-off stops at 1.5 × pollMs (lag on the critical path is what a small stack cannot afford).
    assert.ok(batches.length < (elapsed / 25) * 0.8, `${batches.length} calls in ${elapsed} ms`);
  });
});
