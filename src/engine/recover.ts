import { buildPlan, type Recorded } from '../plan/plan.js';
import type { Stack } from '../spec/types.js';
import type { StepRecord } from '../store/store.js';
import type { RunContext } from './context.js';
import { rollBack, type RollbackItem } from './rollback.js';

/** Steps that may have changed what runs: started, or already being undone. */
const TOUCHED: ReadonlySet<StepRecord['state']> = new Set([
  'starting',
  'healthy',
  'failed',
  'rolling-back',
  'rollback-failed',
]);

export interface Recovery {
  previous: string;
  action: 'resume' | 'rollback';
  failed: { service: string; message: string }[];
}

/**
 * A deployment whose run died (kill -9, lost machine) is still `running` or `rolling-back` in the store. The next
 * run, holding the lock, either resumes it — the new plan wants the same revisions, so it simply carries on — or
 * rolls back what it had changed first, then deploys as planned.
 */
export async function recoverUnfinished(
  ctx: RunContext,
  wanted: (p: string) => string | undefined,
): Promise<Recovery[]> {
  const { store, emitter, clock, token } = ctx;
  const out: Recovery[] = [];
  for (const d of await store.findUnfinished(ctx.stack.name)) {
    if (d.id === ctx.deploymentId) continue;
    const steps = (await store.listSteps(d.id)).filter(
      (s) => TOUCHED.has(s.state) && s.fromRevision !== s.toRevision,
    );
    const sameTarget = d.kind === 'deploy' && steps.every((s) => wanted(s.service) === s.toRevision);
    const action = d.status === 'running' && sameTarget ? 'resume' : 'rollback';
    emitter.emit({
      code: 'deploy.interrupted-found',
      previous: d.id,
      previousCorrelationId: d.correlationId,
      action,
    });
    let failed: Recovery['failed'] = [];
    if (action === 'rollback') {
      const items: RollbackItem[] = steps
        .sort((a, b) => (b.startedAt ?? 0) - (a.startedAt ?? 0))
        .map((s) => ({ service: s.service, from: s.toRevision, to: s.fromRevision, deploymentId: d.id }));
      failed = (await rollBack(ctx, items)).failed;
    }
    await store.updateDeployment(
      d.id,
      {
        status: 'interrupted',
        endedAt: clock.now(),
        summary: `interrupted; ${action === 'resume' ? 'resumed' : 'rolled back'} by deployment ${ctx.deploymentId}`,
        resolvedBy: {
          deploymentId: ctx.deploymentId,
          action: action === 'resume' ? 'resumed' : 'rolled-back',
        },
      },
      token,
    );
    out.push({ previous: d.id, action, failed });
  }
  return out;
}

/**
 * The revisions the stack file asks for now, with CloudFormation outputs as recorded (so a deployment interrupted
 * after its phase completed resumes with the same values). A unit whose outputs are not known has no wanted revision.
 */
export function wantedRevisions(
  stack: Stack,
  recorded: ReadonlyMap<string, Recorded>,
): (service: string) => string | undefined {
  const m = new Map(
    buildPlan(stack, recorded, new Map())
      .entries.filter((e) => !e.pendingOutputs)
      .map((e) => [e.service.name, e.revision]),
  );
  return (s) => m.get(s);
}
