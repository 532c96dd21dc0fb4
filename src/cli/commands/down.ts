import type { Command } from 'commander';
import { runDown } from '../../engine/down.js';
import type { Subscriber } from '../../engine/events.js';
import { describe } from '../render/describe.js';
import { correlationIdFrom, whoAndWhere } from '../../api/who.js';
import { cliEnv, withOpened } from '../setup.js';
import { waitLockMs } from './deploy.js';

/** While it waits for the lock, say so: stdout keeps only what was stopped. */
const waitingLines: Subscriber = (e) => {
  if (e.code === 'lock.queued' || e.code === 'lock.waiting') process.stderr.write(`convoy: ${describe(e)}\n`);
};

export function register(program: Command): void {
  program
    .command('down')
    .description('stop every service convoy started for this stack; leaves no process behind')
    .option('--wait-lock <duration>', 'wait up to this long for a deployment of the stack to finish')
    .option(
      '--correlation-id <id>',
      'id tying this run to a CI run in history (default: from CI variables, or random)',
    )
    .action(async (opts: { waitLock?: string; correlationId?: string }) => {
      const wait = waitLockMs(opts.waitLock);
      await withOpened(program.opts().file, { readOnly: true }, async (o) => {
        // Stopping services under a running deployment would corrupt it: down holds the lock like a deployment.
        const { stopped } = await runDown(o, {
          stack: o.stack,
          correlationId: correlationIdFrom(opts.correlationId, cliEnv()),
          ...whoAndWhere(o.stack.dir, cliEnv()),
          waitLockMs: wait,
          subscribers: [waitingLines],
        });
        process.stdout.write(stopped.length ? `stopped: ${stopped.join(', ')}\n` : 'nothing was running\n');
      });
    });
}
