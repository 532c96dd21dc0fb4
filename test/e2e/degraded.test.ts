import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import type { Server } from 'node:http';
import { after, describe, it } from 'node:test';
import { initDynamoTable } from '../../src/store/dynamodb/index.js';
import { DUMMY_AWS_ENV, dummyClient } from '../store/dynamo-servers.js';
import { cli, events, freePort, serviceYaml, stackDir } from './helpers.js';

const require = createRequire(import.meta.url);

describe('degraded mode: the shared store cannot be reached', () => {
  let server: Server | undefined;
  let dir = '';
  let env: Record<string, string> = {};
  after(async () => {
    await cli(['down'], { cwd: dir, env });
    await new Promise((r) => (server ? server.close(r) : r(undefined)));
  });

  it('refuses to deploy (exit 2) unless --no-lock, which is recorded in the audit trail once the store is back', async () => {
    const storePort = await freePort();
    const endpoint = `http://127.0.0.1:${storePort}`;
    env = {
      ...DUMMY_AWS_ENV,
      CONVOY_STORE: 'dynamodb',
      CONVOY_STORE_TABLE: 'convoy-shared',
      CONVOY_STORE_ENDPOINT: endpoint,
    };
    dir = stackDir('degraded', [serviceYaml('api', { port: await freePort() })]);

    const refused = await cli(['deploy'], { cwd: dir, env });
    assert.equal(refused.code, 2, refused.stderr);
    assert.match(refused.stderr, /cannot reach the state store to take the lock: .*(ECONNREFUSED|connect)/);

    const unlocked = await cli(['deploy', '--no-lock', '--correlation-id', 'while-down'], { cwd: dir, env });
    assert.equal(unlocked.code, 0, unlocked.stderr);
    assert.match(
      unlocked.stderr,
      /WARNING: cannot reach the state store[^]*deploying WITHOUT the shared lock/,
    );

    // The store comes back (same endpoint).
    const dynalite = require('dynalite') as (o: { createTableMs: number }) => Server;
    server = dynalite({ createTableMs: 0 });
    await new Promise<void>((r) => server!.listen(storePort, '127.0.0.1', () => r()));
    await initDynamoTable({ table: 'convoy-shared', client: dummyClient(endpoint), log: () => undefined });

    const back = await cli(['deploy', '--correlation-id', 'after'], { cwd: dir, env });
    assert.equal(back.code, 0, back.stderr);
    assert.match(back.stderr, /recorded 1 earlier --no-lock deployment/);
    const h = JSON.parse((await cli(['history', '--json'], { cwd: dir, env })).stdout) as {
      correlationId: string;
      context: Record<string, string>;
      outcome: string;
    }[];
    const noLock = h.find((x) => x.correlationId === 'while-down');
    assert.equal(noLock?.context.noLock, 'true');
    assert.match(noLock?.context.storeError ?? '', /cannot reach the state store/);
    assert.equal(noLock?.outcome, 'succeeded');
    assert.ok(h.some((x) => x.correlationId === 'after'));

    // The degraded run's events, its warning included, joined the shared stream in order, then the next run's.
    const stream = events((await cli(['events', '--json'], { cwd: dir, env })).stdout);
    assert.deepEqual(
      stream.map((e) => e.seq),
      stream.map((_, i) => i + 1),
    );
    const codes = stream.map((e) => e.code);
    const at = (code: string) => codes.indexOf(code);
    assert.ok(at('store.degraded') >= 0 && at('store.degraded') < at('history.imported'), codes.join(', '));
    assert.equal(codes.filter((c) => c === 'deploy.succeeded').length, 2);
  });
});
