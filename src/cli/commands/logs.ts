import type { Command } from 'commander';
import { InvalidInputError } from '../../errors.js';
import { withOpened } from '../setup.js';

export function register(program: Command): void {
  program
    .command('logs')
    .description("print a service's last log lines")
    .argument('<service>')
    .option('-n, --lines <n>', 'how many lines', '100')
    .action(async (service: string, opts: { lines: string }) => {
      await withOpened(program.opts().file, { readOnly: true }, async (o) => {
        if (!o.stack.services.some((s) => s.name === service)) {
          throw new InvalidInputError(
            `no service "${service}" in stack ${o.stack.name} (services: ${o.stack.services.map((s) => s.name).join(', ')})`,
          );
        }
        const lines = await o.target.logs(service, Math.max(1, Number(opts.lines) || 100));
        process.stdout.write(lines.map((l) => l + '\n').join(''));
      });
    });
}
