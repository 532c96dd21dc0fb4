import type { Command } from 'commander';
import { planRollback, rollback } from '../../api/rollback.js';
import { deployOutput, printJson } from '../output.js';
import { short, table } from '../render/format.js';
import { cliEnv, withOpened } from '../setup.js';
import { interruptSignal, notifyGraceMs, waitLockMs } from './deploy.js';

export function register(program: Command): void {
  program
    .command('rollback')
    .description(
      'put services back on their previous good revision (all services with one when none are named)',
    )
    .argument('[services...]')
    .option('--dry-run', 'show what would be rolled back, change nothing')
    .option('--wait-lock <duration>', 'wait up to this long for another deployment to finish')
    .option('--json', 'one JSON object per event (with --dry-run: the plan)')
    .action(async (services: string[], opts: { dryRun?: boolean; waitLock?: string; json?: boolean }) => {
      await withOpened(program.opts().file, {}, async (o) => {
        if (opts.dryRun) {
          const changes = await planRollback(o, services);
          if (opts.json) return printJson({ stack: o.stack.name, dryRun: true, rollback: changes });
          const rows = [
            ['SERVICE', 'FROM', 'TO'],
            ...changes.map((c) => [c.service, short(c.from ?? undefined), short(c.to)]),
          ];
          return void process.stdout.write(`${table(rows)}\n\ndry run: nothing was changed\n`);
        }
        const wait = waitLockMs(opts.waitLock);
        const out = deployOutput(opts, cliEnv());
        try {
          await rollback(o, {
            services,
            waitLockMs: wait,
            subscribers: out.subscribers,
            signal: interruptSignal(),
            notifyGraceMs: notifyGraceMs(),
          });
        } finally {
          out.finish();
        }
      });
    });
}
