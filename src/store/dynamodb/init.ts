import {
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
  type DynamoDBClient,
  type TableDescription,
} from '@aws-sdk/client-dynamodb';
import { dynamoClient } from './dynamo-store.js';
import { isUnknownOperation } from './table.js';

export const TTL_ATTRIBUTE = 'expiresAt';

export interface InitDynamoTableOptions {
  table: string;
  region?: string;
  endpoint?: string;
  /** Used as is and not destroyed; region and endpoint are then ignored. */
  client?: DynamoDBClient;
  /** Where warnings go (TTL unsupported by an emulator, …). Default: stderr. */
  log?: (message: string) => void;
  /** Longest wait for the table to become ACTIVE. Default 300. */
  maxWaitSeconds?: number;
}

export interface InitDynamoTableResult {
  created: boolean;
  /** `unsupported`: the endpoint has no TTL API (emulators); `other-attribute`: TTL is on another attribute. */
  ttl: 'enabled' | 'already-enabled' | 'unsupported' | 'other-attribute';
}

const errorName = (err: unknown) => (err as { name?: string } | null)?.name;

/** Creates the table if missing (safe to run again, and from several places at once), then enables TTL. */
export async function initDynamoTable(opts: InitDynamoTableOptions): Promise<InitDynamoTableResult> {
  const client = opts.client ?? dynamoClient(opts);
  const log = opts.log ?? ((m: string) => process.stderr.write(`convoy: ${m}\n`));
  try {
    const existing = await describe(client, opts.table);
    let created = false;
    if (existing) assertKeys(existing, opts.table);
    else {
      try {
        await client.send(
          new CreateTableCommand({
            TableName: opts.table,
            BillingMode: 'PAY_PER_REQUEST',
            AttributeDefinitions: [
              { AttributeName: 'pk', AttributeType: 'S' },
              { AttributeName: 'sk', AttributeType: 'S' },
            ],
            KeySchema: [
              { AttributeName: 'pk', KeyType: 'HASH' },
              { AttributeName: 'sk', KeyType: 'RANGE' },
            ],
          }),
        );
        created = true;
      } catch (err) {
        if (errorName(err) !== 'ResourceInUseException') throw err; // another init created it first
      }
    }
    await waitUntilTableExists(
      { client, maxWaitTime: opts.maxWaitSeconds ?? 300, minDelay: 1, maxDelay: 5 },
      { TableName: opts.table },
    );
    return { created, ttl: await enableTtl(client, opts.table, log) };
  } finally {
    if (!opts.client) client.destroy();
  }
}

async function describe(client: DynamoDBClient, table: string): Promise<TableDescription | undefined> {
  try {
    return (await client.send(new DescribeTableCommand({ TableName: table }))).Table;
  } catch (err) {
    if (errorName(err) === 'ResourceNotFoundException') return undefined;
    throw err;
  }
}

/** An existing table with other keys would fail on every call with an obscure validation error: say so now. */
function assertKeys(t: TableDescription, table: string): void {
  const keys = (t.KeySchema ?? []).map((k) => `${k.AttributeName}:${k.KeyType}`).join(',');
  const types = (t.AttributeDefinitions ?? [])
    .filter((a) => a.AttributeName === 'pk' || a.AttributeName === 'sk')
    .map((a) => a.AttributeType);
  if (keys !== 'pk:HASH,sk:RANGE' || types.some((ty) => ty !== 'S')) {
    throw new Error(
      `DynamoDB table "${table}" exists but its key is not pk (string, hash) + sk (string, range); use another table`,
    );
  }
}

async function enableTtl(
  client: DynamoDBClient,
  table: string,
  log: (m: string) => void,
): Promise<InitDynamoTableResult['ttl']> {
  try {
    const d = (await client.send(new DescribeTimeToLiveCommand({ TableName: table }))).TimeToLiveDescription;
    const on = d?.TimeToLiveStatus === 'ENABLED' || d?.TimeToLiveStatus === 'ENABLING';
    if (on && d?.AttributeName === TTL_ATTRIBUTE) return 'already-enabled';
    if (on) {
      log(
        `table "${table}" has TTL on "${d?.AttributeName}", not "${TTL_ATTRIBUTE}": old history will not expire`,
      );
      return 'other-attribute';
    }
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: table,
        TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true },
      }),
    );
    return 'enabled';
  } catch (err) {
    if (!isUnknownOperation(err)) throw err;
    log(`the DynamoDB endpoint for "${table}" does not support TTL; old history will not expire there`);
    return 'unsupported';
  }
}
