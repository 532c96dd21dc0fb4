import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join, resolve } from 'node:path';

export type Lookup =
  | { found: true; path: string }
  | { found: false; why: 'not-on-path' | 'no-such-file' | 'not-executable'; path?: string };

function executable(file: string): 'yes' | 'missing' | 'not-executable' {
  try {
    if (!statSync(file).isFile()) return 'missing';
  } catch {
    return 'missing';
  }
  try {
    accessSync(file, constants.X_OK);
    return 'yes';
  } catch {
    return 'not-executable';
  }
}

/**
 * Finds a program the way spawn (execvp) will: a name with a slash is a path, relative to the working folder;
 * a bare name is looked up on PATH.
 */
export function findProgram(program: string, opts: { cwd: string; path: string | undefined }): Lookup {
  if (program.includes('/')) {
    const file = isAbsolute(program) ? program : resolve(opts.cwd, program);
    const e = executable(file);
    if (e === 'yes') return { found: true, path: file };
    return { found: false, why: e === 'missing' ? 'no-such-file' : 'not-executable', path: file };
  }
  for (const dir of (opts.path ?? '').split(delimiter).filter(Boolean)) {
    const file = join(isAbsolute(dir) ? dir : resolve(opts.cwd, dir), program);
    if (executable(file) === 'yes') return { found: true, path: file };
  }
  return { found: false, why: 'not-on-path' };
}
