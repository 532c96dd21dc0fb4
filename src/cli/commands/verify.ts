import type { Command } from 'commander';
import { InvalidInputError } from '../../errors.js';
import { postCheckError, verifyPost } from '../../api/verify-post.js';
import { formatResult, verifyFile } from '../../verify/index.js';
import { printJson } from '../output.js';
import { cliEnv, withOpened } from '../setup.js';

export function register(program: Command): void {
  program
    .command('verify')
    .description(
      'pre-flight checks: what would make a deploy fail before it starts (exit 3 on a problem); --post: the post-deploy checks against what runs now (exit 1 when one fails)',
    )
    .option('--json', '{ ok, checks: [{ id, ok, skipped?, warning?, message, fix?, location? }] }')
    .option('--post', "run the stack file's post-deploy checks (verify:) against what is deployed now")
    .action(async (opts: { json?: boolean; post?: boolean }) => {
      if (opts.post) return verifyPostCommand(program.opts().file, opts.json);
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

const MARK = { passed: '✓', failed: '✗', 'cannot-run': '!' } as const;

async function verifyPostCommand(file: string, json?: boolean): Promise<void> {
  await withOpened(file, {}, async (o) => {
    const results = await verifyPost(o);
    if (json) printJson({ ok: results.every((r) => r.status === 'passed'), checks: results });
    else
      process.stdout.write(
        results.length
          ? results.map((r) => `${MARK[r.status]} ${r.check}: ${r.message}\n`).join('')
          : 'no post-deploy checks in this stack file (verify:)\n',
      );
    const err = postCheckError(results);
    if (err) throw err;
  });
}
