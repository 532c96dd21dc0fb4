import type { Command } from 'commander';
import { Emitter } from '../../engine/emitter.js';
import { LockHeldError } from '../../errors.js';
import { whoAndWhere, withOpened } from '../setup.js';

export function register(program: Command): void {
  program
    .command('down')
    .description('stop every service convoy started for this stack; leaves no process behind')
    .action(async () => {
      await withOpened(program.opts().file, { readOnly: true }, async (o) => {
        const who = whoAndWhere(o.stack.dir);
        // Stopping services under a running deployment would corrupt it: take the lock like a deployment does.
        const r = await o.store.acquireLock({
          stack: o.stack.name,
          holder: who.holder,
          correlationId: 'convoy-down',
          leaseMs: o.stack.lock.lease,
          now: o.clock.now(),
        });
        if (!r.acquired)
          throw new LockHeldError(
            `stack ${o.stack.name} is being deployed by ${r.holder.holder} (correlation id ${r.holder.correlationId}); not stopping anything`,
          );
        try {
          const stopped = await o.target.down();
          // Stored in the stack's stream, so followers (`convoy events`) see the stack go down.
          const events = Emitter.forStack(o.stack, o.store, o.clock);
          events.emit({ code: 'stack.down', stopped });
          await events.flush();
          process.stdout.write(stopped.length ? `stopped: ${stopped.join(', ')}\n` : 'nothing was running\n');
        } finally {
          await o.store.releaseLock(o.stack.name, r.lock.token);
        }
      });
    });
}
