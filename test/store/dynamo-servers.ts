import { DeleteTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { spawn, spawnSync } from 'node:child_process';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import { setTimeout as sleep } from 'node:timers/promises';
import { initDynamoTable, openDynamoStore, type DynamoStore } from '../../src/store/dynamodb/index.js';
import { freePort } from '../ports.js';
import type { OpenStore } from './store-contract.js';

/**
 * Real DynamoDB implementations on 127.0.0.1, for the store tests: dynalite (in this process; no transactions, so
 * the store's per-item fencing) and moto_server (a child process; has TransactWriteItems).
 */
export interface DynamoServer {
  name: 'dynalite' | 'moto';
  endpoint: string;
  stop(): Promise<void>;
}

/** For child processes: the SDK's default credential chain reads these, and never reaches for instance metadata. */
export const DUMMY_AWS_ENV = {
  AWS_ACCESS_KEY_ID: 'test',
  AWS_SECRET_ACCESS_KEY: 'test',
  AWS_REGION: 'us-east-1',
  AWS_EC2_METADATA_DISABLED: 'true',
};

export function dummyClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({
    region: 'us-east-1',
    endpoint,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
}

const require = createRequire(import.meta.url);

export async function startDynalite(): Promise<DynamoServer> {
  const dynalite = require('dynalite') as (opts: { createTableMs: number }) => Server;
  const server = dynalite({ createTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as { port: number };
  return {
    name: 'dynalite',
    endpoint: `http://127.0.0.1:${port}`,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Why the moto variant is skipped, or undefined when moto_server can run. */
export function motoMissing(): string | undefined {
  const r = spawnSync('moto_server', ['--help'], { stdio: 'ignore' });
  // ENOENT: not on PATH; 127: a pyenv shim for a Python that lacks it.
  if (r.error || r.status === 127) {
    return 'moto_server is not installed (pip install "moto[server]"): DynamoDB transactions are not tested';
  }
  return undefined;
}

export async function startMoto(): Promise<DynamoServer> {
  const port = await freePort();
  // Own process group, so stop() ends moto and anything it started, and nothing else.
  const child = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], {
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const kill = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // already gone
    }
  };
  const onExit = () => kill('SIGKILL');
  process.once('exit', onExit);
  const stop = async () => {
    process.off('exit', onExit);
    kill('SIGTERM');
    if ((await Promise.race([exited.then(() => 'exited'), sleep(5000)])) !== 'exited') kill('SIGKILL');
    await exited;
  };

  const endpoint = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`moto_server exited (${child.exitCode}): ${stderr}`);
    try {
      await fetch(endpoint); // any HTTP answer means it is serving
      return { name: 'moto', endpoint, stop };
    } catch {
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`moto_server did not answer on ${endpoint} within 30s: ${stderr}`);
      }
      await sleep(100);
    }
  }
}

let tables = 0;
export const freshTableName = () => `convoy-test-${process.pid}-${++tables}`;

/** The contract's `open`: a fresh table per test (made by initDynamoTable), each client with its own SDK client. */
export function openOn(server: () => DynamoServer): OpenStore {
  return async () => {
    const { endpoint } = server();
    const table = freshTableName();
    const admin = dummyClient(endpoint);
    await initDynamoTable({ table, client: admin, log: () => undefined });
    const opened: { store: DynamoStore; client: DynamoDBClient }[] = [];
    const another = async () => {
      const client = dummyClient(endpoint);
      const store = openDynamoStore({ table, client });
      opened.push({ store, client });
      return store;
    };
    return {
      store: await another(),
      openAnother: another,
      cleanup: async () => {
        for (const o of opened) {
          await o.store.close();
          o.client.destroy();
        }
        await admin.send(new DeleteTableCommand({ TableName: table }));
        admin.destroy();
      },
    };
  };
}
