import { systemClock, type Clock } from '../core/clock.js';
import type { EngineDeps } from '../engine/deploy.js';
import { loadStack } from '../spec/load.js';
import type { Stack } from '../spec/types.js';
import type { Store } from '../store/store.js';
import { targetModule } from '../targets/registry.js';
import { postCheckRunner } from '../verify/post/index.js';
import { lenient, type Env } from './env.js';
import { openStore, storeChoice } from './store-select.js';

export interface OpenOptions {
  /** `${VAR}`s of the stack file and the CONVOY_STORE* overrides; the CLI passes process.env. */
  env: Env;
  /** Status, logs, history, down: unset variables read as empty, and a stack a person must repair still opens. */
  readOnly?: boolean;
  clock?: Clock;
  /** Resources a deployment may remove or replace although their type is protected (aws: `--allow-replace`). */
  allowReplace?: readonly string[];
}

/** A loaded stack with its state store and target open: what every operation of the library works on. */
export interface Opened extends EngineDeps {
  stack: Stack;
  env: Env;
  close(): Promise<void>;
}

/**
 * Loads the stack file and opens the adapters it names. Adapters load lazily: the AWS SDK alone takes about a
 * second to import, which a local deployment (or `convoy status`) should not pay.
 */
export async function openStack(file: string, o: OpenOptions): Promise<Opened> {
  const env = o.readOnly ? lenient(o.env) : o.env;
  const clock = o.clock ?? systemClock;
  const stack = loadStack(file, { env });
  const { target, close: closeTarget } = await targetModule(stack).open(stack, {
    clock,
    readOnly: o.readOnly,
    env: o.env,
    ...(o.allowReplace?.length ? { allowReplace: o.allowReplace } : {}),
  });
  let store: Store;
  try {
    store = await openStore(stack, storeChoice(stack, o.env));
  } catch (err) {
    closeTarget();
    throw err;
  }
  return {
    stack,
    env: o.env,
    store,
    target,
    clock,
    checks: postCheckRunner({ target, clock, dir: stack.dir, env: o.env }),
    close: async () => {
      closeTarget();
      await store.close();
    },
  };
}

/** Runs `fn` with the stack open, and always closes it (a failed operation must not keep adapters alive). */
export async function withStack<T>(file: string, o: OpenOptions, fn: (s: Opened) => Promise<T>): Promise<T> {
  const s = await openStack(file, o);
  try {
    return await fn(s);
  } finally {
    await s.close();
  }
}
