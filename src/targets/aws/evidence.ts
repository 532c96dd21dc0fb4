import type { Service as EcsService, Task, TaskDefinition } from '@aws-sdk/client-ecs';
import type { Service } from '../../spec/types.js';
import type { AwsContext, FailureRecord } from './context.js';
import { containerRoles, judgeTask } from './judge.js';
import { flatten, taskLogs } from './logs.js';
import type { TdCache } from './status.js';
import { locate, recentTasks, taskDefinitionOf } from './tasks.js';
import { plain } from './util.js';

/**
 * A capture in the `convoy diagnose --input` format: DescribeServices / DescribeTasks / task definition / log lines /
 * target health / stack events. From the failure this process saw when there is one (a rollback must not erase
 * it), else looked up live: the newest failed task of the service or job.
 */

const LOG_LINES = 50;

interface Subject {
  service?: EcsService;
  tasks: Task[];
  /** The task whose logs tell the story: the failed one. */
  focus?: Task;
  taskDefinition?: TaskDefinition;
  stackName?: string;
}

export async function evidenceOf(
  ctx: AwsContext,
  s: Service,
  cache: TdCache,
): Promise<Record<string, unknown>> {
  const kept = ctx.memory.failures.get(s.name);
  const subject = kept ? fromFailure(kept) : await live(ctx, s, cache);
  if (!subject.focus && subject.tasks.length === 0 && !subject.service && !subject.stackName) {
    return {};
  }
  const capture: Record<string, unknown> = {};
  if (subject.tasks.length) capture.tasks = plain(subject.tasks);
  if (subject.service) capture.services = [plain(subject.service)];
  if (kept?.serviceDeployment) capture.serviceDeployments = [plain(kept.serviceDeployment)];
  const td = subject.taskDefinition ?? (await tdOf(ctx, subject.focus, cache));
  if (td) capture.taskDefinition = plain(td);
  if (subject.focus) {
    const logs = await taskLogs(ctx, subject.focus, td, LOG_LINES).catch(() => ({}));
    if (Object.keys(logs).length) capture.logs = logs;
  }
  const health = await targetHealth(ctx, subject.service);
  if (health.length) capture.targetHealth = health;
  if (subject.stackName) {
    const events = await ctx.clients.cfn
      .describeStackEvents({ StackName: subject.stackName })
      .then((r) => r.StackEvents ?? [])
      .catch(() => []);
    if (events.length) capture.stackEvents = plain(events);
  }
  return capture;
}

/** The failed task's lines for the failure report; otherwise the newest task's. */
export async function logsOf(
  ctx: AwsContext,
  s: Service,
  lines: number,
  currentRun: boolean,
  cache: TdCache,
): Promise<string[]> {
  const run = ctx.memory.runs.get(s.name);
  const kept = ctx.memory.failures.get(s.name);
  const subject =
    kept && (!currentRun || kept.revision === run?.revision) ? fromFailure(kept) : await live(ctx, s, cache);
  const task = subject.focus ?? subject.tasks[0];
  if (!task) return [];
  const td = subject.taskDefinition ?? (await tdOf(ctx, task, cache));
  const roles = containerRoles(td?.containerDefinitions);
  return flatten(await taskLogs(ctx, task, td, lines), lines, [...roles.essential]);
}

function fromFailure(f: FailureRecord): Subject {
  const focus = f.tasks.find((t) => t.taskArn === f.focus) ?? f.tasks[0];
  return {
    service: f.service,
    tasks: f.tasks.slice(0, 10),
    focus,
    taskDefinition: f.taskDefinition,
    stackName: f.stackName,
  };
}

async function live(ctx: AwsContext, s: Service, cache: TdCache): Promise<Subject> {
  if (s.kind === 'cloudformation') return { tasks: [], stackName: s.cloudformation?.stackName };
  const at = locate(ctx, s);
  if (!at) return { tasks: [] };
  const [service, tasks] = await Promise.all([
    at.serviceName ? ctx.poller(at.cluster).describeService(at.serviceName) : Promise.resolve(undefined),
    recentTasks(ctx, at).catch(() => [] as Task[]),
  ]);
  let focus: Task | undefined;
  for (const t of tasks) {
    const td = await tdOf(ctx, t, cache);
    if (judgeTask(t, containerRoles(td?.containerDefinitions))) {
      focus = t;
      break;
    }
  }
  return { service, tasks: tasks.slice(0, 10), focus: focus ?? tasks[0] };
}

async function tdOf(
  ctx: AwsContext,
  task: Task | undefined,
  cache: TdCache,
): Promise<TaskDefinition | undefined> {
  if (!task?.taskDefinitionArn) return undefined;
  return (await taskDefinitionOf(ctx, task.taskDefinitionArn, cache).catch(() => undefined))?.taskDefinition;
}

/** Behind a load balancer, each target's health reason code says what the load balancer saw. */
async function targetHealth(ctx: AwsContext, service: EcsService | undefined): Promise<unknown[]> {
  const groups = [
    ...new Set((service?.loadBalancers ?? []).map((lb) => lb.targetGroupArn).filter((a): a is string => !!a)),
  ];
  const all = await Promise.all(
    groups.map((TargetGroupArn) =>
      ctx.clients.elb
        .describeTargetHealth({ TargetGroupArn })
        .then((r) => (r.TargetHealthDescriptions ?? []).map((d) => ({ TargetGroupArn, ...plain(d) })))
        .catch(() => []),
    ),
  );
  return all.flat();
}
