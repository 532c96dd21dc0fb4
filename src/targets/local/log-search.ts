/** How far back a log search reads: a service that logs more than this between two checks loses the oldest. */
export const SEARCH_LINES = 20_000;

const HEADER = /^--- convoy: \S+ revision \S+ started (\S+) ---$/;
const LEADING_TIME = /^\[?(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)/;

/**
 * The lines of a local service log written since `sinceMs`. A process writes its log directly, so when a line was
 * written is what it says at its start (an ISO 8601 time, as most loggers write); a line without one counts as
 * written when its run started (the "--- convoy: … started …" header convoy writes at each start).
 */
export function searchLog(
  lines: readonly string[],
  opts: { sinceMs: number; literal?: string },
): { at: number; line: string }[] {
  let runStart = 0;
  const out: { at: number; line: string }[] = [];
  for (const line of lines) {
    const header = HEADER.exec(line);
    if (header) {
      runStart = Date.parse(header[1]!) || runStart;
      continue;
    }
    const stamped = LEADING_TIME.exec(line);
    const own = stamped ? Date.parse(stamped[1]!) : NaN;
    const at = Number.isNaN(own) ? runStart : own;
    if (at < opts.sinceMs) continue;
    if (opts.literal !== undefined && !line.includes(opts.literal)) continue;
    out.push({ at, line });
  }
  return out;
}
