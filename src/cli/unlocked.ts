import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Stack } from '../spec/types.js';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import type { Store } from '../store/store.js';
import { StoreUnavailableError } from '../errors.js';

/**
 * Degraded mode (--no-lock): when the shared store cannot be reached, a deployment runs against a local file
 * instead, with no lock shared with anyone. The next run that reaches the shared store copies those deployments into
 * its history and audit trail, then removes the file.
 */
export function unlockedFile(stack: Stack): string {
  return join(stack.dir, '.convoy', 'unlocked.db');
}

export function openUnlockedStore(stack: Stack): Store {
  return openSqliteStore(unlockedFile(stack));
}

/** Copies deployments made with --no-lock into the shared store; returns how many. */
export async function importUnlocked(stack: Stack, shared: Store): Promise<number> {
  const file = unlockedFile(stack);
  if (!existsSync(file)) return 0;
  const local = openSqliteStore(file);
  let n = 0;
  try {
    for (const d of await local.listDeployments({ stack: stack.name })) {
      if (d.status === 'running' || d.status === 'rolling-back') continue;
      const events = (await local.listEvents(d.id)).map(({ seq: _seq, ...e }) => e);
      try {
        await shared.importDeployment(
          { ...d, context: { ...d.context, noLock: 'true' } },
          await local.listSteps(d.id),
          events,
        );
      } catch (err) {
        throw new StoreUnavailableError(
          `cannot reach the state store to record earlier --no-lock deployments: ${(err as Error).message}`,
          err,
        );
      }
      n++;
    }
  } finally {
    await local.close();
  }
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  return n;
}
