import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, ROOT } from './helpers.js';

/** The seeded mistakes in examples/mistakes/: one stack file each, saying what is wrong and which check catches it. */

export interface CheckResult {
  id: string;
  ok: boolean;
  skipped?: boolean;
  message: string;
  fix?: string;
  location?: { file: string; line: number; column: number };
}

export interface Mistake {
  /** Relative to the repository root, as the CLI is given it. */
  file: string;
  /** The check its `# expect:` line names; empty when the header is missing (assertHeaders says so). */
  expected: string;
}

const HEADER = /^# MISTAKE[^\n]*\n(#[^\n]*\n)*# expect: ([\w-]+)\n/;

/** Every `*.yaml` directly in `dir` (relative to the root). */
export function mistakesIn(dir: string): Mistake[] {
  return readdirSync(join(ROOT, dir))
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => ({
      file: `${dir}/${f}`,
      expected: HEADER.exec(readFileSync(join(ROOT, dir, f), 'utf8'))?.[2] ?? '',
    }));
}

/** Each file starts with "# MISTAKE …", says what is wrong, and names the check that catches it. */
export function assertHeaders(mistakes: Mistake[]): void {
  for (const m of mistakes)
    assert.ok(m.expected, `${m.file}: "# MISTAKE …" header with "# expect: CHECK-ID"`);
}

/**
 * `convoy verify` on the file, as JSON and as text: exit 3, and exactly the expected check failing, each problem
 * with a fix and a place in that file. Returns the failed checks for further assertions.
 */
export async function assertCaught(
  m: Mistake,
  env: Record<string, string> = {},
): Promise<{ failed: CheckResult[]; checks: CheckResult[] }> {
  const j = await cli(['-f', m.file, 'verify', '--json'], { cwd: ROOT, env });
  assert.equal(j.code, 3, j.stdout + j.stderr);
  const out = JSON.parse(j.stdout) as { ok: boolean; checks: CheckResult[] };
  assert.equal(out.ok, false);
  const failed = out.checks.filter((c) => !c.ok);
  assert.deepEqual([...new Set(failed.map((c) => c.id))], [m.expected], j.stdout);
  for (const c of failed) {
    assert.ok(c.fix && c.fix.length > 10, `${c.id} says what to change`);
    assert.equal(c.location?.file, m.file);
    assert.ok(c.location!.line > 1 && c.location!.column >= 1);
  }
  const t = await cli(['-f', m.file, 'verify'], { cwd: ROOT, env });
  assert.equal(t.code, 3, t.stdout + t.stderr);
  assert.match(t.stdout, new RegExp(`✗ ${m.expected} +${m.file.replace(/\./g, '\\.')}:\\d+:\\d+: `));
  assert.match(t.stdout, /\n +fix: /);
  assert.match(t.stderr, new RegExp(`verify: \\d+ problems? \\(${m.expected}\\)`));
  return { failed, checks: out.checks };
}
