import type { AwsContext } from '../core/context.js';
import type { EventQueue, ScheduledEvent } from '../core/queue.js';
import type { Random } from '../core/random.js';
import type { ElbModel, Target } from '../elb/model.js';
import { rolloutReasons, serviceDeploymentReasons, serviceEvents, stopReasons } from './messages.js';
import { ServiceDeploymentRecord, type RevisionCounts, type RolloutHost } from './native.js';
import type { Task, TaskChange } from './task.js';
import type { EcsTimings } from './timings.js';
import type {
  CapacityProviderStrategyItem,
  DeploymentConfiguration,
  LoadBalancer,
  NetworkConfiguration,
  TaskDefinition,
} from './types.js';

/**
 * A replica service and its rolling deployments: the scheduler keeps `desiredCount` healthy tasks of the PRIMARY
 * deployment within minimumHealthyPercent/maximumPercent, replaces tasks that fail (forever, unless the circuit
 * breaker is on), and reports what it does as ECS service events.
 */

export interface ServiceHost {
  readonly queue: EventQueue;
  readonly rng: Random;
  readonly ctx: AwsContext;
  readonly timings: EcsTimings;
  readonly elb: ElbModel;
  alarmState(name: string): string | undefined;
  launch(service: Service, deployment: Deployment): Task;
}

export interface LaunchConfig {
  launchType?: string;
  capacityProviderStrategy?: CapacityProviderStrategyItem[];
  platformVersion?: string;
  networkConfiguration?: NetworkConfiguration;
}

export class Deployment {
  status: 'PRIMARY' | 'ACTIVE' = 'PRIMARY';
  rolloutState: 'IN_PROGRESS' | 'COMPLETED' | 'FAILED' = 'IN_PROGRESS';
  rolloutStateReason: string;
  failedTasks = 0;
  /** Consecutive failures the circuit breaker has counted; a healthy task resets it (ECS's default model). */
  breakerFailures = 0;
  stopLaunching = false;
  readonly tasks = new Set<Task>();
  updatedAt: number;
  /** The service deployment (DescribeServiceDeployments) this deployment is the target of. */
  record?: ServiceDeploymentRecord;

  constructor(
    readonly id: string,
    public taskDefinition: TaskDefinition,
    readonly launch: LaunchConfig,
    readonly createdAt: number,
  ) {
    this.updatedAt = createdAt;
    this.rolloutStateReason = rolloutReasons.inProgress(id);
  }

  count(pred: (t: Task) => boolean): number {
    return [...this.tasks].filter(pred).length;
  }
}

export interface ServiceEvent {
  id: string;
  createdAt: number;
  message: string;
}

export interface ServiceConfig extends LaunchConfig {
  desiredCount: number;
  deploymentConfiguration: DeploymentConfiguration;
  loadBalancers: LoadBalancer[];
  healthCheckGracePeriodSeconds?: number;
  schedulingStrategy: string;
  /** Everything else the client sent, echoed back by DescribeServices. */
  extra: Record<string, unknown>;
}

export class Service {
  status: 'ACTIVE' | 'DRAINING' | 'INACTIVE' = 'ACTIVE';
  deployments: Deployment[] = [];
  readonly history = new Map<string, Deployment>();
  events: ServiceEvent[] = [];
  /** Newest first, as ListServiceDeployments returns them. */
  serviceDeployments: ServiceDeploymentRecord[] = [];
  readonly createdAt: number;
  /** Blue/green: production traffic is on the load balancers' alternate target groups. */
  private productionOnAlternate = false;
  private lastCompleted?: Deployment;
  private reconcileTimer?: ScheduledEvent;
  private steady = false;
  private consecutiveFailures = 0;
  private launchNotBefore = 0;
  private impairedReported = false;
  private unhealthyToReplace = 0;
  private targets = new Map<Task, { tg: string; target: Target }[]>();

  constructor(
    private readonly host: ServiceHost,
    readonly arn: string,
    readonly name: string,
    readonly clusterArn: string,
    public config: ServiceConfig,
    taskDefinition: TaskDefinition,
  ) {
    this.createdAt = host.queue.now;
    this.startDeployment(taskDefinition);
  }

  get primary(): Deployment {
    return this.deployments[0]!;
  }

  get taskDefinition(): TaskDefinition {
    return this.primary.taskDefinition;
  }

  get desiredCount(): number {
    if (this.status !== 'ACTIVE') return 0;
    return this.config.schedulingStrategy === 'DAEMON' ? 1 : this.config.desiredCount;
  }

  get tasks(): Task[] {
    return this.deployments.flatMap((d) => [...d.tasks]);
  }

  get runningCount(): number {
    return this.tasks.filter((t) => t.lastStatus === 'RUNNING').length;
  }

  get pendingCount(): number {
    return this.tasks.filter((t) => t.lastStatus === 'PROVISIONING' || t.lastStatus === 'PENDING').length;
  }

  /** What CloudFormation's ECS service handler waits for. */
  get stable(): boolean {
    return (
      this.status === 'ACTIVE' &&
      this.deployments.length === 1 &&
      this.primary.rolloutState === 'COMPLETED' &&
      this.runningCount === this.desiredCount
    );
  }

  /** A new deployment replaces the primary; the previous ones are scaled down as the new tasks turn healthy. */
  startDeployment(def: TaskDefinition): Deployment {
    const now = this.host.queue.now;
    const d = new Deployment(`ecs-svc/${this.host.rng.digits(19)}`, def, this.launchConfig(), now);
    for (const old of this.deployments) old.status = 'ACTIVE';
    this.deployments = [d, ...this.deployments.filter((o) => o.count((t) => t.lastStatus !== 'STOPPED') > 0)];
    this.history.set(d.id, d);
    for (const r of this.serviceDeployments) r.superseded();
    const revision = (x: Deployment) => ({
      arn: `${this.arn.replace(':service/', ':service-revision/')}/${x.id.split('/').pop()}`,
      deploymentId: x.id,
      taskDefinition: x.taskDefinition.taskDefinitionArn,
    });
    const source = this.lastCompleted;
    d.record = new ServiceDeploymentRecord(
      this.rolloutHost,
      `${this.arn.replace(':service/', ':service-deployment/')}/${this.host.rng.alnum(21)}`,
      this.arn,
      this.clusterArn,
      revision(d),
      source ? revision(source) : undefined,
      structuredClone(this.config.deploymentConfiguration),
    );
    this.serviceDeployments = [d.record, ...this.serviceDeployments].slice(0, 50);
    this.consecutiveFailures = 0;
    this.launchNotBefore = 0;
    this.impairedReported = false;
    this.steady = false;
    this.scheduleReconcile();
    return d;
  }

  update(config: ServiceConfig): void {
    this.config = config;
    this.steady = false;
    this.scheduleReconcile();
  }

  drain(): void {
    this.status = 'DRAINING';
    this.scheduleReconcile();
  }

  isHealthy(t: Task): boolean {
    if (!t.live || t.lastStatus !== 'RUNNING') return false;
    const checked = t.containers.some((c) => c.essential && c.tracker);
    if (checked ? t.health !== 'HEALTHY' : t.health === 'UNHEALTHY') return false;
    return (this.targets.get(t) ?? []).every(({ target }) => target.state === 'healthy');
  }

  taskChanged(task: Task, change: TaskChange): void {
    if (change === 'status' && task.lastStatus === 'RUNNING' && task.live && !this.targets.has(task)) {
      this.registerTargets(task);
    }
    if (change === 'health') {
      if (task.health === 'UNHEALTHY') this.judgeUnhealthy(task, () => this.failContainerHealth(task));
      if (task.health === 'HEALTHY') this.healthyTask(task);
    }
    if (change === 'stopping') {
      if (task.failed) this.countFailure(task);
      this.releaseTargets(task, false);
    }
    this.scheduleReconcile();
  }

  private registerTargets(task: Task): void {
    const regs: { tg: string; target: Target }[] = [];
    for (const lb of this.config.loadBalancers) {
      if (!lb.targetGroupArn) continue;
      const container = task.containers.find((c) => c.name === lb.containerName);
      const mapping = container?.def?.portMappings?.find((p) => p.containerPort === lb.containerPort);
      const port = task.awsvpc ? (lb.containerPort ?? 80) : mapping?.hostPort || 32768 + regs.length;
      const id = task.awsvpc ? task.privateIp : task.instanceId;
      const alternate = lb.advancedConfiguration?.alternateTargetGroupArn;
      const green = !!this.deploymentOf(task)?.record?.holdsBlue;
      const tg = alternate && green !== this.productionOnAlternate ? alternate : lb.targetGroupArn;
      const target = this.host.elb.register(
        tg,
        id,
        port,
        () => {
          const b = container?.behaviour;
          const ready =
            !!container?.startedAt &&
            this.host.queue.now >= container.startedAt + (b?.readySeconds ?? 0) * 1000;
          if (!b || (ready && b.elb === 'healthy')) return { ok: true };
          if (!ready) return { ok: false, reason: 'Target.Timeout' };
          return { ok: false, reason: b.elb === 'healthy' ? undefined : b.elb, httpCode: b.elbHttpCode };
        },
        (t) => this.targetChanged(task, tg, lb.containerPort ?? port, t),
        {
          taskArn: task.arn,
          taskDefinitionArn: task.def.taskDefinitionArn ?? '',
          family: task.def.family ?? '',
          image: container?.image ?? '',
        },
      );
      regs.push({ tg, target });
      this.event(serviceEvents.registeredTargets(this.name, 1, tg));
    }
    if (regs.length) this.targets.set(task, regs);
  }

  private targetChanged(task: Task, tg: string, port: number, t: Target): void {
    if (t.state === 'unhealthy' && task.live) {
      this.judgeUnhealthy(task, () => {
        if (t.state !== 'unhealthy' || !task.live) return;
        const why =
          t.reason === 'Target.ResponseCodeMismatch'
            ? `Health checks failed with these codes: [${t.httpCode ?? 502}]`
            : t.reason === 'Target.Timeout'
              ? 'Request timed out'
              : 'Health checks failed';
        this.event(serviceEvents.elbUnhealthy(this.name, port, tg, why));
        this.stopTask(task, stopReasons.elbHealth(tg), true);
        this.unhealthyToReplace++;
      });
    }
    if (t.state === 'healthy' && this.isHealthy(task)) this.healthyTask(task);
    this.scheduleReconcile();
  }

  /** Unhealthy verdicts are ignored during the health check grace period, then acted on if still true. */
  private judgeUnhealthy(task: Task, act: () => void): void {
    const graceEnd = (task.startedAt ?? 0) + (this.config.healthCheckGracePeriodSeconds ?? 0) * 1000;
    if (this.host.queue.now >= graceEnd) act();
    else this.host.queue.at(graceEnd, 'health check grace period over', act);
  }

  private failContainerHealth(task: Task): void {
    if (task.health !== 'UNHEALTHY' || !task.live) return;
    this.event(serviceEvents.failedHealthChecks(this.name, task.id));
    this.stopTask(task, stopReasons.containerHealth, true);
    this.unhealthyToReplace++;
  }

  private healthyTask(task: Task): void {
    if (!this.isHealthy(task)) return;
    this.consecutiveFailures = 0;
    this.launchNotBefore = 0;
    const d = this.deploymentOf(task);
    if (d && d.rolloutState === 'IN_PROGRESS') d.breakerFailures = 0;
  }

  private countFailure(task: Task): void {
    const d = this.deploymentOf(task);
    if (!d) return;
    d.failedTasks++;
    d.updatedAt = this.host.queue.now;
    this.consecutiveFailures++;
    const { afterFailures, baseSeconds, maxSeconds } = this.host.timings.launchBackoff;
    if (baseSeconds > 0 && this.consecutiveFailures >= afterFailures) {
      const wait = Math.min(maxSeconds, baseSeconds * 2 ** (this.consecutiveFailures - afterFailures));
      this.launchNotBefore = this.host.queue.now + wait * 1000;
      if (!this.impairedReported) this.event(serviceEvents.startImpaired(this.name));
      this.impairedReported = true;
    }
    const cb = this.config.deploymentConfiguration.deploymentCircuitBreaker;
    if (!cb?.enable || d !== this.primary || d.rolloutState !== 'IN_PROGRESS') return;
    d.breakerFailures++;
    d.record?.taskFailed();
    if (d.breakerFailures >= breakerThreshold(this.desiredCount)) this.tripBreaker(d, !!cb.rollback);
  }

  private tripBreaker(d: Deployment, rollback: boolean): void {
    const now = this.host.queue.now;
    d.rolloutState = 'FAILED';
    d.rolloutStateReason = rolloutReasons.circuitBreakerFailed();
    d.stopLaunching = true;
    d.updatedAt = now;
    this.event(serviceEvents.deploymentFailed(this.name, d.id));
    if (rollback && d.record?.inProgress)
      return d.record.requestRollback(serviceDeploymentReasons.circuitBreaker);
    this.reviveLastCompleted(d, rollback);
  }

  /** Rolling: ECS revives the last completed deployment and rolls it out again. */
  private reviveLastCompleted(d: Deployment, rollback: boolean): void {
    const now = this.host.queue.now;
    const target = this.lastCompleted;
    if (!rollback || !target) return;
    // ECS revives the last completed deployment under its own ID, as real event logs show.
    const rb = this.deployments.find((x) => x.id === target.id) ?? target;
    rb.status = 'PRIMARY';
    rb.rolloutState = 'IN_PROGRESS';
    rb.rolloutStateReason = rolloutReasons.rollingBack(target.id);
    rb.stopLaunching = false;
    rb.breakerFailures = 0;
    rb.updatedAt = now;
    d.status = 'ACTIVE';
    this.deployments = [rb, ...this.deployments.filter((x) => x !== rb)];
    this.consecutiveFailures = 0;
    this.launchNotBefore = 0;
    this.event(serviceEvents.rollingBack(this.name, target.id));
  }

  scheduleReconcile(): void {
    if (this.reconcileTimer && !this.reconcileTimer.cancelled) return;
    this.reconcileTimer = this.host.queue.after(
      this.host.timings.schedulerDelaySeconds * 1000,
      'service scheduler',
      () => {
        this.reconcileTimer = undefined;
        this.reconcile();
      },
    );
  }

  private reconcile(): void {
    const now = this.host.queue.now;
    const primary = this.primary;
    const desired = this.desiredCount;
    const dc = this.config.deploymentConfiguration;
    const live = this.tasks.filter((t) => t.live);
    const primaryLive = [...primary.tasks].filter((t) => t.live);

    if (this.status !== 'ACTIVE') {
      this.stopMany(live, stopReasons.scaling(primary.id));
      if (this.tasks.every((t) => t.lastStatus === 'STOPPED')) this.status = 'INACTIVE';
      else this.scheduleReconcile();
      return;
    }

    const blueGreen = !!primary.record?.holdsBlue;
    // Blue/green strategies scale the green revision up in full next to the blue one.
    const maxTotal = blueGreen
      ? live.length + desired
      : Math.floor((desired * (dc.maximumPercent ?? 200)) / 100);
    let toLaunch = Math.min(desired - primaryLive.length, maxTotal - live.length);
    if (primary.stopLaunching) toLaunch = 0;
    if (toLaunch > 0 && now < this.launchNotBefore) {
      this.host.queue.at(this.launchNotBefore, 'launch backoff over', () => this.scheduleReconcile());
      toLaunch = 0;
    }
    if (toLaunch > 0) {
      const started = Array.from({ length: toLaunch }, () => this.host.launch(this, primary));
      const replaced = Math.min(this.unhealthyToReplace, started.length);
      this.unhealthyToReplace -= replaced;
      this.event(
        serviceEvents.started(
          this.name,
          started.map((t) => t.id),
          replaced,
        ),
      );
    }

    const minHealthy = Math.ceil((desired * (dc.minimumHealthyPercent ?? 100)) / 100);
    let healthy = this.tasks.filter((t) => this.isHealthy(t)).length;
    const older = live
      .filter((t) => !primary.tasks.has(t))
      .sort((a, b) => Number(this.isHealthy(a)) - Number(this.isHealthy(b)));
    const retire: Task[] = [];
    for (const t of older) {
      if (blueGreen) continue; // the blue tasks stay until clean-up (or take the traffic back)
      if (!this.isHealthy(t)) retire.push(t);
      else if (healthy - 1 >= minHealthy) {
        retire.push(t);
        healthy--;
      }
    }
    const extra = primaryLive.length - desired;
    if (extra > 0) {
      retire.push(
        ...primaryLive.sort((a, b) => Number(this.isHealthy(a)) - Number(this.isHealthy(b))).slice(0, extra),
      );
    }
    this.stopMany(retire, stopReasons.scaling(primary.id));

    for (const d of this.deployments.slice(1)) {
      if (d.count((t) => t.lastStatus !== 'STOPPED') === 0)
        this.deployments = this.deployments.filter((x) => x !== d);
    }
    const primaryHealthy = [...primary.tasks].filter((t) => this.isHealthy(t)).length;
    const onlyPrimary = this.deployments.length === 1;
    if (blueGreen && primaryHealthy === desired && primaryLive.length === desired) primary.record!.scaledUp();
    if (
      !blueGreen &&
      primary.rolloutState === 'IN_PROGRESS' &&
      primaryHealthy === desired &&
      onlyPrimary &&
      primaryLive.length === desired
    ) {
      primary.rolloutState = 'COMPLETED';
      primary.rolloutStateReason = rolloutReasons.completed(primary.id);
      primary.updatedAt = now;
      this.lastCompleted = primary;
      this.event(serviceEvents.deploymentCompleted(this.name, primary.id));
      primary.record?.succeeded();
    }
    for (const r of this.serviceDeployments) {
      if (r.status !== 'ROLLBACK_IN_PROGRESS') continue;
      const green = this.history.get(r.target.deploymentId);
      const back = primary.id === r.source?.deploymentId && primary.rolloutState === 'COMPLETED';
      if (back && green && green.count((t) => t.live) === 0) r.rolledBack();
    }
    const steadyNow =
      primary.rolloutState === 'COMPLETED' &&
      onlyPrimary &&
      this.runningCount === desired &&
      primaryHealthy === desired;
    if (steadyNow && !this.steady) this.event(serviceEvents.steadyState(this.name));
    this.steady = steadyNow;
  }

  private host_?: RolloutHost;

  /** DescribeServiceDeployments' task counts of one revision. */
  revisionCounts(deploymentId: string): RevisionCounts {
    const d = this.history.get(deploymentId);
    const live = d ? [...d.tasks].filter((t) => t.live) : [];
    return {
      requestedTaskCount:
        d && this.deployments.includes(d) && d.status === 'PRIMARY' ? this.desiredCount : live.length,
      runningTaskCount: live.filter((t) => t.lastStatus === 'RUNNING').length,
      pendingTaskCount: live.filter((t) => t.lastStatus === 'PROVISIONING' || t.lastStatus === 'PENDING')
        .length,
    };
  }

  /** What a service deployment record asks of its service. */
  private get rolloutHost(): RolloutHost {
    return (this.host_ ??= {
      queue: this.host.queue,
      rng: this.host.rng,
      name: this.name,
      stageSeconds: () => Math.max(1, this.host.timings.schedulerDelaySeconds),
      desiredCount: () => this.desiredCount,
      event: (m) => this.event(m),
      alarmState: (n) => this.host.alarmState(n),
      cleanUp: () => {
        if (this.config.loadBalancers.some((lb) => lb.advancedConfiguration)) {
          this.productionOnAlternate = !this.productionOnAlternate;
        }
        this.scheduleReconcile();
      },
      rollBack: (r) => {
        const green = this.history.get(r.target.deploymentId)!;
        const blue = this.history.get(r.source!.deploymentId)!;
        green.rolloutState = 'FAILED';
        green.stopLaunching = true;
        green.updatedAt = this.host.queue.now;
        if (!r.native) return this.reviveLastCompleted(green, true);
        // The blue revision never stopped serving: it is in front again as it was.
        green.status = 'ACTIVE';
        green.rolloutStateReason = r.statusReason ?? green.rolloutStateReason;
        blue.status = 'PRIMARY';
        this.deployments = [blue, ...this.deployments.filter((x) => x !== blue)];
        this.stopMany(
          [...green.tasks].filter((t) => t.live),
          stopReasons.scaling(blue.id),
        );
        this.scheduleReconcile();
      },
    });
  }

  private stopMany(tasks: Task[], reason: string): void {
    const ids: string[] = [];
    for (const t of tasks) {
      if (!t.live) continue;
      this.stopTask(t, reason, false, false);
      ids.push(t.id);
    }
    if (ids.length) this.event(serviceEvents.stopped(this.name, ids));
  }

  /** Stops a task the scheduler's way: drain it from its target groups first, then stop it. */
  stopTask(task: Task, reason: string, failed: boolean, announce = true): void {
    const drain = this.releaseTargets(task, true);
    task.stop(reason, 'ServiceSchedulerInitiated', { failed, drainSeconds: drain });
    if (announce) this.event(serviceEvents.stopped(this.name, [task.id]));
  }

  /** StopTask on a service task: ECS drains it and the scheduler replaces it, without counting a failure. */
  userStopped(task: Task, reason: string): void {
    const drain = this.releaseTargets(task, true);
    task.stop(reason, 'UserInitiated', { drainSeconds: drain });
  }

  private releaseTargets(task: Task, announce: boolean): number {
    const regs = this.targets.get(task);
    if (!regs) return 0;
    this.targets.delete(task);
    let drain = 0;
    if (announce) this.event(serviceEvents.drainingConnections(this.name, 1));
    for (const { tg, target } of regs) {
      this.host.elb.deregister(tg, target);
      drain = Math.max(drain, this.host.elb.settings(tg).deregistrationDelaySeconds);
      if (announce) this.event(serviceEvents.deregisteredTargets(this.name, 1, tg));
    }
    return drain;
  }

  private deploymentOf(task: Task): Deployment | undefined {
    return task.opts.deploymentId ? this.history.get(task.opts.deploymentId) : undefined;
  }

  private launchConfig(): LaunchConfig {
    const { launchType, capacityProviderStrategy, platformVersion, networkConfiguration } = this.config;
    return { launchType, capacityProviderStrategy, platformVersion, networkConfiguration };
  }

  event(message: string): void {
    const e = { id: this.host.rng.uuid(), createdAt: this.host.queue.now, message };
    this.events = [e, ...this.events].slice(0, 100);
  }
}

/** ECS's documented threshold: half the desired count, at least 3 and at most 200 failed tasks. */
export function breakerThreshold(desired: number): number {
  return Math.min(200, Math.max(3, Math.ceil(0.5 * desired)));
}
