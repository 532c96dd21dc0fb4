import {
  CreateTableCommand,
  DescribeTimeToLiveCommand,
  QueryCommand,
  TransactionCanceledException,
  TransactionConflictException,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { FencedOutError } from '../../src/errors.js';
import { initDynamoTable, openDynamoStore, type DynamoStore } from '../../src/store/dynamodb/index.js';
import type { DeploymentRecord } from '../../src/store/store.js';
import {
  dummyClient,
  freshTableName,
  motoMissing,
  openOn,
  startDynalite,
  startMoto,
  type DynamoServer,
} from './dynamo-servers.js';
import { runEventContract } from './event-contract.js';
import { runPauseContract } from './pause-contract.js';
import { runQueueContract } from './queue-contract.js';
import { runStoreContract } from './store-contract.js';

const T0 = 1_700_000_000_000;
const LEASE = 30_000;
const DAY_S = 86_400;

/**
 * moto_server (5.x) serves requests on threads without per-item locking: raced conditional writes to one item can
 * both succeed (20 raw PutItem/UpdateItem calls racing for one key: 2 winners in up to 16% of rounds under load).
 * DynamoDB applies each conditional write atomically, and dynalite locks per item, so the race is asserted there.
 */
const MOTO_RACES =
  'moto_server applies concurrent conditional writes to one item non-atomically (not DynamoDB behaviour); raced on dynalite and in dynamodb-contention.test.ts';

const variants = [
  { name: 'dynalite', start: startDynalite, skip: undefined, fencing: 'per-item', races: undefined },
  { name: 'moto', start: startMoto, skip: motoMissing(), fencing: 'transactions', races: MOTO_RACES },
] as const;

for (const v of variants) {
  describe(`dynamodb store on ${v.name}`, { skip: v.skip ?? false }, () => {
    let server: DynamoServer | undefined;
    before(async () => {
      server = await v.start();
    });
    after(async () => {
      await server?.stop();
    });
    const endpoint = () => server!.endpoint;
    const open = openOn(() => server!);

    runStoreContract(`dynamodb (${v.name})`, open, { racesUnsupported: v.races });
    runQueueContract(`dynamodb (${v.name})`, open);
    runEventContract(`dynamodb (${v.name})`, open);
    runPauseContract(`dynamodb (${v.name})`, open, { racesUnsupported: v.races });

    /** A fresh table, a store on it and a raw client to look at the items. */
    async function withTable(
      fn: (ctx: {
        table: string;
        raw: DynamoDBClient;
        openStore: (retentionDays?: number) => DynamoStore;
      }) => Promise<void>,
    ) {
      const table = freshTableName();
      const raw = dummyClient(endpoint());
      const clients: DynamoDBClient[] = [];
      try {
        await initDynamoTable({ table, client: raw, log: () => undefined });
        await fn({
          table,
          raw,
          openStore: (retentionDays) => {
            const client = dummyClient(endpoint());
            clients.push(client);
            return openDynamoStore({ table, client, retentionDays });
          },
        });
      } finally {
        for (const c of clients) c.destroy();
        raw.destroy();
      }
    }

    it('initDynamoTable creates the table once, is idempotent, and handles TTL', async () => {
      const table = freshTableName();
      const logs: string[] = [];
      const client = dummyClient(endpoint());
      try {
        const first = await initDynamoTable({ table, client, log: (m) => logs.push(m) });
        const again = await initDynamoTable({ table, client, log: (m) => logs.push(m) });
        assert.equal(first.created, true);
        assert.equal(again.created, false);
        if (v.name === 'moto') {
          assert.deepEqual([first.ttl, again.ttl], ['enabled', 'already-enabled']);
          const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: table }));
          assert.equal(ttl.TimeToLiveDescription?.AttributeName, 'expiresAt');
          assert.deepEqual(logs, []);
        } else {
          // dynalite has no UpdateTimeToLive: logged, not fatal.
          assert.deepEqual([first.ttl, again.ttl], ['unsupported', 'unsupported']);
          assert.match(logs[0] ?? '', /does not support TTL/);
        }
        const store = openDynamoStore({ table, client });
        assert.ok(
          (await store.acquireLock({ stack: 's', holder: 'h', correlationId: 'c', leaseMs: 1, now: 1 }))
            .acquired,
        );
      } finally {
        client.destroy();
      }
    });

    it('initDynamoTable refuses an existing table with other keys', async () => {
      const table = freshTableName();
      const client = dummyClient(endpoint());
      try {
        await client.send(
          new CreateTableCommand({
            TableName: table,
            BillingMode: 'PAY_PER_REQUEST',
            AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
            KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
          }),
        );
        await assert.rejects(initDynamoTable({ table, client, log: () => undefined }), /key is not pk/);
      } finally {
        client.destroy();
      }
    });

    it('history items carry the TTL attribute; locks, current and revisions never expire', async () => {
      await withTable(async ({ table, raw, openStore }) => {
        const store = openStore(30);
        const lock = await acquire(store, 'web', 'alice', T0);
        await store.createDeployment(dep('d1', lock.token));
        await store.putStep(
          { deploymentId: 'd1', service: 'api', toRevision: 'r1', state: 'healthy' },
          lock.token,
        );
        await store.appendEvent({
          stack: 'web',
          deploymentId: 'd1',
          at: T0,
          code: 'deploy.started',
          data: {},
        });
        await store.setCurrent('web', 'api', { revision: 'r1', deploymentId: 'd1', at: T0 }, lock.token);
        await store.saveRevision({
          stack: 'web',
          service: 'api',
          revision: 'r1',
          spec: { name: 'api', kind: 'service', dependsOn: [] },
          createdAt: T0,
        });
        await store.enqueue({
          stack: 'web',
          id: 'q1',
          holder: 'bob',
          correlationId: 'c',
          leaseMs: LEASE,
          now: T0,
        });

        const items = [
          ...(await partition(raw, table, 'stack#web')),
          ...(await partition(raw, table, 'dep#d1')),
          ...(await partition(raw, table, 'locks')),
        ];
        const expiry = new Map(
          items.map((i) => [`${i.pk?.S} ${i.sk?.S}`, i.expiresAt?.N && Number(i.expiresAt.N)]),
        );
        const nowS = Date.now() / 1000;
        const about = (days: number) => (s: unknown) =>
          typeof s === 'number' && Math.abs(s - (nowS + days * DAY_S)) < 120;
        const by = (re: RegExp) => [...expiry].filter(([k]) => re.test(k)).map(([, s]) => s);

        for (const re of [/^stack#web dep#/, /^dep#d1 ref$/, /^dep#d1 step#api$/, /^dep#d1 evt#/])
          assert.ok(by(re).length === 1 && by(re).every(about(30)), `${re}: ${JSON.stringify(by(re))}`);
        assert.ok(by(/^stack#web q#q1$/).every(about(7)) && by(/q#q1/).length === 1);
        for (const re of [
          /^locks web$/,
          /^stack#web cur#api$/,
          /^stack#web good#api#/,
          /^stack#web rev#/,
          /^stack#web qseq$/,
          // The stream is pruned oldest first instead: see src/store/dynamodb/events.ts.
          /^stack#web evtseq$/,
          /^stack#web evt#/,
        ])
          assert.deepEqual(by(re), [undefined], `${re} must not expire`);
      });
    });

    it(`fencing: a stale token is rejected after a takeover (${v.fencing})`, async () => {
      await withTable(async ({ openStore }) => {
        const [a, b] = [openStore(), openStore()];
        const alice = await acquire(a, 'web', 'alice', T0);
        await a.createDeployment(dep('d1', alice.token));
        const r = await b.acquireLock({
          stack: 'web',
          holder: 'bob',
          correlationId: 'cb',
          leaseMs: LEASE,
          now: T0 + LEASE,
        });
        assert.ok(r.acquired && r.tookOver?.token === alice.token && r.lock.token > alice.token);

        const stale = alice.token;
        await assertFenced(a.createDeployment(dep('d2', stale)), stale, r.lock.token);
        await assertFenced(a.updateDeployment('d1', { status: 'succeeded' }, stale), stale, r.lock.token);
        await assertFenced(
          a.putStep({ deploymentId: 'd1', service: 'api', toRevision: 'r', state: 'healthy' }, stale),
          stale,
        );
        await assertFenced(
          a.setCurrent('web', 'api', { revision: 'r', deploymentId: 'd1', at: T0 }, stale),
          stale,
        );
        assert.equal(await b.getDeployment('d2'), undefined);
        assert.equal((await b.getDeployment('d1'))?.status, 'running');
        assert.deepEqual(await b.listSteps('d1'), []);
        assert.deepEqual(await b.getCurrent('web'), []);
        assert.equal(a.fencing, v.fencing);
      });
    });

    it('transaction conflicts (a renew meeting a fenced transaction on the lock item) are retried', async () => {
      await withTable(async ({ table }) => {
        const client = dummyClient(endpoint());
        const store = openDynamoStore({ table, client });
        const lock = await acquire(store, 'web', 'alice', T0);
        await store.createDeployment(dep('d1', lock.token));
        let conflicts = 0;
        client.middlewareStack.add(
          (next, context) => async (args) => {
            if (conflicts < 2 && context.commandName === 'UpdateItemCommand') {
              conflicts++;
              throw new TransactionConflictException({ message: 'in a transaction', $metadata: {} });
            }
            if (conflicts < 4 && context.commandName === 'TransactWriteItemsCommand') {
              conflicts++;
              const reasons = [{ Code: 'TransactionConflict' }, { Code: 'None' }];
              throw new TransactionCanceledException({
                message: 'conflict',
                $metadata: {},
                CancellationReasons: reasons,
              });
            }
            return next(args);
          },
          { step: 'initialize' },
        );
        try {
          assert.equal(await store.renewLock('web', lock.token, LEASE, T0 + 1), true);
          await store.putStep(
            { deploymentId: 'd1', service: 'api', toRevision: 'r1', state: 'healthy' },
            lock.token,
          );
          assert.equal(conflicts, store.fencing === 'transactions' ? 4 : 2);
          assert.equal((await store.listSteps('d1'))[0]?.state, 'healthy');
        } finally {
          client.destroy();
        }
      });
    });

    /**
     * The hard case: the stale holder has already decided to write (transactions: the request is built; per-item:
     * its lock read said "current") when its lease is taken over. Middleware on its client runs `takeover` exactly
     * there, once.
     */
    async function inFlight(
      fn: (ctx: {
        a: DynamoStore;
        b: DynamoStore;
        alice: number;
        bob: () => number;
        arm: () => void;
      }) => Promise<void>,
    ) {
      await withTable(async ({ table, openStore }) => {
        const aliceClient = dummyClient(endpoint());
        const [a, b] = [openDynamoStore({ table, client: aliceClient }), openStore()];
        const alice = (await acquire(a, 'web', 'alice', T0)).token;
        await a.createDeployment(dep('d1', alice)); // also settles a.fencing
        let bob = 0;
        let armed = false;
        const takeover = async () => {
          bob = (await acquire(b, 'web', 'bob', T0 + LEASE)).token;
          await b.putStep(
            { deploymentId: 'd1', service: 'api', toRevision: 'r0', state: 'rolled-back' },
            bob,
          );
        };
        const transactions = a.fencing === 'transactions';
        aliceClient.middlewareStack.add(
          (next, context) => async (args) => {
            const hit =
              armed &&
              context.commandName === (transactions ? 'TransactWriteItemsCommand' : 'GetItemCommand');
            if (hit) armed = false;
            if (hit && transactions) await takeover(); // before the transaction reaches DynamoDB
            const out = await next(args);
            if (hit && !transactions) await takeover(); // after the lock read, before the item writes
            return out;
          },
          { step: 'initialize' },
        );
        try {
          assert.equal(a.fencing, v.fencing);
          await fn({ a, b, alice, bob: () => bob, arm: () => (armed = true) });
        } finally {
          aliceClient.destroy();
        }
      });
    }

    it('fencing: a write in flight during a takeover never overwrites what the new holder wrote', async () => {
      await inFlight(async ({ a, b, alice, bob, arm }) => {
        arm();
        await assertFenced(
          a.putStep({ deploymentId: 'd1', service: 'api', toRevision: 'r1', state: 'healthy' }, alice),
          alice,
          bob,
        );
        assert.equal((await b.listSteps('d1'))[0]?.state, 'rolled-back');
        assert.equal((await b.listSteps('d1'))[0]?.toRevision, 'r0');
      });
    });

    it(
      v.fencing === 'transactions'
        ? 'fencing: a write in flight during a takeover writes nothing at all (transactions)'
        : 'fencing: a write in flight during a takeover may land on items the new holder has not written (per-item fallback, documented limit)',
      async () => {
        await inFlight(async ({ a, b, alice, bob, arm }) => {
          arm();
          const attempt = a.createDeployment(dep('d2', alice));
          if (v.fencing === 'transactions') {
            await assertFenced(attempt, alice, bob);
            assert.equal(await b.getDeployment('d2'), undefined);
          } else {
            await attempt;
            assert.equal((await b.getDeployment('d2'))?.fencingToken, alice);
          }
          // Either way, from its next call on the stale holder is refused.
          await assertFenced(a.updateDeployment('d1', { status: 'failed' }, alice), alice, bob);
        });
      },
    );
  });
}

async function acquire(store: DynamoStore, stack: string, holder: string, now: number) {
  const r = await store.acquireLock({ stack, holder, correlationId: `corr-${holder}`, leaseMs: LEASE, now });
  assert.ok(r.acquired, `${holder} expected to acquire ${stack}`);
  return r.lock;
}

function dep(id: string, token: number): DeploymentRecord {
  return {
    id,
    stack: 'web',
    kind: 'deploy',
    correlationId: 'c',
    actor: 'a',
    context: {},
    status: 'running',
    fencingToken: token,
    startedAt: T0,
  };
}

/** `current` may be a function: the new token is only known once the write (and its takeover) ran. */
async function assertFenced(p: Promise<unknown>, stale: number, current?: number | (() => number)) {
  await assert.rejects(p, (err: unknown) => {
    assert.ok(err instanceof FencedOutError, `expected FencedOutError, got ${String(err)}`);
    assert.match(err.message, new RegExp(`token ${stale}\\b`));
    const now = typeof current === 'function' ? current() : current;
    if (now !== undefined) assert.match(err.message, new RegExp(`current: ${now}\\b`));
    return true;
  });
}

async function partition(raw: DynamoDBClient, table: string, pk: string) {
  const out = await raw.send(
    new QueryCommand({
      TableName: table,
      KeyConditionExpression: 'pk = :p',
      ExpressionAttributeValues: { ':p': { S: pk } },
      ConsistentRead: true,
    }),
  );
  return out.Items ?? [];
}
