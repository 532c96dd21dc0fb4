import { HEALTH_REPORT_MARK } from '../../../src/targets/aws/health-report.js';
import { HealthTracker, type HealthStatus } from '../../../src/targets/health.js';
import type { AwsContext } from '../core/context.js';
import type { EventQueue, ScheduledEvent } from '../core/queue.js';
import type { Random } from '../core/random.js';
import { pullOutcome } from '../ecr/pull.js';
import { normaliseImageRef, type BehaviourRegistry, type ImageBehaviour } from './behaviour.js';
import { stopReasons } from './messages.js';
import type { EcsTimings } from './timings.js';
import type { CapacityProviderStrategyItem, ContainerDefinition, TaskDefinition } from './types.js';

/**
 * One task's life: PROVISIONING → PENDING (secrets, image pull) → RUNNING (health checks, exits) → the stop sequence →
 * STOPPED. It reports every change to its host and never decides policy: replacing unhealthy tasks is the service
 * scheduler's job, as in ECS.
 */

export type TaskStatus =
  'PROVISIONING' | 'PENDING' | 'RUNNING' | 'DEACTIVATING' | 'STOPPING' | 'DEPROVISIONING' | 'STOPPED';
export type Health = 'UNKNOWN' | 'HEALTHY' | 'UNHEALTHY';
export type StopCode =
  | 'TaskFailedToStart'
  | 'EssentialContainerExited'
  | 'UserInitiated'
  | 'ServiceSchedulerInitiated'
  | 'SpotInterruption'
  | 'TerminationNotice';
export type TaskChange = 'status' | 'health' | 'stopping' | 'stopped';

export interface LogSink {
  /** False when the group is missing and would not be created for this container. */
  canWrite(group: string, createGroup: boolean): boolean;
  write(group: string, stream: string, messages: string[], at: number, createGroup: boolean): void;
}

export interface TaskHost {
  readonly queue: EventQueue;
  readonly rng: Random;
  readonly ctx: AwsContext;
  readonly timings: EcsTimings;
  readonly behaviours: BehaviourRegistry;
  readonly logs: LogSink;
  taskChanged(task: Task, change: TaskChange): void;
}

export interface ExtraContainer {
  name: string;
  image: string;
  /** Where ECS lists it; `first` trips clients that judge containers by position. */
  position?: 'first' | 'last';
}

export class Container {
  lastStatus: 'PENDING' | 'RUNNING' | 'STOPPED' = 'PENDING';
  exitCode?: number;
  reason?: string;
  health: Health = 'UNKNOWN';
  tracker?: HealthTracker;
  startedAt?: number;
  runtimeId?: string;
  pulled = false;

  constructor(
    readonly arn: string,
    readonly name: string,
    readonly image: string,
    readonly essential: boolean,
    readonly behaviour: ImageBehaviour,
    readonly def?: ContainerDefinition,
  ) {}

  get lastProbe() {
    return this.tracker?.lastResult;
  }
}

type RuntimePlatform = { cpuArchitecture?: string; operatingSystemFamily?: string } | undefined;

export interface TaskOptions {
  clusterArn: string;
  clusterName: string;
  def: TaskDefinition;
  group: string;
  startedBy?: string;
  launchType?: string;
  capacityProviderStrategy?: CapacityProviderStrategyItem[];
  capacityProviderName?: string;
  platformVersion?: string;
  overrides?: { containerOverrides?: { name?: string; command?: string[]; environment?: unknown[] }[] };
  tags?: unknown[];
  subnet?: string;
  serviceName?: string;
  deploymentId?: string;
  extraContainers: ExtraContainer[];
}

export class Task {
  readonly id: string;
  readonly arn: string;
  readonly containers: Container[];
  readonly createdAt: number;
  lastStatus: TaskStatus = 'PROVISIONING';
  desiredStatus: 'RUNNING' | 'STOPPED' = 'RUNNING';
  health: Health = 'UNKNOWN';
  version = 1;
  pullStartedAt?: number;
  pullStoppedAt?: number;
  connectivityAt?: number;
  startedAt?: number;
  stoppingAt?: number;
  executionStoppedAt?: number;
  stoppedAt?: number;
  stopCode?: StopCode;
  stoppedReason?: string;
  /** Whether the stop counts against the deployment (failedTasks, circuit breaker). */
  failed = false;
  readonly privateIp: string;
  readonly eniId: string;
  readonly instanceId: string;
  private timers: ScheduledEvent[] = [];

  constructor(
    private readonly host: TaskHost,
    readonly opts: TaskOptions,
  ) {
    const { rng, ctx, queue } = host;
    this.id = rng.hex(32);
    this.arn = `arn:aws:ecs:${ctx.region}:${ctx.accountId}:task/${opts.clusterName}/${this.id}`;
    this.createdAt = queue.now;
    this.privateIp = `10.0.${Math.floor(rng.next() * 250) + 1}.${Math.floor(rng.next() * 250) + 2}`;
    this.eniId = `eni-${rng.hex(17)}`;
    this.instanceId = `i-${rng.hex(17)}`;
    const own = opts.def.containerDefinitions.map((c) =>
      this.container(c.name!, c.image!, c.essential !== false, c),
    );
    const extra = opts.extraContainers.map((x) => this.container(x.name, x.image, false));
    this.containers = [
      ...extra.filter((_, i) => opts.extraContainers[i]!.position === 'first'),
      ...own,
      ...extra.filter((_, i) => opts.extraContainers[i]!.position !== 'first'),
    ];
  }

  get awsvpc(): boolean {
    return this.opts.def.networkMode === 'awsvpc';
  }

  get def(): TaskDefinition {
    return this.opts.def;
  }

  /** Live for the scheduler: not yet told to stop. */
  get live(): boolean {
    return this.desiredStatus === 'RUNNING';
  }

  start(): void {
    this.after(this.host.timings.provisioningSeconds, 'task provisioned', () => this.enterPending());
  }

  /** Decides the task will stop; the stop sequence then plays out. `drainSeconds` keeps it RUNNING meanwhile. */
  stop(reason: string, code: StopCode, opts: { failed?: boolean; drainSeconds?: number } = {}): void {
    if (this.desiredStatus === 'STOPPED') return;
    this.desiredStatus = 'STOPPED';
    this.stoppingAt = this.host.queue.now;
    this.stoppedReason = reason;
    this.stopCode = code;
    this.failed = opts.failed ?? false;
    this.cancelTimers();
    this.changed('stopping');
    const wasRunning = this.lastStatus === 'RUNNING';
    const steps: TaskStatus[] = [];
    if (wasRunning && this.awsvpc) steps.push('DEACTIVATING');
    if (wasRunning) steps.push('STOPPING');
    if (this.awsvpc) steps.push('DEPROVISIONING');
    this.after(wasRunning ? (opts.drainSeconds ?? 0) : 0, 'task stop sequence', () => this.stepStop(steps));
  }

  private stepStop(steps: TaskStatus[]): void {
    const [next, ...rest] = steps;
    if (next === 'STOPPING' || next === undefined || next === 'DEPROVISIONING') this.stopContainers();
    if (next === undefined) {
      this.lastStatus = 'STOPPED';
      this.stoppedAt = this.host.queue.now;
      this.changed('stopped');
      return;
    }
    this.lastStatus = next;
    this.changed('status');
    this.after(this.host.timings.stopStepSeconds, `task ${next}`, () => this.stepStop(rest));
  }

  private stopContainers(): void {
    if (this.executionStoppedAt !== undefined) return;
    for (const c of this.containers) {
      if (c.lastStatus === 'RUNNING') c.exitCode = c.behaviour.stopExitCode;
      c.lastStatus = 'STOPPED';
    }
    this.executionStoppedAt = this.host.queue.now;
  }

  private enterPending(): void {
    const now = this.host.queue.now;
    this.lastStatus = 'PENDING';
    this.connectivityAt = now;
    this.changed('status');
    const secrets = this.containers.find((c) => c.behaviour.secretsError);
    if (secrets) {
      this.after(1, 'secrets retrieval failed', () => this.failToStart(this.secretsReason(secrets), secrets));
      return;
    }
    const noLogGroup = this.containers.find((c) => {
      const log = awslogs(c.def);
      return log && !this.host.logs.canWrite(log.group, log.create);
    });
    if (noLogGroup) {
      this.after(1, 'log stream creation failed', () =>
        this.failToStart(stopReasons.logGroupMissing, noLogGroup),
      );
      return;
    }
    this.pullStartedAt = now;
    for (const c of this.containers) {
      this.after(c.behaviour.pullSeconds, `pull ${c.image}`, () => this.pulled(c));
    }
  }

  private pulled(c: Container): void {
    if (c.behaviour.pullError) {
      const detail = c.behaviour.pullError;
      const reason =
        typeof detail === 'string'
          ? stopReasons.pullCustom(detail)
          : stopReasons.pullNotFound(normaliseImageRef(c.image));
      this.pullStoppedAt = this.host.queue.now;
      this.failToStart(reason, c);
      return;
    }
    c.pulled = true;
    if (this.containers.every((x) => x.pulled)) {
      this.pullStoppedAt = this.host.queue.now;
      this.enterRunning();
    }
  }

  private failToStart(reason: string, culprit: Container): void {
    culprit.reason = reason;
    this.stop(reason, 'TaskFailedToStart', { failed: true });
  }

  private enterRunning(): void {
    const now = this.host.queue.now;
    this.lastStatus = 'RUNNING';
    this.startedAt = now;
    for (const c of this.containers) {
      c.lastStatus = 'RUNNING';
      c.startedAt = now;
      c.runtimeId = `${this.id}-${this.host.rng.digits(10)}`;
      this.writeLogs(c, c.behaviour.logs);
      const hc = c.def?.healthCheck;
      if (hc?.command?.length) {
        c.tracker = new HealthTracker(
          {
            interval: (hc.interval ?? 30) * 1000,
            timeout: (hc.timeout ?? 5) * 1000,
            retries: hc.retries ?? 3,
            startPeriod: (hc.startPeriod ?? 0) * 1000,
          },
          now,
        );
        this.scheduleProbe(c);
      }
      const b = c.behaviour;
      const oomFirst =
        b.oomAfterSeconds !== undefined && b.oomAfterSeconds <= (b.exitAfterSeconds ?? Infinity);
      if (oomFirst) {
        this.after(b.oomAfterSeconds!, `${c.name} OOM`, () => this.containerExited(c, 137, stopReasons.oom));
      } else if (b.exitAfterSeconds !== undefined) {
        this.after(b.exitAfterSeconds, `${c.name} exits`, () => this.containerExited(c, b.exitCode));
      }
    }
    this.changed('status');
  }

  /**
   * What Convoy's wrapped CMD-SHELL health check (src/targets/aws/health-report.ts) does in a real container: a
   * result that cannot change (the shell's "not found", 126/127, exec format error) is also written to PID 1's
   * stderr, which the awslogs driver ships.
   */
  private reportProbe(c: Container, output: string): void {
    const cmd = c.def?.healthCheck?.command;
    if (cmd?.[0] !== 'CMD-SHELL' || !(cmd[1] ?? '').includes(HEALTH_REPORT_MARK)) return;
    const status = /: not found|command not found/.test(output)
      ? 127
      : /Permission denied/.test(output)
        ? 126
        : /exec format error/.test(output)
          ? 1
          : undefined;
    if (status !== undefined) this.writeLogs(c, [`${HEALTH_REPORT_MARK} exit ${status}: ${output}`]);
  }

  private scheduleProbe(c: Container): void {
    const at = c.tracker!.nextProbeAt(this.host.queue.now);
    this.timers.push(this.host.queue.at(at, `${c.name} health probe`, () => this.probe(c)));
  }

  private probe(c: Container): void {
    if (c.lastStatus !== 'RUNNING') return;
    const now = this.host.queue.now;
    const b = c.behaviour;
    const ready = now >= c.startedAt! + b.readySeconds * 1000;
    const ok = ready && b.health === 'pass';
    const output = ok ? '' : (b.healthOutput ?? (ready ? 'exit status 1' : 'connection refused'));
    if (!ok) this.reportProbe(c, output);
    const status = c.tracker!.record({
      at: now,
      ok,
      output,
      durationMs: b.probeSeconds === undefined ? undefined : b.probeSeconds * 1000,
    });
    c.health = toHealth(status);
    this.updateHealth();
    this.scheduleProbe(c);
  }

  private updateHealth(): void {
    const checked = this.containers.filter((c) => c.essential && c.tracker);
    const next: Health = checked.some((c) => c.health === 'UNHEALTHY')
      ? 'UNHEALTHY'
      : checked.length > 0 && checked.every((c) => c.health === 'HEALTHY')
        ? 'HEALTHY'
        : 'UNKNOWN';
    if (next !== this.health) {
      this.health = next;
      this.changed('health');
    }
  }

  private containerExited(c: Container, code: number, reason?: string): void {
    this.writeLogs(c, c.behaviour.exitLogs);
    c.lastStatus = 'STOPPED';
    c.exitCode = code;
    if (reason) c.reason = reason;
    if (c.essential) {
      this.stop(stopReasons.essentialExited, 'EssentialContainerExited', { failed: true });
    } else {
      this.changed('status');
    }
  }

  private secretsReason(c: Container): string {
    const detail = c.behaviour.secretsError;
    if (typeof detail === 'string') return stopReasons.secretsCustom(detail);
    const { ctx, rng } = this.host;
    const secretArn =
      c.def?.secrets?.[0]?.valueFrom ??
      this.def.containerDefinitions.flatMap((d) => d.secrets ?? [])[0]?.valueFrom ??
      `arn:aws:secretsmanager:${ctx.region}:${ctx.accountId}:secret:app-secret-${rng.alnum(6)}`;
    const role = (this.def.executionRoleArn ?? 'ecsTaskExecutionRole').split('/').pop()!;
    return stopReasons.secretsAccessDenied({
      secretArn,
      accountId: ctx.accountId,
      role,
      taskId: this.id,
      requestId: rng.uuid(),
    });
  }

  private writeLogs(c: Container, lines: string[]): void {
    const log = awslogs(c.def);
    if (!log || lines.length === 0) return;
    const stream = log.prefix ? `${log.prefix}/${c.name}/${this.id}` : (c.runtimeId ?? this.id);
    const expand = (l: string) =>
      l.replaceAll('{task}', this.id).replaceAll('{container}', c.name).replaceAll('{image}', c.image);
    this.host.logs.write(log.group, stream, lines.map(expand), this.host.queue.now, log.create);
  }

  private container(name: string, image: string, essential: boolean, def?: ContainerDefinition): Container {
    const override = this.opts.overrides?.containerOverrides?.find((o) => o.name === name);
    const command = [...(def?.entryPoint ?? []), ...(override?.command ?? def?.command ?? [])].join(' ');
    const resolved = this.host.behaviours.launch({
      image,
      container: name,
      family: this.opts.def.family,
      command,
    });
    // Fargate's own agents (no definition) come from AWS's registry, not the account's.
    const behaviour = def
      ? pullOutcome(resolved, this.host.behaviours, image, this.opts.def.runtimePlatform as RuntimePlatform)
      : resolved;
    const { ctx, rng } = this.host;
    const arn = `arn:aws:ecs:${ctx.region}:${ctx.accountId}:container/${this.opts.clusterName}/${this.id}/${rng.uuid()}`;
    return new Container(arn, name, image, essential, behaviour, def);
  }

  private after(seconds: number, label: string, run: () => void): void {
    this.timers.push(this.host.queue.after(seconds * 1000, label, run));
  }

  private cancelTimers(): void {
    for (const t of this.timers) this.host.queue.cancel(t);
    this.timers = [];
  }

  private changed(change: TaskChange): void {
    this.version++;
    this.host.taskChanged(this, change);
  }
}

function toHealth(s: HealthStatus): Health {
  return s === 'healthy' ? 'HEALTHY' : s === 'unhealthy' ? 'UNHEALTHY' : 'UNKNOWN';
}

export function awslogs(def: ContainerDefinition | undefined) {
  const log = def?.logConfiguration;
  if (log?.logDriver !== 'awslogs' || !log.options?.['awslogs-group']) return undefined;
  return {
    group: log.options['awslogs-group'],
    prefix: log.options['awslogs-stream-prefix'],
    create: String(log.options['awslogs-create-group'] ?? '').toLowerCase() === 'true',
  };
}
