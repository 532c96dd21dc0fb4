import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FencedOutError } from '../../src/errors.js';
import {
  DEPLOYMENT_STATUSES,
  type DeploymentRecord,
  type LockInfo,
  type RevisionRecord,
  type StepRecord,
  type Store,
} from '../../src/store/store.js';

/**
 * Behaviour every Store backend must have (sqlite now, dynamodb later). `open` gives a fresh, empty store per test;
 * `openAnother` a second client of the same storage (another process, in production).
 */
export type OpenStore = () => Promise<{
  store: Store;
  openAnother: () => Promise<Store>;
  cleanup: () => Promise<void>;
}>;

const T0 = 1_700_000_000_000;
const LEASE = 30_000;

export interface ContractOptions {
  /**
   * Why this storage cannot be raced: it applies concurrent conditional writes to one item non-atomically (an
   * emulator defect; moto_server's threaded server does). Skips only the test that races clients for one item.
   */
  racesUnsupported?: string;
}

/** What a contract test does with its fresh store (and, for a second client of the same storage, `openAnother`). */
export type ContractTestBody = (store: Store, openAnother: () => Promise<Store>) => Promise<void>;

/** `it(title, …)` for a contract: each test gets a fresh store from `open`, cleaned up whatever the test does. */
export function contractTest(open: OpenStore) {
  return (title: string, fn: ContractTestBody, skip: string | false = false) =>
    it(title, { skip }, async () => {
      const s = await open();
      try {
        await fn(s.store, s.openAnother);
      } finally {
        await s.cleanup();
      }
    });
}

export function runStoreContract(name: string, open: OpenStore, options: ContractOptions = {}): void {
  const test = contractTest(open);

  describe(`Store contract: ${name}`, () => {
    describe('locks', () => {
      test('acquires a free stack, refuses it while held, reports the holder', async (store) => {
        const got = await acquire(store, 'web', 'alice', T0);
        assert.equal(got.stack, 'web');
        assert.equal(got.holder, 'alice');
        assert.equal(got.correlationId, 'corr-alice');
        assert.equal(got.acquiredAt, T0);
        assert.equal(got.expiresAt, T0 + LEASE);
        assert.ok(got.token > 0);
        assert.deepEqual(await store.getLock('web'), got);

        const second = await store.acquireLock(req('web', 'bob', T0 + LEASE - 1));
        assert.deepEqual(second, { acquired: false, holder: got });
        assert.deepEqual(await store.getLock('web'), got, 'a refused acquire changes nothing');
      });

      test('locks are per stack', async (store) => {
        const web = await acquire(store, 'web', 'alice', T0);
        const api = await acquire(store, 'api', 'bob', T0);
        assert.deepEqual(
          await store.listLocks(),
          [api, web].sort((a, b) => a.stack.localeCompare(b.stack)),
        );
        assert.equal(await store.getLock('none'), undefined);
      });

      test('renew extends only the current token', async (store) => {
        const lock = await acquire(store, 'web', 'alice', T0);
        assert.equal(await store.renewLock('web', lock.token, LEASE, T0 + 1000), true);
        assert.equal((await store.getLock('web'))?.expiresAt, T0 + 1000 + LEASE);
        assert.equal(await store.renewLock('web', lock.token + 1, LEASE, T0 + 2000), false);
        assert.equal((await store.getLock('web'))?.expiresAt, T0 + 1000 + LEASE);
        assert.equal(await store.renewLock('other', lock.token, LEASE, T0 + 2000), false);
      });

      test('release with a wrong token is a no-op; with the right one frees the stack', async (store) => {
        const lock = await acquire(store, 'web', 'alice', T0);
        await store.releaseLock('web', lock.token + 1);
        assert.deepEqual(await store.getLock('web'), lock);
        await store.releaseLock('web', lock.token);
        assert.equal(await store.getLock('web'), undefined);
        assert.equal(await store.renewLock('web', lock.token, LEASE, T0 + 1), false);
      });

      test('force-release returns the removed lock; nothing to remove gives undefined', async (store) => {
        const lock = await acquire(store, 'web', 'alice', T0);
        assert.deepEqual(await store.forceReleaseLock('web'), lock);
        assert.equal(await store.getLock('web'), undefined);
        assert.equal(await store.forceReleaseLock('web'), undefined);
      });

      test('tokens strictly increase across release, force-release and takeover', async (store) => {
        const tokens: number[] = [];
        let now = T0;
        for (let i = 0; i < 3; i++) {
          const a = await acquire(store, 'web', 'alice', now);
          tokens.push(a.token);
          await store.releaseLock('web', a.token);
          const b = await acquire(store, 'web', 'bob', now);
          tokens.push(b.token);
          await store.forceReleaseLock('web');
          const c = await acquire(store, 'web', 'carol', now);
          tokens.push(c.token);
          now += LEASE; // c expires; next round's acquire is a takeover
        }
        for (let i = 1; i < tokens.length; i++)
          assert.ok(tokens[i]! > tokens[i - 1]!, `tokens ${tokens.join(',')}`);
      });

      test('an expired lease is taken over and reported; the old holder can no longer renew or release', async (store) => {
        const old = await acquire(store, 'web', 'alice', T0);
        assert.equal((await store.acquireLock(req('web', 'bob', T0 + LEASE - 1))).acquired, false);

        const r = await store.acquireLock(req('web', 'bob', T0 + LEASE)); // expires_at <= now: expired
        assert.ok(r.acquired);
        assert.deepEqual(r.tookOver, old);
        assert.ok(r.lock.token > old.token);
        assert.equal(r.lock.holder, 'bob');

        assert.equal(await store.renewLock('web', old.token, LEASE, T0 + LEASE + 1), false);
        await store.releaseLock('web', old.token);
        assert.deepEqual(await store.getLock('web'), r.lock, 'stale release must not free the new holder');
      });

      test('a fresh acquire reports no takeover', async (store) => {
        const r = await store.acquireLock(req('web', 'alice', T0));
        assert.ok(r.acquired);
        assert.equal(r.tookOver, undefined);
      });

      test(
        'racing acquirers on several clients: exactly one wins, the others are told who holds it',
        async (store, openAnother) => {
          const clients = [store, ...(await Promise.all([1, 2, 3, 4].map(() => openAnother())))];
          const results = await Promise.all(clients.map((c, i) => c.acquireLock(req('web', `h${i}`, T0))));
          const winners = results.flatMap((r) => (r.acquired ? [r.lock] : []));
          assert.equal(winners.length, 1, `winners: ${JSON.stringify(winners)}`);
          for (const r of results) if (!r.acquired) assert.deepEqual(r.holder, winners[0]);
          assert.deepEqual(await store.getLock('web'), winners[0]);
        },
        options.racesUnsupported ?? false,
      );

      test('two clients of the same storage see each other’s lock', async (store, openAnother) => {
        const other = await openAnother();
        const lock = await acquire(store, 'web', 'alice', T0);
        assert.deepEqual(await other.getLock('web'), lock);
        assert.deepEqual(await other.acquireLock(req('web', 'bob', T0 + 1)), {
          acquired: false,
          holder: lock,
        });

        // The token, not the connection, is what fencing checks.
        await other.createDeployment(deployment({ id: 'd1', fencingToken: lock.token }));
        assert.equal((await store.getDeployment('d1'))?.id, 'd1');

        await store.releaseLock('web', lock.token);
        const next = await acquire(other, 'web', 'bob', T0 + 2);
        assert.ok(next.token > lock.token);
        assert.deepEqual(await store.getLock('web'), next);
      });
    });

    describe('stacks', () => {
      test('lists every stack that took its lock or had a deployment imported, by name, for every client', async (store, openAnother) => {
        assert.deepEqual(await store.listStacks(), []);
        const web = await acquire(store, 'web', 'alice', T0);
        await store.releaseLock('web', web.token);
        await acquire(store, 'api', 'bob', T0);
        await store.forceReleaseLock('api');
        await acquire(store, 'web', 'carol', T0 + 1);
        // Deployed only without the lock (degraded mode), then pruned: still a stack of this store.
        await store.importDeployment(
          deployment({ id: 'nolock', stack: 'batch', fencingToken: 0, status: 'succeeded', endedAt: T0 + 5 }),
          [],
          [],
        );
        await store.prune('batch', { historyBefore: T0 + 10, queueBefore: T0 + 10 });
        assert.equal(await store.getDeployment('nolock'), undefined, 'the import was pruned');

        const other = await openAnother();
        assert.deepEqual(await other.listStacks(), ['api', 'batch', 'web']);
        assert.deepEqual(await store.listStacks(), ['api', 'batch', 'web']);
        // Listing it took no token: its first acquire gets the token a new stack's first acquire gets.
        assert.equal(
          (await acquire(other, 'batch', 'dave', T0 + 20)).token,
          (await acquire(other, 'fresh', 'erin', T0 + 20)).token,
        );
        await other.forceReleaseLock('fresh');
        assert.deepEqual(await store.listStacks(), ['api', 'batch', 'fresh', 'web']);
      });
    });

    describe('fencing', () => {
      /** alice held the lock, let it expire, and bob took over. */
      async function takenOver(store: Store) {
        const alice = await acquire(store, 'web', 'alice', T0);
        await store.createDeployment(deployment({ id: 'd-alice', fencingToken: alice.token }));
        await store.putStep(
          step({ deploymentId: 'd-alice', service: 'api', state: 'starting' }),
          alice.token,
        );
        await store.setCurrent(
          'web',
          'api',
          { revision: 'r1', deploymentId: 'd-alice', at: T0 + 1 },
          alice.token,
        );
        const bob = await acquire(store, 'web', 'bob', T0 + LEASE);
        return { alice, bob };
      }

      async function assertFenced(p: Promise<unknown>, stale: number, current?: number) {
        await assert.rejects(p, (err: unknown) => {
          assert.ok(err instanceof FencedOutError, `expected FencedOutError, got ${String(err)}`);
          assert.equal(err.code, 'fenced-out');
          assert.match(err.message, new RegExp(`\\b${stale}\\b`));
          if (current !== undefined) assert.match(err.message, new RegExp(`\\b${current}\\b`));
          return true;
        });
      }

      test('stale token: createDeployment is refused and writes nothing', async (store) => {
        const { alice, bob } = await takenOver(store);
        await assertFenced(
          store.createDeployment(deployment({ id: 'd2', fencingToken: alice.token })),
          alice.token,
          bob.token,
        );
        assert.equal(await store.getDeployment('d2'), undefined);
      });

      test('stale token: updateDeployment is refused and changes nothing', async (store) => {
        const { alice, bob } = await takenOver(store);
        const before = await store.getDeployment('d-alice');
        await assertFenced(
          store.updateDeployment('d-alice', { status: 'failed', endedAt: T0 + 5 }, alice.token),
          alice.token,
          bob.token,
        );
        assert.deepEqual(await store.getDeployment('d-alice'), before);
      });

      test('stale token: putStep is refused and changes nothing', async (store) => {
        const { alice, bob } = await takenOver(store);
        const before = await store.listSteps('d-alice');
        await assertFenced(
          store.putStep(step({ deploymentId: 'd-alice', service: 'api', state: 'healthy' }), alice.token),
          alice.token,
          bob.token,
        );
        await assertFenced(
          store.putStep(step({ deploymentId: 'd-alice', service: 'db', state: 'healthy' }), alice.token),
          alice.token,
          bob.token,
        );
        assert.deepEqual(await store.listSteps('d-alice'), before);
      });

      test('stale token: setCurrent is refused and changes neither current nor good revisions', async (store) => {
        const { alice, bob } = await takenOver(store);
        const current = await store.getCurrent('web');
        const good = await store.listGoodRevisions('web', 'api');
        await assertFenced(
          store.setCurrent(
            'web',
            'api',
            { revision: 'r2', deploymentId: 'd-alice', at: T0 + 9 },
            alice.token,
          ),
          alice.token,
          bob.token,
        );
        await assertFenced(store.setCurrent('web', 'api', undefined, alice.token), alice.token, bob.token);
        assert.deepEqual(await store.getCurrent('web'), current);
        assert.deepEqual(await store.listGoodRevisions('web', 'api'), good);
      });

      test('the current token writes; the new holder may resolve the old deployment', async (store) => {
        const { bob } = await takenOver(store);
        await store.createDeployment(
          deployment({ id: 'd-bob', fencingToken: bob.token, startedAt: T0 + LEASE }),
        );
        await store.updateDeployment(
          'd-alice',
          { status: 'interrupted', resolvedBy: { deploymentId: 'd-bob', action: 'rolled-back' } },
          bob.token,
        );
        await store.putStep(
          step({ deploymentId: 'd-alice', service: 'api', state: 'rolled-back' }),
          bob.token,
        );
        await store.setCurrent('web', 'api', undefined, bob.token);
        assert.equal((await store.getDeployment('d-alice'))?.status, 'interrupted');
        assert.equal((await store.listSteps('d-alice'))[0]?.state, 'rolled-back');
        assert.deepEqual(await store.getCurrent('web'), []);
      });

      test('a released or force-released lock fences every token', async (store) => {
        const lock = await acquire(store, 'web', 'alice', T0);
        await store.createDeployment(deployment({ id: 'd1', fencingToken: lock.token }));
        await store.releaseLock('web', lock.token);
        await assertFenced(store.updateDeployment('d1', { status: 'succeeded' }, lock.token), lock.token);

        const again = await acquire(store, 'web', 'alice', T0 + 1);
        await store.forceReleaseLock('web');
        await assertFenced(
          store.setCurrent('web', 'api', { revision: 'r', deploymentId: 'd1', at: T0 }, again.token),
          again.token,
        );
        await assertFenced(
          store.createDeployment(deployment({ id: 'd2', fencingToken: again.token })),
          again.token,
        );
        assert.equal((await store.getDeployment('d1'))?.status, 'running');
      });

      test('an expired lease nobody took over still fences in our favour', async (store) => {
        const lock = await acquire(store, 'web', 'alice', T0);
        // Time has passed the lease; no one else acquired, so the token is still current.
        await store.createDeployment(
          deployment({ id: 'd1', fencingToken: lock.token, startedAt: T0 + 2 * LEASE }),
        );
        assert.equal(await store.renewLock('web', lock.token, LEASE, T0 + 2 * LEASE), true);
      });
    });

    describe('deployments', () => {
      test('round-trip, patch and absent optional fields', async (store) => {
        const lock = await acquire(store, 'web', 'alice', T0);
        const d = deployment({
          id: 'd1',
          fencingToken: lock.token,
          context: { GITHUB_SHA: 'abc', GIT_AUTHOR: 'Ann' },
        });
        await store.createDeployment(d);
        assert.deepEqual(await store.getDeployment('d1'), d);
        assert.equal(await store.getDeployment('nope'), undefined);

        await store.updateDeployment('d1', { status: 'rolling-back' }, lock.token);
        await store.updateDeployment(
          'd1',
          { status: 'failed', endedAt: T0 + 50, summary: 'api failed its health check; rolled back' },
          lock.token,
        );
        assert.deepEqual(await store.getDeployment('d1'), {
          ...d,
          status: 'failed',
          endedAt: T0 + 50,
          summary: 'api failed its health check; rolled back',
        });

        const full = deployment({
          id: 'd2',
          kind: 'rollback',
          fencingToken: lock.token,
          status: 'interrupted',
          endedAt: T0 + 9,
          summary: 's',
          resolvedBy: { deploymentId: 'd1', action: 'resumed' },
        });
        await store.createDeployment(full);
        assert.deepEqual(await store.getDeployment('d2'), full);
      });

      test('a `convoy down` is a deployment of its own kind, listed with the others', async (store) => {
        const lock = await acquire(store, 'web', 'alice', T0);
        await store.createDeployment(deployment({ id: 'd1', fencingToken: lock.token, status: 'succeeded' }));
        const down = deployment({ id: 'd2', kind: 'down', fencingToken: lock.token, startedAt: T0 + 1 });
        await store.createDeployment(down);
        await store.updateDeployment(
          'd2',
          { status: 'succeeded', endedAt: T0 + 5, summary: 'stopped api' },
          lock.token,
        );
        const listed = await store.listDeployments({ stack: 'web', status: 'succeeded' });
        assert.deepEqual(
          listed.map((d) => [d.id, d.kind]),
          [
            ['d2', 'down'],
            ['d1', 'deploy'],
          ],
        );
        assert.deepEqual(await store.getDeployment('d2'), {
          ...down,
          status: 'succeeded',
          endedAt: T0 + 5,
          summary: 'stopped api',
        });
      });

      test('list newest first, filtered by stack, status, correlation id, limited', async (store) => {
        const web = await acquire(store, 'web', 'alice', T0);
        const api = await acquire(store, 'api', 'alice', T0);
        await store.createDeployment(
          deployment({
            id: 'w1',
            fencingToken: web.token,
            startedAt: T0 + 1,
            status: 'succeeded',
            correlationId: 'c1',
          }),
        );
        await store.createDeployment(
          deployment({
            id: 'a1',
            stack: 'api',
            fencingToken: api.token,
            startedAt: T0 + 2,
            status: 'failed',
            correlationId: 'c1',
          }),
        );
        await store.createDeployment(
          deployment({
            id: 'w2',
            fencingToken: web.token,
            startedAt: T0 + 3,
            status: 'failed',
            correlationId: 'c2',
          }),
        );
        await store.createDeployment(
          deployment({
            id: 'w3',
            fencingToken: web.token,
            startedAt: T0 + 4,
            status: 'running',
            correlationId: 'c3',
          }),
        );

        const ids = (ds: DeploymentRecord[]) => ds.map((d) => d.id);
        assert.deepEqual(ids(await store.listDeployments()), ['w3', 'w2', 'a1', 'w1']);
        assert.deepEqual(ids(await store.listDeployments({})), ['w3', 'w2', 'a1', 'w1']);
        assert.deepEqual(ids(await store.listDeployments({ stack: 'web' })), ['w3', 'w2', 'w1']);
        assert.deepEqual(ids(await store.listDeployments({ status: 'failed' })), ['w2', 'a1']);
        assert.deepEqual(ids(await store.listDeployments({ correlationId: 'c1' })), ['a1', 'w1']);
        assert.deepEqual(ids(await store.listDeployments({ stack: 'web', status: 'failed' })), ['w2']);
        assert.deepEqual(ids(await store.listDeployments({ limit: 2 })), ['w3', 'w2']);
        assert.deepEqual(ids(await store.listDeployments({ stack: 'web', limit: 1 })), ['w3']);
        assert.deepEqual(await store.listDeployments({ stack: 'nope' }), []);
      });

      test('findUnfinished returns running and rolling-back deployments of that stack only', async (store) => {
        const web = await acquire(store, 'web', 'alice', T0);
        const api = await acquire(store, 'api', 'alice', T0);
        for (const [i, status] of DEPLOYMENT_STATUSES.entries()) {
          await store.createDeployment(
            deployment({ id: `w-${status}`, fencingToken: web.token, status, startedAt: T0 + i }),
          );
        }
        await store.createDeployment(deployment({ id: 'a-running', stack: 'api', fencingToken: api.token }));
        const found = (await store.findUnfinished('web')).map((d) => d.id).sort();
        assert.deepEqual(found, ['w-rolling-back', 'w-running']);
        assert.deepEqual(await store.findUnfinished('none'), []);
      });
    });

    describe('steps, events, revisions', () => {
      test('steps upsert by (deployment, service) and keep their first order', async (store) => {
        const lock = await acquire(store, 'web', 'alice', T0);
        await store.createDeployment(deployment({ id: 'd1', fencingToken: lock.token }));
        const db = step({ deploymentId: 'd1', service: 'db', state: 'pending', toRevision: 'db-2' });
        const api = step({
          deploymentId: 'd1',
          service: 'api',
          state: 'pending',
          toRevision: 'api-2',
          fromRevision: 'api-1',
        });
        await store.putStep(db, lock.token);
        await store.putStep(api, lock.token);
        const dbDone = {
          ...db,
          state: 'failed' as const,
          startedAt: T0 + 1,
          endedAt: T0 + 2,
          detail: 'exit code 1',
        };
        await store.putStep(dbDone, lock.token);
        assert.deepEqual(await store.listSteps('d1'), [dbDone, api]);
        assert.deepEqual(await store.listSteps('other'), []);
      });

      test('a prediction is kept next to what happened: the deployment’s and each run’s, past later puts', async (store) => {
        const lock = await acquire(store, 'web', 'alice', T0);
        await store.createDeployment(deployment({ id: 'd1', fencingToken: lock.token }));
        const whole = { lowMs: 9_000, highMs: 15_000, midMs: 12_000, basis: 'history' as const };
        await store.updateDeployment('d1', { estimate: whole }, lock.token);
        const predicted = { lowMs: 2_000, highMs: 3_500, midMs: 2_750, basis: 'guess' as const };
        const starting = step({
          deploymentId: 'd1',
          service: 'api',
          state: 'starting',
          toRevision: 'api-2',
          startedAt: T0,
          estimate: predicted,
        });
        await store.putStep(starting, lock.token);
        // The run's end is put without the prediction: the one made at its start stays.
        const { estimate: _, ...rest } = starting;
        await store.putStep({ ...rest, state: 'healthy', endedAt: T0 + 3_000 }, lock.token);
        await store.updateDeployment('d1', { status: 'succeeded', endedAt: T0 + 13_000 }, lock.token);
        assert.deepEqual(await store.listSteps('d1'), [
          { ...starting, state: 'healthy', endedAt: T0 + 3_000 },
        ]);
        const d = await store.getDeployment('d1');
        assert.deepEqual(d?.estimate, whole);
        assert.deepEqual((await store.listDeployments({ stack: 'web' }))[0]?.estimate, whole);
        assert.equal(d?.endedAt, T0 + 13_000);
      });

      test('a deployment’s events keep append order; other deployments and stack events stay apart', async (store) => {
        const ev = (deploymentId: string | undefined, code: string, data: Record<string, unknown> = {}) =>
          store.appendEvent({ stack: 'web', ...(deploymentId ? { deploymentId } : {}), at: T0, code, data });
        await ev('d1', 'deploy.started', { waves: 2 });
        await ev('d2', 'deploy.started');
        await ev(undefined, 'lock.queued');
        await ev('d1', 'service.starting', { service: 'api', nested: { a: [1, null] } });
        await store.appendEvent({
          stack: 'web',
          deploymentId: 'd1',
          at: T0 - 5,
          code: 'service.healthy',
          data: { service: 'api' },
        });

        const events = await store.listEvents('d1');
        assert.deepEqual(
          events.map((e) => e.code),
          ['deploy.started', 'service.starting', 'service.healthy'],
        );
        for (let i = 1; i < events.length; i++) assert.ok(events[i]!.seq > events[i - 1]!.seq);
        assert.deepEqual(events[1], {
          stack: 'web',
          deploymentId: 'd1',
          seq: 4,
          at: T0,
          code: 'service.starting',
          data: { service: 'api', nested: { a: [1, null] } },
        });
        assert.equal((await store.listEvents('d2')).length, 1);
        assert.deepEqual(await store.listEvents('none'), []);
      });

      test('revisions round-trip by (stack, service, revision)', async (store) => {
        const r: RevisionRecord = {
          stack: 'web',
          service: 'api',
          revision: 'api-abc',
          createdAt: T0,
          spec: {
            name: 'api',
            kind: 'service',
            version: '1.2.3',
            dependsOn: [{ name: 'db', condition: 'healthy' }],
          },
        };
        await store.saveRevision(r);
        await store.saveRevision({ ...r, stack: 'other' });
        assert.deepEqual(await store.getRevision('web', 'api', 'api-abc'), r);
        assert.equal(await store.getRevision('web', 'api', 'api-zzz'), undefined);
        assert.equal(await store.getRevision('web', 'db', 'api-abc'), undefined);
      });

      test('current revisions set, replace and remove; good revisions are kept, newest first', async (store) => {
        const lock = await acquire(store, 'web', 'alice', T0);
        const t = lock.token;
        await store.setCurrent('web', 'api', { revision: 'api-1', deploymentId: 'd1', at: T0 + 1 }, t);
        await store.setCurrent('web', 'db', { revision: 'db-1', deploymentId: 'd1', at: T0 + 2 }, t);
        await store.setCurrent('web', 'api', { revision: 'api-2', deploymentId: 'd2', at: T0 + 3 }, t);
        assert.deepEqual(await store.getCurrent('web'), [
          { service: 'api', revision: 'api-2', deploymentId: 'd2', at: T0 + 3 },
          { service: 'db', revision: 'db-1', deploymentId: 'd1', at: T0 + 2 },
        ]);

        await store.setCurrent('web', 'api', undefined, t);
        assert.deepEqual(
          (await store.getCurrent('web')).map((c) => c.service),
          ['db'],
        );
        assert.deepEqual(await store.getCurrent('other'), []);

        await store.setCurrent('web', 'api', { revision: 'api-3', deploymentId: 'd3', at: T0 + 4 }, t);
        assert.deepEqual(await store.listGoodRevisions('web', 'api'), [
          { service: 'api', revision: 'api-3', deploymentId: 'd3', at: T0 + 4 },
          { service: 'api', revision: 'api-2', deploymentId: 'd2', at: T0 + 3 },
          { service: 'api', revision: 'api-1', deploymentId: 'd1', at: T0 + 1 },
        ]);
        assert.deepEqual(
          (await store.listGoodRevisions('web', 'api', 2)).map((g) => g.revision),
          ['api-3', 'api-2'],
        );
        assert.deepEqual(
          (await store.listGoodRevisions('web', 'db')).map((g) => g.revision),
          ['db-1'],
        );
        assert.deepEqual(await store.listGoodRevisions('other', 'api'), []);
      });
    });
  });
}

function req(stack: string, holder: string, now: number) {
  return { stack, holder, correlationId: `corr-${holder}`, leaseMs: LEASE, now };
}

async function acquire(store: Store, stack: string, holder: string, now: number): Promise<LockInfo> {
  const r = await store.acquireLock(req(stack, holder, now));
  assert.ok(r.acquired, `${holder} expected to acquire ${stack}`);
  return r.lock;
}

function deployment(
  over: Partial<DeploymentRecord> & Pick<DeploymentRecord, 'id' | 'fencingToken'>,
): DeploymentRecord {
  return {
    stack: 'web',
    kind: 'deploy',
    correlationId: 'corr-1',
    actor: 'alice',
    context: {},
    status: 'running',
    startedAt: T0,
    ...over,
  };
}

function step(
  over: Partial<StepRecord> & Pick<StepRecord, 'deploymentId' | 'service' | 'state'>,
): StepRecord {
  return { toRevision: `${over.service}-2`, ...over };
}
