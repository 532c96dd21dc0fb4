import type { CheckRunner } from '../../core/check-result.js';
import type { Clock } from '../../core/clock.js';
import type { PostCheck } from '../../spec/types.js';
import type { Target } from '../../targets/target.js';
import { runAlarm } from './alarm.js';
import { runCommand } from './command.js';
import { runHttp } from './http.js';
import { runLog } from './log.js';
import { cannotRun, stamp, type Outcome } from './outcome.js';
import { runTcp } from './tcp.js';

export interface PostCheckDeps {
  target: Target;
  clock: Clock;
  /** The stack file's folder: where command checks run. */
  dir: string;
  /** What command checks run with. */
  env: Record<string, string | undefined>;
}

/**
 * The post-deploy checks' runner (README "Post-deploy checks"): one file per kind. It never throws; a check that
 * cannot run says so in its result. Timings come from the clock the engine runs on.
 */
export function postCheckRunner(deps: PostCheckDeps): CheckRunner<PostCheck> {
  return async (check, { sinceMs, signal }) => {
    const startedAt = deps.clock.now();
    let outcome: Outcome;
    try {
      outcome = await dispatch(check, deps, sinceMs, signal);
    } catch (err) {
      outcome = cannotRun(`could not run: ${(err as Error).message}`);
    }
    return stamp(check, startedAt, deps.clock.now(), outcome);
  };
}

function dispatch(
  c: PostCheck,
  deps: PostCheckDeps,
  sinceMs: number,
  signal?: AbortSignal,
): Promise<Outcome> {
  if (c.http) return runHttp(c.http, signal);
  if (c.tcp) return runTcp(c.tcp, signal);
  if (c.command) return runCommand(c.command, { cwd: deps.dir, env: deps.env, signal });
  if (c.log) return runLog(c.log, { target: deps.target, clock: deps.clock, sinceMs, signal });
  return runAlarm(c.alarm!.name, deps.target);
}
