import { DeployFailedError } from '../errors.js';
import type { Unit } from '../targets/target.js';
import type { EngineDeps, LockedRun } from './deploy.js';
import type { Subscriber } from './events.js';
import { runLocked } from './locked-record.js';
import { secretValues } from './redact.js';

/** One service to scale: the revision it runs (its secrets resolved), how many copies it runs now and should. */
export interface ScaleChange {
  unit: Unit;
  from: number | null;
  to: number;
}

export interface ScaleOptions extends LockedRun {
  changes: ScaleChange[];
  /** How long the added copies may take to reach their gate. */
  timeoutMs: number;
  subscribers?: Subscriber[];
  /** Replace older queued runs of this stack (never the running one), as `deploy --cancel-superseded`. */
  cancelSuperseded?: boolean;
}

/**
 * `convoy scale`: under the stack's lock, each service in turn runs the number of copies asked, the added ones gated
 * like a deployment's; history records it as a deployment of kind `scale`, with a step per service. It changes no
 * revision and rolls nothing back: a copy that fails stops it with exit 1.
 */
export function runScale(deps: EngineDeps, o: ScaleOptions): Promise<{ deploymentId: string }> {
  const scale = deps.target.scale?.bind(deps.target);
  if (!scale) throw new DeployFailedError(`the ${deps.target.kind} target cannot scale services`);
  return runLocked(deps, o, 'scale', async ({ deploymentId, store, emitter, lease }) => {
    emitter.mask(secretValues(o.changes.map((c) => c.unit.service)));
    for (const c of o.changes) {
      const startedAt = deps.clock.now();
      const step = (state: 'starting' | 'healthy' | 'failed', detail?: string) =>
        store.putStep(
          {
            deploymentId,
            service: c.unit.service.name,
            fromRevision: c.unit.revision,
            toRevision: c.unit.revision,
            state,
            startedAt,
            ...(state === 'starting' ? {} : { endedAt: deps.clock.now() }),
            detail: detail ?? `${c.from ?? '?'} → ${c.to} replicas`,
          },
          lease.token,
        );
      await step('starting');
      const v = await scale(c.unit, c.to, { timeoutMs: o.timeoutMs, signal: lease.lost });
      if (!v.ok) {
        await step('failed', v.message);
        throw new DeployFailedError(`${c.unit.service.name} did not reach ${c.to} replicas: ${v.message}`);
      }
      await step('healthy');
      emitter.emit({
        code: 'service.scaled',
        service: c.unit.service.name,
        from: c.from,
        to: c.to,
        revision: c.unit.revision,
      });
    }
    const summary = o.changes.map((c) => `${c.unit.service.name} ${c.from ?? '?'} → ${c.to}`).join(', ');
    return { summary: `scaled ${summary}`, result: { deploymentId } };
  });
}
