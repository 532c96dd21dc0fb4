import type { DeliveryCursor } from '../store.js';
import { Expr, N, S, num, str, type Item } from './expr.js';
import { key, stackPk } from './layout.js';
import { isConditionFailed, type Table } from './table.js';

/** Item `stack#<stack>` / `notify#<channel>`: one notification channel's delivery cursor; kept forever (tiny). */
const cursorSk = (channel: string) => `notify#${channel}`;

export async function getCursor(
  table: Table,
  stack: string,
  channel: string,
): Promise<DeliveryCursor | undefined> {
  const item = await table.get(key(stackPk(stack), cursorSk(channel)));
  if (!item) return undefined;
  const holder = str(item, 'holder');
  const leaseUntil = num(item, 'leaseUntil');
  return {
    seq: num(item, 'seq') ?? 0,
    state: JSON.parse(str(item, 'state') ?? '{}') as Record<string, unknown>,
    ...(holder === undefined ? {} : { holder }),
    ...(leaseUntil === undefined ? {} : { leaseUntil }),
    version: num(item, 'version') ?? 0,
  };
}

/** A conditional put on the version: the same compare-and-set as SQLite's. */
export async function putCursor(
  table: Table,
  stack: string,
  channel: string,
  c: DeliveryCursor,
): Promise<boolean> {
  const e = new Expr();
  const item: Item = {
    ...key(stackPk(stack), cursorSk(channel)),
    seq: N(c.seq),
    state: S(JSON.stringify(c.state)),
    version: N(c.version),
    ...(c.holder === undefined ? {} : { holder: S(c.holder) }),
    ...(c.leaseUntil === undefined ? {} : { leaseUntil: N(c.leaseUntil) }),
  };
  const condition =
    c.version === 1 ? `attribute_not_exists(${e.n('pk')})` : `${e.n('version')} = ${e.v(N(c.version - 1))}`;
  try {
    await table.put({
      Item: item,
      ConditionExpression: condition,
      ExpressionAttributeNames: e.names,
      ExpressionAttributeValues: e.values,
    });
    return true;
  } catch (err) {
    if (isConditionFailed(err)) return false;
    throw err;
  }
}
