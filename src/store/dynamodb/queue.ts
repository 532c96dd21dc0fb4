import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { EnqueueRequest, QueueEntry } from '../store.js';
import { Expr, N, S, num, str, type Item } from './expr.js';
import { key, stackPk } from './layout.js';
import { isConditionFailed, type Table } from './table.js';

/*
 * Queue items live in the stack's partition:
 *   stack#<stack>  qseq     ticket counter (never expires: tickets must keep increasing)
 *   stack#<stack>  q#<id>   one waiter; `leaseExpiresAt` is its lease (epoch ms), `expiresAt` the TTL
 * Keyed by waiter id because renew/leave name the waiter; a stack's queue is short, so listing sorts in memory.
 */

const TICKET_SK = 'qseq';
const entrySk = (id: string) => `q#${id}`;

function toEntry(item: Item): QueueEntry {
  const e: QueueEntry = {
    stack: str(item, 'stack')!,
    id: str(item, 'id')!,
    ticket: num(item, 'ticket')!,
    holder: str(item, 'holder')!,
    correlationId: str(item, 'correlationId')!,
    enqueuedAt: num(item, 'enqueuedAt')!,
    expiresAt: num(item, 'leaseExpiresAt')!,
  };
  const by = str(item, 'supersededBy');
  if (by !== undefined) e.supersededBy = by;
  return e;
}

const isLive = (e: QueueEntry, now: number) => e.expiresAt > now && e.supersededBy === undefined;

export class DynamoQueue {
  constructor(
    private readonly table: Table,
    /** TTL value for an entry written now (stale entries expire on their own). */
    private readonly ttl: () => AttributeValue,
  ) {}

  async enqueue(r: EnqueueRequest): Promise<QueueEntry> {
    const e = new Expr();
    // The atomic counter defines arrival order. A crash before the put below only leaves a gap in tickets.
    const counter = await this.table.update({
      Key: key(stackPk(r.stack), TICKET_SK),
      UpdateExpression: `ADD ${e.n('ticket')} ${e.v(N(1))}`,
      ExpressionAttributeNames: e.names,
      ExpressionAttributeValues: e.values,
      ReturnValues: 'UPDATED_NEW',
    });
    const ticket = num(counter ?? {}, 'ticket')!;
    const p = new Expr();
    const item: Item = {
      ...key(stackPk(r.stack), entrySk(r.id)),
      type: S('queue'),
      stack: S(r.stack),
      id: S(r.id),
      ticket: N(ticket),
      holder: S(r.holder),
      correlationId: S(r.correlationId),
      enqueuedAt: N(r.now),
      leaseExpiresAt: N(r.now + r.leaseMs),
      expiresAt: this.ttl(),
    };
    try {
      await this.table.put({
        Item: item,
        ConditionExpression: `attribute_not_exists(${p.n('pk')})`,
        ExpressionAttributeNames: p.names,
      });
    } catch (err) {
      if (isConditionFailed(err))
        throw new Error(`queue entry "${r.id}" of stack "${r.stack}" already exists`);
      throw err;
    }
    return toEntry(item);
  }

  renew(stack: string, id: string, leaseMs: number, now: number): Promise<QueueEntry | undefined> {
    return this.updateIf(stack, id, (e) => ({
      set: `${e.n('leaseExpiresAt')} = ${e.v(N(now + leaseMs))}, ${e.n('expiresAt')} = ${e.v(this.ttl())}`,
      condition: `attribute_exists(${e.n('pk')})`,
    }));
  }

  /** One conditional update of an entry: the entry as it is now, or undefined when the condition no longer holds. */
  private async updateIf(
    stack: string,
    id: string,
    build: (e: Expr) => { set: string; condition: string },
  ): Promise<QueueEntry | undefined> {
    const e = new Expr();
    const { set, condition } = build(e);
    try {
      const item = await this.table.update({
        Key: key(stackPk(stack), entrySk(id)),
        UpdateExpression: `SET ${set}`,
        ConditionExpression: condition,
        ExpressionAttributeNames: e.names,
        ExpressionAttributeValues: e.values,
        ReturnValues: 'ALL_NEW',
      });
      return item && toEntry(item);
    } catch (err) {
      if (isConditionFailed(err)) return undefined;
      throw err;
    }
  }

  async leave(stack: string, id: string): Promise<void> {
    await this.table.delete(key(stackPk(stack), entrySk(id)));
  }

  private async all(stack: string): Promise<QueueEntry[]> {
    const items = await this.table.queryPrefix(stackPk(stack), 'q#');
    return items.map(toEntry).sort((a, b) => a.ticket - b.ticket);
  }

  async list(stack: string, now: number): Promise<QueueEntry[]> {
    return (await this.all(stack)).filter((e) => isLive(e, now));
  }

  /** Each entry is marked with its own conditional write, so one renewed or left meanwhile is judged as it is now. */
  async supersede(stack: string, ticket: number, by: string, now: number): Promise<QueueEntry[]> {
    const older = (await this.list(stack, now)).filter((e) => e.ticket < ticket);
    const replaced = await Promise.all(
      older.map((entry) =>
        this.updateIf(stack, entry.id, (e) => ({
          set: `${e.n('supersededBy')} = ${e.v(S(by))}`,
          condition: `attribute_exists(${e.n('pk')}) AND attribute_not_exists(${e.n('supersededBy')}) AND ${e.n('leaseExpiresAt')} > ${e.v(N(now))}`,
        })),
      ),
    );
    return replaced.filter((e): e is QueueEntry => e !== undefined);
  }

  /** Entries enqueued before `before`, dead or alive. */
  async prune(stack: string, before: number): Promise<number> {
    const old = (await this.all(stack)).filter((e) => e.enqueuedAt < before);
    await Promise.all(old.map((e) => this.table.delete(key(stackPk(stack), entrySk(e.id)))));
    return old.length;
  }
}
