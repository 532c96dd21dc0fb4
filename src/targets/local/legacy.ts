import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Until state was kept per stack, every stack in a folder shared `<dir>/.convoy/{services,pids,logs,failures}/`, and
 * two stacks with a service of the same name overwrote each other's record. So that a user who upgrades with
 * services running can still see and stop them, a stack's target takes over what that layout holds for it: each
 * service record naming the stack (with its pid file and log) and each failure snapshot naming it. The layouts have
 * the same shape below their roots. Whatever names another stack stays there for that stack's target to take.
 */
export function adoptLegacyState(dir: string, stack: string, root: string): void {
  const legacy = join(dir, '.convoy');
  for (const name of jsonNames(join(legacy, 'services'))) {
    const record = join('services', `${name}.json`);
    if (stackOf(join(legacy, record)) !== stack || existsSync(join(root, record))) continue;
    // The record moves last: whoever finds it in the new place finds its pid file and log there too.
    for (const rel of [join('pids', `${name}.pid`), join('logs', `${name}.log`), record])
      move(join(legacy, rel), join(root, rel));
  }
  for (const name of jsonNames(join(legacy, 'failures'))) {
    const snapshot = join('failures', `${name}.json`);
    if (stackOf(join(legacy, snapshot)) === stack) move(join(legacy, snapshot), join(root, snapshot));
  }
  for (const sub of ['services', 'pids', 'failures', 'logs']) {
    try {
      rmdirSync(join(legacy, sub));
    } catch {
      // Not empty (another stack's state is still there) or already gone.
    }
  }
}

function jsonNames(folder: string): string[] {
  try {
    return readdirSync(folder)
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.slice(0, -'.json'.length));
  } catch {
    return [];
  }
}

function stackOf(file: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { stack?: string }).stack;
  } catch {
    return undefined;
  }
}

function move(from: string, to: string): void {
  if (!existsSync(from) || existsSync(to)) return;
  try {
    // 0700 like the state folders: records and logs may hold secret values.
    mkdirSync(dirname(to), { recursive: true, mode: 0o700 });
    // A running service keeps writing to its log after the rename: its open file is the same inode.
    renameSync(from, to);
  } catch {
    // Another convoy process of the same stack moved it first.
  }
}
