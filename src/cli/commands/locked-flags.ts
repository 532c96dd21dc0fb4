import type { Command } from 'commander';
import type { LockedOptions } from '../../api/planned-run.js';
import { deployOutput } from '../output.js';
import { cliEnv } from '../setup.js';
import { interruptSignal, notifyGraceMs, waitLockMs } from './deploy.js';

/** The flags every command that takes the stack's lock with a plan of its own shares with deploy. */
export interface LockedFlags {
  waitLock?: string;
  cancelSuperseded?: boolean;
  correlationId?: string;
  json?: boolean;
}

export function lockedFlags(c: Command): Command {
  return c
    .option('--wait-lock <duration>', 'wait up to this long for another deployment of the stack to finish')
    .option('--cancel-superseded', 'replace older queued deployments of this stack (never the running one)')
    .option(
      '--correlation-id <id>',
      'id tying this run to a CI run in history (default: from CI variables, or random)',
    )
    .option('--json', 'one JSON object per event');
}

/** Runs `op` with the deploy command's output (live lines, failure report) and its lock and signal handling. */
export async function withLockedRun(
  flags: LockedFlags,
  op: (o: LockedOptions) => Promise<unknown>,
): Promise<void> {
  const wait = waitLockMs(flags.waitLock);
  const out = deployOutput(flags, cliEnv());
  try {
    await op({
      waitLockMs: wait,
      cancelSuperseded: flags.cancelSuperseded,
      correlationId: flags.correlationId,
      subscribers: out.subscribers,
      signal: interruptSignal(),
      notifyGraceMs: notifyGraceMs(),
    });
  } finally {
    out.finish();
  }
}
