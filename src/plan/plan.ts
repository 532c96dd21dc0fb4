import type { Service, Stack } from '../spec/types.js';
import type { Gate, Health } from '../targets/target.js';
import { changeReasons } from './diff.js';
import { computeWaves } from './graph.js';
import { outputRefTexts, outputUnits, resolveOutputs } from './outputs.js';
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
  /**
   * The service uses outputs of CloudFormation phases that are not known yet (they change in this deployment, or
   * were never recorded): `service` and `revision` still hold `${cfn:…}` as written, until the deployment fills
   * them in once those phases completed. `running`: what is deployed now runs, so equal values mean no change.
   */
  pendingOutputs?: { units: string[]; running: boolean };
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

/** A service a partial plan (restart, rollback) leaves alone: as recorded, or as the file says when never deployed. */
export function untouchedEntry(s: Service, cur: Recorded | undefined, wave: number): PlanEntry {
  return {
    service: cur?.spec ?? s,
    revision: cur?.revision ?? '',
    from: cur?.revision,
    changed: false,
    reasons: [],
    wave,
    gate: gateOf(s),
  };
}

/**
 * Pure: the same stack, recorded state and observed health always give the same plan. A service is changed when
 * its revision differs from the recorded one, or when it should run and does not (stopped by hand, crashed). One
 * failed probe of a running service is not a reason to restart it: unchanged services are left alone.
 * Jobs only run again when their revision changes: a finished migration is not re-run. A service scaled to zero
 * (`convoy scale S=0`, in `scaledToZero`) is stopped on purpose: not a reason to start it. A service using
 * CloudFormation outputs is planned with the outputs recorded, or as "known after" the phase that will give them.
 */
export function buildPlan(
  stack: Stack,
  recorded: ReadonlyMap<string, Recorded>,
  health: ReadonlyMap<string, Health>,
  scaledToZero: ReadonlySet<string> = new Set(),
): Plan {
  const waves = computeWaves(stack.services);
  const waveOf = new Map(waves.flatMap((names, i) => names.map((n) => [n, i] as const)));
  const byName = new Map(stack.services.map((s) => [s.name, s]));
  const planned = new Map<string, PlanEntry>();
  // A phase's outputs are known when it does not change now and its last run recorded them.
  const known = (unit: string) =>
    planned.get(unit)?.changed === false ? recorded.get(unit)?.spec.cloudformation?.outputs : undefined;
  // Wave order: a unit's outputs (spec/output-checks.ts: always an earlier wave) are planned before their users.
  for (const name of waves.flat()) {
    const written = byName.get(name)!;
    const pending = outputUnits(written).filter((u) => !known(u));
    const service = pending.length ? written : resolveOutputs(written, known);
    const revision = revisionOf(service);
    const prev = recorded.get(name);
    const base = {
      service,
      revision,
      from: prev?.revision,
      wave: waveOf.get(name) ?? 0,
      gate: gateOf(service),
    };
    const h = health.get(name);
    const stopped = service.kind === 'service' && (h === undefined || h === 'stopped');
    let entry: PlanEntry;
    if (pending.length) {
      entry = {
        ...base,
        changed: true,
        reasons: [
          ...(prev ? [] : ['new service']),
          `${outputRefTexts(written, pending).join(', ')}: known after ${pending.join(', ')}`,
        ],
        pendingOutputs: { units: pending, running: !!prev && !stopped },
      };
    } else if (!prev) entry = { ...base, changed: true, reasons: ['new service'] };
    else if (prev.revision !== revision)
      entry = { ...base, changed: true, reasons: changeReasons(service, prev.spec) };
    else if (stopped && !scaledToZero.has(name)) entry = { ...base, changed: true, reasons: ['not running'] };
    else entry = { ...base, changed: false, reasons: [] };
    planned.set(name, entry);
  }
  const entries = stack.services.map((s) => planned.get(s.name)!);
  return { stack: stack.name, waves, entries };
}
