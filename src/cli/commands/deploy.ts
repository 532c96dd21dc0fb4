import type { Command } from 'commander';
import { runDeployment } from '../../engine/deploy.js';
import { parseDuration } from '../../spec/schema.js';
import { InvalidInputError } from '../../errors.js';
import { deployOutput } from '../output.js';
import { correlationIdFrom, open, whoAndWhere } from '../setup.js';

export function waitLockMs(value: string | undefined): number {
  if (value === undefined) return 0;
  try {
    return parseDuration(value);
  } catch {
    throw new InvalidInputError(`--wait-lock takes a duration such as 30s or 10m, not "${value}"`);
  }
}

/** Ctrl-C or SIGTERM stops the deployment; the engine rolls back per policy and releases the lock. */
export function interruptSignal(): AbortSignal {
  const ac = new AbortController();
  const stop = (sig: string) => () => ac.abort(new Error(`cancelled by ${sig}`));
  process.once('SIGINT', stop('SIGINT'));
  process.once('SIGTERM', stop('SIGTERM'));
  return ac.signal;
}

export function register(program: Command): void {
  program
    .command('deploy')
    .description(
      'deploy the stack: plan, start changed services wave by wave, gate on health, roll back on failure',
    )
    .option('--wait-lock <duration>', 'wait up to this long for another deployment of the stack to finish')
    .option(
      '--correlation-id <id>',
      'id tying this deployment to a CI run (default: from CI variables, or random)',
    )
    .option('--json', 'one JSON object per event')
    .action(async (opts: { waitLock?: string; correlationId?: string; json?: boolean }) => {
      const wait = waitLockMs(opts.waitLock);
      const o = open(program.opts().file);
      const out = deployOutput(opts);
      try {
        const who = whoAndWhere(o.stack.dir);
        await runDeployment(o, {
          stack: o.stack,
          correlationId: correlationIdFrom(opts.correlationId),
          ...who,
          waitLockMs: wait,
          subscribers: out.subscribers,
          signal: interruptSignal(),
        });
      } finally {
        out.finish();
        await o.close();
      }
    });
}
