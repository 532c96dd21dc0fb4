import { initDynamoTable } from '../../src/store/dynamodb/index.js';
import {
  DUMMY_AWS_ENV,
  dummyClient,
  freshTableName,
  motoMissing,
  startDynalite,
  startMoto,
  type DynamoServer,
} from '../store/dynamo-servers.js';

/**
 * The stores the CLI suites run against (issue 4: every engine test on both backends). Each backend starts what it
 * needs and returns the environment that points `convoy` at it; sqlite needs nothing (a file beside the stack).
 * CONVOY_TEST_STORES=sqlite limits a local run to one.
 */
export interface Backend {
  name: string;
  start(): Promise<Record<string, string>>;
  stop(): Promise<void>;
}

function dynamodb(name = 'dynamodb', startServer = startDynalite): Backend {
  let server: DynamoServer | undefined;
  return {
    name,
    async start() {
      server = await startServer();
      const table = freshTableName();
      await initDynamoTable({ table, client: dummyClient(server.endpoint), log: () => undefined });
      return {
        ...DUMMY_AWS_ENV,
        CONVOY_STORE: 'dynamodb',
        CONVOY_STORE_TABLE: table,
        CONVOY_STORE_ENDPOINT: server.endpoint,
      };
    },
    async stop() {
      await server?.stop();
    },
  };
}

const sqlite: Backend = { name: 'sqlite', start: async () => ({}), stop: async () => undefined };

/** With `moto`, also DynamoDB as moto_server speaks it (a second implementation), where moto_server is installed. */
export function backends(opts: { moto?: boolean } = {}): Backend[] {
  const all = [
    sqlite,
    dynamodb(),
    ...(opts.moto && !motoMissing() ? [dynamodb('dynamodb on moto', startMoto)] : []),
  ];
  const only = process.env.CONVOY_TEST_STORES?.split(',');
  return only ? all.filter((b) => only.includes(b.name)) : all;
}
