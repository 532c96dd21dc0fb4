import type { DeploymentRecord, HistoryFilter, StepRecord, Store } from '../store/store.js';
import { distinctRevisions } from '../plan/point.js';
import { unknownNameError } from '../spec/did-you-mean.js';
import { stepView } from '../store/step-view.js';
import type { Opened } from './open.js';

const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());

/** The history entry as --json shows it; field names are part of the public contract. */
export function historyEntry(d: DeploymentRecord, steps: StepRecord[]) {
  return {
    id: d.id,
    correlationId: d.correlationId,
    stack: d.stack,
    kind: d.kind,
    actor: d.actor,
    context: d.context,
    startedAt: iso(d.startedAt),
    endedAt: iso(d.endedAt),
    outcome: d.status,
    fencingToken: d.fencingToken,
    summary: d.summary ?? null,
    resolvedBy: d.resolvedBy ?? null,
    estimate: d.estimate ?? null,
    steps: steps.map(stepView),
  };
}

export async function loadHistory(store: Store, filter: HistoryFilter) {
  const ds = await store.listDeployments(filter);
  return Promise.all(ds.map(async (d) => historyEntry(d, await store.listSteps(d.id))));
}

export type HistoryEntry = ReturnType<typeof historyEntry>;

/** Past deployments of the open stack (and its downs and rollbacks), newest first, with their steps. */
export function history(o: Opened, filter: Omit<HistoryFilter, 'stack'> = {}): Promise<HistoryEntry[]> {
  return loadHistory(o.store, { ...filter, stack: o.stack.name });
}

/** One revision a service can go back to (`convoy history --service S`), newest first. */
export interface RevisionEntry {
  revision: string;
  /** The deployment that last made it current (a deploy, rollback or restart), when, and how that one ended. */
  deploymentId: string;
  at: string;
  kind: string | null;
  outcome: string | null;
  /** What runs now. */
  current: boolean;
}

/** Every distinct good revision of `service`, newest first; exit 3 naming the closest service when it has none. */
export async function revisionsOf(
  o: Opened,
  service: string,
  stack = o.stack.name,
): Promise<RevisionEntry[]> {
  const goods = distinctRevisions(await o.store.listGoodRevisions(stack, service, 500));
  const known = o.stack.services.map((s) => s.name);
  if (!goods.length && !known.includes(service))
    throw unknownNameError('service', service, known, `in stack ${stack}`);
  const current = (await o.store.getCurrent(stack)).find((c) => c.service === service)?.revision;
  return Promise.all(
    goods.map(async (g) => {
      const d = await o.store.getDeployment(g.deploymentId);
      return {
        revision: g.revision,
        deploymentId: g.deploymentId,
        at: new Date(g.at).toISOString(),
        kind: d?.kind ?? null,
        outcome: d?.status ?? null,
        current: g.revision === current,
      };
    }),
  );
}
