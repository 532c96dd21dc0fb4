import type { DeploymentRecord, HistoryFilter, StepRecord, Store } from '../store/store.js';
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
