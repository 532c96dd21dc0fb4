import { gatherCapture, topFindings } from '../diagnose/gather.js';
import type { PlanEntry } from '../plan/plan.js';
import type { Verdict } from '../targets/target.js';
import type { RunContext } from './context.js';

export type Failure = Extract<Verdict, { ok: false }>;

const LOG_LINES = 20;

/**
 * The one place a failed service is recorded, whether its gate failed or it died after passing it: its step, then
 * its `service.failed` event. Diagnosed here, before a rollback restarts anything, while the evidence is still the
 * failed run's.
 */
export async function recordFailure(
  ctx: RunContext,
  e: PlanEntry,
  verdict: Failure,
  run: { startedAt: number; endedAt: number },
): Promise<void> {
  const { store, target, clock, emitter } = ctx;
  const name = e.service.name;
  const logs = await target.logs(name, LOG_LINES, { currentRun: true }).catch(() => []);
  await store.putStep(
    {
      deploymentId: ctx.deploymentId,
      service: name,
      fromRevision: e.from,
      toRevision: e.revision,
      state: 'failed',
      startedAt: run.startedAt,
      endedAt: run.endedAt,
      detail: verdict.message,
    },
    ctx.token,
  );
  const findings = topFindings(
    await gatherCapture(target, { service: name, verdict, logs }, { clock, stack: ctx.stack }),
  );
  emitter.emit({
    code: 'service.failed',
    service: name,
    revision: e.revision,
    elapsedMs: run.endedAt - run.startedAt,
    reason: verdict.reason,
    message: verdict.message,
    check: verdict.check,
    output: verdict.output,
    exitCode: verdict.exitCode,
    ...(verdict.decidedBy ? { decidedBy: verdict.decidedBy } : {}),
    logs,
    ...(findings.length ? { findings } : {}),
  });
}
