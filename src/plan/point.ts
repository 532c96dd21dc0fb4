/**
 * Pure: where `convoy rollback --to` goes back to. A point in a stack's past is a moment (an ISO time, or the end
 * of a deployment), or one revision of one service.
 */

/** One good revision of a service, as the store lists them (newest first). */
export interface GoodRevision {
  revision: string;
  deploymentId: string;
  /** When it passed its gate (epoch ms). */
  at: number;
}

/** `2026-11-30T10:00Z`, `2026-11-30`: an ISO date or date-time, as opposed to an id or a revision. */
export function parseIsoTime(value: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/.test(value))
    return undefined;
  // Date.parse reads `2026-11-30T10:00Z` and the date-only form as UTC.
  const t = Date.parse(value.replace(' ', 'T'));
  return Number.isNaN(t) ? undefined : t;
}

/** The revision a service had at `at`: the newest one that passed its gate at or before then. */
export function revisionAt(goods: readonly GoodRevision[], at: number): GoodRevision | undefined {
  return goods.find((g) => g.at <= at);
}

/** The shortest prefix people type for a revision or an id; shorter ones match too much. */
export const MIN_PREFIX = 6;

/** The one item whose key is `word` or starts with it (at least MIN_PREFIX characters); undefined when none. */
export function byPrefix<T>(word: string, items: readonly T[], key: (t: T) => string): T | undefined {
  const exact = items.find((t) => key(t) === word);
  if (exact || word.length < MIN_PREFIX) return exact;
  return items.find((t) => key(t).startsWith(word));
}

/** Each distinct revision once, at its newest good occurrence: what a service can go back to, newest first. */
export function distinctRevisions(goods: readonly GoodRevision[]): GoodRevision[] {
  const seen = new Set<string>();
  return goods.filter((g) => !seen.has(g.revision) && seen.add(g.revision));
}
