import type { Clock } from '../../core/clock.js';
import type { PostCheck } from '../../spec/types.js';
import type { Target } from '../../targets/target.js';
import { cannotRun, failed, passed, seconds, type Outcome } from './outcome.js';

type LogSpec = NonNullable<PostCheck['log']>;

const POLL_MS = 500;
const SHOWN = 5;

/**
 * A log check through the target. `within`: a matching line logged in the last `within` (never before `sinceMs`),
 * waiting up to `within` for one. `atMost`: no more than that many matching lines in the last `per`.
 */
export async function runLog(
  l: LogSpec,
  at: { target: Target; clock: Clock; sinceMs: number; signal?: AbortSignal },
): Promise<Outcome> {
  const { target, clock } = at;
  if (!target.searchLogs) return cannotRun(`the ${target.kind} target cannot search logs`);
  const service = l.service!;
  const re = new RegExp(l.match);
  // A plain word needs no regular expression: the target may filter by it where the logs are (CloudWatch).
  const literal = /^[\w -]+$/.test(l.match) ? l.match : undefined;
  const search = async (windowMs: number) => {
    const since = Math.max(at.sinceMs, clock.now() - windowMs);
    const lines = await target.searchLogs!(service, { sinceMs: since, ...(literal ? { literal } : {}) });
    return lines.filter((x) => re.test(x.line));
  };
  try {
    if (l.atMost !== undefined) {
      const hits = await search(l.per);
      const output = hits
        .slice(-SHOWN)
        .map((h) => h.line)
        .join('\n');
      if (hits.length > l.atMost)
        return failed(
          `/${l.match}/ appeared ${hits.length} times in ${service}'s log in the last ${seconds(l.per)} (at most ${l.atMost} allowed)`,
          { output },
        );
      return passed(`/${l.match}/ appeared ${hits.length} times in the last ${seconds(l.per)}`);
    }
    const within = l.within!;
    const deadline = clock.now() + within;
    for (;;) {
      const hits = await search(within);
      if (hits.length) return passed(`${service} logged: ${hits[hits.length - 1]!.line}`);
      if (clock.now() >= deadline) break;
      await clock.sleep(Math.min(POLL_MS, Math.max(1, deadline - clock.now())), at.signal);
    }
    const recent = (await target.logs(service, SHOWN).catch(() => [])).join('\n');
    return failed(`${service} did not log /${l.match}/ within ${seconds(within)}`, { output: recent });
  } catch (err) {
    if (at.signal?.aborted)
      return cannotRun(`stopped: ${(at.signal.reason as Error)?.message ?? 'cancelled'}`);
    return cannotRun(`could not read ${service}'s log: ${(err as Error).message}`);
  }
}
