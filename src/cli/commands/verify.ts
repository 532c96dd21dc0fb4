import type { Command } from 'commander';
import { InvalidInputError } from '../../errors.js';
import { formatResult, verifyFile } from '../../verify/index.js';
import { printJson } from '../output.js';
import { cliEnv } from '../setup.js';

export function register(program: Command): void {
  program
    .command('verify')
    .description('pre-flight checks: what would make a deploy fail before it starts (exit 3 on a problem)')
    .option('--json', '{ ok, checks: [{ id, ok, skipped?, message, fix?, location? }] }')
    .action(async (opts: { json?: boolean }) => {
      const results = await verifyFile(program.opts().file, cliEnv());
      const failed = results.filter((r) => !r.ok);
      if (opts.json) printJson({ ok: failed.length === 0, checks: results });
      else process.stdout.write(results.map((r) => formatResult(r) + '\n').join(''));
      if (failed.length)
        throw new InvalidInputError(
          `verify: ${failed.length} ${failed.length === 1 ? 'problem' : 'problems'} (${[...new Set(failed.map((r) => r.id))].join(', ')}); each says what to change`,
        );
    });
}
