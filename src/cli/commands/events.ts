import type { Command } from 'commander';
import { follow } from '../../engine/follow.js';
import { InvalidInputError } from '../../errors.js';
import { describe } from '../render/describe.js';
import { withOpened } from '../setup.js';
import { interruptSignal } from './deploy.js';

interface EventsOptions {
  follow?: boolean;
  after: string;
  json?: boolean;
  stack?: string;
}

function seqOption(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n))
    throw new InvalidInputError(
      `--after takes the seq of the last event you saw (0 or more), not "${value}"`,
    );
  return n;
}

export function register(program: Command): void {
  program
    .command('events')
    .description("the stack's stored events, oldest first, each with its seq; --follow waits for new ones")
    .option('--follow', 'keep printing new events as they are stored (Ctrl-C to stop)')
    .option('--after <seq>', 'only events after this seq: the last one you saw, to go on from there', '0')
    .option('--json', 'one stored event per line, with its seq (`convoy schema events`)')
    .option('--stack <name>', "another stack in the same store (default: the stack file's)")
    .action(async (opts: EventsOptions) => {
      const after = seqOption(opts.after);
      await withOpened(program.opts().file, { readOnly: true }, async (o) => {
        const stream = follow(o.store, opts.stack ?? o.stack.name, after, {
          follow: !!opts.follow,
          signal: interruptSignal(),
        });
        for await (const e of stream) {
          process.stdout.write(
            opts.json ? JSON.stringify(e) + '\n' : `${e.seq} ${e.at} ${e.code.padEnd(24)} ${describe(e)}\n`,
          );
        }
      });
    });
}
