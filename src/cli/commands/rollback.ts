import type { Command } from 'commander';
import { planRollback, rollback } from '../../api/rollback.js';
import { InvalidInputError } from '../../errors.js';
import { printJson } from '../output.js';
import { short, table } from '../render/format.js';
import { withOpened } from '../setup.js';
import { lockedFlags, withLockedRun, type LockedFlags } from './locked-flags.js';

interface RollbackFlags extends LockedFlags {
  dryRun?: boolean;
  to?: string;
  service: string[];
}

const collect = (v: string, all: string[]) => [...all, v];

export function register(program: Command): void {
  lockedFlags(
    program
      .command('rollback')
      .description(
        'put services back on their previous good revision (all services with one when none are named), or with --to on the revision they had at a deployment, a revision or a time',
      )
      .argument('[services...]')
      .option(
        '--to <point>',
        'a deployment id, a revision, or an ISO time (2026-11-30T10:00Z): each service goes back to the revision it had then',
      )
      .option('--service <name>', 'only this service (repeatable; same as naming it)', collect, [])
      .option('--dry-run', 'show what would be rolled back, change nothing'),
  ).action(async (args: string[], opts: RollbackFlags) => {
    const services = [...new Set([...args, ...opts.service])];
    if (opts.to !== undefined && !opts.to.trim())
      throw new InvalidInputError('--to takes a deployment id, a revision or an ISO time');
    await withOpened(program.opts().file, {}, async (o) => {
      if (opts.dryRun) {
        const changes = await planRollback(o, services, opts.to);
        if (opts.json) return printJson({ stack: o.stack.name, dryRun: true, rollback: changes });
        const rows = [
          ['SERVICE', 'FROM', 'TO'],
          ...changes.map((c) => [c.service, short(c.from ?? undefined), short(c.to)]),
        ];
        return void process.stdout.write(`${table(rows)}\n\ndry run: nothing was changed\n`);
      }
      await withLockedRun(opts, (r) => rollback(o, { ...r, services, to: opts.to }));
    });
  });
}
