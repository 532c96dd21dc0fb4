import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { runQueueContract } from './queue-contract.js';

runQueueContract('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'convoy-queue-'));
  const file = join(dir, 'state.db');
  const store = openSqliteStore(file);
  const others: { close(): Promise<void> }[] = [];
  return {
    store,
    openAnother: async () => {
      const s = openSqliteStore(file);
      others.push(s);
      return s;
    },
    cleanup: async () => {
      await store.close();
      for (const o of others) await o.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
