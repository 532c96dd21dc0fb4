import { DURATION_PATTERN, parseDuration } from '../spec/schema.js';
import { DEPLOYMENT_STATUSES, type DeploymentStatus, type HistoryFilter } from '../store/store.js';
import { badRequest } from './errors.js';

/** A non-negative integer query value (a seq, a limit), or the default when absent. */
export function intParam(name: string, value: string | undefined, dflt: number, max?: number): number {
  if (value === undefined || value === '') return dflt;
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n))
    throw badRequest(`${name} takes a whole number (0 or more), not "${value}"`);
  return max === undefined ? n : Math.min(n, max);
}

/** A time bound as `convoy history` takes it: an ISO date/time, or a duration meaning "that long ago" (7d). */
export function timeParam(name: string, value: string | undefined, now: number): number | undefined {
  if (value === undefined || value === '') return undefined;
  if (DURATION_PATTERN.test(value)) return now - parseDuration(value);
  const t = Date.parse(value);
  if (Number.isNaN(t))
    throw badRequest(`${name} takes an ISO date/time or a duration such as 7d, not "${value}"`);
  return t;
}

/** The filters of `convoy history`, from a query string (`outcome`, `service`, `actor`, `since`, …). */
export function historyFilter(stack: string, q: Record<string, string>, now: number): HistoryFilter {
  const outcome = q.outcome || undefined;
  if (outcome !== undefined && !DEPLOYMENT_STATUSES.includes(outcome as DeploymentStatus))
    throw badRequest(`outcome is one of ${DEPLOYMENT_STATUSES.join(', ')}, not "${outcome}"`);
  return {
    stack,
    status: outcome as DeploymentStatus | undefined,
    service: q.service || undefined,
    actor: q.actor || undefined,
    correlationId: q.correlationId || undefined,
    since: timeParam('since', q.since, now),
    until: timeParam('until', q.until, now),
    limit: intParam('limit', q.limit, 20, 500) || 20,
  };
}

/** Where a stream resumes: the Last-Event-ID a reconnecting EventSource sends, else `?after=`, else 0. */
export function resumeSeq(lastEventId: string | undefined, after: string | undefined): number {
  if (lastEventId !== undefined && lastEventId !== '') return intParam('Last-Event-ID', lastEventId, 0);
  return intParam('after', after, 0);
}
