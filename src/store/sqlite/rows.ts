import { sealService } from '../../spec/secrets.js';
import type {
  CurrentRevision,
  DeploymentRecord,
  LockInfo,
  Prediction,
  RevisionRecord,
  StepRecord,
} from '../store.js';

/** Column-shaped rows as better-sqlite3 returns them; SQL NULL maps to an absent property in the records. */

export interface LockRow {
  stack: string;
  holder: string;
  correlation_id: string;
  token: number;
  acquired_at: number;
  expires_at: number;
}

export interface DeploymentRow {
  id: string;
  stack: string;
  kind: string;
  correlation_id: string;
  actor: string;
  context: string;
  status: string;
  fencing_token: number;
  started_at: number;
  ended_at: number | null;
  summary: string | null;
  resolved_by: string | null;
  estimate: string | null;
}

export interface StepRow {
  deployment_id: string;
  service: string;
  from_revision: string | null;
  to_revision: string;
  state: string;
  started_at: number | null;
  ended_at: number | null;
  detail: string | null;
  estimate: string | null;
}

export interface RevisionRow {
  stack: string;
  service: string;
  revision: string;
  spec: string;
  created_at: number;
}

export interface CurrentRow {
  service: string;
  revision: string;
  deployment_id: string;
  at: number;
}

/** Drops undefined properties so records read back deep-equal the ones written (no `endedAt: undefined`). */
function compact<T extends object>(o: T): T {
  for (const [k, v] of Object.entries(o)) if (v === undefined) delete (o as Record<string, unknown>)[k];
  return o;
}

const opt = <T>(v: T | null): T | undefined => (v === null ? undefined : v);
const prediction = (v: string | null): Prediction | undefined =>
  v === null ? undefined : (JSON.parse(v) as Prediction);
const nul = <T>(v: T | undefined): T | null => (v === undefined ? null : v);

export const toLock = (r: LockRow): LockInfo => ({
  stack: r.stack,
  holder: r.holder,
  correlationId: r.correlation_id,
  token: r.token,
  acquiredAt: r.acquired_at,
  expiresAt: r.expires_at,
});

export const fromLock = (l: LockInfo): LockRow => ({
  stack: l.stack,
  holder: l.holder,
  correlation_id: l.correlationId,
  token: l.token,
  acquired_at: l.acquiredAt,
  expires_at: l.expiresAt,
});

export const toDeployment = (r: DeploymentRow): DeploymentRecord =>
  compact({
    id: r.id,
    stack: r.stack,
    kind: r.kind as DeploymentRecord['kind'],
    correlationId: r.correlation_id,
    actor: r.actor,
    context: JSON.parse(r.context) as Record<string, string>,
    status: r.status as DeploymentRecord['status'],
    fencingToken: r.fencing_token,
    startedAt: r.started_at,
    endedAt: opt(r.ended_at),
    summary: opt(r.summary),
    resolvedBy:
      r.resolved_by === null ? undefined : (JSON.parse(r.resolved_by) as DeploymentRecord['resolvedBy']),
    estimate: prediction(r.estimate),
  });

export const fromDeployment = (d: DeploymentRecord): DeploymentRow => ({
  id: d.id,
  stack: d.stack,
  kind: d.kind,
  correlation_id: d.correlationId,
  actor: d.actor,
  context: JSON.stringify(d.context),
  status: d.status,
  fencing_token: d.fencingToken,
  started_at: d.startedAt,
  ended_at: nul(d.endedAt),
  summary: nul(d.summary),
  resolved_by: d.resolvedBy === undefined ? null : JSON.stringify(d.resolvedBy),
  estimate: d.estimate === undefined ? null : JSON.stringify(d.estimate),
});

export const toStep = (r: StepRow): StepRecord =>
  compact({
    deploymentId: r.deployment_id,
    service: r.service,
    fromRevision: opt(r.from_revision),
    toRevision: r.to_revision,
    state: r.state as StepRecord['state'],
    startedAt: opt(r.started_at),
    endedAt: opt(r.ended_at),
    detail: opt(r.detail),
    estimate: prediction(r.estimate),
  });

export const fromStep = (s: StepRecord): StepRow => ({
  deployment_id: s.deploymentId,
  service: s.service,
  from_revision: nul(s.fromRevision),
  to_revision: s.toRevision,
  state: s.state,
  started_at: nul(s.startedAt),
  ended_at: nul(s.endedAt),
  detail: nul(s.detail),
  estimate: s.estimate === undefined ? null : JSON.stringify(s.estimate),
});

export const toRevision = (r: RevisionRow): RevisionRecord => ({
  stack: r.stack,
  service: r.service,
  revision: r.revision,
  spec: JSON.parse(r.spec) as RevisionRecord['spec'],
  createdAt: r.created_at,
});

export const fromRevision = (r: RevisionRecord): RevisionRow => ({
  stack: r.stack,
  service: r.service,
  revision: r.revision,
  // Secrets as where they come from, never their values (spec/secrets.ts).
  spec: JSON.stringify(sealService(r.spec)),
  created_at: r.createdAt,
});

export const toCurrent = (r: CurrentRow): CurrentRevision => ({
  service: r.service,
  revision: r.revision,
  deploymentId: r.deployment_id,
  at: r.at,
});
