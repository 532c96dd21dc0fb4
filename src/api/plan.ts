import { observe } from '../engine/deploy.js';
import { loadPastDeployments } from '../engine/past.js';
import { estimateRemaining, learnModel, unitInterval, type Estimate } from '../plan/estimate/schedule.js';
import { buildPlan, type Plan } from '../plan/plan.js';
import { driftSummary } from '../plan/drift.js';
import { diff } from './diff.js';
import type { Opened } from './open.js';
import { ConvoyError, ExitCode } from '../errors.js';
import type { ChangePreview } from '../targets/target.js';

/** A plan with how long it would take: the whole deployment, and each service that changes. */
export interface EstimatedPlan extends Plan {
  estimate: Estimate;
  serviceEstimates: Map<string, Estimate>;
  /** Per service, what changed outside Convoy since its last good deployment (`convoy diff`), in a few words. */
  drift?: Map<string, string>;
  /** Per unit the target can preview (a CloudFormation phase with a template): what it would change. */
  previews: Map<string, ChangePreview>;
}

export interface PlanOptions {
  /** Stops previewing; a change set being computed is deleted all the same. */
  signal?: AbortSignal;
}

/** What a deployment would do now: the waves, per service whether it changes and why, and how long. Changes nothing. */
export async function plan(o: Opened, opts: PlanOptions = {}): Promise<EstimatedPlan> {
  const { recorded, health, scaledToZero } = await observe(o, o.stack);
  const p = buildPlan(o.stack, recorded, health, scaledToZero);
  const model = learnModel(p, o.stack.deploy.order, await loadPastDeployments(o.store, o.stack.name));
  // Drift is a courtesy here: a target that cannot observe, or a failed look, leaves the column out.
  const drift = o.target.observe
    ? await diff(o).then(
        (r) => new Map(r.services.map((d) => [d.name, driftSummary(d)])),
        () => undefined,
      )
    : undefined;
  return {
    ...p,
    ...(drift ? { drift } : {}),
    estimate: estimateRemaining(p, model),
    serviceEstimates: new Map(
      p.entries
        .filter((e) => e.changed)
        .map((e) => [e.service.name, unitInterval(model.units.get(e.service.name)!)]),
    ),
    previews: await previews(o, p, opts.signal),
  };
}

/** One unit after another, so an interruption leaves at most one change set to delete, which the target does. */
async function previews(o: Opened, p: Plan, signal?: AbortSignal): Promise<Map<string, ChangePreview>> {
  const out = new Map<string, ChangePreview>();
  if (!o.target.preview) return out;
  try {
    for (const e of p.entries) {
      if (!e.changed || e.pendingOutputs) continue;
      signal?.throwIfAborted();
      const unit = { stack: p.stack, service: e.service, revision: e.revision };
      const preview = await o.target.preview(unit, signal);
      if (preview) out.set(e.service.name, preview);
    }
  } catch (err) {
    if (!signal?.aborted) throw err;
    const why = (signal.reason as Error)?.message ?? 'interrupted';
    throw new ConvoyError(
      `plan stopped (${why}); the change set it was computing was deleted`,
      ExitCode.deployFailed,
      'interrupted',
    );
  }
  return out;
}
