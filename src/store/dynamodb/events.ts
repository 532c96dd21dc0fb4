import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { NewEvent, StoredEvent } from '../store.js';
import { Expr, N, S, num, str } from './expr.js';
import * as L from './layout.js';
import { isConditionFailed, type Table } from './table.js';

/*
 * The stack's event stream (README "Events"; docs/dynamodb.md):
 *   stack#<stack>  evtseq        `seq`: the last seq handed out; `pruned`: no seq at or below it is waited for
 *   stack#<stack>  evt#<seq:10>  one event; `storedAt` is the writer's wall clock when it stored it
 *   dep#<id>       evt#<seq:10>  the same event again, so a deployment's events are one Query (layout.ts)
 *
 * dynalite has no TransactWriteItems, so an append is two writes: UpdateItem ADD on the counter (the seq), then a
 * conditional PutItem of the event. A writer that dies between them leaves a seq with no event. Readers wait for a
 * missing seq only while the event after it is younger than the grace period (a live writer stores within
 * milliseconds; the SDK's retries within seconds); after that the first reader to look writes an `event.lost`
 * placeholder there, conditionally. Every reader then sees the same stream, nobody blocks, and a writer that was
 * only slow finds its seq taken (its put's condition fails), takes a new one and stores its event after all.
 *
 * A writer that dies after storing the event but before its deployment copy leaves it out of that deployment's
 * history only (`listEvents`); the stream, which followers read, has it.
 *
 * Stream items have no TTL: TTL deletes at any time and in any order, and a reader could not tell an expired event
 * from a lost one. `prune` removes the oldest (every deployment of the stack runs it) and raises `pruned` first.
 */

const MAX_SEQ = 10 ** 10 - 1;
/** How many lost seqs one read declares at most, so a damaged stream costs bounded work per read. */
const MAX_DECLARED = 100;
/** A writer whose seq was declared lost this many times in a row gives up (it is being paused again and again). */
const MAX_APPEND_ATTEMPTS = 5;
const PRUNE_BATCH = 100;

export const DEFAULT_EVENT_GRACE_MS = 10_000;
export const LOST_CODE = 'event.lost';

export class EventStream {
  constructor(
    private readonly table: Table,
    /** TTL of a deployment's copies (they go with its history). */
    private readonly ttl: () => AttributeValue,
    private readonly graceMs: number,
  ) {}

  async append(ev: NewEvent): Promise<number> {
    for (let attempt = 1; ; attempt++) {
      const seq = await this.take(ev.stack, 1);
      if (await this.putStream({ ...ev, seq })) {
        await this.putCopy({ ...ev, seq });
        return seq;
      }
      if (attempt >= MAX_APPEND_ATTEMPTS)
        throw new Error(
          `could not store event ${ev.code} of stack ${ev.stack}: readers declared each seq it took lost before it was written`,
        );
    }
  }

  /**
   * Imported events (degraded mode) take one block of seqs, remembered in the deployment's partition, so an import
   * retried after a crash writes the same seqs again instead of appending the events twice.
   */
  async import(deploymentId: string, events: NewEvent[]): Promise<void> {
    if (!events.length) return;
    const marker = L.key(L.depPk(deploymentId), L.EVENT_IMPORT_SK);
    let first = num((await this.table.get(marker)) ?? {}, 'first');
    if (first === undefined) {
      const candidate = (await this.take(events[0]!.stack, events.length)) - events.length + 1;
      const e = new Expr();
      try {
        await this.table.put({
          Item: { ...marker, type: S('event-import'), first: N(candidate), expiresAt: this.ttl() },
          ConditionExpression: `attribute_not_exists(${e.n('pk')})`,
          ExpressionAttributeNames: e.names,
        });
        first = candidate;
      } catch (err) {
        if (!isConditionFailed(err)) throw err;
        // A concurrent import of the same deployment won; our block is declared lost by readers in time.
        first = num((await this.table.get(marker)) ?? {}, 'first')!;
      }
    }
    for (const [i, ev] of events.entries()) {
      const stored = { ...ev, seq: first + i };
      if (await this.putStream(stored)) {
        await this.putCopy(stored);
        continue;
      }
      const there = await this.table.get(L.key(L.stackPk(ev.stack), L.eventSk(stored.seq)));
      if (there && str(there, 'code') === LOST_CODE) await this.append(ev);
      else await this.putCopy(stored); // stored by an earlier attempt of this import
    }
  }

  /** `stackOf`: only asked for copies written before events carried their stack. */
  async listForDeployment(
    deploymentId: string,
    stackOf: () => Promise<string | undefined>,
  ): Promise<StoredEvent[]> {
    const items = await this.table.queryPrefix(L.depPk(deploymentId), L.EVENT_PREFIX);
    const stack = items.some((i) => str(i, 'stack') === undefined) ? await stackOf() : undefined;
    return items.map((i) => L.toEvent(i, stack));
  }

  async listAfter(stack: string, after: number, limit: number): Promise<StoredEvent[]> {
    if (limit <= 0) return [];
    const e = new Expr();
    const items = await this.table.query(
      {
        KeyConditionExpression: `${e.n('pk')} = ${e.v(S(L.stackPk(stack)))} AND ${e.n('sk')} BETWEEN ${e.v(S(L.eventSk(after + 1)))} AND ${e.v(S(L.eventSk(MAX_SEQ)))}`,
        ExpressionAttributeNames: e.names,
        ExpressionAttributeValues: e.values,
      },
      limit,
    );
    const out: StoredEvent[] = [];
    let expected = after + 1;
    let floor: number | undefined;
    for (const item of items) {
      const ev = L.toEvent(item);
      if (ev.seq > expected) {
        floor ??= await this.floor(stack);
        const from = Math.max(expected, floor + 1);
        if (from < ev.seq) {
          // Its writer may still be storing it: stop here, the next read continues.
          if (Date.now() - (num(item, 'storedAt') ?? 0) < this.graceMs) break;
          const declared = await this.declareLost(stack, from, ev.seq - 1);
          out.push(...declared.events);
          if (!declared.complete) break;
        }
      }
      out.push(ev);
      expected = ev.seq + 1;
    }
    return out.slice(0, limit);
  }

  /** Removes the stream's events from before `before`, oldest first; returns how many. */
  async prune(stack: string, before: number): Promise<number> {
    let removed = 0;
    for (;;) {
      const batch = await this.table.queryPrefix(L.stackPk(stack), L.EVENT_PREFIX, true, PRUNE_BATCH);
      const old = batch.filter((i) => num(i, 'at')! < before);
      if (!old.length) return removed;
      // The floor first: a reader that meets the hole must know not to wait for it.
      await this.raiseFloor(stack, Math.max(...old.map((i) => num(i, 'seq')!)));
      await Promise.all(old.map((i) => this.table.delete(L.key(str(i, 'pk')!, str(i, 'sk')!))));
      removed += old.length;
      if (old.length < batch.length) return removed;
    }
  }

  /** Hands out `n` consecutive seqs of the stack; returns the last. The counter item never expires. */
  private async take(stack: string, n: number): Promise<number> {
    const e = new Expr();
    const counter = await this.table.update({
      Key: L.key(L.stackPk(stack), L.EVENT_SEQ_SK),
      UpdateExpression: `SET ${e.n('type')} = ${e.v(S('event-seq'))} ADD ${e.n('seq')} ${e.v(N(n))}`,
      ExpressionAttributeNames: e.names,
      ExpressionAttributeValues: e.values,
      ReturnValues: 'UPDATED_NEW',
    });
    return num(counter ?? {}, 'seq')!;
  }

  /** False when the seq is already taken: a reader declared it lost (we were too slow), or an earlier import attempt. */
  private async putStream(ev: StoredEvent): Promise<boolean> {
    const e = new Expr();
    try {
      await this.table.put({
        Item: L.eventItem(ev, L.stackPk(ev.stack), Date.now()),
        ConditionExpression: `attribute_not_exists(${e.n('pk')})`,
        ExpressionAttributeNames: e.names,
      });
      return true;
    } catch (err) {
      if (isConditionFailed(err)) return false;
      throw err;
    }
  }

  private async putCopy(ev: StoredEvent): Promise<void> {
    if (ev.deploymentId === undefined) return;
    await this.table.put({
      Item: { ...L.eventItem(ev, L.depPk(ev.deploymentId), Date.now()), expiresAt: this.ttl() },
    });
  }

  private async floor(stack: string): Promise<number> {
    return num((await this.table.get(L.key(L.stackPk(stack), L.EVENT_SEQ_SK))) ?? {}, 'pruned') ?? 0;
  }

  private async raiseFloor(stack: string, seq: number): Promise<void> {
    const e = new Expr();
    const [name, v] = [e.n('pruned'), e.v(N(seq))];
    try {
      await this.table.update({
        Key: L.key(L.stackPk(stack), L.EVENT_SEQ_SK),
        UpdateExpression: `SET ${name} = ${v}`,
        ConditionExpression: `attribute_not_exists(${name}) OR ${name} < ${v}`,
        ExpressionAttributeNames: e.names,
        ExpressionAttributeValues: e.values,
      });
    } catch (err) {
      if (!isConditionFailed(err)) throw err;
    }
  }

  /**
   * Writes `event.lost` at each of the seqs from..to that is still empty. Incomplete when one was stored meanwhile
   * (the reader stops there and reads it next time) or there were more than MAX_DECLARED.
   */
  private async declareLost(
    stack: string,
    from: number,
    to: number,
  ): Promise<{ events: StoredEvent[]; complete: boolean }> {
    const events: StoredEvent[] = [];
    const last = Math.min(to, from + MAX_DECLARED - 1);
    for (let seq = from; seq <= last; seq++) {
      const lost: StoredEvent = {
        stack,
        seq,
        at: Date.now(),
        code: LOST_CODE,
        data: {
          reason: `no event was stored at seq ${seq} within ${this.graceMs / 1000}s of the next one: its writer stopped between taking the seq and storing the event`,
        },
      };
      if (!(await this.putStream(lost))) return { events, complete: false };
      events.push(lost);
    }
    return { events, complete: last === to };
  }
}
