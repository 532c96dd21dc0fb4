import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { FencedOutError } from '../../errors.js';
import type { LockInfo } from '../store.js';
import { Expr, N, type Item } from './expr.js';
import { lockKey, toLock } from './layout.js';
import { isConditionFailed, isUnknownOperation, type Table, type WriteOp } from './table.js';

/**
 * One item a fenced call writes. `create`: a new item (fails if it exists). `update`: changes an existing item.
 * `upsert`: creates or changes. Updates and upserts only land if no newer token wrote the item (`fence`).
 */
export interface FencedWrite {
  kind: 'create' | 'update' | 'upsert';
  op: WriteOp;
  key: Item;
  /** Names the item in errors: `deployment "d1"`. */
  what: string;
}

export function create(item: Item, token: number, what: string): FencedWrite {
  const e = new Expr();
  return {
    kind: 'create',
    key: { pk: item.pk!, sk: item.sk! },
    what,
    op: {
      Put: {
        Item: { ...item, fence: N(token) },
        ConditionExpression: `attribute_not_exists(${e.n('pk')})`,
        ExpressionAttributeNames: e.names,
      },
    },
  };
}

/** SETs defined fields, REMOVEs undefined ones, records the token in `fence`; `more` adds SET and ADD clauses. */
export function change(
  kind: 'update' | 'upsert',
  key: Item,
  token: number,
  fields: Record<string, AttributeValue | undefined>,
  what: string,
  more: { set?: (e: Expr) => string[]; add?: (e: Expr) => string[] } = {},
): FencedWrite {
  const e = new Expr();
  const [fence, t] = [e.n('fence'), e.v(N(token))];
  const fenced = `(attribute_not_exists(${fence}) OR ${fence} <= ${t})`;
  const add = more.add?.(e) ?? [];
  return {
    kind,
    key,
    what,
    op: {
      Update: {
        Key: key,
        UpdateExpression:
          e.setRemove(fields, [`${fence} = ${t}`, ...(more.set?.(e) ?? [])]) +
          (add.length ? ` ADD ${add.join(', ')}` : ''),
        ConditionExpression: kind === 'update' ? `attribute_exists(${e.n('pk')}) AND ${fenced}` : fenced,
        ExpressionAttributeNames: e.names,
        ExpressionAttributeValues: e.values,
      },
    },
  };
}

export type FencingMode = 'undetermined' | 'transactions' | 'per-item';

/**
 * Writes that must only land while `token` is the stack's current lock token.
 *
 * transactions (DynamoDB): one TransactWriteItems with a ConditionCheck on the lock item (held, token = t) and the
 * writes. DynamoDB evaluates all conditions and applies all writes atomically, so a stale token never writes, and a
 * multi-item write lands whole or not at all.
 *
 * per-item (an endpoint without transactions, e.g. dynalite): a strongly consistent read of the lock item, then
 * each write on its own, conditioned on the item's `fence` being absent or <= t. Guarantees: (1) a token that is not
 * current when the call starts writes nothing; (2) once token N has written an item, no token < N can change that
 * item again, ever, since the condition is checked atomically per item. Not guaranteed: a call that read its token
 * as current and then stalled (GC pause, suspended machine) past a takeover can still land writes on items the new
 * holder has not written yet (a new deployment or step, the old deployment's status); the window is that one call,
 * from its read to its write. And a multi-item write is not atomic: a crash between items leaves the earlier
 * ones (createDeployment writes its `ref` first, which alone is invisible; setCurrent the current revision before
 * its good-revision entry).
 */
export class Fencer {
  mode: FencingMode = 'undetermined';

  constructor(private readonly table: Table) {}

  async write(stack: string, token: number, writes: FencedWrite[]): Promise<void> {
    if (this.mode !== 'per-item') {
      try {
        await this.transact(stack, token, writes);
        this.mode = 'transactions';
        return;
      } catch (err) {
        if (!isUnknownOperation(err)) throw err;
        this.mode = 'per-item';
      }
    }
    await this.perItem(stack, token, writes);
  }

  private async transact(stack: string, token: number, writes: FencedWrite[]): Promise<void> {
    const e = new Expr();
    const check = {
      ConditionCheck: {
        Key: lockKey(stack),
        ConditionExpression: `attribute_exists(${e.n('holder')}) AND ${e.n('token')} = ${e.v(N(token))}`,
        ExpressionAttributeNames: e.names,
        ExpressionAttributeValues: e.values,
      },
    };
    try {
      await this.table.transact([check, ...writes.map((w) => w.op)]);
    } catch (err) {
      if ((err as { name?: string }).name !== 'TransactionCanceledException') throw err;
      const codes = ((err as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? []).map(
        (r) => r.Code,
      );
      if (codes[0] === 'ConditionalCheckFailed') throw await this.fencedOut(stack, token);
      const failed = codes.findIndex((c, i) => i > 0 && c === 'ConditionalCheckFailed');
      if (failed > 0) throw await this.conditionFailed(writes[failed - 1]!, stack, token);
      // No usable reasons: decide by the lock itself.
      const current = toLock(await this.table.get(lockKey(stack)));
      if (current?.token !== token) throw fencedOutError(stack, token, current);
      throw err;
    }
  }

  private async perItem(stack: string, token: number, writes: FencedWrite[]): Promise<void> {
    const current = toLock(await this.table.get(lockKey(stack)));
    if (current?.token !== token) throw fencedOutError(stack, token, current);
    for (const w of writes) {
      try {
        if ('Put' in w.op) await this.table.put(w.op.Put);
        else await this.table.update(w.op.Update);
      } catch (err) {
        if (!isConditionFailed(err)) throw err;
        throw await this.conditionFailed(w, stack, token);
      }
    }
  }

  private async conditionFailed(w: FencedWrite, stack: string, token: number): Promise<Error> {
    if (w.kind === 'create') return new Error(`${w.what} already exists in the store`);
    if (w.kind === 'update' && !(await this.table.get(w.key)))
      return new Error(`${w.what} not found in the store`);
    return this.fencedOut(stack, token);
  }

  async fencedOut(stack: string, token: number): Promise<FencedOutError> {
    return fencedOutError(stack, token, toLock(await this.table.get(lockKey(stack))));
  }
}

export function fencedOutError(stack: string, token: number, current: LockInfo | undefined): FencedOutError {
  return new FencedOutError(
    current
      ? `lock token ${token} for stack "${stack}" is no longer current (current: ${current.token} held by ${current.holder}, correlation ${current.correlationId}); another deployment took over`
      : `lock token ${token} for stack "${stack}" is no longer current (current: none, the lock was released or force-released); this deployment no longer owns the stack`,
  );
}
