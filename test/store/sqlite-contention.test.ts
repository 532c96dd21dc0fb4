import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { assertOneHolderAtATime, runWorkers, workerScript, WORKERS } from './contention.js';

/**
 * Real processes, real file locks: the in-process contract cannot show that BEGIN IMMEDIATE + busy_timeout give
 * mutual exclusion and monotonic tokens when separate convoy runs race for one stack.
 */

// Compiled location: dist/test/store/ -> dist/src/store/sqlite/sqlite-store.js
const storeUrl = new URL('../../src/store/sqlite/sqlite-store.js', import.meta.url).href;

const worker = workerScript(`
import { openSqliteStore } from ${JSON.stringify(storeUrl)};
const [file, name] = process.argv.slice(2);
const store = openSqliteStore(file);
`);

it(
  `sqlite: ${WORKERS} processes contending for one stack never overlap and get increasing tokens`,
  { timeout: 120_000 },
  async () => {
    const dir = await mkdtemp(join(tmpdir(), 'convoy-contention-'));
    try {
      // The workers open the fresh file at the same time too: WAL switch and migration must survive that race.
      const file = join(dir, 'state.db');
      const held = await runWorkers(dir, worker, (name) => [file, name]);
      assertOneHolderAtATime(held);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
);
