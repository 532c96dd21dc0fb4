import { initDynamoTable } from '../../src/store/dynamodb/index.js';
import {
  DUMMY_AWS_ENV,
  dummyClient,
  freshTableName,
  startDynalite,
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

function dynamodb(): Backend {
  let server: DynamoServer | undefined;
  return {
    name: 'dynamodb',
    async start() {
      server = await startDynalite();
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

export function backends(): Backend[] {
  const all = [sqlite, dynamodb()];
  const only = process.env.CONVOY_TEST_STORES?.split(',');
  return only ? all.filter((b) => only.includes(b.name)) : all;
}
