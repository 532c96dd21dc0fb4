import type { TaskDefinition } from '@aws-sdk/client-ecs';
import type { Service } from '../../spec/types.js';
import type { AwsContext } from './context.js';
import type { TdCache } from './status.js';
import { locate, recentTasks, taskDefinitionOf } from './tasks.js';
import { errorName } from './util.js';

/**
 * What a service logged since a moment, for post-deploy log checks: CloudWatch Logs `FilterLogEvents` on each
 * awslogs group its current task definitions write to, narrowed to `<awslogs-stream-prefix>/<container>/` (every
 * task of that container, old revision and new alike). Bounded: at most MAX_PAGES pages and MAX_LINES lines per
 * group and prefix, oldest first, so a chatty service cannot make a check read for minutes.
 */

export const MAX_PAGES = 20;
export const MAX_LINES = 10_000;

export interface LogLine {
  at: number;
  line: string;
}

export interface Source {
  group: string;
  /** Undefined without awslogs-stream-prefix: streams are then named after the container's runtime id. */
  streamPrefix?: string;
  /** Where the source came from, for errors. */
  from: string;
}

export async function searchLogs(
  ctx: AwsContext,
  s: Service,
  cache: TdCache,
  opts: { sinceMs: number; literal?: string },
): Promise<LogLine[]> {
  if (s.kind === 'cloudformation' || !s.aws) return [];
  const defs = await taskDefinitionsOf(ctx, s, cache);
  const sources = sourcesOf(defs);
  if (sources.length === 0) {
    throw new Error(
      `service ${s.name} has no container logging to CloudWatch Logs (logDriver awslogs with awslogs-group), so its log lines cannot be read`,
    );
  }
  const filterPattern = pushDown(opts.literal);
  const all = await Promise.all(sources.map((src) => readSource(ctx, src, opts.sinceMs, filterPattern)));
  return all.flat().sort((a, b) => a.at - b.at);
}

async function readSource(
  ctx: AwsContext,
  src: Source,
  sinceMs: number,
  filterPattern: string | undefined,
): Promise<LogLine[]> {
  const out: LogLine[] = [];
  let nextToken: string | undefined;
  for (let page = 0; page < MAX_PAGES && out.length < MAX_LINES; page++) {
    let r;
    try {
      r = await ctx.clients.logs.filterLogEvents({
        logGroupName: src.group,
        ...(src.streamPrefix ? { logStreamNamePrefix: src.streamPrefix } : {}),
        startTime: Math.max(0, Math.floor(sinceMs)),
        ...(filterPattern ? { filterPattern } : {}),
        limit: Math.min(10_000, MAX_LINES - out.length),
        ...(nextToken ? { nextToken } : {}),
      });
    } catch (err) {
      if (/ResourceNotFound/i.test(errorName(err))) {
        throw new Error(`log group ${src.group} does not exist (the awslogs-group of ${src.from})`);
      }
      throw err;
    }
    for (const e of r.events ?? []) {
      out.push({ at: e.timestamp ?? 0, line: (e.message ?? '').replace(/\r?\n$/, '') });
    }
    nextToken = r.nextToken;
    if (!nextToken) break;
  }
  return out.slice(0, MAX_LINES);
}

/**
 * A plain substring as a filter pattern term: quoted, so spaces and punctuation match verbatim. One that holds a
 * quote or a backslash is not pushed down (its escaping is not worth the risk): the caller filters anyway.
 */
export function pushDown(literal: string | undefined): string | undefined {
  if (!literal || /["\\]/.test(literal)) return undefined;
  return `"${literal}"`;
}

/** One source per (group, prefix, container) across the definitions, in the order first seen. */
export function sourcesOf(defs: readonly TaskDefinition[]): Source[] {
  const seen = new Map<string, Source>();
  for (const td of defs) {
    for (const c of td.containerDefinitions ?? []) {
      const log = c.logConfiguration;
      const group = log?.options?.['awslogs-group'];
      if (log?.logDriver !== 'awslogs' || !group || !c.name) continue;
      const prefix = log.options?.['awslogs-stream-prefix'];
      const streamPrefix = prefix ? `${prefix}/${c.name}/` : undefined;
      const key = `${group}\n${streamPrefix ?? ''}`;
      if (!seen.has(key)) {
        seen.set(key, {
          group,
          streamPrefix,
          from: `container ${c.name} in task definition ${td.family}:${td.revision}`,
        });
      }
    }
  }
  // Without a prefix the whole group is read, which covers any prefixed source of the same group.
  const whole = new Set([...seen.values()].filter((x) => !x.streamPrefix).map((x) => x.group));
  return [...seen.values()].filter((x) => !x.streamPrefix || !whole.has(x.group));
}

/** The definitions whose tasks may have logged since a deployment began: every deployment's, and this run's. */
export async function taskDefinitionsOf(
  ctx: AwsContext,
  s: Service,
  cache: TdCache,
): Promise<TaskDefinition[]> {
  const at = locate(ctx, s)!;
  const run = ctx.memory.runs.get(s.name);
  const arns: string[] = [];
  if (run && run.kind !== 'cloudformation' && run.taskDefinition.taskDefinitionArn) {
    arns.push(run.taskDefinition.taskDefinitionArn);
  }
  if (at.serviceName) {
    const svc = await ctx.poller(at.cluster).describeService(at.serviceName);
    for (const d of svc?.deployments ?? []) if (d.taskDefinition) arns.push(d.taskDefinition);
  } else {
    for (const t of await recentTasks(ctx, at, 5)) if (t.taskDefinitionArn) arns.push(t.taskDefinitionArn);
  }
  const defs = await Promise.all(
    [...new Set(arns)].map(async (arn) => (await taskDefinitionOf(ctx, arn, cache)).taskDefinition),
  );
  return defs.filter((d): d is TaskDefinition => d !== undefined);
}
