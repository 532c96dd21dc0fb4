import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root, from dist/test/. */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * A folder of the project's shared corpora, `../shared/<name>` beside the repository (CI lays a copy there).
 * In CI a missing folder is an error: a green run must not hide that its corpus tests never ran. Elsewhere (a clone
 * without the corpora) it is undefined, and the tests that need it say so as a skip.
 */
export function sharedDir(name: string): string | undefined {
  const dir = resolve(ROOT, '../shared', name);
  if (existsSync(dir)) return dir;
  if (process.env.CI) throw new Error(`${dir} is missing: CI must have ../shared beside the repository`);
  return undefined;
}

export const SHARED_MISSING = 'no ../shared beside the repository (outside CI only)';
