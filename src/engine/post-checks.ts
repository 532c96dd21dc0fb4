import type { PostCheckResult } from '../core/check-result.js';
import type { PostCheck } from '../spec/types.js';
import type { RunContext } from './context.js';
import type { Failure } from './failure.js';
import type { Decide } from './pause.js';

export type CheckPhase = 'gate' | 'end' | 'bake' | 'pause';

/**
 * Runs `checks` one after another, each result stored as an event before anything acts on it. Returns the results
 * that did not pass (failed or could not run: either way the deployment cannot count it as working); at a gate and
 * at the end the first one decides, so the rest are not run.
 */
export async function runChecks(
  ctx: RunContext,
  checks: readonly PostCheck[],
  phase: CheckPhase,
  sinceMs: number,
): Promise<PostCheckResult[]> {
  const bad: PostCheckResult[] = [];
  if (!ctx.checks) return bad;
  for (const check of checks) {
    const r = await ctx.checks(check, { sinceMs, signal: ctx.signal });
    const kind = check.kind;
    ctx.emitter.emit({ ...r, code: r.status === 'passed' ? 'check.passed' : 'check.failed', kind, phase });
    if (r.status === 'passed') continue;
    bad.push(r);
    if (phase !== 'bake') break;
  }
  return bad;
}

/** A result that did not pass, as the verdict of the service it belongs to (the failure report's fields). */
export function checkFailure(r: PostCheckResult, at: number): Failure {
  return {
    ok: false,
    reason: 'check-failed',
    at,
    check: `${r.kind} check ${r.check}`,
    message: `check ${r.check} ${r.status === 'cannot-run' ? 'could not run' : 'failed'}: ${r.message}`,
    ...(evidenceOf(r) ? { output: evidenceOf(r) } : {}),
    ...(r.exitCode !== undefined ? { exitCode: r.exitCode } : {}),
  };
}

/** What the check saw, in lines: the HTTP answer (status, headers, body excerpt), latency figures, output. */
export function evidenceOf(r: PostCheckResult): string | undefined {
  const lines: string[] = [];
  if (r.response) {
    lines.push(`HTTP ${r.response.status}`);
    for (const [k, v] of Object.entries(r.response.headers)) lines.push(`${k}: ${v}`);
    if (r.response.bodyExcerpt) lines.push('', r.response.bodyExcerpt);
  }
  if (r.latency) {
    const l = r.latency;
    lines.push(
      `latency over ${l.requests} requests: p50 ${l.p50} ms, p90 ${l.p90} ms, p95 ${l.p95} ms, p99 ${l.p99} ms, max ${l.max} ms; budget ${Object.entries(
        l.budget,
      )
        .map(([p, ms]) => `${p} ${ms} ms`)
        .join(', ')}`,
    );
  }
  if (r.output) lines.push(r.output);
  return lines.length ? lines.join('\n') : undefined;
}

/** The checks of one service, in file order. */
export function checksOf(checks: readonly PostCheck[] | undefined, service: string): PostCheck[] {
  return (checks ?? []).filter((c) => c.service === service);
}

export interface BakeOutcome {
  failed?: PostCheckResult;
}

/**
 * The bake window: the chosen checks again every `every` for `for`. More than `maxFailures` results that did not
 * pass end it at once with the last of them; an interruption (Ctrl-C, a lost lease) ends it as a failure too.
 */
export async function bake(ctx: RunContext, sinceMs: number): Promise<BakeOutcome> {
  const spec = ctx.stack.bake;
  const checks = (ctx.stack.postChecks ?? []).filter((c) => c.bake);
  if (!spec || checks.length === 0 || !ctx.checks) return {};
  const { clock, emitter } = ctx;
  emitter.emit({
    code: 'bake.started',
    forMs: spec.for,
    everyMs: spec.every,
    maxFailures: spec.maxFailures,
    checks: checks.map((c) => c.name),
  });
  const end = clock.now() + spec.for;
  let failures = 0;
  let rounds = 0;
  while (clock.now() < end) {
    try {
      await clock.sleep(Math.min(spec.every, Math.max(0, end - clock.now())), ctx.signal);
    } catch {
      const r = interrupted(ctx, clock.now());
      emitter.emit({ code: 'bake.failed', rounds, failures, check: r.check, message: r.message });
      return { failed: r };
    }
    rounds++;
    const bad = await runChecks(ctx, checks, 'bake', sinceMs);
    failures += bad.length;
    const last = bad[bad.length - 1];
    if (last && failures > spec.maxFailures) {
      emitter.emit({ code: 'bake.failed', rounds, failures, check: last.check, message: last.message });
      return { failed: last };
    }
  }
  emitter.emit({ code: 'bake.passed', rounds, failures });
  return {};
}

function interrupted(ctx: RunContext, at: number): PostCheckResult {
  return {
    check: 'bake',
    kind: 'bake',
    status: 'cannot-run',
    message: `the bake window was interrupted: ${(ctx.signal.reason as Error)?.message ?? 'cancelled'}`,
    startedAt: at,
    durationMs: 0,
  };
}

/**
 * At a wave's pause (`pauseAt`), the paused services' own checks decide for all of them: CONTINUE when every one
 * passes, ROLLBACK for all at the first that does not. The checks see what the paused stage serves (the test
 * traffic, for a blue/green or canary shift).
 */
export function decideByChecks(
  ctx: RunContext,
  checksOf: (service: string) => readonly PostCheck[],
  sinceMs: number,
): Decide {
  return async ({ services }) => {
    for (const name of services) {
      const bad = await runChecks(ctx, checksOf(name), 'pause', sinceMs);
      if (bad[0]) return { action: 'ROLLBACK', by: `post-deploy check ${bad[0].check} of ${name}` };
    }
    return { action: 'CONTINUE', by: `post-deploy checks of ${services.join(', ')}` };
  };
}
