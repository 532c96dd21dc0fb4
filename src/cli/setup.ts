import { openStack, withStack, type Opened } from '../api/open.js';
import type { Env } from '../api/env.js';

export const DEFAULT_FILE = 'convoy.yaml';

let env: Env = {};

/**
 * The one place the CLI reads the process environment (main.ts, with the --store* flags laid over it): every layer
 * below gets it passed in.
 */
export function setCliEnv(e: Env): void {
  env = e;
}

export function cliEnv(): Env {
  return env;
}

export function open(file: string, opts: { readOnly?: boolean } = {}): Promise<Opened> {
  return openStack(file, { env, readOnly: opts.readOnly });
}

/** Runs `fn` with the stack open, and always closes it (a failed command must not keep its adapters alive). */
export function withOpened<T>(
  file: string,
  opts: { readOnly?: boolean; allowReplace?: readonly string[] },
  fn: (o: Opened) => Promise<T>,
): Promise<T> {
  return withStack(file, { env, readOnly: opts.readOnly, allowReplace: opts.allowReplace }, fn);
}
