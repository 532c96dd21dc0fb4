import type { Deployment, Service as EcsService, ServiceEvent, Task } from '@aws-sdk/client-ecs';
import type { Clock } from '../../core/clock.js';
import type { EcsApi } from './clients.js';
import { nextPoll, settleOf } from './poll-schedule.js';
import { chunk, unique } from './util.js';

/**
 * One poller per cluster serves every watch on it. Each service has its own next poll: `pollMs` after it changed,
 * backing off to `maxPollMs` while it does not, and moved onto its health probes where the engine expects it to
 * finish (poll-schedule.ts). A round describes the services due, ten to a DescribeServices call, each call filled up
 * with the services due soonest after them; ListTasks only for deployments whose counts moved, and one DescribeTasks
 * per hundred tasks that are not settled yet.
 */

export interface ServiceSnapshot {
  /** Undefined when ECS does not know the service (MISSING). */
  service?: EcsService;
  deployment?: Deployment;
  /** Service events not delivered before, oldest first. */
  events: ServiceEvent[];
  /** The deployment's tasks as last described, newest first. */
  tasks: Task[];
}

export interface ServiceWatch {
  serviceName: string;
  /** Undefined: follow the PRIMARY deployment created at `since` or later (when CloudFormation starts it). */
  deploymentId?: string;
  /** Epoch ms; older service events are not delivered. */
  since: number;
  /** Tasks created before this are ignored (a deployment adopted mid-way has an older history). */
  tasksSince?: number;
  /** Service events already there before the deployment began (its start-time DescribeServices saw them). */
  priorEvents?: readonly string[];
  /** Containers with a health check: a running task is settled only once these report HEALTHY. */
  checked?: ReadonlySet<string>;
  /** The checked containers' health check interval (ms): a task can turn healthy only on one of its probes. */
  probeMs?: number;
  /** When the engine expects the deployment to reach its gate (clock ms): polls follow the probes in that window. */
  expected?: { lowAt: number; highAt: number };
  onSnapshot(s: ServiceSnapshot): void;
  onError(err: unknown): void;
}

export interface TaskWatch {
  taskArn: string;
  onTask(task: Task | undefined): void;
  onError(err: unknown): void;
}

interface ServiceSub {
  w: ServiceWatch;
  deploymentId?: string;
  listKey?: string;
  seenEvents: Set<string>;
  arns: Set<string>;
  fresh: ServiceEvent[];
  service?: EcsService;
  deployment?: Deployment;
  /** Its back-off interval and next poll (clock ms); `onProbe`: that poll waits for a probe, never earlier. */
  interval: number;
  due: number;
  onProbe: boolean;
  completed?: boolean;
}

interface Known {
  task: Task;
  fp: string;
}

/** Clock skew between this machine and ECS must not hide the first events of a deployment. */
const SKEW_MS = 5_000;
/** ECS's service scheduler acts on a task's health about a second after the probe; learned per cluster as it goes. */
const DEFAULT_SETTLE_MS = 1_000;

export interface PollerOptions {
  pollMs: number;
  maxPollMs: number;
  /** How long start-time lookups wait for companions to share a DescribeServices call. */
  batchMs?: number;
}

export class ClusterPoller {
  private readonly services = new Set<ServiceSub>();
  private readonly tasks = new Set<TaskWatch>();
  private readonly known = new Map<string, Known>();
  private readonly listedStopped = new Set<string>();
  private running = false;
  private nap?: AbortController;
  private wakeAt = 0;
  /** Task watches (jobs) ride along every round; their own back-off decides when a round is due for them alone. */
  private taskInterval: number;
  private taskDue = 0;
  private settleMs = DEFAULT_SETTLE_MS;
  private lookups: {
    name: string;
    resolve: (s: EcsService | undefined) => void;
    reject: (e: unknown) => void;
  }[] = [];
  /** Rounds begun, for tests and reports. */
  rounds = 0;

  constructor(
    private readonly ecs: EcsApi,
    private readonly clock: Clock,
    readonly cluster: string,
    private readonly opts: PollerOptions,
  ) {
    this.taskInterval = opts.pollMs;
  }

  watchService(w: ServiceWatch): () => void {
    const sub: ServiceSub = {
      w,
      deploymentId: w.deploymentId,
      seenEvents: new Set(w.priorEvents),
      arns: new Set(),
      fresh: [],
      interval: this.opts.pollMs,
      due: this.clock.now() + this.opts.pollMs,
      onProbe: false,
    };
    this.services.add(sub);
    this.kick();
    return () => {
      this.services.delete(sub);
      this.forget(sub.arns);
      this.wakeIfIdle();
    };
  }

  watchTask(w: TaskWatch): () => void {
    this.tasks.add(w);
    this.taskInterval = this.opts.pollMs;
    this.taskDue = Math.min(
      this.tasks.size > 1 ? this.taskDue : Infinity,
      this.clock.now() + this.opts.pollMs,
    );
    this.kick();
    return () => {
      this.tasks.delete(w);
      this.forget([w.taskArn]);
      this.wakeIfIdle();
    };
  }

  /** Nothing left to watch: end the nap now, so no timer keeps the process alive for a back-off interval. */
  private wakeIfIdle(): void {
    if (this.idle) this.nap?.abort();
  }

  /** DescribeServices for one service, batched with the lookups of other services starting at the same moment. */
  describeService(name: string): Promise<EcsService | undefined> {
    return new Promise((resolve, reject) => {
      this.lookups.push({ name, resolve, reject });
      if (this.lookups.length === 1) {
        void this.clock.sleep(this.opts.batchMs ?? 25).then(() => this.flushLookups());
      }
    });
  }

  private async flushLookups(): Promise<void> {
    const batch = this.lookups;
    this.lookups = [];
    try {
      const found = await this.describeMany(unique(batch.map((l) => l.name)));
      for (const l of batch) l.resolve(found.get(l.name));
    } catch (err) {
      for (const l of batch) l.reject(err);
    }
  }

  private async describeMany(names: string[]): Promise<Map<string, EcsService>> {
    const out = new Map<string, EcsService>();
    await Promise.all(
      chunk(names, 10).map(async (services) => {
        const r = await this.ecs.describeServices({ cluster: this.cluster, services });
        for (const s of r.services ?? []) if (s.serviceName) out.set(s.serviceName, s);
      }),
    );
    return out;
  }

  /**
   * How far quiet rounds may back off: as far as the API budget asks. A round costs one DescribeServices per ten
   * watched services, so a few services stay close to `pollMs` (each second of lag is a second on the deployment's
   * critical path), while hundreds back off to `maxPollMs`.
   */
  private ceiling(): number {
    const callsPerRound = Math.ceil(this.services.size / 10);
    return Math.min(this.opts.maxPollMs, Math.max(this.opts.pollMs * 1.5, this.opts.pollMs * callsPerRound));
  }

  /** A new watch should not wait out a long back-off: it shortens the current nap to its first poll. */
  private kick(): void {
    if (!this.running) {
      this.running = true;
      void this.loop();
    } else if (this.wakeAt > this.clock.now() + this.opts.pollMs) {
      this.nap?.abort();
    }
  }

  private get idle(): boolean {
    return this.services.size === 0 && this.tasks.size === 0;
  }

  private nextWake(): number {
    let at = this.tasks.size ? this.taskDue : Infinity;
    for (const s of this.services) at = Math.min(at, s.due);
    return at;
  }

  /**
   * The services due now (a regular poll up to a quarter of `pollMs` early, to share a call), then as many of those due
   * soonest after them as fill the last call to ten: a service described early costs nothing more.
   */
  private pick(): ServiceSub[] {
    const now = this.clock.now();
    const early = this.opts.pollMs / 4;
    const all = [...this.services].sort((a, b) => a.due - b.due);
    const due = all.filter((s) => s.due <= now + (s.onProbe ? 0 : early));
    if (!due.length) return [];
    // One waiting for a probe may ride along before it: its next poll is still put on that probe.
    const more = all.filter((s) => !due.includes(s));
    return [...due, ...more.slice(0, Math.ceil(due.length / 10) * 10 - due.length)];
  }

  private async loop(): Promise<void> {
    try {
      while (!this.idle) {
        this.nap = new AbortController();
        this.wakeAt = this.nextWake();
        const interrupted = await this.clock
          .sleep(Math.max(0, this.wakeAt - this.clock.now()), this.nap.signal)
          .then(
            () => false,
            () => true,
          );
        if (interrupted || this.idle) continue;
        const subs = this.pick();
        let changed = new Set<ServiceSub | 'tasks'>(subs);
        // Counted as it begins: a round may hand a verdict over before it ends.
        this.rounds++;
        try {
          changed = await this.round(subs);
        } catch (err) {
          for (const s of [...this.services]) s.w.onError(err);
          for (const t of [...this.tasks]) t.onError(err);
        }
        const now = this.clock.now();
        for (const sub of subs) this.reschedule(sub, changed.has(sub), now);
        this.taskInterval = changed.has('tasks')
          ? this.opts.pollMs
          : Math.min(this.ceiling(), Math.ceil(this.taskInterval * 1.5));
        this.taskDue = now + this.taskInterval;
      }
    } finally {
      this.running = false;
    }
  }

  private reschedule(sub: ServiceSub, changed: boolean, now: number): void {
    sub.interval = changed ? this.opts.pollMs : Math.min(this.ceiling(), Math.ceil(sub.interval * 1.5));
    const next = nextPoll({
      now,
      intervalMs: sub.interval,
      ...(sub.w.expected ? { expected: sub.w.expected } : {}),
      ...(sub.w.probeMs ? { probeMs: sub.w.probeMs } : {}),
      // Healthy tasks too: ECS marks the rollout a moment after their last probe (`settleMs`).
      starting: sub.completed
        ? []
        : this.tasksOf(sub)
            .filter((t) => t.lastStatus === 'RUNNING' && t.desiredStatus === 'RUNNING' && t.startedAt)
            .map((t) => t.startedAt!.getTime()),
      settleMs: this.settleMs,
    });
    // Regular polls land on a shared grid of `pollMs`, so services due about together share their calls.
    const q = this.opts.pollMs;
    sub.due = next.onProbe ? next.at : Math.ceil(next.at / q) * q;
    sub.onProbe = next.onProbe;
  }

  private tasksOf(sub: ServiceSub): Task[] {
    return [...sub.arns].map((a) => this.known.get(a)?.task).filter((t): t is Task => t !== undefined);
  }

  /**
   * One round over `subs`: which of them changed (and `tasks` when a watched task did). A deployment ECS has just
   * marked COMPLETED is delivered at once, before its tasks are listed and described again: that is the verdict
   * the engine waits for, and the tasks it already knows cannot contradict it.
   */
  private async round(subs: ServiceSub[]): Promise<Set<ServiceSub | 'tasks'>> {
    const described = subs.length
      ? await this.describeMany(unique(subs.map((s) => s.w.serviceName)))
      : new Map();
    const changed = new Set<ServiceSub | 'tasks'>();
    for (const sub of subs) {
      sub.service = described.get(sub.w.serviceName);
      sub.deployment = this.deploymentOf(sub);
      sub.fresh = this.newEvents(sub);
      if (sub.fresh.length) changed.add(sub);
    }
    for (const sub of subs) {
      const d = sub.deployment;
      if (sub.completed || d?.rolloutState !== 'COMPLETED' || d.status !== 'PRIMARY') continue;
      sub.completed = true;
      this.learnSettle(sub, d);
      if (this.services.has(sub)) this.deliver(sub);
      sub.fresh = [];
    }
    const live = subs.filter((s) => this.services.has(s));
    const toList: ServiceSub[] = [];
    for (const sub of live) {
      const d = sub.deployment;
      // A deployment ECS already dropped (its circuit breaker rolled back between two rounds) still has tasks that
      // say why: list them once more.
      const key = d
        ? [d.id, d.pendingCount, d.runningCount, d.failedTasks, d.rolloutState, d.desiredCount].join('|')
        : sub.deploymentId && `gone:${sub.deploymentId}`;
      if (key && key !== sub.listKey) {
        sub.listKey = key;
        toList.push(sub);
        changed.add(sub);
      }
    }
    await Promise.all(toList.map((sub) => this.list(sub)));
    const moved = await this.describeTasks(live);
    for (const sub of live) if (sub.arns.size && [...sub.arns].some((a) => moved.has(a))) changed.add(sub);
    if ([...this.tasks].some((t) => moved.has(t.taskArn))) changed.add('tasks');
    for (const sub of live) if (this.services.has(sub)) this.deliver(sub);
    for (const t of [...this.tasks]) if (this.tasks.has(t)) t.onTask(this.known.get(t.taskArn)?.task);
    return changed;
  }

  private deliver(sub: ServiceSub): void {
    const since = sub.w.tasksSince ?? -Infinity;
    const tasks = this.tasksOf(sub)
      .filter((t) => (t.createdAt?.getTime() ?? Infinity) >= since)
      .sort((a, b) => (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0));
    sub.w.onSnapshot({ service: sub.service, deployment: sub.deployment, events: sub.fresh, tasks });
  }

  /** How long ECS took from the deciding probe to marking the rollout COMPLETED: where later polls should land. */
  private learnSettle(sub: ServiceSub, d: Deployment): void {
    const at = d.updatedAt?.getTime();
    if (!sub.w.probeMs || at === undefined) return;
    const started = this.tasksOf(sub)
      .filter((t) => t.startedAt && t.desiredStatus === 'RUNNING')
      .map((t) => t.startedAt!.getTime());
    const gap = settleOf(at, started, sub.w.probeMs);
    if (gap !== undefined && gap < sub.w.probeMs) this.settleMs = gap;
  }

  private deploymentOf(sub: ServiceSub): Deployment | undefined {
    const deployments = sub.service?.deployments ?? [];
    if (sub.deploymentId) return deployments.find((d) => d.id === sub.deploymentId);
    const d = deployments.find(
      (x) => x.status === 'PRIMARY' && (x.createdAt?.getTime() ?? 0) >= sub.w.since - SKEW_MS,
    );
    if (d) sub.deploymentId = d.id;
    return d;
  }

  private newEvents(sub: ServiceSub): ServiceEvent[] {
    const fresh = (sub.service?.events ?? []).filter(
      (e) => e.id && !sub.seenEvents.has(e.id) && (e.createdAt?.getTime() ?? 0) >= sub.w.since - SKEW_MS,
    );
    for (const e of fresh) sub.seenEvents.add(e.id!);
    return fresh.reverse();
  }

  /** Both desired states: a task ECS decided to stop is listed under STOPPED at once, before it has stopped. */
  private async list(sub: ServiceSub): Promise<void> {
    for (const desiredStatus of ['RUNNING', 'STOPPED'] as const) {
      let nextToken: string | undefined;
      do {
        const r = await this.ecs.listTasks({
          cluster: this.cluster,
          startedBy: sub.deploymentId,
          desiredStatus,
          ...(nextToken ? { nextToken } : {}),
        });
        for (const arn of r.taskArns ?? []) {
          sub.arns.add(arn);
          if (desiredStatus === 'STOPPED') this.listedStopped.add(arn);
        }
        nextToken = r.nextToken;
      } while (nextToken);
    }
  }

  /** Describes what is not settled yet; resolves with the tasks whose state moved. */
  private async describeTasks(subs: ServiceSub[]): Promise<Set<string>> {
    const want = new Set<string>();
    for (const sub of subs) {
      for (const arn of sub.arns) {
        const k = this.known.get(arn);
        const toldToStop = this.listedStopped.has(arn) && k?.task.desiredStatus !== 'STOPPED';
        if (!k || toldToStop || !settled(k.task, sub.w.checked)) want.add(arn);
      }
    }
    for (const t of this.tasks) {
      const k = this.known.get(t.taskArn);
      if (!k || k.task.lastStatus !== 'STOPPED') want.add(t.taskArn);
    }
    const moved = new Set<string>();
    await Promise.all(
      chunk([...want], 100).map(async (tasks) => {
        const r = await this.ecs.describeTasks({ cluster: this.cluster, tasks });
        for (const task of r.tasks ?? []) {
          const fp = fingerprint(task);
          if (this.known.get(task.taskArn!)?.fp !== fp) moved.add(task.taskArn!);
          this.known.set(task.taskArn!, { task, fp });
        }
      }),
    );
    return moved;
  }

  private forget(arns: Iterable<string>): void {
    const inUse = new Set(
      [...this.services].flatMap((s) => [...s.arns]).concat([...this.tasks].map((t) => t.taskArn)),
    );
    for (const a of arns) {
      if (inUse.has(a)) continue;
      this.known.delete(a);
      this.listedStopped.delete(a);
    }
  }
}

/** Nothing more to learn until the task's desired state changes (which the deployment counts reveal). */
function settled(t: Task, checked: ReadonlySet<string> | undefined): boolean {
  if (t.lastStatus === 'STOPPED') return true;
  if (t.desiredStatus !== 'RUNNING' || t.lastStatus !== 'RUNNING') return false;
  const needsHealth = (t.containers ?? []).some((c) => c.name && checked?.has(c.name));
  return !needsHealth || t.healthStatus === 'HEALTHY';
}

function fingerprint(t: Task): string {
  const cs = (t.containers ?? []).map(
    (c) => `${c.name}:${c.lastStatus}:${c.healthStatus}:${c.exitCode}:${c.reason}`,
  );
  return [t.lastStatus, t.desiredStatus, t.healthStatus, t.stoppedReason, ...cs].join('|');
}
