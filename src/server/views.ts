import type { Estimate } from '../engine/estimate.js';
import type { ConvoyEvent, EventFinding } from '../engine/events.js';
import type { DeploymentRecord, LockInfo, QueueEntry } from '../store/store.js';
export { stepView } from '../store/step-view.js';

const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());

/** A service's state as the page shows it, in words a person reads during an incident. */
export type ServiceState =
  | 'waiting'
  | 'unchanged'
  | 'starting'
  | 'checking health'
  | 'healthy'
  | 'failed'
  | 'skipped'
  | 'rolling back'
  | 'rolled back'
  | 'rollback failed';

export interface ServiceView {
  service: string;
  /** Counts from 0; null when the plan did not place it (an older event stream). */
  wave: number | null;
  state: ServiceState;
  revision: string | null;
  from: string | null;
  startedAt: string | null;
  endedAt: string | null;
  elapsedMs: number | null;
  /** Its usual duration (the learned median of its past runs), while it runs: how much is left. */
  expectedMs: number | null;
  message: string | null;
}

/** Why a deployment failed, word for word from its `service.failed` event, with the diagnosis. */
export interface FailureView {
  service: string;
  reason: string;
  message: string;
  check: string | null;
  output: string | null;
  logs: string[];
  findings: EventFinding[];
}

export function deploymentSummary(d: DeploymentRecord) {
  return {
    id: d.id,
    stack: d.stack,
    kind: d.kind,
    status: d.status,
    correlationId: d.correlationId,
    actor: d.actor,
    context: d.context,
    startedAt: iso(d.startedAt),
    endedAt: iso(d.endedAt),
    durationMs: d.endedAt === undefined ? null : d.endedAt - d.startedAt,
    summary: d.summary ?? null,
    resolvedBy: d.resolvedBy ?? null,
  };
}

const blank = (service: string, wave: number | null): ServiceView => ({
  service,
  wave,
  state: 'waiting',
  revision: null,
  from: null,
  startedAt: null,
  endedAt: null,
  elapsedMs: null,
  expectedMs: null,
  message: null,
});

/** Replays a deployment's events into its waves and the state of each service. */
export function replay(events: ConvoyEvent[]): {
  waves: string[][];
  services: ServiceView[];
  failure: FailureView | null;
} {
  let waves: string[][] = [];
  const byName = new Map<string, ServiceView>();
  let failure: FailureView | null = null;
  const get = (name: string) => {
    let s = byName.get(name);
    if (!s) byName.set(name, (s = blank(name, null)));
    return s;
  };
  for (const e of events) {
    switch (e.code) {
      case 'deploy.started':
        waves = e.waves;
        e.waves.forEach((w, i) => w.forEach((n) => byName.set(n, blank(n, i))));
        break;
      case 'service.unchanged':
        Object.assign(get(e.service), { state: 'unchanged', revision: e.revision });
        break;
      case 'service.starting':
        Object.assign(get(e.service), {
          state: 'starting',
          revision: e.revision,
          from: e.from ?? null,
          startedAt: e.at,
          wave: e.wave,
        });
        break;
      case 'service.progress': {
        const s = get(e.service);
        if (s.state === 'starting') s.state = 'checking health';
        s.message = e.message;
        break;
      }
      case 'service.ready':
        Object.assign(get(e.service), {
          state: 'healthy',
          endedAt: e.at,
          elapsedMs: e.elapsedMs,
          message: null,
        });
        break;
      case 'service.failed':
        Object.assign(get(e.service), {
          state: 'failed',
          endedAt: e.at,
          elapsedMs: e.elapsedMs,
          message: e.message,
        });
        failure ??= {
          service: e.service,
          reason: e.reason,
          message: e.message,
          check: e.check ?? null,
          output: e.output ?? null,
          logs: e.logs,
          findings: e.findings ?? [],
        };
        break;
      case 'service.skipped':
        Object.assign(get(e.service), { state: 'skipped', message: e.why });
        break;
      case 'service.rolling-back':
        get(e.service).state = 'rolling back';
        break;
      case 'service.rolled-back':
        get(e.service).state = 'rolled back';
        break;
      case 'service.rollback-failed':
        Object.assign(get(e.service), { state: 'rollback failed', message: e.message });
        break;
      default:
        break;
    }
  }
  return { waves, services: [...byName.values()], failure };
}

export function lockView(l: LockInfo, now: number) {
  return {
    holder: l.holder,
    correlationId: l.correlationId,
    token: l.token,
    acquiredAt: iso(l.acquiredAt),
    expiresAt: iso(l.expiresAt),
    expired: l.expiresAt <= now,
  };
}

/** A queued deployment, with how long it will wait from `now` (README "Estimates"). */
export function queueView(q: QueueEntry, position: number, now: number, wait: Estimate) {
  return {
    position,
    id: q.id,
    ticket: q.ticket,
    holder: q.holder,
    correlationId: q.correlationId,
    enqueuedAt: iso(q.enqueuedAt),
    estimatedStartAt: iso(now + (wait.lowMs + wait.highMs) / 2),
    wait,
  };
}
