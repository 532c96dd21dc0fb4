import type { Command } from 'commander';
import { estimateWait } from '../../engine/estimate.js';
import { InvalidInputError } from '../../errors.js';
import { printJson } from '../output.js';
import { interval, table } from '../render/format.js';
import { withOpened } from '../setup.js';

export function register(program: Command): void {
  const lock = program.command('lock').description('inspect or break the deployment lock');
  lock
    .command('list')
    .description("show the stack's lock, if held (--all: every stack in the store)")
    .option('--all', 'every stack in the store')
    .option('--json', 'machine-readable')
    .action(async (opts: { json?: boolean; all?: boolean }) => {
      await withOpened(program.opts().file, { readOnly: true }, async (o) => {
        const locks = (await o.store.listLocks()).filter((l) => opts.all || l.stack === o.stack.name);
        const now = o.clock.now();
        const view = locks.map((l) => ({
          ...l,
          acquiredAt: new Date(l.acquiredAt).toISOString(),
          expiresAt: new Date(l.expiresAt).toISOString(),
          expired: l.expiresAt <= now,
        }));
        if (opts.json) return printJson(view);
        if (!view.length) return void process.stdout.write('no locks held\n');
        const rows = [['STACK', 'HOLDER', 'TOKEN', 'SINCE', 'EXPIRES', 'CORRELATION ID']];
        for (const l of view)
          rows.push([
            l.stack,
            l.holder,
            String(l.token),
            l.acquiredAt,
            l.expired ? `${l.expiresAt} (expired)` : l.expiresAt,
            l.correlationId,
          ]);
        process.stdout.write(table(rows) + '\n');
      });
    });
  lock
    .command('queue')
    .description('show deployments waiting for the lock, first in line first')
    .option('--json', 'machine-readable')
    .action(async (opts: { json?: boolean }) => {
      await withOpened(program.opts().file, { readOnly: true }, async (o) => {
        const now = o.clock.now();
        const [waiting, lockHolder] = await Promise.all([
          o.store.listQueue(o.stack.name, now),
          o.store.getLock(o.stack.name),
        ]);
        const queue = await Promise.all(
          waiting.map(async (q, i) => {
            const wait = await estimateWait(o.store, o.stack.name, { holder: lockHolder, ahead: i, now });
            return {
              position: i + 1,
              ticket: q.ticket,
              holder: q.holder,
              correlationId: q.correlationId,
              enqueuedAt: new Date(q.enqueuedAt).toISOString(),
              estimatedStartAt: new Date(now + (wait.lowMs + wait.highMs) / 2).toISOString(),
              wait,
            };
          }),
        );
        if (opts.json) return printJson(queue);
        if (!queue.length) return void process.stdout.write('nobody is waiting\n');
        const rows = [
          ['#', 'WAITING SINCE', 'HOLDER', 'CORRELATION ID', 'STARTS IN'],
          ...queue.map((q) => [
            String(q.position),
            q.enqueuedAt,
            q.holder,
            q.correlationId,
            interval(q.wait),
          ]),
        ];
        process.stdout.write(table(rows) + '\n');
      });
    });
  lock
    .command('release')
    .description("break the stack's lock (only when its holder is known to be dead)")
    .option('--force', 'required: confirms you know the holder is gone')
    .action(async (opts: { force?: boolean }) => {
      if (!opts.force)
        throw new InvalidInputError(
          "lock release needs --force: breaking a live deployment's lock lets two deployments run at once",
        );
      await withOpened(program.opts().file, { readOnly: true }, async (o) => {
        const was = await o.store.forceReleaseLock(o.stack.name);
        process.stdout.write(
          was
            ? `released lock of ${was.stack} held by ${was.holder} (token ${was.token}, correlation id ${was.correlationId})\n`
            : `stack ${o.stack.name} was not locked\n`,
        );
      });
    });
}
