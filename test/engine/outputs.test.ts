import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Stack } from '../../src/spec/types.js';
import { becomesReady } from './fixtures/scripted-target.js';
import { get, stack, withHarness, type RunEvent } from './fixtures/harness.js';

/**
 * `${cfn:network.Subnet}` in a later unit (here in its version, a value like any other): filled in once the phase
 * completed, recorded on its service.ready event, and resolved to the same value by a resumed deployment.
 */
function shop(): Stack {
  const s = stack('shop', { network: { kind: 'job' }, api: { dependsOn: ['network'] } });
  const [network, api] = s.services;
  Object.assign(network!, {
    kind: 'cloudformation',
    cloudformation: { stackName: 'shop-net', parameters: {}, capabilities: [], stallWarning: 300_000 },
  });
  api!.version = '${cfn:network.Subnet}';
  return s;
}

const apiStarting = (e: RunEvent) => e.code === 'service.starting' && e.service === 'api';

describe('engine: CloudFormation outputs into later units', () => {
  it('fills them in after the phase, records them, and a resumed deployment uses the recorded values', () =>
    withHarness(async (h) => {
      let live: Record<string, string> = { Subnet: 'subnet-1', Vpc: 'vpc-1' };
      Object.assign(h.target, { outputs: async () => live });
      h.target.script('api', becomesReady(10_000));
      const a = h.start(shop(), { crashWhen: apiStarting });
      await h.drive(a.crashed);
      assert.deepEqual(get(a.events, 'service.ready').outputs, { Subnet: 'subnet-1', Vpc: 'vpc-1' });
      assert.ok(h.target.did().includes('start api@subnet-1'), h.target.did().join(', '));

      // The stack's outputs moved on since; the interrupted deployment resumes with what it had recorded.
      live = { Subnet: 'subnet-2', Vpc: 'vpc-1' };
      const b = await h.deploy(shop(), { waitLockMs: 60_000 });
      assert.equal(b.ok, true, b.error?.message);
      assert.equal(get(b.events, 'deploy.interrupted-found').action, 'resume');
      assert.equal(
        h.target
          .did()
          .filter((d) => d.startsWith('start api@'))
          .at(-1),
        'start api@subnet-1',
      );
      assert.equal(h.target.did().filter((d) => d.startsWith('start network')).length, 1, 'network ran once');
    }));

  it('a missing output fails the unit before it starts and the deployment exits 3, naming what there is', () =>
    withHarness(async (h) => {
      Object.assign(h.target, { outputs: async () => ({ Vpc: 'vpc-1' }) });
      const r = await h.deploy(shop());
      assert.equal(r.ok, false);
      assert.equal((r.error as { exitCode?: number }).exitCode, 3);
      assert.match(
        r.error!.message,
        /api uses \$\{cfn:network\.Subnet\}, but the stack of network has no output Subnet; its outputs are Vpc/,
      );
      assert.ok(!h.target.did().some((d) => d.startsWith('start api')), 'api never started');
    }));
});
