import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { hostname, userInfo } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '../core/clock.js';
import type { EngineDeps } from '../engine/deploy.js';
import { loadStack } from '../spec/load.js';
import type { Stack } from '../spec/types.js';
import type { Store } from '../store/store.js';
import { targetModule } from '../targets/registry.js';
import type { Target } from '../targets/target.js';
import { openStore } from './store-select.js';

export const DEFAULT_FILE = 'convoy.yaml';

/** The state folder beside the stack file: SQLite store, pid files, logs. */
export function stateDir(stack: Stack): string {
  return join(stack.dir, '.convoy');
}

export interface Opened extends EngineDeps {
  stack: Stack;
  close(): Promise<void>;
}

/**
 * Commands that only read state (status, logs, history, down, lock) must work without the deploy-time variables,
 * e.g. secrets only CI has: for them an unset variable reads as empty.
 */
export const lenientEnv = new Proxy(process.env, {
  get: (env, k) => (typeof k === 'string' ? (env[k] ?? '') : undefined),
});

/**
 * Loads the stack file and opens the adapters it names. Adapters load lazily: the AWS SDK alone takes about a
 * second to import, which a local deployment (or `convoy status`) should not pay.
 */
export async function open(file: string, opts: { readOnly?: boolean } = {}): Promise<Opened> {
  const stack = loadStack(file, opts.readOnly ? { env: lenientEnv } : {});
  const { target, closeTarget } = await openTarget(stack, opts);
  let store: Store;
  try {
    store = await openStore(stack);
  } catch (err) {
    closeTarget();
    throw err;
  }
  return {
    stack,
    store,
    target,
    clock: systemClock,
    close: async () => {
      closeTarget();
      await store.close();
    },
  };
}

/** Runs `fn` with the stack's adapters open, and always closes them (a failed command must not keep them alive). */
export async function withOpened<T>(
  file: string,
  opts: { readOnly?: boolean },
  fn: (o: Opened) => Promise<T>,
): Promise<T> {
  const o = await open(file, opts);
  try {
    return await fn(o);
  } finally {
    await o.close();
  }
}

/** The target the stack file names (targets/registry.ts): it loads only that target's implementation. */
async function openTarget(
  stack: Stack,
  opts: { readOnly?: boolean },
): Promise<{ target: Target; closeTarget: () => void }> {
  const { target, close } = await targetModule(stack).open(stack, {
    clock: systemClock,
    readOnly: opts.readOnly,
  });
  return { target, closeTarget: close };
}

function git(args: string[], cwd: string): string | undefined {
  try {
    return (
      execFileSync('git', args, { cwd, stdio: ['ignore', 'pipe', 'ignore'], timeout: 2000 })
        .toString()
        .trim() || undefined
    );
  } catch {
    return undefined;
  }
}

const CI_VARS = [
  'CI',
  'GITHUB_ACTOR',
  'GITHUB_RUN_ID',
  'GITHUB_RUN_ATTEMPT',
  'GITHUB_SHA',
  'GITHUB_REF',
  'GITHUB_REPOSITORY',
  'GITHUB_WORKFLOW',
  'GITLAB_USER_LOGIN',
  'CI_PIPELINE_ID',
  'CI_COMMIT_SHA',
  'BUILDKITE_BUILD_ID',
];

/** Who deploys and from where: CI variables first, then git, then the OS user. */
export function whoAndWhere(
  dir: string,
  env = process.env,
): { actor: string; context: Record<string, string>; holder: string } {
  const context: Record<string, string> = {};
  for (const k of CI_VARS) if (env[k]) context[k] = env[k]!;
  const gitUser = git(['config', 'user.name'], dir);
  const gitSha = git(['rev-parse', 'HEAD'], dir);
  if (gitUser) context.gitUser = gitUser;
  if (gitSha) context.gitSha = gitSha;
  const actor = env.GITHUB_ACTOR ?? env.GITLAB_USER_LOGIN ?? gitUser ?? userInfo().username;
  return { actor, context, holder: `${actor}@${hostname()} pid ${process.pid}` };
}

export function correlationIdFrom(explicit: string | undefined, env = process.env): string {
  if (explicit) return explicit;
  if (env.CONVOY_CORRELATION_ID) return env.CONVOY_CORRELATION_ID;
  if (env.GITHUB_RUN_ID) return `gh-${env.GITHUB_RUN_ID}-${env.GITHUB_RUN_ATTEMPT ?? '1'}`;
  return randomUUID();
}
