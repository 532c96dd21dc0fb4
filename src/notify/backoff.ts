/** Exponential back-off with full jitter: many senders recovering at once do not hit the receiver together. */
export const BACKOFF_BASE_MS = 500;
export const BACKOFF_CAP_MS = 30_000;

/** The wait before attempt `attempt + 1`; a receiver's Retry-After wins over our own guess (capped at 10 min). */
export function backoffMs(attempt: number, retryAfter?: number, random = Math.random): number {
  if (retryAfter !== undefined) return Math.min(retryAfter, 600_000);
  return Math.round(random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (attempt - 1)));
}
