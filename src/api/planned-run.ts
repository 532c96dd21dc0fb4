import { observe, recordedRevisions, runDeployment, type RunOutcome } from '../engine/deploy.js';
import { Emitter } from '../engine/emitter.js';
import type { Subscriber } from '../engine/events.js';
import type { Plan } from '../plan/plan.js';
import type { DeploymentKind } from '../store/store.js';
import { startNotifying } from './notify-run.js';
import type { Opened } from './open.js';
import { correlationIdFrom, whoAndWhere } from './who.js';

/** What every locked operation with a plan of its own takes (rollback, restart). */
export interface LockedOptions {
  correlationId?: string;
  waitLockMs?: number;
  /** Replace older queued runs of this stack (never the running one), as `deploy --cancel-superseded`. */
  cancelSuperseded?: boolean;
  subscribers?: Subscriber[];
  signal?: AbortSignal;
  /** As for deploy: how long the channels keep sending after the run ends. */
  notifyGraceMs?: number;
}

export type Planner = (observed: Awaited<ReturnType<typeof observe>>) => Promise<Plan>;

/**
 * Runs `makePlan`'s plan as a deployment of `kind`: under the stack's lock, with events, history and
 * notifications. Planned once before the lock too, so one that cannot start (nothing to do, a secret whose source
 * is gone) says so at once, before it queues or records anything; under the lock it is planned again on fresh state.
 */
export async function runPlanned(
  o: Opened,
  r: LockedOptions,
  kind: Exclude<DeploymentKind, 'down' | 'deploy' | 'scale'>,
  makePlan: Planner,
): Promise<RunOutcome> {
  await makePlan({
    recorded: await recordedRevisions(o, o.stack),
    health: new Map(),
    scaledToZero: new Set(),
  });
  const events = Emitter.forStack(o.stack, o.store, o.clock);
  for (const s of r.subscribers ?? []) events.subscribe(s);
  const notify = startNotifying(o.stack, o.store, events, r.notifyGraceMs);
  try {
    return await runDeployment(
      o,
      {
        stack: o.stack,
        correlationId: correlationIdFrom(r.correlationId, o.env),
        ...whoAndWhere(o.stack.dir, o.env),
        waitLockMs: r.waitLockMs ?? 0,
        cancelSuperseded: r.cancelSuperseded,
        emitter: events,
        signal: r.signal,
      },
      kind,
      makePlan,
    );
  } finally {
    await notify.finish();
    await events.flush();
  }
}
