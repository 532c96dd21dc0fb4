import type { Command } from 'commander';
import type { Emit } from '../../engine/events.js';
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
 * Reports its result as an event (`preflight.passed` or `preflight.failed`); exit 3 listing the problems.
 */
export async function preflight(
  stack: Stack,
  env = process.env,
  emit: Emit = () => undefined,
): Promise<void> {
  const results = await verifyStack(stack, env);
  const failed = results.filter((r) => !r.ok);
  if (failed.length === 0) {
    emit({
      code: 'preflight.passed',
      checks: results.length,
      skipped: results.filter((r) => r.skipped).length,
    });
    return;
  }
  emit({
    code: 'preflight.failed',
    problems: failed.map((r) => ({ id: r.id, message: r.message, ...(r.fix ? { fix: r.fix } : {}) })),
  });
  throw new InvalidInputError(
    `pre-flight checks failed, nothing was deployed (skip them with --skip-verify):\n` +
      failed.map((r) => formatResult(r)).join('\n'),
  );
}
