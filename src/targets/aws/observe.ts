import type { Service } from '../../spec/types.js';
import type { Observed } from '../observed.js';
import type { AwsContext } from './context.js';
import { serviceFields, taskDefinitionFields } from './fields.js';
import type { TdCache } from './status.js';
import { TAG_REVISION, tagValue } from './taskdef.js';
import { locate, recentTasks, taskDefinitionOf } from './tasks.js';
import { lastSegment } from './util.js';

type Json = Record<string, unknown>;

/**
 * Drift on ECS: the task definition the service runs (a job: its latest task's) and the service as DescribeServices
 * shows it. A definition without Convoy's revision tag was registered by someone else: the console, another tool.
 */
export function observeAws(
  ctx: AwsContext,
  services: readonly Service[],
  cache: TdCache,
): Promise<Observed[]> {
  return Promise.all(services.map((s) => observeOne(ctx, s, cache)));
}

async function observeOne(ctx: AwsContext, s: Service, cache: TdCache): Promise<Observed> {
  const name = s.name;
  const at = s.kind !== 'cloudformation' ? locate(ctx, s) : undefined;
  // CloudFormation owns its stack's drift (DetectStackDrift); Convoy compares ECS units only.
  if (!at) return { name, fields: {}, notes: [] };
  let arn: string | undefined;
  let live: Json | undefined;
  if (at.serviceName) {
    const svc = await ctx.poller(at.cluster).describeService(at.serviceName);
    if (!svc || svc.status !== 'ACTIVE') return { name, notes: [] };
    live = svc as Json;
    arn = svc.taskDefinition;
  } else {
    arn = (await recentTasks(ctx, at, 1))[0]?.taskDefinitionArn;
  }
  if (!arn) return { name, notes: [] };
  const { taskDefinition, tags } = await taskDefinitionOf(ctx, arn, cache);
  const revision = tagValue(tags, TAG_REVISION);
  const fields = {
    ...taskDefinitionFields((taskDefinition ?? {}) as Json),
    ...(live ? serviceFields(live, s.aws?.serviceDefinition?.desiredCount !== undefined) : {}),
  };
  const notes = revision
    ? []
    : [
        `runs task definition ${lastSegment(arn)}, which Convoy did not register (changed outside Convoy, e.g. in the console)`,
      ];
  return { name, fields, notes, ...(revision ? { revision } : {}) };
}
