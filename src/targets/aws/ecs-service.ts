import type { Service as EcsService, Task } from '@aws-sdk/client-ecs';
import type { Gate, GateOptions, Unit, Verdict } from '../target.js';
import { passed } from '../verdicts.js';
import { fail, timedOut, type Failure } from './failure.js';
import { follow } from './follow.js';
import type { AwsContext, NativeRun, ServiceRun } from './context.js';
import type { ServiceDeployment } from '@aws-sdk/client-ecs';
import {
  conclusiveByLogs,
  containerRoles,
  judgeDeployment,
  judgeTask,
  stopDecides,
  type TaskFailure,
} from './judge.js';
import { findReport, nextLogCheck, reportingContainers, unwrapped } from './health-report.js';
import { serviceLink, taskLink } from './links.js';
import { taskLogs } from './logs.js';
import type { ServiceSnapshot } from './poller.js';
import { nextProbeAfter } from './poll-schedule.js';
import { watchServiceDeployment } from './native-watch.js';
import { clusterFor, createInput, serviceNameFor, updateInput } from './service-def.js';
import {
  describeServiceDeployment,
  facts,
  findServiceDeployment,
  followsServiceDeployment,
  judgeServiceDeployment,
  type Outcome,
} from './service-deployment.js';
import { errorMessage, isPermanent, shortId } from './util.js';

/** Tasks of an adopted deployment older than this before our start are history, not evidence. */
const ADOPTED_TASK_SLACK_MS = 60_000;
/** Log lines read from a stopped task for conclusive start-up evidence, as the local target reads its log tail. */
const START_LOG_LINES = 20;

/**
 * An ECS service: register (or reuse) the task definition, then update the service — or create it from the service
 * definition — and remember the deployment ECS started, which is what awaitGate follows.
 */
/**
 * The service deployment rolling out an adopted ECS deployment, when it is still IN_PROGRESS (not rolling back to
 * it): followed like one of ours, so its pause is answered again — with the decision recorded for the dead run.
 */
async function adoptedServiceDeployment(
  ctx: AwsContext,
  cluster: string,
  serviceName: string,
  createdAt: Date | undefined,
  wanted: NativeRun,
): Promise<NativeRun | undefined> {
  if (!createdAt) return undefined;
  const arn = await findServiceDeployment(ctx, cluster, serviceName, createdAt.getTime()).catch(
    () => undefined,
  );
  const sd = arn ? await describeServiceDeployment(ctx, arn).catch(() => undefined) : undefined;
  return sd?.status === 'IN_PROGRESS' ? { ...wanted, arn } : undefined;
}

export async function startService(ctx: AwsContext, unit: Unit): Promise<ServiceRun> {
  const aws = unit.service.aws!;
  const def = aws.serviceDefinition;
  const cluster = clusterFor(aws.cluster, ctx.stack.aws?.cluster, def);
  const serviceName = serviceNameFor(unit.service.name, def);
  const { ecs } = ctx.clients;
  const startedAt = ctx.clock.now();
  const found = await ctx.poller(cluster).describeService(serviceName);
  const active = found?.status === 'ACTIVE' ? found : undefined;
  // The first time this process touches the service, what runs now is what a rollback goes back to.
  ctx.memory.rememberBefore(unit.service.name, [active?.taskDefinition]);
  const candidates = [
    ...ctx.memory.previous(unit.service.name),
    ...(active?.deployments ?? []).map((d) => d.taskDefinition),
  ].filter((a): a is string => !!a);
  const { taskDefinition, tags } = await ctx.registrar.resolve(unit, candidates);
  const arn = taskDefinition.taskDefinitionArn!;
  let service: EcsService | undefined;
  let adopted = false;
  if (!active) {
    service = (await ecs.createService(createInput(def, { cluster, serviceName, taskDefinition: arn })))
      .service;
  } else {
    const primary = active.deployments?.find((d) => d.status === 'PRIMARY');
    // Already running this definition and not broken (e.g. ECS's circuit breaker is rolling back to it): follow that
    // deployment rather than start another; a stopped or failed service gets a fresh one.
    // A restart (`convoy restart`) always wants new tasks of the same definition, at the count that runs now.
    adopted =
      !unit.restart &&
      primary?.taskDefinition === arn &&
      primary.rolloutState !== 'FAILED' &&
      (active.desiredCount ?? 0) > 0;
    const force = unit.restart || (primary?.taskDefinition === arn && !adopted);
    const desiredCount = (active.desiredCount ?? 0) === 0 ? 1 : undefined;
    service = (
      await ecs.updateService(
        unit.restart
          ? { cluster, service: serviceName, taskDefinition: arn, forceNewDeployment: true }
          : updateInput(def, { cluster, serviceName, taskDefinition: arn, force, desiredCount }),
      )
    ).service;
  }
  const deployment = service?.deployments?.find((d) => d.status === 'PRIMARY');
  if (!deployment?.id) throw new Error(`ECS did not report a deployment for service ${serviceName}`);
  const wasAdopted = adopted && (deployment.createdAt?.getTime() ?? startedAt) < startedAt;
  const follows = followsServiceDeployment(def, aws.waitUntil);
  const wanted = { waitUntil: aws.waitUntil ?? 'deployed', ...(aws.pauseAt ? { pauseAt: aws.pauseAt } : {}) };
  // An adopted deployment started no service deployment of ours: it is followed as ECS shows it, unless it is a
  // service deployment still rolling out this definition (a run that died left it, held at its pause perhaps).
  const native = !follows
    ? undefined
    : wasAdopted
      ? await adoptedServiceDeployment(ctx, cluster, serviceName, deployment.createdAt, wanted)
      : { ...wanted };
  // Known from the start, so a rollback can stop it even before its gate was followed (else found while following).
  if (native && !wasAdopted) {
    const arn = await findServiceDeployment(ctx, cluster, serviceName, startedAt).catch(() => undefined);
    if (arn) Object.assign(native, { arn });
  }
  return {
    kind: 'service',
    revision: unit.revision,
    cluster,
    serviceName,
    deploymentId: deployment.id,
    taskDefinition,
    taskDefinitionTags: tags,
    roles: containerRoles(taskDefinition.containerDefinitions),
    startedAt,
    priorEvents: (found?.events ?? []).map((e) => e.id).filter((id): id is string => !!id),
    adopted: wasAdopted,
    ...(native ? { native } : {}),
  };
}

/**
 * Follows the deployment to COMPLETED, failing at the first conclusive task failure, the second stopped task of the
 * revision (stopDecides), or a FAILED rollout.
 */
export async function awaitService(
  ctx: AwsContext,
  unit: Unit,
  run: ServiceRun,
  gate: Gate,
  opts: GateOptions,
): Promise<Verdict> {
  const region = await ctx.region();
  const name = unit.service.name;
  const links = (taskArn?: string) =>
    [
      `console: ${serviceLink(region, run.cluster, run.serviceName)}`,
      ...(taskArn ? [`task:    ${taskLink(region, run.cluster, taskArn)}`] : []),
    ].join('\n');
  const elbEvent = (snap: ServiceSnapshot) =>
    snap.service?.events?.find((e) => /is unhealthy in \(target-group/.test(e.message ?? ''))?.message;
  // Tasks of this revision stopped for a reason that may not repeat, let go for ECS to replace (stopDecides).
  const replaced = new Map<string, TaskFailure>();
  const fromTask = (f: TaskFailure, snap: ServiceSnapshot) => {
    // ECS deregisters the target before stopping the task, so its reason code survives only in the service event.
    const elb = f.check.startsWith('ELB') ? elbEvent(snap) : undefined;
    const earlier = [...replaced.values()]
      .filter((r) => r.taskArn !== f.taskArn)
      .map((r) => `earlier stopped task (replaced): ${r.message}\n`);
    const v = fail(f.reason, ctx.clock.now(), f.message, {
      check: f.check,
      output: `${f.output}\n${elb ? `service event: ${elb}\n` : ''}${earlier.join('')}${links(f.taskArn)}`,
      exitCode: f.exitCode,
      decidedBy: f.decidedBy,
    });
    remember(v, snap, f.taskArn);
    return v;
  };
  const remember = (verdict: Failure, snap?: ServiceSnapshot, focus?: string) => {
    ctx.memory.failures.set(name, {
      revision: unit.revision,
      verdict,
      cluster: run.cluster,
      serviceName: run.serviceName,
      service: snap?.service,
      tasks: snap?.tasks ?? [],
      ...(focus ? { focus } : {}),
      taskDefinition: run.taskDefinition,
    });
    return verdict;
  };
  const reported = new Set<string>();
  const waitedForEvent = new Set<string>();
  // deploy.failFast: conclusive — health checks that report to the logs are read while their task starts.
  const reporting = reportingContainers(run.taskDefinition);
  const logChecks = new Map<string, { at: number; gap: number; seenAt: number }>();
  const reading = new Set<string>();
  const readReports = (t: Task, snap: ServiceSnapshot, finish: (v: Verdict) => void) => {
    const arn = t.taskArn;
    if (!arn || reading.has(arn) || t.lastStatus !== 'RUNNING' || t.desiredStatus === 'STOPPED') return;
    const starting = (t.containers ?? []).filter(
      (c) => c.name && reporting.has(c.name) && c.healthStatus !== 'HEALTHY',
    );
    if (!starting.length) return;
    const now = ctx.clock.now();
    const interval = Math.min(...starting.map((c) => reporting.get(c.name!)!));
    const due = logChecks.get(arn);
    // A probe since the last look may have written its report: read now, not at the schedule's next turn (rounds
    // land just after probes, where a rollout can complete).
    const probed = due && t.startedAt && nextProbeAfter(t.startedAt.getTime(), interval, due.seenAt) <= now;
    if (due && now < due.at && !probed) return;
    logChecks.set(arn, { ...nextLogCheck(due, now, ctx.timing.pollMs, interval), seenAt: now });
    if (!due) return; // the first sight of the task running: its first probe has not run yet
    reading.add(arn);
    void taskLogs(ctx, t, run.taskDefinition, 20)
      .then((byContainer) => {
        for (const c of starting) {
          const report = findReport(byContainer[c.name!] ?? []);
          if (!report) continue;
          const def = run.taskDefinition.containerDefinitions?.find((d) => d.name === c.name);
          const shown = unwrapped(def?.healthCheck?.command) ?? '';
          const v = fail(
            'unhealthy',
            ctx.clock.now(),
            `conclusive evidence from the health check of container ${c.name} in task ${shortId(arn)}, inside its start period: ${report} — waiting cannot change it`,
            {
              check: `ECS container health check (${c.name})`,
              output: `${report}\nhealth check: CMD-SHELL ${shown}\n${links(arn)}`,
              decidedBy: 'conclusive',
            },
          );
          remember(v, snap, arn);
          return finish(v);
        }
      })
      .catch(() => {})
      .finally(() => reading.delete(arn));
  };
  let last: ServiceSnapshot | undefined;
  let summary = 'no word from ECS yet';
  const native = run.native;
  let lastSd: ServiceDeployment | undefined;
  const sdFailure = (message: string, sd: ServiceDeployment) => {
    const v = fail('unhealthy', ctx.clock.now(), message, {
      check: 'ECS service deployment',
      output: `${facts(sd)}\n${links(last?.tasks.find((t) => t.stoppedReason)?.taskArn)}`,
      decidedBy: 'verdict',
    });
    remember(v, last);
    ctx.memory.failures.get(name)!.serviceDeployment = sd;
    return v;
  };

  return follow<Verdict>(ctx, opts, (settle) => {
    // Set by the first verdict: a log read that ends later must not replace it (or the failure remembered for it).
    let deciding = false;
    const finish = (v: Verdict) => {
      deciding = true;
      settle(v);
    };
    const sdWatch = native
      ? watchServiceDeployment(
          ctx,
          { ...run, native },
          opts,
          (o: Outcome, sd) => {
            lastSd = sd;
            if (o.state === 'failed') return finish(sdFailure(o.message, sd));
            if (o.state !== 'passed') return;
            // stable: the service deployment succeeded and ECS shows the service steady.
            const steady =
              native.waitUntil !== 'stable' ||
              (last &&
                judgeDeployment(last.service, run.deploymentId, last.tasks, run.roles).state === 'done');
            if (steady) finish(passed(gate, ctx.clock.now()));
          },
          (message) => finish(remember(fail('start-failed', ctx.clock.now(), message))),
        )
      : undefined;
    // A task failure while ECS already rolls back: ECS's own verdict (and reason) is the one to report.
    const decide = (v: Failure) => {
      deciding = true;
      if (!sdWatch) return finish(v);
      void sdWatch
        .refresh()
        .catch(() => lastSd)
        .then((sd) => {
          const o = sd ? judgeServiceDeployment(sd, native!.waitUntil) : undefined;
          if (o?.state === 'rolling-back') return; // its end decides, with ECS's reason
          finish(o?.state === 'failed' && sd ? sdFailure(o.message, sd) : v);
        });
    };
    /**
     * A stop let go for ECS to replace, unless its container's last log lines are conclusive (a required setting
     * missing at boot; only awslogs containers can be read). A failed read is not evidence: the task stays let go.
     */
    const letGo = (f: TaskFailure, t: Task, snap: ServiceSnapshot) => {
      const warn = () =>
        opts.progress?.({
          message: `${f.message} — ECS replaces it; a second stopped task of this revision fails the service`,
          warning: true,
        });
      if (!f.container) return warn();
      void taskLogs(ctx, t, run.taskDefinition, START_LOG_LINES)
        .then((byContainer) => conclusiveByLogs(f, byContainer[f.container!] ?? []))
        .catch(() => undefined)
        .then((c) => {
          if (!c) return warn();
          if (deciding) return; // a verdict came first (the next stopped task's, or the rollout's)
          decide(fromTask(c, snap));
        });
    };
    const unwatchService = ctx.poller(run.cluster).watchService({
      serviceName: run.serviceName,
      deploymentId: run.deploymentId,
      since: run.startedAt,
      priorEvents: run.priorEvents,
      tasksSince: run.adopted ? run.startedAt - ADOPTED_TASK_SLACK_MS : undefined,
      checked: run.roles.checked,
      ...probeOf(run),
      ...(opts.expected ? { expected: opts.expected } : {}),
      onSnapshot: (snap) => {
        last = snap;
        for (const e of snap.events) if (e.message) opts.progress?.({ message: e.message });
        // Oldest first: of two tasks stopped in one round, the later one is the repeat that decides.
        for (const t of [...snap.tasks].reverse()) {
          const f = judgeTask(t, run.roles);
          if (f && replaced.has(f.taskArn)) continue;
          if (f && !stopDecides(f, replaced.keys())) {
            replaced.set(f.taskArn, f);
            letGo(f, t, snap);
            continue;
          }
          // The task may have been described after the service in this round: give its event one more round.
          if (f && f.check.startsWith('ELB') && !elbEvent(snap) && !waitedForEvent.has(f.taskArn)) {
            waitedForEvent.add(f.taskArn);
            return;
          }
          if (f) return decide(fromTask(f, snap));
          reportInconclusive(t, reported, opts);
          if (reporting.size) readReports(t, snap, finish);
        }
        if (native) return; // the service deployment decides
        const state = judgeDeployment(snap.service, run.deploymentId, snap.tasks, run.roles);
        if (state.state === 'done') return finish(passed(gate, ctx.clock.now()));
        if (state.state === 'waiting') summary = state.summary;
        else {
          const lastStop = snap.tasks.find((t) => t.stoppedReason);
          const output = [
            ...(lastStop
              ? [`last stopped task ${shortId(lastStop.taskArn ?? '')}: ${lastStop.stoppedReason}`]
              : []),
            links(lastStop?.taskArn),
          ].join('\n');
          finish(
            remember(
              fail(state.reason, ctx.clock.now(), state.message, { check: 'ECS deployment', output }),
              snap,
            ),
          );
        }
      },
      onError: (err) => {
        if (isPermanent(err)) {
          finish(
            remember(
              fail(
                'start-failed',
                ctx.clock.now(),
                `ECS refused to describe ${run.serviceName}: ${errorMessage(err)}`,
              ),
            ),
          );
        }
      },
    });
    const timeout = () =>
      remember(
        timedOut(gate, opts.timeoutMs, ctx.clock.now(), {
          check: 'ECS deployment',
          output: `${summary}\n${links(last?.tasks.find((t) => t.stoppedReason)?.taskArn)}`,
        }),
        last,
      );
    const unwatch = () => {
      unwatchService();
      sdWatch?.stop();
    };
    return { unwatch, timeout };
  });
}

/**
 * Convoy's rollback of a service deployment still in progress: StopServiceDeployment with ROLLBACK, then its
 * record until ECS says the rollback succeeded.
 */
export async function stopWithRollback(
  ctx: AwsContext,
  run: ServiceRun,
  revision: string,
): Promise<ServiceRun> {
  const arn = run.native?.arn;
  if (!arn) return run;
  await ctx.clients.ecs.stopServiceDeployment({ serviceDeploymentArn: arn, stopType: 'ROLLBACK' });
  const native: NativeRun = { waitUntil: 'rolled-back', arn };
  return { ...run, revision, native, startedAt: ctx.clock.now() };
}

export async function awaitRollback(
  ctx: AwsContext,
  run: ServiceRun & { native: NativeRun },
  gate: Gate,
  opts: GateOptions,
): Promise<Verdict> {
  return follow<Verdict>(ctx, opts, (finish) => {
    let lastSd: ServiceDeployment | undefined;
    const w = watchServiceDeployment(
      ctx,
      run,
      opts,
      (_o, sd) => {
        lastSd = sd;
        if (sd.status === 'ROLLBACK_SUCCESSFUL') finish(passed(gate, ctx.clock.now()));
        else if (sd.status !== 'ROLLBACK_IN_PROGRESS' && sd.status !== 'ROLLBACK_REQUESTED')
          finish(fail('unhealthy', ctx.clock.now(), `the service deployment's rollback ended ${sd.status}`));
      },
      (message) => finish(fail('start-failed', ctx.clock.now(), message)),
    );
    const timeout = () =>
      timedOut(gate, opts.timeoutMs, ctx.clock.now(), {
        check: 'ECS service deployment',
        output: lastSd ? facts(lastSd) : 'no word from ECS yet',
      });
    return { unwatch: w.stop, timeout };
  });
}

function reportInconclusive(t: Task, reported: Set<string>, opts: GateOptions): void {
  if (!t.stoppedReason || !t.taskArn || reported.has(t.taskArn)) return;
  reported.add(t.taskArn);
  if (/^Scaling activity/i.test(t.stoppedReason)) return;
  opts.progress?.({ message: `task ${shortId(t.taskArn)} stopped: ${t.stoppedReason}` });
}

/** The shortest health check interval of the checked containers (ECS's default 30 s): how often a task can turn healthy. */
function probeOf(run: ServiceRun): { probeMs?: number } {
  const intervals = (run.taskDefinition.containerDefinitions ?? [])
    .filter((c) => c.name && run.roles.checked.has(c.name))
    .map((c) => (c.healthCheck?.interval ?? 30) * 1000);
  return intervals.length ? { probeMs: Math.min(...intervals) } : {};
}
