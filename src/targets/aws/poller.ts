import type { Deployment, Service as EcsService, ServiceEvent, Task } from '@aws-sdk/client-ecs';
import type { Clock } from '../../core/clock.js';
import type { EcsApi } from './clients.js';
import { nextProbeAfter, nextRound, settleOf, type Candidate } from './poll-schedule.js';
import { chunk, unique } from './util.js';

/**
 * One poller per cluster serves every watch on it: each round costs one DescribeServices per ten watched services,
 * ListTasks only for deployments whose counts moved, and one DescribeTasks per hundred tasks that are not settled
 * yet. Rounds come every `pollMs` while anything changes and back off to `maxPollMs` while nothing does; a round
 * moves onto the moment a service is likeliest to show it finished, where the engine expects it to (poll-schedule.ts).
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
  /** When the engine expects the deployment to reach its gate (clock ms): rounds follow its probes in that window. */
  expected?: { lowAt: number; highAt: number; chainEndAt?: number };
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
  /** ECS marked its rollout COMPLETED: delivered once at once, and no more probes to follow. */
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
/** A round this soon after a probe's consequence still sees it in time: one round may serve several services. */
const SHARE_MS = 300;
/** How many intervals' worth of rounds run late a round too close to its target may catch up. */
const CREDIT_INTERVALS = 2;
/** How old a service described ahead of its start may be for the start to take it. */
const AHEAD_FRESH_MS = 1_000;

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
  private interval: number;
  private nextAt = 0;
  private readonly upcoming = new Set<string>();
  private readonly ahead = new Map<string, { service?: EcsService; at: number }>();
  /** How far rounds ran behind the back-off's schedule (ms): what a round moved earlier may catch up. */
  private credit: number;
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
    this.interval = opts.pollMs;
    this.credit = opts.pollMs;
  }

  watchService(w: ServiceWatch): () => void {
    const sub: ServiceSub = {
      w,
      deploymentId: w.deploymentId,
      seenEvents: new Set(w.priorEvents),
      arns: new Set(),
      fresh: [],
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
    const ahead = this.ahead.get(name);
    this.ahead.delete(name);
    this.upcoming.delete(name);
    if (ahead && ahead.at >= this.clock.now() - AHEAD_FRESH_MS) return Promise.resolve(ahead.service);
    return new Promise((resolve, reject) => {
      this.lookups.push({ name, resolve, reject });
      if (this.lookups.length === 1) {
        void this.clock.sleep(this.opts.batchMs ?? 25).then(() => this.flushLookups());
      }
    });
  }

  /**
   * Services about to start (most urgent first): rounds describe them in the room their calls have left, and the
   * start's own lookup takes that answer while it is fresh, instead of a call of its own.
   */
  expect(names: readonly string[]): void {
    for (const n of names) this.upcoming.add(n);
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

  /** A new watch should not wait out a long back-off: it shortens the current nap to `pollMs`. */
  private kick(): void {
    this.interval = this.opts.pollMs;
    const at = this.clock.now() + this.opts.pollMs;
    // A round brought forward for a new watch spends the credit it saves.
    if (this.running && at < this.nextAt) this.credit -= this.nextAt - at;
    this.nextAt = Math.min(this.running ? this.nextAt : Infinity, at);
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

  private async loop(): Promise<void> {
    try {
      while (!this.idle) {
        this.nap = new AbortController();
        // A stopping job reaches STOPPED at the end of ECS's stop sequence, a moment no probe predicts, and a job's
        // end is often on the critical path: it is described alone twice as often as rounds come at their fastest.
        const stopping = this.stoppingTasks();
        this.wakeAt = stopping.length
          ? Math.min(this.nextAt, this.clock.now() + this.opts.pollMs / 2)
          : this.nextAt;
        const interrupted = await this.clock
          .sleep(Math.max(0, this.wakeAt - this.clock.now()), this.nap.signal)
          .then(
            () => false,
            () => true,
          );
        if (interrupted || this.idle) continue;
        if (this.clock.now() < this.nextAt) {
          await this.taskRound(stopping);
          continue;
        }
        let changed = false;
        // Counted as it begins: a round may hand a verdict over before it ends.
        this.rounds++;
        try {
          changed = await this.round();
        } catch (err) {
          for (const s of [...this.services]) s.w.onError(err);
          for (const t of [...this.tasks]) t.onError(err);
        }
        this.interval = changed ? this.opts.pollMs : Math.min(this.ceiling(), Math.ceil(this.interval * 1.5));
        const now = this.clock.now();
        // Banked under a longer interval, the credit may not buy more than one of the current ones.
        this.credit = Math.min(this.credit, this.interval * CREDIT_INTERVALS);
        this.nextAt = nextRound(now, this.interval, this.candidates(now), SHARE_MS, this.credit).at;
        // A round later than the back-off's banks the time for one earlier, never more than an interval ahead.
        this.credit = Math.min(
          this.interval * CREDIT_INTERVALS,
          this.credit + this.nextAt - (now + this.interval),
        );
      }
    } finally {
      this.running = false;
    }
  }

  private async round(): Promise<boolean> {
    const subs = [...this.services];
    const names = unique(subs.map((s) => s.w.serviceName));
    const room = (10 - (names.length % 10)) % 10;
    const watched = new Set(names);
    const ahead = [...this.upcoming].filter((n) => !watched.has(n)).slice(0, room);
    const described = subs.length ? await this.describeMany([...names, ...ahead]) : new Map();
    const at = this.clock.now();
    for (const n of ahead) this.ahead.set(n, { service: described.get(n), at });
    let changed = false;
    const toList: ServiceSub[] = [];
    for (const sub of subs) {
      sub.service = described.get(sub.w.serviceName);
      sub.deployment = this.deploymentOf(sub);
      const d = sub.deployment;
      // A deployment ECS already dropped (its circuit breaker rolled back between two rounds) still has tasks that
      // say why: list them once more.
      const key = d
        ? [d.id, d.pendingCount, d.runningCount, d.failedTasks, d.rolloutState, d.desiredCount].join('|')
        : sub.deploymentId && `gone:${sub.deploymentId}`;
      if (key && key !== sub.listKey) {
        sub.listKey = key;
        toList.push(sub);
        changed = true;
      }
      sub.fresh = this.newEvents(sub);
      if (sub.fresh.length) changed = true;
    }
    // A rollout ECS has just marked COMPLETED is the verdict the engine waits for: handed over before the tasks are
    // listed and described again, which the tasks already known cannot contradict. Still watched, it gets the rest.
    for (const sub of subs) {
      const d = sub.deployment;
      if (sub.completed || d?.rolloutState !== 'COMPLETED' || d.status !== 'PRIMARY') continue;
      sub.completed = true;
      this.learnSettle(sub, d);
      if (this.services.has(sub)) this.deliver(sub);
      sub.fresh = [];
    }
    const live = subs.filter((s) => this.services.has(s));
    await Promise.all(toList.filter((s) => this.services.has(s)).map((sub) => this.list(sub)));
    changed = (await this.describeTasks(live)) || changed;
    for (const sub of live) if (this.services.has(sub)) this.deliver(sub);
    for (const t of [...this.tasks]) if (this.tasks.has(t)) t.onTask(this.known.get(t.taskArn)?.task);
    return changed;
  }

  /** Watched tasks (jobs) on their way to STOPPED: the moment they get there is the verdict, off any probe grid. */
  private stoppingTasks(): TaskWatch[] {
    return [...this.tasks].filter((t) => {
      const task = this.known.get(t.taskArn)?.task;
      return task?.desiredStatus === 'STOPPED' && task.lastStatus !== 'STOPPED';
    });
  }

  /** DescribeTasks alone for the stopping tasks, between the rounds: no DescribeServices spent on them. */
  private async taskRound(watches: TaskWatch[]): Promise<void> {
    const live = watches.filter((t) => this.tasks.has(t));
    try {
      await this.describeArns(live.map((t) => t.taskArn));
    } catch (err) {
      for (const t of live) t.onError(err);
      return;
    }
    for (const t of live) if (this.tasks.has(t)) t.onTask(this.known.get(t.taskArn)?.task);
  }

  private tasksOf(sub: ServiceSub): Task[] {
    return [...sub.arns].map((a) => this.known.get(a)?.task).filter((t): t is Task => t !== undefined);
  }

  private deliver(sub: ServiceSub): void {
    const since = sub.w.tasksSince ?? -Infinity;
    const tasks = this.tasksOf(sub)
      .filter((t) => (t.createdAt?.getTime() ?? Infinity) >= since)
      .sort((a, b) => (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0));
    sub.w.onSnapshot({ service: sub.service, deployment: sub.deployment, events: sub.fresh, tasks });
  }

  /**
   * The moments a watched service may next show it finished: the consequence of a probe of one of its running
   * tasks, inside the window the engine expects it in (widened by one probe: an 80 % interval misses one in five),
   * each weighted by when the longest chain through it would end, so the service that holds up the most comes first.
   */
  private candidates(now: number): Candidate[] {
    const out: Candidate[] = [];
    for (const sub of this.services) {
      const { expected, probeMs } = sub.w;
      if (sub.completed || !expected || !probeMs) continue;
      // Far enough to see each service's next moment: the schedule aims at the one that holds up the most.
      const horizon = now + Math.max(this.interval * 1.5, probeMs + this.settleMs);
      const from = expected.lowAt - probeMs;
      const to = expected.highAt + probeMs;
      const weight = Math.max(0, (expected.chainEndAt ?? now) - now) + probeMs;
      const moments = new Set<number>();
      // Healthy tasks too: ECS marks the rollout a moment (`settleMs`) after the last one's probe.
      for (const t of this.tasksOf(sub)) {
        if (t.lastStatus !== 'RUNNING' || t.desiredStatus !== 'RUNNING' || !t.startedAt) continue;
        for (
          let at = nextProbeAfter(t.startedAt.getTime(), probeMs, now - this.settleMs) + this.settleMs;
          at <= horizon;
          at += probeMs
        )
          if (at >= from && at <= to) moments.add(at);
      }
      for (const at of moments) out.push({ at, weight });
    }
    return out;
  }

  /** How long ECS took from the deciding probe to marking the rollout COMPLETED: where later rounds should land. */
  private learnSettle(sub: ServiceSub, d: Deployment): void {
    const at = d.updatedAt?.getTime();
    if (!sub.w.probeMs || at === undefined) return;
    const started = this.tasksOf(sub)
      .filter((t) => t.startedAt && t.desiredStatus === 'RUNNING')
      .map((t) => t.startedAt!.getTime());
    const gap = settleOf(at, started, sub.w.probeMs);
    if (gap !== undefined) this.settleMs = gap;
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

  private async describeTasks(subs: ServiceSub[]): Promise<boolean> {
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
    return this.describeArns([...want]);
  }

  /** DescribeTasks, a hundred a call; whether any task changed since it was last described. */
  private async describeArns(arns: string[]): Promise<boolean> {
    let changed = false;
    await Promise.all(
      chunk(arns, 100).map(async (tasks) => {
        const r = await this.ecs.describeTasks({ cluster: this.cluster, tasks });
        for (const task of r.tasks ?? []) {
          const fp = fingerprint(task);
          if (this.known.get(task.taskArn!)?.fp !== fp) changed = true;
          this.known.set(task.taskArn!, { task, fp });
        }
      }),
    );
    return changed;
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
