import { setTimeout as sleep } from 'node:timers/promises';
import type { Service } from '../../spec/types.js';
import type { FollowLogsOptions } from '../observed.js';
import type { AwsContext } from './context.js';
import type { TdCache } from './status.js';
import { sourcesOf, taskDefinitionsOf, type Source } from './log-search.js';
import { errorName } from './util.js';

/**
 * `convoy logs --follow` on ECS. The awslogs driver names a task's stream `PREFIX/CONTAINER/TASK-ID`, so one
 * FilterLogEvents per container on the prefix `PREFIX/CONTAINER/` reads every task's stream, including those of
 * tasks started after the command (a restart, a deployment, ECS replacing a task). Which containers log where is read
 * again each round from the task definitions the service runs, so a deployment that changes them is followed too.
 */

/** CloudWatch Logs may ingest an event a little after a later one: look back this far, and drop what was printed. */
const LOOKBACK_MS = 10_000;

interface LogEvent {
  ts: number;
  id: string;
  stream: string;
  message: string;
}

export async function* followAwsLogs(
  ctx: AwsContext,
  service: Service | undefined,
  opts: FollowLogsOptions,
  cache: TdCache,
): AsyncGenerator<string, void, undefined> {
  if (!service?.aws || service.kind === 'cloudformation') return;
  const pollMs = opts.pollMs ?? Math.min(1000, Math.max(200, ctx.timing.pollMs));
  let cursor = opts.since ?? ctx.clock.now();
  /** Event ids printed, with their timestamps: forgotten once older than the look-back. */
  const printed = new Map<string, number>();
  while (!opts.signal.aborted) {
    const sources = sourcesOf(await taskDefinitionsOf(ctx, service, cache));
    const tagged = sources.length > 1;
    const batch: (LogEvent & { line: string })[] = [];
    for (const s of sources) {
      for (const e of await eventsSince(ctx, s, Math.max(0, cursor - LOOKBACK_MS), opts.signal)) {
        if (printed.has(e.id) || e.ts < (opts.since ?? 0)) continue;
        batch.push({ ...e, line: `[${whose(s, e.stream, tagged)}] ${e.message}` });
      }
    }
    for (const e of batch.sort((a, b) => a.ts - b.ts)) {
      if (opts.signal.aborted) return;
      printed.set(e.id, e.ts);
      cursor = Math.max(cursor, e.ts);
      yield e.line;
    }
    for (const [id, ts] of printed) if (ts < cursor - LOOKBACK_MS) printed.delete(id);
    await sleep(pollMs, undefined, { signal: opts.signal }).catch(() => undefined);
  }
}

/**
 * Several tasks write at once: each line says whose it is, the task (its id's first 8 characters) and, when several
 * containers log, the container (`PREFIX/CONTAINER/TASK-ID`); a stream without Convoy's naming, by its name.
 */
function whose(s: Source, stream: string, tagged: boolean): string {
  if (!s.streamPrefix || !stream.startsWith(s.streamPrefix)) return stream;
  const task = stream.slice(s.streamPrefix.length, s.streamPrefix.length + 8);
  return tagged ? `${s.streamPrefix.split('/').slice(-2)[0]} ${task}` : task;
}

async function eventsSince(
  ctx: AwsContext,
  s: Source,
  startTime: number,
  signal: AbortSignal,
): Promise<LogEvent[]> {
  const out: LogEvent[] = [];
  let nextToken: string | undefined;
  do {
    let r;
    try {
      r = await ctx.clients.logs.filterLogEvents({
        logGroupName: s.group,
        ...(s.streamPrefix ? { logStreamNamePrefix: s.streamPrefix } : {}),
        startTime,
        ...(nextToken ? { nextToken } : {}),
      });
    } catch (err) {
      // No task has logged yet, so the group does not exist: nothing to print this round.
      if (/ResourceNotFound/i.test(errorName(err))) return out;
      throw err;
    }
    for (const e of r.events ?? [])
      out.push({
        ts: e.timestamp ?? 0,
        id: e.eventId ?? `${e.logStreamName}:${e.timestamp}:${e.message}`,
        stream: e.logStreamName ?? '',
        message: (e.message ?? '').replace(/\n$/, ''),
      });
    nextToken = r.nextToken;
  } while (nextToken && !signal.aborted);
  return out;
}
