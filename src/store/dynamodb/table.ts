import {
  DeleteItemCommand,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  TransactWriteItemsCommand,
  UpdateItemCommand,
  type DynamoDBClient,
  type PutItemCommandInput,
  type QueryCommandInput,
  type TransactWriteItem,
  type UpdateItemCommandInput,
} from '@aws-sdk/client-dynamodb';
import { setTimeout as sleep } from 'node:timers/promises';
import { Expr, S, type Item } from './expr.js';

type NoTable<T> = Omit<NonNullable<T>, 'TableName'>;
export type WriteOp =
  { Put: NoTable<TransactWriteItem['Put']> } | { Update: NoTable<TransactWriteItem['Update']> };
export type TxItem = WriteOp | { ConditionCheck: NoTable<TransactWriteItem['ConditionCheck']> };

const errorName = (err: unknown): string | undefined => (err as { name?: string } | null)?.name;

export const isConditionFailed = (err: unknown) => errorName(err) === 'ConditionalCheckFailedException';

/** Emulators such as dynalite answer operations they do not implement (TransactWriteItems) with this. */
export const isUnknownOperation = (err: unknown) => errorName(err) === 'UnknownOperationException';

/**
 * A transaction touching an item that another transaction or write is changing at that instant is cancelled with
 * `TransactionConflict` (and a single write that meets a transaction fails with TransactionConflictException).
 * Both are HTTP 400s that the SDK's retry strategy, which handles throttling, 5xx and network errors, treats as
 * final. They are expected here: our own heartbeat renews the lock item that every fenced transaction checks.
 */
function isConflict(err: unknown): boolean {
  if (errorName(err) === 'TransactionConflictException') return true;
  if (errorName(err) !== 'TransactionCanceledException') return false;
  const codes = ((err as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? []).map(
    (r) => r.Code,
  );
  // A cancelled transaction is a 400 even when an item was only throttled: retry that too.
  const transient = codes.some((c) => c === 'TransactionConflict' || c === 'ThrottlingError');
  return transient && !codes.includes('ConditionalCheckFailed');
}

const CONFLICT_ATTEMPTS = 8;

async function retryConflicts<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (attempt >= CONFLICT_ATTEMPTS || !isConflict(err)) throw err;
      await sleep(Math.random() * 10 * 2 ** attempt); // full jitter: ~1.3 s at most in all
    }
  }
}

/** The few calls the store makes, bound to one table. Reads are strongly consistent. */
export class Table {
  constructor(
    readonly client: DynamoDBClient,
    readonly name: string,
  ) {}

  async get(key: Item): Promise<Item | undefined> {
    const out = await retryConflicts(() =>
      this.client.send(new GetItemCommand({ TableName: this.name, Key: key, ConsistentRead: true })),
    );
    return out.Item;
  }

  async put(input: Omit<PutItemCommandInput, 'TableName'>): Promise<void> {
    await retryConflicts(() => this.client.send(new PutItemCommand({ ...input, TableName: this.name })));
  }

  async delete(key: Item): Promise<void> {
    await retryConflicts(() => this.client.send(new DeleteItemCommand({ TableName: this.name, Key: key })));
  }

  /** Returns the item's attributes as asked by ReturnValues. */
  async update(input: Omit<UpdateItemCommandInput, 'TableName'>): Promise<Item | undefined> {
    const out = await retryConflicts(() =>
      this.client.send(new UpdateItemCommand({ ...input, TableName: this.name })),
    );
    return out.Attributes;
  }

  async transact(items: TxItem[]): Promise<void> {
    const TableName = this.name;
    const TransactItems = items.map((i): TransactWriteItem =>
      'Put' in i
        ? { Put: { ...i.Put, TableName } }
        : 'Update' in i
          ? { Update: { ...i.Update, TableName } }
          : { ConditionCheck: { ...i.ConditionCheck, TableName } },
    );
    await retryConflicts(() => this.client.send(new TransactWriteItemsCommand({ TransactItems })));
  }

  /**
   * All pages, or until `limit` items passed the filter. DynamoDB applies Limit before FilterExpression, so Limit
   * is only passed through when there is no filter.
   */
  async query(
    input: Omit<QueryCommandInput, 'TableName' | 'ConsistentRead'>,
    limit?: number,
  ): Promise<Item[]> {
    if (limit === 0) return [];
    if (limit !== undefined && limit < 0) limit = undefined; // as SQL's LIMIT -1
    const items: Item[] = [];
    let start: Item | undefined;
    do {
      const out = await retryConflicts(() =>
        this.client.send(
          new QueryCommand({
            ...input,
            TableName: this.name,
            ConsistentRead: true,
            ExclusiveStartKey: start,
            Limit: limit !== undefined && !input.FilterExpression ? limit - items.length : undefined,
          }),
        ),
      );
      items.push(...(out.Items ?? []));
      start = out.LastEvaluatedKey;
    } while (start && (limit === undefined || items.length < limit));
    return limit === undefined ? items : items.slice(0, limit);
  }

  /** Items of partition `pk` whose sort key starts with `prefix` ('': all), in sort-key order (or reverse). */
  queryPrefix(pk: string, prefix: string, forward = true, limit?: number): Promise<Item[]> {
    const e = new Expr();
    const begins = prefix ? ` AND begins_with(${e.n('sk')}, ${e.v(S(prefix))})` : '';
    return this.query(
      {
        KeyConditionExpression: `${e.n('pk')} = ${e.v(S(pk))}${begins}`,
        ExpressionAttributeNames: e.names,
        ExpressionAttributeValues: e.values,
        ScanIndexForward: forward,
      },
      limit,
    );
  }
}
