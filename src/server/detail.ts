import { usualDurations } from '../engine/estimate.js';
import type { ConvoyEvent } from '../engine/events.js';
import { toConvoyEvent } from '../engine/stored-event.js';
import type { DeploymentRecord, Store } from '../store/store.js';
import { deploymentSummary, replay, stepView } from './views.js';

/**
 * One deployment as the page and `GET /api/deployments/:id` show it: the record, its steps with timings, its events
 * (already redacted when stored), its waves with each service's state, and why it failed, with the findings.
 */
export async function deploymentDetail(store: Store, d: DeploymentRecord, now: number) {
  const [steps, stored] = await Promise.all([store.listSteps(d.id), store.listEvents(d.id)]);
  const events = stored.map((e) => toConvoyEvent(e)) as ConvoyEvent[];
  const { waves, services, failure } = replay(events);
  const live = d.status === 'running' || d.status === 'rolling-back';
  if (live) {
    const expected = await usualDurations(store, d.stack, services);
    for (const s of services) s.expectedMs = expected.get(s.service) ?? null;
  }
  return {
    ...deploymentSummary(d),
    elapsedMs: (d.endedAt ?? now) - d.startedAt,
    waves,
    services,
    failure,
    steps: steps.map(stepView),
    events,
  };
}

export type DeploymentDetail = Awaited<ReturnType<typeof deploymentDetail>>;
