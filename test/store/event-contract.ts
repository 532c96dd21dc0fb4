import assert from 'node:assert/strict';
import { describe } from 'node:test';
import type { NewEvent, StoredEvent, Store } from '../../src/store/store.js';
import { contractTest, type OpenStore } from './store-contract.js';

const T0 = 1_700_000_000_000;

const event = (stack: string, code: string, over: Partial<NewEvent> = {}): NewEvent => ({
  stack,
  at: T0,
  code,
  data: {},
  ...over,
});

const seqs = (es: StoredEvent[]) => es.map((e) => e.seq);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** Reads a whole stream through the cursor, `page` events at a time, as `convoy events --follow` does. */
async function readAll(store: Store, stack: string, page: number): Promise<StoredEvent[]> {
  const out: StoredEvent[] = [];
  for (;;) {
    const got = await store.listEventsAfter(stack, out.at(-1)?.seq ?? 0, page);
    if (!got.length) return out;
    out.push(...got);
  }
}

/** The per-stack event stream (issue 12): seq order, no gaps, cursors, and appends from several clients. */
export function runEventContract(name: string, open: OpenStore): void {
  const test = contractTest(open);

  describe(`Store event stream contract: ${name}`, () => {
    test('each stack numbers its events 1, 2, 3…; append returns the seq', async (store) => {
      const got: number[] = [];
      for (const code of ['lock.queued', 'lock.acquired', 'deploy.started'])
        got.push(await store.appendEvent(event('web', code)));
      got.push(await store.appendEvent(event('api', 'lock.acquired')));
      got.push(await store.appendEvent(event('web', 'deploy.succeeded', { deploymentId: 'd1' })));
      assert.deepEqual(got, [1, 2, 3, 1, 4]);
      assert.deepEqual(
        (await store.listEventsAfter('web', 0, 100)).map((e) => [e.seq, e.code]),
        [
          [1, 'lock.queued'],
          [2, 'lock.acquired'],
          [3, 'deploy.started'],
          [4, 'deploy.succeeded'],
        ],
      );
      assert.deepEqual(await store.listEventsAfter('none', 0, 100), []);
    });

    test('stored events read back as written; no deployment id reads back as absent', async (store) => {
      const data = { service: 'api', nested: { a: [1, null, 'x'] }, ok: true };
      await store.appendEvent(event('web', 'lock.waiting', { at: T0 + 7, data }));
      await store.appendEvent(event('web', 'deploy.started', { deploymentId: 'd1', at: T0 + 8 }));
      const [a, b] = await store.listEventsAfter('web', 0, 10);
      assert.deepEqual(a, { stack: 'web', seq: 1, at: T0 + 7, code: 'lock.waiting', data });
      assert.ok(!('deploymentId' in a!));
      assert.deepEqual(b, {
        stack: 'web',
        seq: 2,
        deploymentId: 'd1',
        at: T0 + 8,
        code: 'deploy.started',
        data: {},
      });
    });

    test('the cursor: events after a seq, in order, at most the limit', async (store) => {
      for (let i = 0; i < 12; i++) await store.appendEvent(event('web', `e${i + 1}`));
      assert.deepEqual(seqs(await store.listEventsAfter('web', 0, 5)), range(1, 5));
      assert.deepEqual(seqs(await store.listEventsAfter('web', 5, 5)), range(6, 10));
      assert.deepEqual(seqs(await store.listEventsAfter('web', 10, 5)), [11, 12]);
      assert.deepEqual(await store.listEventsAfter('web', 12, 5), []);
      assert.deepEqual(await store.listEventsAfter('web', 99, 5), []);
      assert.deepEqual(await store.listEventsAfter('web', 3, 0), []);
      assert.deepEqual(
        (await readAll(store, 'web', 4)).map((e) => e.code),
        range(1, 12).map((i) => `e${i}`),
      );
    });

    test('two clients appending at once to one stack: every seq once, no gaps, each client’s order kept', async (store, openAnother) => {
      const other = await openAnother();
      const N = 25;
      const run = (s: Store, who: string) =>
        (async () => {
          const got: number[] = [];
          for (let i = 0; i < N; i++)
            got.push(await s.appendEvent(event('web', 'tick', { data: { who, i } })));
          return got;
        })();
      const [mine, theirs] = await Promise.all([run(store, 'a'), run(other, 'b')]);
      assert.deepEqual(
        [...mine, ...theirs].sort((x, y) => x - y),
        range(1, 2 * N),
      );
      for (const got of [mine, theirs]) for (let i = 1; i < N; i++) assert.ok(got[i]! > got[i - 1]!);

      // Both clients read the same stream, and it matches what each append returned.
      const all = await readAll(other, 'web', 7);
      assert.deepEqual(await readAll(store, 'web', 100), all);
      assert.deepEqual(seqs(all), range(1, 2 * N));
      for (const [who, got] of [
        ['a', mine],
        ['b', theirs],
      ] as const)
        assert.deepEqual(
          all.filter((e) => e.data.who === who).map((e) => [e.seq, e.data.i]),
          got.map((seq, i) => [seq, i]),
        );
    });
  });
}
