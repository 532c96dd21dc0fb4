import type { Command } from 'commander';
import { checkService, followLogs } from '../../api/logs.js';
import { InvalidInputError } from '../../errors.js';
import { withOpened } from '../setup.js';
import { interruptSignal } from './deploy.js';
import { timeBound } from './history.js';

interface LogsOptions {
  lines: string;
  follow?: boolean;
  since?: string;
  grep?: string;
}

function pattern(value: string | undefined): RegExp | undefined {
  if (value === undefined) return undefined;
  try {
    return new RegExp(value);
  } catch (err) {
    throw new InvalidInputError(`--grep takes a regular expression: ${(err as Error).message}`);
  }
}

export function register(program: Command): void {
  program
    .command('logs')
    .description("print a service's last log lines; --follow keeps printing new ones, across restarts")
    .argument('<service>')
    .option('-n, --lines <n>', 'how many lines', '100')
    .option('--follow', 'keep printing lines as they are written, across restarts (Ctrl-C to stop)')
    .option('--since <when>', 'with --follow: from this time on (a duration ago such as 10m, or an ISO time)')
    .option('--grep <re>', 'only lines matching this regular expression')
    .action(async (service: string, opts: LogsOptions) => {
      const grep = pattern(opts.grep);
      const since = timeBound(opts.since, '--since');
      const lines = Math.max(1, Number(opts.lines) || 100);
      await withOpened(program.opts().file, { readOnly: true }, async (o) => {
        checkService(o, service);
        if (!opts.follow) {
          const last = await o.target.logs(service, lines);
          process.stdout.write(
            last
              .filter((l) => !grep || grep.test(l))
              .map((l) => l + '\n')
              .join(''),
          );
          return;
        }
        for await (const l of followLogs(o, service, { since, lines, grep, signal: interruptSignal() }))
          process.stdout.write(l + '\n');
      });
    });
}
