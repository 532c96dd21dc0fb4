import type { Env } from '../spec/interpolate.js';
import type { Stack } from '../spec/types.js';
import { CHECKS } from './checks/index.js';
import { loadChecked } from './checks/stack-file.js';
import { NotChecked, type Check, type CheckResult, type Problem } from './types.js';

export { NotChecked, type Check, type CheckResult, type Problem, type VerifyContext } from './types.js';
export { CHECKS } from './checks/index.js';

/** Runs every check that applies to the stack's target; a check that throws counts as failed, not as passed. */
export async function verifyStack(
  stack: Stack,
  env: Env,
  checks: readonly Check[] = CHECKS,
): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const c of checks) {
    if (c.targets && !c.targets.includes(stack.target)) continue;
    let problems: Problem[];
    try {
      problems = await c.run({ stack, env });
    } catch (err) {
      if (err instanceof NotChecked) {
        results.push({ id: c.id, ok: true, skipped: true, message: `not checked: ${err.message}` });
        continue;
      }
      problems = [
        {
          message: `the check could not run: ${(err as Error).message}`,
          fix: 'deploy with --skip-verify if you are sure, and report the problem',
        },
      ];
    }
    if (problems.length === 0) results.push({ id: c.id, ok: true, message: c.passes });
    else if (c.severity === 'warning')
      results.push(...problems.map((p) => ({ id: c.id, ok: true, warning: true, ...p })));
    else results.push(...problems.map((p) => ({ id: c.id, ok: false, ...p })));
  }
  return results;
}

/** `convoy verify`: the stack file first; the other checks only once it loads. */
export async function verifyFile(file: string, env: Env): Promise<CheckResult[]> {
  const { stack, result } = loadChecked(file, env);
  return stack ? [result, ...(await verifyStack(stack, env))] : [result];
}

/** One result as text: `✗ ports  file:line:col: message` and, when failed, an indented fix line. */
export function formatResult(r: CheckResult, width = 16): string {
  const loc = r.location ? `${r.location.file}:${r.location.line}:${r.location.column}: ` : '';
  const mark = r.skipped ? '–' : r.warning ? '⚠' : r.ok ? '✓' : '✗';
  const head = `${mark} ${r.id.padEnd(width)} ${loc}${r.message}`;
  return (r.ok && !r.warning) || !r.fix ? head : `${head}\n  ${' '.repeat(width)} fix: ${r.fix}`;
}
