import type { Task, TaskDefinition } from '@aws-sdk/client-ecs';
import type { Service } from '../../spec/types.js';
import type { AwsContext } from './context.js';
import { jobStartedBy } from './ecs-job.js';
import { clusterFor, serviceNameFor } from './service-def.js';
import { chunk } from './util.js';

/**
 * Finding a unit's tasks after the fact (status, logs, evidence from another convoy process): the newest ones of a
 * service or of a job's runs, described.
 */

export interface Located {
  cluster: string;
  serviceName?: string;
  startedBy?: string;
}

export function locate(ctx: AwsContext, s: Service): Located | undefined {
  const aws = s.aws;
  if (!aws) return undefined;
  if (s.kind === 'job') {
    return {
      cluster: clusterFor(aws.cluster, ctx.stack.aws?.cluster, aws.runTask),
      startedBy: jobStartedBy(ctx.stack.name, s.name),
    };
  }
  const def = aws.serviceDefinition;
  return {
    cluster: clusterFor(aws.cluster, ctx.stack.aws?.cluster, def),
    serviceName: serviceNameFor(s.name, def),
  };
}

/** Newest first; `limit` tasks at most from each desired state. */
export async function recentTasks(ctx: AwsContext, at: Located, limit = 10): Promise<Task[]> {
  const { ecs } = ctx.clients;
  const arns: string[] = [];
  for (const desiredStatus of ['RUNNING', 'STOPPED'] as const) {
    const r = await ecs.listTasks({
      cluster: at.cluster,
      desiredStatus,
      ...(at.serviceName ? { serviceName: at.serviceName } : { startedBy: at.startedBy }),
    });
    arns.push(...(r.taskArns ?? []).slice(0, 100));
  }
  const tasks: Task[] = [];
  for (const batch of chunk(arns, 100)) {
    tasks.push(...((await ecs.describeTasks({ cluster: at.cluster, tasks: batch })).tasks ?? []));
  }
  return tasks
    .sort((a, b) => (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0))
    .slice(0, limit * 2);
}

/** Task definitions never change once registered, so one lookup per ARN per process is enough. */
export async function taskDefinitionOf(
  ctx: AwsContext,
  arn: string,
  cache: Map<string, Promise<{ taskDefinition?: TaskDefinition; tags: { key?: string; value?: string }[] }>>,
) {
  let hit = cache.get(arn);
  if (!hit) {
    hit = ctx.clients.ecs
      .describeTaskDefinition({ taskDefinition: arn, include: ['TAGS'] })
      .then((r) => ({ taskDefinition: r.taskDefinition, tags: r.tags ?? [] }));
    hit.catch(() => cache.delete(arn));
    cache.set(arn, hit);
  }
  return hit;
}
