import assert from 'node:assert/strict';
import { describe } from 'node:test';
import type { DeploymentRecord, Store } from '../../src/store/store.js';
import { contractTest, type OpenStore } from './store-contract.js';

const T0 = 1_700_000_000_000;
const LEASE = 10_000;

const join = (store: Store, id: string, now = T0) =>
  store.enqueue({ stack: 'web', id, holder: `${id}@host`, correlationId: `corr-${id}`, leaseMs: LEASE, now });

/** Takes the lock of stack `web` at T0, for a test's fenced writes; its token. */
async function lockWeb(store: Store): Promise<number> {
  const lock = await store.acquireLock({
    stack: 'web',
    holder: 'h',
    correlationId: 'c',
    leaseMs: LEASE,
    now: T0,
  });
  assert.ok(lock.acquired);
  return lock.lock.token;
}

/** Queue, history filters, import and retention: the parts of the Store contract added for team-scale use. */
export function runQueueContract(name: string, open: OpenStore): void {
  const test = contractTest(open);

  describe(`Store queue and history contract: ${name}`, () => {
    test('tickets increase in arrival order across clients; the queue lists live entries first-come-first-served', async (store, openAnother) => {
      const other = await openAnother();
      const a = await join(store, 'a');
      const b = await join(other, 'b', T0 + 1);
      const c = await join(store, 'c', T0 + 2);
      assert.ok(a.ticket < b.ticket && b.ticket < c.ticket);
      assert.deepEqual(
        (await other.listQueue('web', T0 + 3)).map((e) => e.id),
        ['a', 'b', 'c'],
      );
      assert.deepEqual(await store.listQueue('other-stack', T0), []);
      await other.close();
    });

    test('an entry not renewed within its lease drops out; renewing keeps it', async (store) => {
      await join(store, 'a');
      await join(store, 'b');
      assert.ok(await store.renewQueue('web', 'b', LEASE, T0 + LEASE - 1));
      const later = T0 + LEASE + 1;
      assert.deepEqual(
        (await store.listQueue('web', later)).map((e) => e.id),
        ['b'],
      );
    });

    test('leaving removes the entry; renewing a left entry says it is gone', async (store) => {
      await join(store, 'a');
      await store.leaveQueue('web', 'a');
      assert.deepEqual(await store.listQueue('web', T0), []);
      assert.equal(await store.renewQueue('web', 'a', LEASE, T0), undefined);
    });

    test('supersedeQueued replaces older live entries only, and the replaced ones learn by whom', async (store) => {
      await join(store, 'a');
      await join(store, 'b');
      const c = await join(store, 'c');
      await join(store, 'd');
      const replaced = await store.supersedeQueued('web', c.ticket, 'corr-c', T0 + 1);
      assert.deepEqual(
        replaced.map((e) => e.id),
        ['a', 'b'],
      );
      assert.deepEqual(
        (await store.listQueue('web', T0 + 1)).map((e) => e.id),
        ['c', 'd'],
      );
      assert.equal((await store.renewQueue('web', 'a', LEASE, T0 + 2))?.supersededBy, 'corr-c');
    });

    test('history filters by actor, time range and changed service', async (store) => {
      const token = await lockWeb(store);
      const dep = (id: string, actor: string, startedAt: number): DeploymentRecord => ({
        id,
        stack: 'web',
        kind: 'deploy',
        correlationId: `corr-${id}`,
        actor,
        context: {},
        status: 'succeeded',
        fencingToken: token,
        startedAt,
        endedAt: startedAt + 10,
      });
      await store.createDeployment(dep('d1', 'alice', T0));
      await store.createDeployment(dep('d2', 'bob', T0 + 1000));
      await store.createDeployment(dep('d3', 'alice', T0 + 2000));
      await store.putStep({ deploymentId: 'd2', service: 'api', toRevision: 'r2', state: 'healthy' }, token);
      await store.putStep(
        { deploymentId: 'd3', service: 'api', toRevision: 'r2', state: 'unchanged' },
        token,
      );
      await store.putStep({ deploymentId: 'd3', service: 'db', toRevision: 'r1', state: 'healthy' }, token);
      const ids = async (f: Parameters<Store['listDeployments']>[0]) =>
        (await store.listDeployments(f)).map((d) => d.id);
      assert.deepEqual(await ids({ stack: 'web', actor: 'alice' }), ['d3', 'd1']);
      assert.deepEqual(await ids({ stack: 'web', since: T0 + 500, until: T0 + 2000 }), ['d2']);
      assert.deepEqual(await ids({ stack: 'web', service: 'api' }), ['d2']);
      assert.deepEqual(await ids({ stack: 'web', service: 'db' }), ['d3']);
    });

    test('importDeployment records a past deployment without a lock, once', async (store) => {
      const d: DeploymentRecord = {
        id: 'nolock-1',
        stack: 'web',
        kind: 'deploy',
        correlationId: 'c1',
        actor: 'ci',
        context: { noLock: 'true' },
        status: 'succeeded',
        fencingToken: 0,
        startedAt: T0,
        endedAt: T0 + 5,
      };
      const steps = [
        { deploymentId: 'nolock-1', service: 'api', toRevision: 'r1', state: 'healthy' as const },
      ];
      await store.appendEvent({ stack: 'web', at: T0, code: 'lock.acquired', data: {} });
      const events = ['deploy.started', 'deploy.succeeded'].map((code) => ({
        stack: 'web',
        deploymentId: 'nolock-1',
        at: T0,
        code,
        data: { x: 1 },
      }));
      await store.importDeployment(d, steps, events);
      await store.importDeployment(d, steps, events);
      assert.deepEqual((await store.getDeployment('nolock-1'))?.context, { noLock: 'true' });
      assert.equal((await store.listSteps('nolock-1')).length, 1);
      // Imported events join the end of the stack's stream, once.
      assert.deepEqual(
        (await store.listEvents('nolock-1')).map((e) => [e.seq, e.code]),
        [
          [2, 'deploy.started'],
          [3, 'deploy.succeeded'],
        ],
      );
      assert.deepEqual(
        (await store.listEventsAfter('web', 0, 10)).map((e) => e.seq),
        [1, 2, 3],
      );
    });

    test('prune deletes ended deployments older than retention and stale queue entries', async (store) => {
      const token = await lockWeb(store);
      const mk = (id: string, startedAt: number, endedAt?: number): DeploymentRecord => ({
        id,
        stack: 'web',
        kind: 'deploy',
        correlationId: id,
        actor: 'a',
        context: {},
        status: endedAt ? 'succeeded' : 'running',
        fencingToken: token,
        startedAt,
        ...(endedAt ? { endedAt } : {}),
      });
      await store.createDeployment(mk('old', T0, T0 + 1));
      await store.createDeployment(mk('new', T0 + 5000, T0 + 5001));
      await store.createDeployment(mk('old-running', T0));
      await store.putStep({ deploymentId: 'old', service: 'api', toRevision: 'r', state: 'healthy' }, token);
      await store.appendEvent({
        stack: 'web',
        deploymentId: 'old',
        at: T0,
        code: 'deploy.started',
        data: {},
      });
      await store.appendEvent({ stack: 'web', at: T0 + 2, code: 'lock.released', data: {} });
      await store.appendEvent({
        stack: 'web',
        deploymentId: 'new',
        at: T0 + 5000,
        code: 'deploy.started',
        data: {},
      });
      await join(store, 'stale', T0);
      await join(store, 'fresh', T0 + 5000);
      const r = await store.prune('web', { historyBefore: T0 + 1000, queueBefore: T0 + 1000 });
      assert.deepEqual(r, { deployments: 1, queue: 1 });
      assert.deepEqual((await store.listDeployments({ stack: 'web' })).map((d) => d.id).sort(), [
        'new',
        'old-running',
      ]);
      assert.deepEqual(await store.listSteps('old'), []);
      assert.deepEqual(await store.listEvents('old'), []);
      // The stream keeps only events inside retention, and seqs are never handed out again.
      assert.deepEqual(
        (await store.listEventsAfter('web', 0, 10)).map((e) => e.seq),
        [3],
      );
      assert.equal(await store.appendEvent({ stack: 'web', at: T0 + 6000, code: 'x', data: {} }), 4);
      assert.deepEqual(
        (await store.listQueue('web', T0 + 5000)).map((e) => e.id),
        ['fresh'],
      );
    });
  });
}
