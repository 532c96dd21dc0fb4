import type { Service as EcsService, TaskDefinition } from '@aws-sdk/client-ecs';
import { InvalidInputError } from '../../errors.js';
import type { Service } from '../../spec/types.js';
import type { EcsServiceState, Health, RuntimeState } from '../target.js';
import { strategy } from './fields.js';
import { serviceLink } from './links.js';
import { COMPLETE, findStack, ROLLED_BACK_OK, stateProblem } from './cfn-state.js';
import type { AwsContext } from './context.js';
import { TAG_REVISION, tagValue } from './taskdef.js';
import { locate, recentTasks, taskDefinitionOf } from './tasks.js';

export type TdCache = Map<
  string,
  Promise<{ taskDefinition?: TaskDefinition; tags: { key?: string; value?: string }[] }>
>;

/**
 * What runs, per unit. ECS services: health from the primary deployment; revision from the task definition's
 * convoy:revision tag. Jobs: their latest task. CloudFormation phases: the stack's status.
 */
export async function statusOf(
  ctx: AwsContext,
  services: readonly Service[],
  cache: TdCache,
  opts: { refuseBrokenStacks: boolean },
): Promise<RuntimeState[]> {
  return Promise.all(
    services.map((s) => {
      if (s.kind === 'cloudformation' && s.cloudformation)
        return stackStatus(ctx, s, opts.refuseBrokenStacks);
      if (!s.aws) return { name: s.name, health: 'stopped' as const };
      return s.kind === 'job' ? jobStatus(ctx, s, cache) : serviceStatus(ctx, s, cache);
    }),
  );
}

export function serviceHealth(svc: EcsService | undefined): Health {
  if (!svc || svc.status !== 'ACTIVE' || (svc.desiredCount ?? 0) === 0) return 'stopped';
  const primary = svc.deployments?.find((d) => d.status === 'PRIMARY');
  if (primary?.rolloutState === 'FAILED') return 'unhealthy';
  if (primary?.rolloutState === 'IN_PROGRESS') return 'starting';
  // Completed, but ECS is replacing tasks that died since: it heals on its own, so not a reason to redeploy.
  return (svc.runningCount ?? 0) >= (svc.desiredCount ?? 0) ? 'healthy' : 'starting';
}

async function revisionOf(
  ctx: AwsContext,
  arn: string | undefined,
  cache: TdCache,
): Promise<string | undefined> {
  if (!arn) return undefined;
  try {
    return tagValue((await taskDefinitionOf(ctx, arn, cache)).tags, TAG_REVISION);
  } catch {
    return undefined;
  }
}

async function serviceStatus(ctx: AwsContext, s: Service, cache: TdCache): Promise<RuntimeState> {
  const at = locate(ctx, s)!;
  const svc = await ctx.poller(at.cluster).describeService(at.serviceName!);
  const health = serviceHealth(svc);
  if (!svc || svc.status !== 'ACTIVE') return { name: s.name, health };
  const primary = svc.deployments?.find((d) => d.status === 'PRIMARY');
  const ecs: EcsServiceState = {
    running: svc.runningCount ?? 0,
    pending: svc.pendingCount ?? 0,
    desired: svc.desiredCount ?? 0,
    ...(primary?.rolloutState ? { rolloutState: primary.rolloutState } : {}),
    strategy: strategy(svc as Record<string, unknown>),
    console: serviceLink(await ctx.region(), at.cluster, at.serviceName!),
  };
  // Scaled to zero (`convoy scale S=0`) is still a service: it shows as 0 copies.
  const replicas = svc.desiredCount ?? 0;
  const scaled = replicas === 0 ? { scaledToZero: true } : {};
  if (health === 'stopped') return { name: s.name, health, ecs, replicas, ...scaled };
  const revision = await revisionOf(ctx, primary?.taskDefinition ?? svc.taskDefinition, cache);
  return {
    name: s.name,
    health,
    replicas,
    ...scaled,
    ...(revision ? { revision } : {}),
    ...(primary?.createdAt ? { startedAt: primary.createdAt.getTime() } : {}),
    ecs,
  };
}

async function jobStatus(ctx: AwsContext, s: Service, cache: TdCache): Promise<RuntimeState> {
  const latest = (await recentTasks(ctx, locate(ctx, s)!, 1))[0];
  if (!latest) return { name: s.name, health: 'stopped' };
  const revision = await revisionOf(ctx, latest.taskDefinitionArn, cache);
  const td = latest.taskDefinitionArn
    ? (await taskDefinitionOf(ctx, latest.taskDefinitionArn, cache).catch(() => undefined))?.taskDefinition
    : undefined;
  const essential = new Set(
    (td?.containerDefinitions ?? []).filter((c) => c.essential !== false).map((c) => c.name),
  );
  const exit = latest.containers?.find((c) => essential.has(c.name) && c.exitCode !== undefined)?.exitCode;
  const running = latest.lastStatus !== 'STOPPED';
  return {
    name: s.name,
    health: running ? 'starting' : 'stopped',
    ...(revision ? { revision } : {}),
    ...(latest.createdAt ? { startedAt: latest.createdAt.getTime() } : {}),
    ...(!running && exit !== undefined ? { exitCode: exit } : {}),
  };
}

async function stackStatus(ctx: AwsContext, s: Service, refuse: boolean): Promise<RuntimeState> {
  const name = s.cloudformation!.stackName;
  const stack = await findStack(ctx.clients.cfn, name);
  const status = stack?.StackStatus;
  const problem = stateProblem(name, status);
  // Raised while a deployment plans, so a stack a person must repair stops it with what to do (exit 3).
  if (refuse && problem?.kind === 'refuse')
    throw new InvalidInputError(problem.message, undefined, `fix: ${problem.fix}`);
  const health: Health =
    !stack || status === 'REVIEW_IN_PROGRESS'
      ? 'stopped'
      : COMPLETE.has(status!) || ROLLED_BACK_OK.has(status!)
        ? 'healthy'
        : status!.endsWith('_IN_PROGRESS')
          ? 'starting'
          : 'unhealthy';
  const at = stack?.LastUpdatedTime ?? stack?.CreationTime;
  return { name: s.name, health, ...(at ? { startedAt: at.getTime() } : {}) };
}
