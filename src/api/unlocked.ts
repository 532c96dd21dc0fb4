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
    const finished = (await local.listDeployments({ stack: stack.name }))
      .filter((d) => d.status !== 'running' && d.status !== 'rolling-back')
      .reverse();
    // The whole local stream, in order: each deployment takes its events and the stack's events before them
    // (pre-flight, degraded mode, the lock), the last one also those after, so they keep their order in the
    // shared stream and every import stays idempotent per deployment.
    const stream = await local.listEventsAfter(stack.name, 0, Number.MAX_SAFE_INTEGER);
    let after = 0;
    for (const [i, d] of finished.entries()) {
      const own = stream.filter((e) => e.deploymentId === d.id).map((e) => e.seq);
      const upTo = i === finished.length - 1 ? Infinity : Math.max(after, ...own);
      const events = stream.filter((e) => e.seq > after && e.seq <= upTo).map(({ seq: _seq, ...e }) => e);
      after = upTo;
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
