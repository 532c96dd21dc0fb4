import type { Container, Deployment, Service as EcsService, Task } from '@aws-sdk/client-ecs';
import { conclusiveEcs, conclusiveStart, type DecidedBy } from '../conclusive.js';
import type { FailureReason } from '../target.js';
import { shortId } from './util.js';

/**
 * When ECS evidence is conclusive, as pure functions over DescribeServices / DescribeTasks output. A task stopped for
 * a reason that will happen again to its replacement (the image, the secrets, the application itself) decides the
 * deployment at once; waiting for the circuit breaker or a timeout would only replay it.
 */

export interface TaskFailure {
  reason: FailureReason;
  /** One plain sentence. */
  message: string;
  check: string;
  /** What ECS said, one fact per line. */
  output: string;
  exitCode?: number;
  container?: string;
  taskArn: string;
  /**
   * conclusive: what ECS said cannot change for the replacement task (an image or secret that does not exist, a
   * binary for another CPU, a program not found); verdict: the task's own verdict (a health check, an exit).
   */
  decidedBy: DecidedBy;
}

/** Which kind of evidence a stopped task is: ECS's words and each container's reason and exit code. */
function decide(task: Task, cs: Container[], c?: Container): { decidedBy: DecidedBy; meaning?: string } {
  const said = [task.stoppedReason ?? '', ...cs.map((x) => x.reason ?? '')].join('\n');
  const found = conclusiveEcs(said) ?? (c ? conclusiveStart([c.reason ?? ''], c.exitCode) : undefined);
  return found ? { decidedBy: 'conclusive', meaning: found.meaning } : { decidedBy: 'verdict' };
}

/** Stops that say nothing about the revision: scaling, people, spot reclaims, host maintenance. */
const NOT_A_FAILURE = [
  /^Scaling activity initiated by/i,
  /stopped by user/i,
  /Spot Task was interrupted/i,
  /instance.*(termination|draining)/i,
  /performing maintenance/i,
  /deployment.*(replaced|cancel)/i,
];

/**
 * The task definition's containers by name: which are essential and which have a health check. Fargate may add
 * containers of its own anywhere in a task's list, so position means nothing.
 */
export interface ContainerRoles {
  essential: Set<string>;
  checked: Set<string>;
}

export function containerRoles(
  containerDefinitions: readonly { name?: string; essential?: boolean; healthCheck?: unknown }[] = [],
): ContainerRoles {
  const named = containerDefinitions.filter((c) => c.name);
  return {
    essential: new Set(named.filter((c) => c.essential !== false).map((c) => c.name!)),
    checked: new Set(named.filter((c) => c.healthCheck).map((c) => c.name!)),
  };
}

function essentials(task: Task, roles: ContainerRoles): Container[] {
  return (task.containers ?? []).filter((c) => c.name !== undefined && roles.essential.has(c.name));
}

function describeContainer(c: Container): string {
  const parts = [`lastStatus ${c.lastStatus ?? '?'}`];
  if (c.exitCode !== undefined && c.exitCode !== null) parts.push(`exitCode ${c.exitCode}`);
  if (c.healthStatus && c.healthStatus !== 'UNKNOWN') parts.push(`health ${c.healthStatus}`);
  if (c.reason) parts.push(`reason ${c.reason}`);
  return `container ${c.name}: ${parts.join(', ')}`;
}

function taskOutput(task: Task, containers: Container[]): string {
  return [
    `stoppedReason: ${task.stoppedReason ?? '(none)'}`,
    ...(task.stopCode ? [`stopCode: ${task.stopCode}`] : []),
    ...containers.map(describeContainer),
  ].join('\n');
}

/** The container whose exit ended the task: a failing one first, then the one with a reason (e.g. OOM). */
function exitedContainer(cs: Container[]): Container | undefined {
  const exited = cs.filter((c) => c.exitCode !== undefined && c.exitCode !== null);
  return (
    exited.find((c) => c.exitCode !== 0 && c.reason) ??
    exited.find((c) => c.exitCode !== 0) ??
    cs.find((c) => c.reason) ??
    exited[0]
  );
}

function exitWords(c: Container): string {
  const oom = /OutOfMemory/i.test(c.reason ?? '') || c.exitCode === 137;
  const code = c.exitCode !== undefined && c.exitCode !== null ? `exited with code ${c.exitCode}` : 'exited';
  const why = c.reason ? ` (${c.reason})` : oom ? ' (killed: out of memory, or SIGKILL)' : '';
  return `container ${c.name} ${code}${why}`;
}

/**
 * A conclusive failure of one task, or undefined while the task runs, is still starting, or stopped for a reason
 * that is not the revision's fault. Judged as soon as ECS has decided to stop the task (its stoppedReason is set),
 * which for a failed health check is the moment of the first verdict.
 */
export function judgeTask(task: Task, roles: ContainerRoles, subject = 'task'): TaskFailure | undefined {
  if (task.desiredStatus !== 'STOPPED' && task.lastStatus !== 'STOPPED') return undefined;
  const why = task.stoppedReason ?? '';
  if (!why && task.lastStatus !== 'STOPPED') return undefined;
  if (NOT_A_FAILURE.some((re) => re.test(why))) return undefined;
  const all = task.containers ?? [];
  const mine = essentials(task, roles);
  const id = shortId(task.taskArn ?? '');
  const base = (reason: FailureReason, message: string, check: string, c?: Container): TaskFailure => {
    const d = decide(task, all, c);
    return {
      reason,
      message,
      check,
      output: taskOutput(task, mine.length ? mine : all),
      ...(c?.exitCode !== undefined && c?.exitCode !== null ? { exitCode: c!.exitCode! } : {}),
      ...(c?.name ? { container: c.name } : {}),
      taskArn: task.taskArn ?? '',
      decidedBy: d.decidedBy,
    };
  };
  const withReason = (re: RegExp) => all.find((c) => re.test(c.reason ?? ''));
  const stopped = `ECS stopped ${subject} ${id}: ${why}`;

  const pull = withReason(/CannotPullContainer/i);
  if (pull || /CannotPullContainer/i.test(why)) {
    const c = pull ?? mine[0];
    return base(
      'start-failed',
      `${stopped}${pull && pull.reason !== why ? ` (container ${pull.name}: ${pull.reason})` : ''}`,
      `ECS image pull (${c?.name ?? 'task'})`,
      c,
    );
  }
  if (/ResourceInitializationError/i.test(why)) {
    return base('start-failed', stopped, 'ECS task start (secrets, registry auth, log configuration)');
  }
  const cannot = withReason(/Cannot(Start|Create|Inspect)Container/i);
  if (cannot || /Cannot(Start|Create|Inspect)Container/i.test(why)) {
    const c = cannot ?? mine[0];
    return base(
      'start-failed',
      `${stopped}${cannot ? ` (container ${cannot.name}: ${cannot.reason})` : ''}`,
      `ECS container start (${c?.name ?? 'task'})`,
      c,
    );
  }
  if (/failed container health checks/i.test(why)) {
    const c = mine.find((x) => x.healthStatus === 'UNHEALTHY') ?? mine[0];
    return base(
      'unhealthy',
      `${stopped}${c ? ` (container ${c.name} was UNHEALTHY)` : ''}`,
      `ECS container health check (${c?.name ?? 'task'})`,
      c,
    );
  }
  const elb = /failed ELB health checks in \(?target-group ([^)\s]+)/i.exec(why);
  if (elb || /failed ELB health checks/i.test(why)) {
    const tg = elb?.[1]?.split('/')[1] ?? elb?.[1] ?? 'target group';
    return base('unhealthy', stopped, `ELB health check (${tg})`);
  }
  if (
    /Essential container in task exited/i.test(why) ||
    task.stopCode === 'EssentialContainerExited' ||
    withReason(/OutOfMemory/i)
  ) {
    const c = exitedContainer(mine.length ? mine : all);
    return base(
      'exited',
      c ? `${stopped}: ${exitWords(c)}` : stopped,
      `ECS essential container (${c?.name ?? 'task'})`,
      c,
    );
  }
  if (task.stopCode === 'TaskFailedToStart') return base('start-failed', stopped, 'ECS task start');
  return undefined;
}

/**
 * Whether a stopped task of the new revision fails the service now. Conclusive evidence does at once. Any other stop
 * (a crash, a failed container or ELB health check, OOM) may be the task's bad luck, not the revision's: ECS replaces
 * the task, as its circuit breaker would let it, and only a second stopped task of the revision decides — a failure
 * that repeats is the revision's. `replaced`: the tasks of this revision already stopped and let go.
 */
export function stopDecides(f: TaskFailure, replaced: Iterable<string>): boolean {
  if (f.decidedBy === 'conclusive') return true;
  for (const arn of replaced) if (arn !== f.taskArn) return true;
  return false;
}

/**
 * A let-go stop made conclusive by its container's last log lines: ECS's words and the exit code do not show a
 * required setting missing at boot, the application's own output does, and the replacement would print it again.
 */
export function conclusiveByLogs(f: TaskFailure, lines: readonly string[]): TaskFailure | undefined {
  if (f.decidedBy === 'conclusive') return undefined;
  const found = conclusiveStart(lines, f.exitCode);
  if (!found) return undefined;
  const quoted = [...lines].reverse().find((l) => conclusiveStart([l])) ?? lines[lines.length - 1] ?? '';
  return {
    ...f,
    message: `${f.message}: conclusive evidence, ${found.meaning}: ${quoted.trim()}`,
    output: `${f.output}\ncontainer ${f.container ?? '?'} log: ${quoted}`,
    decidedBy: 'conclusive',
  };
}

/** A job (RunTask) is done when its task stopped: success when every essential container exited 0. */
export function judgeJob(
  task: Task,
  roles: ContainerRoles,
): { ok: true } | { ok: false; failure: TaskFailure } | undefined {
  if (task.lastStatus !== 'STOPPED') {
    // A task that cannot start is decided before its stop sequence ends.
    const early = task.stopCode === 'TaskFailedToStart' ? judgeTask(task, roles, 'job task') : undefined;
    return early ? { ok: false, failure: early } : undefined;
  }
  const mine = essentials(task, roles);
  const cs = mine.length ? mine : (task.containers ?? []);
  if (cs.length > 0 && cs.every((c) => c.exitCode === 0)) return { ok: true };
  const judged = judgeTask(task, roles, 'job task');
  const bad = cs.find((c) => c.exitCode !== 0 && c.exitCode !== undefined && c.exitCode !== null);
  if (bad && (!judged || judged.reason === 'exited')) {
    return {
      ok: false,
      failure: {
        reason: 'exited',
        message: `job ${exitWords(bad)} (ECS: ${task.stoppedReason ?? 'task stopped'})`,
        check: `ECS essential container (${bad.name})`,
        output: taskOutput(task, cs),
        exitCode: bad.exitCode!,
        container: bad.name!,
        taskArn: task.taskArn ?? '',
        decidedBy: decide(task, cs, bad).decidedBy,
      },
    };
  }
  return {
    ok: false,
    failure: judged ?? {
      reason: 'exited',
      message: `job task ${shortId(task.taskArn ?? '')} stopped without an exit code: ${task.stoppedReason ?? 'unknown reason'}`,
      check: 'ECS task',
      output: taskOutput(task, cs),
      taskArn: task.taskArn ?? '',
      decidedBy: 'verdict',
    },
  };
}

export type DeploymentState =
  | { state: 'done' }
  | { state: 'waiting'; summary: string }
  | { state: 'failed'; reason: FailureReason; message: string };

/**
 * Where the watched deployment stands. Done = it is the PRIMARY deployment and COMPLETED (or, where ECS reports no
 * rolloutState, it alone runs the desired count) and its described tasks are RUNNING and, when checked, HEALTHY.
 */
export function judgeDeployment(
  service: EcsService | undefined,
  deploymentId: string,
  tasks: readonly Task[],
  roles: ContainerRoles,
): DeploymentState {
  if (!service || service.status === 'INACTIVE') {
    return { state: 'failed', reason: 'start-failed', message: 'the ECS service does not exist (any more)' };
  }
  const deployments = service.deployments ?? [];
  const d: Deployment | undefined = deployments.find((x) => x.id === deploymentId);
  if (!d) {
    return {
      state: 'failed',
      reason: 'unhealthy',
      message: `ECS deployment ${deploymentId} is gone before it completed: ECS's circuit breaker rolled it back, or another deployment replaced it`,
    };
  }
  if (d.rolloutState === 'FAILED') {
    return {
      state: 'failed',
      reason: 'start-failed',
      message: `ECS deployment failed: ${d.rolloutStateReason ?? 'rollout FAILED'} (${d.failedTasks ?? 0} failed tasks)`,
    };
  }
  const desired = d.desiredCount ?? service.desiredCount ?? 0;
  const running = d.runningCount ?? 0;
  const summary =
    `deployment ${d.rolloutState ?? d.status ?? ''}: ${running}/${desired} running` +
    `${d.pendingCount ? `, ${d.pendingCount} pending` : ''}${d.failedTasks ? `, ${d.failedTasks} failed` : ''}`;
  if (d.status !== 'PRIMARY') {
    // Completed before someone else's deployment took over: ours did what it had to.
    if (d.rolloutState === 'COMPLETED') return { state: 'done' };
    return {
      state: 'failed',
      reason: 'unhealthy',
      message: `ECS deployment ${deploymentId} is no longer the primary one`,
    };
  }
  const completed =
    d.rolloutState === 'COMPLETED' ||
    (d.rolloutState === undefined && deployments.length === 1 && running === desired);
  if (!completed || running < desired) return { state: 'waiting', summary };
  const live = tasks.filter((t) => t.desiredStatus !== 'STOPPED');
  const unready = live.find(
    (t) =>
      t.lastStatus !== 'RUNNING' ||
      essentials(t, roles).some(
        (c) => c.healthStatus === 'UNHEALTHY' || (roles.checked.has(c.name!) && c.healthStatus !== 'HEALTHY'),
      ),
  );
  // ECS said COMPLETED; tasks we saw earlier may simply be stale, so only an explicit bad state holds it back.
  if (unready && d.rolloutState === undefined) return { state: 'waiting', summary };
  return { state: 'done' };
}
