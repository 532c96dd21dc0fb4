import assert from 'node:assert/strict';
import { describe } from 'node:test';
import type { StoredPauseDecision } from '../../src/store/store.js';
import { contractTest, type ContractOptions, type OpenStore } from './store-contract.js';

const T0 = 1_700_000_000_000;

const decision = (over: Partial<StoredPauseDecision> = {}): StoredPauseDecision => ({
  stack: 'web',
  deploymentId: 'd1',
  wave: 1,
  stage: 'POST_TEST_TRAFFIC_SHIFT',
  services: ['api', 'worker'],
  action: 'CONTINUE',
  by: 'alice',
  at: T0,
  ...over,
});

/** Pause decisions (README "Pauses"): the first recorded decision at a pause stands, whoever records later. */
export function runPauseContract(name: string, open: OpenStore, options: ContractOptions = {}): void {
  const test = contractTest(open);
  describe(`Store contract: pause decisions on ${name}`, () => {
    test('stores the first decision and reads it back; a later one loses and gets the first', async (store) => {
      assert.equal(await store.getPauseDecision('d1', 1, 'POST_TEST_TRAFFIC_SHIFT'), undefined);
      const first = await store.recordPauseDecision(decision());
      assert.deepEqual(first, { recorded: true, decision: decision() });
      const second = await store.recordPauseDecision(decision({ action: 'ROLLBACK', by: 'bob', at: T0 + 5 }));
      assert.deepEqual(second, { recorded: false, decision: decision() });
      assert.deepEqual(await store.getPauseDecision('d1', 1, 'POST_TEST_TRAFFIC_SHIFT'), decision());
    });

    test('keys a decision by deployment, wave and stage', async (store) => {
      await store.recordPauseDecision(decision());
      for (const other of [
        decision({ deploymentId: 'd2', by: 'd2' }),
        decision({ wave: 2, by: 'wave 2' }),
        decision({ stage: 'POST_SCALE_UP', by: 'other stage' }),
      ]) {
        assert.equal((await store.recordPauseDecision(other)).recorded, true, other.by);
        assert.equal(
          (await store.getPauseDecision(other.deploymentId, other.wave, other.stage))?.by,
          other.by,
        );
      }
    });

    test(
      'clients racing for one pause: exactly one decision wins, and every client is told the same one',
      async (store, openAnother) => {
        const clients = [store, ...(await Promise.all([1, 2, 3, 4].map(() => openAnother())))];
        const results = await Promise.all(
          clients.map((c, i) =>
            c.recordPauseDecision(decision({ by: `client ${i}`, action: i % 2 ? 'ROLLBACK' : 'CONTINUE' })),
          ),
        );
        assert.equal(results.filter((r) => r.recorded).length, 1);
        const winner = results.find((r) => r.recorded)!.decision;
        for (const r of results) assert.deepEqual(r.decision, winner);
      },
      options.racesUnsupported ?? false,
    );
  });
}
