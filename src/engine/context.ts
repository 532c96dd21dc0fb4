import type { CheckRunner } from '../core/check-result.js';
import type { PostCheck, Stack } from '../spec/types.js';
import type { Store } from '../store/store.js';
import type { Target } from '../targets/target.js';
import type { Clock } from '../core/clock.js';
import type { Emitter } from './emitter.js';

/** What every engine step needs: the ports, and the deployment it works for. */
export interface RunContext {
  stack: Stack;
  store: Store;
  target: Target;
  clock: Clock;
  emitter: Emitter;
  deploymentId: string;
  /** Fencing token of our lease; every state write carries it. */
  token: number;
  /** Aborts on a lost lease or a user's Ctrl-C. */
  signal: AbortSignal;
  /** Runs a post-deploy check (`verify:`); without it the stack's checks are not run. */
  checks?: CheckRunner<PostCheck>;
}
