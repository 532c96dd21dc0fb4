import type { Command } from 'commander';
import { InvalidInputError } from '../../errors.js';
import type { Stack } from '../../spec/types.js';
import { formatResult, verifyFile, verifyStack } from '../../verify/index.js';
import { printJson } from '../output.js';

export function register(program: Command): void {
  program
    .command('verify')
    .description('pre-flight checks: what would make a deploy fail before it starts (exit 3 on a problem)')
    .option('--json', '{ ok, checks: [{ id, ok, skipped?, message, fix?, location? }] }')
    .action(async (opts: { json?: boolean }) => {
      const results = await verifyFile(program.opts().file, process.env);
      const failed = results.filter((r) => !r.ok);
      if (opts.json) printJson({ ok: failed.length === 0, checks: results });
      else process.stdout.write(results.map((r) => formatResult(r) + '\n').join(''));
      if (failed.length)
        throw new InvalidInputError(
          `verify: ${failed.length} ${failed.length === 1 ? 'problem' : 'problems'} (${[...new Set(failed.map((r) => r.id))].join(', ')}); each says what to change`,
        );
    });
}

/**
 * What `convoy deploy` runs before it takes the lock, so a stack that cannot work never blocks anyone else.
 * Silent when everything passes; otherwise exit 3 listing the problems.
 */
export async function preflight(stack: Stack, env = process.env): Promise<void> {
  const failed = (await verifyStack(stack, env)).filter((r) => !r.ok);
  if (failed.length === 0) return;
  throw new InvalidInputError(
    `pre-flight checks failed, nothing was deployed (skip them with --skip-verify):\n` +
      failed.map((r) => formatResult(r)).join('\n'),
  );
}
