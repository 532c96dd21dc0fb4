import { isAbsolute, join, resolve } from 'node:path';
import { InvalidInputError } from '../errors.js';
import type { Env } from './env.js';
import type { Stack } from '../spec/types.js';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import type { Store } from '../store/store.js';

export interface StoreChoice {
  kind: 'sqlite' | 'dynamodb';
  path?: string;
  table?: string;
  region?: string;
  endpoint?: string;
}

const DAY_MS = 86_400_000;

/**
 * The stack file's `store` block, overridden by the environment given (CONVOY_STORE, CONVOY_STORE_TABLE,
 * CONVOY_STORE_REGION, CONVOY_STORE_ENDPOINT, CONVOY_STORE_PATH), which the CLI's --store* flags set.
 */
export function storeChoice(stack: Stack, env: Env): StoreChoice {
  const kind = env.CONVOY_STORE ?? stack.store.kind;
  if (kind !== 'sqlite' && kind !== 'dynamodb') {
    throw new InvalidInputError(
      `store kind is "sqlite" or "dynamodb", not "${kind}" (from --store or CONVOY_STORE)`,
    );
  }
  if (kind === 'sqlite') {
    const path = env.CONVOY_STORE_PATH ?? stack.store.path;
    return {
      kind,
      path: path
        ? isAbsolute(path)
          ? path
          : resolve(stack.dir, path)
        : join(stack.dir, '.convoy', 'state.db'),
    };
  }
  const table = env.CONVOY_STORE_TABLE ?? stack.store.table;
  if (table !== undefined && !/^[A-Za-z0-9_.-]{3,255}$/.test(table)) {
    throw new InvalidInputError(
      `"${table}" is not a DynamoDB table name: 3–255 letters, digits, "_", "-" and "."`,
    );
  }
  if (!table) {
    throw new InvalidInputError(
      'a dynamodb store needs a table: `store: { kind: dynamodb, table: … }`, --store-table or CONVOY_STORE_TABLE',
      stack.locate(['store']),
    );
  }
  return {
    kind,
    table,
    region:
      env.CONVOY_STORE_REGION ??
      stack.store.region ??
      stack.aws?.region ??
      env.AWS_REGION ??
      env.AWS_DEFAULT_REGION ??
      'us-east-1',
    endpoint: env.CONVOY_STORE_ENDPOINT ?? stack.store.endpoint ?? env.AWS_ENDPOINT_URL_DYNAMODB,
  };
}

export async function openStore(stack: Stack, choice: StoreChoice): Promise<Store> {
  if (choice.kind === 'sqlite') return openSqliteStore(choice.path!);
  // Lazy: only a DynamoDB user pays for loading the SDK.
  const { openDynamoStore } = await import('../store/dynamodb/index.js');
  return openDynamoStore({
    table: choice.table!,
    region: choice.region,
    endpoint: choice.endpoint,
    retentionDays: stack.store.retention / DAY_MS,
    queueRetentionDays: stack.store.queueRetention / DAY_MS,
  });
}

export function describeStore(c: StoreChoice): string {
  return c.kind === 'sqlite' ? `sqlite ${c.path}` : `dynamodb table ${c.table} (${c.endpoint ?? c.region})`;
}
