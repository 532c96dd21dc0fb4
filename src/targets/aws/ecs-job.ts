import type { RunTaskCommandInput, Task } from '@aws-sdk/client-ecs';
import type { Gate, GateOptions, Unit, Verdict } from '../target.js';
import { passed } from '../verdicts.js';
import { fail, timedOut, type Failure } from './failure.js';
import type { AwsContext, JobRun } from './context.js';
import { follow } from './follow.js';
import { containerRoles, judgeJob } from './judge.js';
import { taskLink } from './links.js';
import { clusterFor } from './service-def.js';
import { errorMessage, isPermanent, shortId } from './util.js';

/** `startedBy` marks a job's tasks, so `convoy status` and `logs` find the latest run from any machine. */
export function jobStartedBy(stack: string, service: string): string {
  return `convoy/${stack}/${service}`.slice(0, 128);
}

/** A one-off task (a migration, topic creation, a smoke test): RunTask with the user's RunTask input, count 1. */
export async function startJob(ctx: AwsContext, unit: Unit): Promise<JobRun> {
  const aws = unit.service.aws!;
  const runTask = (aws.runTask ?? {}) as Partial<RunTaskCommandInput>;
  const cluster = clusterFor(aws.cluster, ctx.stack.aws?.cluster, runTask as Record<string, unknown>);
  const { taskDefinition, tags } = await ctx.registrar.resolve(unit, []);
  const startedAt = ctx.clock.now();
  const out = await ctx.clients.ecs.runTask({
    startedBy: jobStartedBy(ctx.stack.name, unit.service.name),
    ...runTask,
    cluster,
    taskDefinition: taskDefinition.taskDefinitionArn,
    count: 1,
  });
  const task = out.tasks?.[0];
  if (!task?.taskArn) {
    const f = out.failures?.[0];
    throw new Error(
      `ECS could not run the task: ${f ? `${f.reason ?? 'failure'}${f.detail ? ` (${f.detail})` : ''}` : 'no task was started'}`,
    );
  }
  return {
    kind: 'job',
    revision: unit.revision,
    cluster,
    taskArn: task.taskArn,
    taskDefinition,
    taskDefinitionTags: tags,
    roles: containerRoles(taskDefinition.containerDefinitions),
    startedAt,
  };
}

/** Waits until the task stopped: completed when every essential container exited 0. */
export async function awaitJob(
  ctx: AwsContext,
  unit: Unit,
  run: JobRun,
  gate: Gate,
  opts: GateOptions,
): Promise<Verdict> {
  const region = await ctx.region();
  const link = `task: ${taskLink(region, run.cluster, run.taskArn)}`;
  let last: Task | undefined;
  let lastStatus = '';
  const remember = (verdict: Failure) => {
    ctx.memory.failures.set(unit.service.name, {
      revision: unit.revision,
      verdict,
      cluster: run.cluster,
      tasks: last ? [last] : [],
      focus: run.taskArn,
      taskDefinition: run.taskDefinition,
    });
    return verdict;
  };
  return follow<Verdict>(ctx, opts, (finish) => {
    const unwatch = ctx.poller(run.cluster).watchTask({
      taskArn: run.taskArn,
      onTask: (task) => {
        if (!task) return;
        last = task;
        if (task.lastStatus && task.lastStatus !== lastStatus) {
          lastStatus = task.lastStatus;
          opts.progress?.({ message: `task ${shortId(run.taskArn)} ${task.lastStatus}` });
        }
        const j = judgeJob(task, run.roles);
        if (!j) return;
        if (j.ok) return finish(passed(gate, ctx.clock.now()));
        const f = j.failure;
        finish(
          remember(
            fail(f.reason, ctx.clock.now(), f.message, {
              check: f.check,
              output: `${f.output}\n${link}`,
              exitCode: f.exitCode,
              decidedBy: f.decidedBy,
            }),
          ),
        );
      },
      onError: (err) => {
        if (isPermanent(err))
          finish(remember(fail('start-failed', ctx.clock.now(), `ECS: ${errorMessage(err)}`)));
      },
    });
    const timeout = () =>
      remember(
        timedOut(gate, opts.timeoutMs, ctx.clock.now(), {
          check: 'ECS task',
          output: `the task is still ${last?.lastStatus ?? 'starting'}; it was not stopped\n${link}`,
        }),
      );
    return { unwatch, timeout };
  });
}
