import type { Command } from 'commander';
import { parseScaleArg, scale } from '../../api/scale.js';
import { InvalidInputError } from '../../errors.js';
import { withOpened } from '../setup.js';
import { lockedFlags, withLockedRun, type LockedFlags } from './locked-flags.js';

export function register(program: Command): void {
  lockedFlags(
    program
      .command('scale')
      .description(
        'run N copies of each service named (SERVICE=N …): ECS desired count on aws, processes on port + i locally',
      )
      .argument('<service=n...>'),
  ).action(async (args: string[], opts: LockedFlags) => {
    const replicas: Record<string, number> = {};
    for (const a of args) {
      const [name, n] = parseScaleArg(a);
      if (name in replicas) throw new InvalidInputError(`${name} is named twice`);
      replicas[name] = n;
    }
    await withOpened(program.opts().file, {}, (o) =>
      withLockedRun(opts, (r) => scale(o, { ...r, replicas })),
    );
  });
}
