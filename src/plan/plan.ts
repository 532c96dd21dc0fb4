import type { Service, Stack } from '../spec/types.js';
import type { Gate, Health } from '../targets/target.js';
import { changeReasons } from './diff.js';
import { computeWaves } from './graph.js';
import { revisionOf } from './revision.js';

export interface PlanEntry {
  service: Service;
  /** Revision this deployment brings the service to. */
  revision: string;
  /** Revision recorded as last good before this deployment. */
  from?: string;
  changed: boolean;
  reasons: string[];
  wave: number;
  gate: Gate;
  /** Goes back to a revision that ran before (a rollback plan). */
  returning?: boolean;
  /** Starts the revision that runs now again (`convoy restart`): nothing about it changes. */
  restart?: boolean;
}

export interface Plan {
  stack: string;
  waves: string[][];
  entries: PlanEntry[];
}

/** What is recorded for a service: its last good revision and the service as it was then deployed. */
export interface Recorded {
  revision: string;
  spec: Service;
}

export function gateOf(s: Service): Gate {
  if (s.kind === 'job' || s.kind === 'cloudformation') return 'completed';
  // An ECS service is ready when its rollout is complete with healthy tasks, whatever checks decide "healthy".
  return s.healthCheck || s.aws ? 'healthy' : 'started';
}

/**
 * Pure: the same stack, recorded state and observed health always give the same plan. A service is changed when
 * its revision differs from the recorded one, or when it should run and does not (stopped by hand, crashed). One
 * failed probe of a running service is not a reason to restart it: unchanged services are left alone.
 * Jobs only run again when their revision changes: a finished migration is not re-run. A service scaled to zero
 * (`convoy scale S=0`, in `scaledToZero`) is stopped on purpose: not a reason to start it.
 */
export function buildPlan(
  stack: Stack,
  recorded: ReadonlyMap<string, Recorded>,
  health: ReadonlyMap<string, Health>,
  scaledToZero: ReadonlySet<string> = new Set(),
): Plan {
  const waves = computeWaves(stack.services);
  const waveOf = new Map(waves.flatMap((names, i) => names.map((n) => [n, i] as const)));
  const entries = stack.services.map((service): PlanEntry => {
    const revision = revisionOf(service);
    const prev = recorded.get(service.name);
    const base = {
      service,
      revision,
      from: prev?.revision,
      wave: waveOf.get(service.name) ?? 0,
      gate: gateOf(service),
    };
    if (!prev) return { ...base, changed: true, reasons: ['new service'] };
    if (prev.revision !== revision)
      return { ...base, changed: true, reasons: changeReasons(service, prev.spec) };
    const h = health.get(service.name);
    if (service.kind === 'service' && (h === undefined || h === 'stopped') && !scaledToZero.has(service.name))
      return { ...base, changed: true, reasons: ['not running'] };
    return { ...base, changed: false, reasons: [] };
  });
  return { stack: stack.name, waves, entries };
}
