import { UpdateItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { initDynamoTable, openDynamoStore } from '../../src/store/dynamodb/index.js';
import type { StoredEvent } from '../../src/store/store.js';
import { dummyClient, freshTableName, startDynalite, type DynamoServer } from './dynamo-servers.js';

/**
 * Without transactions an append is two writes (take the seq, store the event), so a writer can die or stall
 * between them. src/store/dynamodb/events.ts: readers wait for such a seq for the grace period only, then declare
 * it lost, the same for every reader; a writer that was only slow stores its event again under a new seq.
 */

// Long enough that the first read lands inside it on a loaded 2-core machine.
const GRACE_MS = 2000;
const T0 = 1_700_000_000_000;

describe('dynamodb event stream: a seq taken but never stored (dynalite)', () => {
  let server: DynamoServer;
  const clients: DynamoDBClient[] = [];
  before(async () => {
    server = await startDynalite();
  });
  after(async () => {
    for (const c of clients) c.destroy();
    await server.stop();
  });

  async function table(): Promise<{
    name: string;
    open: () => ReturnType<typeof openDynamoStore>;
    raw: DynamoDBClient;
  }> {
    const name = freshTableName();
    const raw = dummyClient(server.endpoint);
    clients.push(raw);
    await initDynamoTable({ table: name, client: raw, log: () => undefined });
    const open = () => {
      const client = dummyClient(server.endpoint);
      clients.push(client);
      return openDynamoStore({ table: name, client, eventGraceMs: GRACE_MS });
    };
    return { name, open, raw };
  }

  const codes = (es: StoredEvent[]) => es.map((e) => [e.seq, e.code]);
  const ev = (code: string) => ({ stack: 'web', at: T0, code, data: {} });

  it('a dead writer’s seq is waited for within the grace period, then declared lost, the same for every reader', async () => {
    const { name, open, raw } = await table();
    const [writer, readerA, readerB] = [open(), open(), open()];
    await writer.appendEvent(ev('first'));
    // A writer takes seq 2 and dies before storing its event.
    await raw.send(
      new UpdateItemCommand({
        TableName: name,
        Key: { pk: { S: 'stack#web' }, sk: { S: 'evtseq' } },
        UpdateExpression: 'ADD #s :one',
        ExpressionAttributeNames: { '#s': 'seq' },
        ExpressionAttributeValues: { ':one': { N: '1' } },
      }),
    );
    assert.equal(await writer.appendEvent(ev('third')), 3);

    assert.deepEqual(codes(await readerA.listEventsAfter('web', 0, 10)), [[1, 'first']]);
    await sleep(GRACE_MS + 100);
    const b = await readerB.listEventsAfter('web', 1, 10);
    assert.deepEqual(codes(b), [
      [2, 'event.lost'],
      [3, 'third'],
    ]);
    assert.match(
      String(b[0]!.data.reason),
      /its writer stopped between taking the seq and storing the event/,
    );
    assert.deepEqual(await readerA.listEventsAfter('web', 1, 10), b);
  });

  it('a writer slower than the grace period stores its event under a new seq: nothing lost, nothing doubled', async () => {
    const { name, open } = await table();
    const slowClient = dummyClient(server.endpoint);
    clients.push(slowClient);
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    let stalled = false;
    slowClient.middlewareStack.add(
      (next, context) => async (args) => {
        if (!stalled && context.commandName === 'PutItemCommand') {
          stalled = true;
          await released; // paused between taking seq 1 and storing the event (a GC pause, SIGSTOP)
        }
        return next(args);
      },
      { step: 'initialize' },
    );
    const slow = openDynamoStore({ table: name, client: slowClient, eventGraceMs: GRACE_MS });
    const [fast, reader] = [open(), open()];

    const slowAppend = slow.appendEvent(ev('slow'));
    while (!stalled) await sleep(10);
    assert.equal(await fast.appendEvent(ev('fast')), 2);
    await sleep(GRACE_MS + 100);
    assert.deepEqual(codes(await reader.listEventsAfter('web', 0, 10)), [
      [1, 'event.lost'],
      [2, 'fast'],
    ]);

    release();
    assert.equal(await slowAppend, 3);
    assert.deepEqual(codes(await reader.listEventsAfter('web', 0, 10)), [
      [1, 'event.lost'],
      [2, 'fast'],
      [3, 'slow'],
    ]);
  });
});
