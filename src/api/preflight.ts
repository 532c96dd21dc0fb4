import type { Emit } from '../engine/events.js';
import { InvalidInputError } from '../errors.js';
import type { Stack } from '../spec/types.js';
import { formatResult, verifyStack } from '../verify/index.js';
import type { Env } from './env.js';

/**
 * What a deployment runs before it takes the lock, so a stack that cannot work never blocks anyone else.
 * Reports its result as an event (`preflight.passed` or `preflight.failed`); exit 3 listing the problems.
 */
export async function preflight(stack: Stack, env: Env, emit: Emit = () => undefined): Promise<void> {
  const results = await verifyStack(stack, env);
  const failed = results.filter((r) => !r.ok);
  if (failed.length === 0) {
    const warnings = results.filter((r) => r.warning);
    emit({
      code: 'preflight.passed',
      checks: results.length,
      skipped: results.filter((r) => r.skipped).length,
      ...(warnings.length
        ? {
            warnings: warnings.map((r) => ({
              id: r.id,
              message: r.message,
              ...(r.fix ? { fix: r.fix } : {}),
            })),
          }
        : {}),
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
