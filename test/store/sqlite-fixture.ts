import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/store/store.js';
import type { OpenStore } from './store-contract.js';

/** A fresh sqlite file in a temp folder for each contract test; `openAnother` opens the same file again. */
export const openSqlite: OpenStore = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'convoy-store-'));
  const file = join(dir, 'state.db');
  const opened: Store[] = [openSqliteStore(file)];
  return {
    store: opened[0]!,
    openAnother: async () => {
      const s = openSqliteStore(file);
      opened.push(s);
      return s;
    },
    cleanup: async () => {
      for (const s of opened) await s.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
};
