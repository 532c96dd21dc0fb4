import type { Command } from 'commander';
import { restart } from '../../api/restart.js';
import { withOpened } from '../setup.js';
import { lockedFlags, withLockedRun, type LockedFlags } from './locked-flags.js';

export function register(program: Command): void {
  lockedFlags(
    program
      .command('restart')
      .description(
        'start services again on the revision they run, in dependency order, each gated on its health (every service when none is named)',
      )
      .argument('[services...]')
      .option('--with-dependents', 'also restart every service that depends on them, after them'),
  ).action(async (services: string[], opts: LockedFlags & { withDependents?: boolean }) => {
    await withOpened(program.opts().file, {}, (o) =>
      withLockedRun(opts, (r) => restart(o, { ...r, services, withDependents: opts.withDependents })),
    );
  });
}
