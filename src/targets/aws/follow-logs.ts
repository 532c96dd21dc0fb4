import type { TaskDefinition } from '@aws-sdk/client-ecs';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Service } from '../../spec/types.js';
import type { FollowLogsOptions } from '../observed.js';
import type { AwsContext } from './context.js';
import type { TdCache } from './status.js';
import { locate, recentTasks, taskDefinitionOf } from './tasks.js';
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

interface Source {
  container: string;
  group: string;
  prefix: string;
}

export async function* followAwsLogs(
  ctx: AwsContext,
  service: Service | undefined,
  opts: FollowLogsOptions,
  cache: TdCache,
): AsyncGenerator<string, void, undefined> {
  const at = service ? locate(ctx, service) : undefined;
  if (!at) return;
  const pollMs = opts.pollMs ?? Math.min(1000, Math.max(200, ctx.timing.pollMs));
  let cursor = opts.since ?? ctx.clock.now();
  /** Event ids printed, with their timestamps: forgotten once older than the look-back. */
  const printed = new Map<string, number>();
  while (!opts.signal.aborted) {
    const sources = await sourcesOf(ctx, at, cache);
    const tagged = new Set(sources.map((s) => s.container)).size > 1;
    const batch: (LogEvent & { line: string })[] = [];
    for (const s of sources) {
      for (const e of await eventsSince(ctx, s, Math.max(0, cursor - LOOKBACK_MS), opts.signal)) {
        if (printed.has(e.id) || e.ts < (opts.since ?? 0)) continue;
        // Several tasks write at once: each line says whose it is (and which container's, when there are several).
        const task = e.stream.slice(s.prefix.length, s.prefix.length + 8);
        batch.push({ ...e, line: `[${tagged ? `${s.container} ` : ''}${task}] ${e.message}` });
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

/** The awslogs destinations of the task definitions the service (or job) runs now. */
async function sourcesOf(
  ctx: AwsContext,
  at: NonNullable<ReturnType<typeof locate>>,
  cache: TdCache,
): Promise<Source[]> {
  const arns = new Set<string>();
  if (at.serviceName) {
    const svc = await ctx.poller(at.cluster).describeService(at.serviceName);
    for (const d of svc?.deployments ?? []) if (d.taskDefinition) arns.add(d.taskDefinition);
    if (svc?.taskDefinition) arns.add(svc.taskDefinition);
  } else {
    for (const t of await recentTasks(ctx, at, 1)) if (t.taskDefinitionArn) arns.add(t.taskDefinitionArn);
  }
  const out = new Map<string, Source>();
  for (const arn of arns) {
    const td: TaskDefinition | undefined = (await taskDefinitionOf(ctx, arn, cache).catch(() => undefined))
      ?.taskDefinition;
    for (const c of td?.containerDefinitions ?? []) {
      const o = c.logConfiguration?.options;
      const group = o?.['awslogs-group'];
      const prefix = o?.['awslogs-stream-prefix'];
      if (c.logConfiguration?.logDriver !== 'awslogs' || !group || !prefix || !c.name) continue;
      const s = { container: c.name, group, prefix: `${prefix}/${c.name}/` };
      out.set(`${group}\n${s.prefix}`, s);
    }
  }
  return [...out.values()];
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
        logStreamNamePrefix: s.prefix,
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
