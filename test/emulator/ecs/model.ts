import { defaultContext, type AwsContext } from '../core/context.js';
import { AwsError } from '../core/errors.js';
import type { EventQueue } from '../core/queue.js';
import { Random } from '../core/random.js';
import { ElbModel } from '../elb/model.js';
import { BehaviourRegistry } from './behaviour.js';
import { Clusters, type Cluster } from './clusters.js';
import { apiErrors, serviceDeploymentReasons } from './messages.js';
import { serviceDeploymentBrief, serviceDeploymentView, type ServiceDeploymentRecord } from './native.js';
import { invalid, lastSegment, paginate } from './refs.js';
import { Service, type Deployment, type LaunchConfig } from './service.js';
import {
  checkLaunch,
  checkLoadBalancers,
  launchChanged,
  serviceConfig,
  taskDefinitionNotFound,
} from './service-config.js';
import { Task, type ExtraContainer, type LogSink, type TaskChange } from './task.js';
import type { RegisterInput } from './taskdef-validate.js';
import { TaskDefinitionStore } from './taskdefs.js';
import { defaultEcsTimings, type EcsTimings } from './timings.js';
import type { Tag, TaskDefinition } from './types.js';
import { isFargate, serviceView, taskDefinitionView, taskView } from './views.js';

/**
 * The ECS control plane as a pure model on an event queue: API operations take and return ECS's JSON shapes, and
 * nothing happens between calls unless the driver advances the queue. A benchmark simulator drives it with
 * `nextEventTime()`/`advance(t)`; the HTTP emulator advances it to the scaled wall clock before every request.
 */

export interface EcsModelOptions {
  ctx?: AwsContext;
  timings?: Partial<EcsTimings>;
  behaviours?: BehaviourRegistry;
  logs?: LogSink;
  elb?: ElbModel;
  rng?: Random;
  /** Containers ECS adds to every Fargate task on its own (e.g. the GuardDuty agent), never essential. */
  extraContainers?: ExtraContainer[];
  /** Clusters that exist from the start; `default` when left out. */
  clusters?: string[];
  /** How long DescribeTasks still shows a stopped task; ECS keeps them at least an hour. */
  stoppedTaskRetentionSeconds?: number;
}

export type ModelListener = (e: { kind: 'task'; task: Task; change: TaskChange }) => void;

/* eslint-disable @typescript-eslint/no-explicit-any -- operations accept ECS's open-ended JSON, as ECS does */
type Input = Record<string, any>;

export class EcsModel {
  readonly ctx: AwsContext;
  readonly timings: EcsTimings;
  readonly behaviours: BehaviourRegistry;
  readonly logs: LogSink;
  readonly elb: ElbModel;
  readonly rng: Random;
  readonly taskDefinitions: TaskDefinitionStore;
  readonly clusters: Clusters;
  /** A CloudWatch alarm's state as deployment alarms read it; the World wires in its CloudWatch model. */
  alarmState: (name: string) => string | undefined = () => 'OK';
  extraContainers: ExtraContainer[];
  private services = new Map<string, Service>();
  private tasks = new Map<string, Task>();
  private listeners: ModelListener[] = [];
  private readonly retentionMs: number;

  constructor(
    readonly queue: EventQueue,
    opts: EcsModelOptions = {},
  ) {
    this.ctx = opts.ctx ?? defaultContext;
    this.timings = { ...defaultEcsTimings, ...opts.timings };
    this.behaviours = opts.behaviours ?? new BehaviourRegistry();
    this.logs = opts.logs ?? { canWrite: () => true, write: () => {} };
    this.rng = opts.rng ?? new Random(1);
    this.elb = opts.elb ?? new ElbModel(queue, this.ctx);
    this.taskDefinitions = new TaskDefinitionStore(this.ctx);
    this.clusters = new Clusters(this.ctx, (c) => this.clusterStats(c));
    this.extraContainers = opts.extraContainers ?? [];
    this.retentionMs = (opts.stoppedTaskRetentionSeconds ?? 3600) * 1000;
    for (const name of opts.clusters ?? ['default']) this.clusters.create({ clusterName: name });
  }

  // ── time ──────────────────────────────────────────────────────────────────────────────────────────────────────

  nextEventTime(): number | undefined {
    return this.queue.nextEventTime();
  }

  advance(to: number): void {
    this.queue.advance(to);
  }

  /** Every task state change, as it happens in model time (ECS itself would publish these to EventBridge). */
  subscribe(listener: ModelListener): () => void {
    this.listeners.push(listener);
    return () => (this.listeners = this.listeners.filter((l) => l !== listener));
  }

  // ── clusters ──────────────────────────────────────────────────────────────────────────────────────────────────

  createCluster(input: Input) {
    return this.clusters.create(input);
  }

  describeClusters(input: Input) {
    return this.clusters.describe(input);
  }

  listClusters() {
    return this.clusters.list();
  }

  deleteCluster(input: Input) {
    return this.clusters.delete(input);
  }

  // ── task definitions ──────────────────────────────────────────────────────────────────────────────────────────

  registerTaskDefinition(input: RegisterInput) {
    const def = this.taskDefinitions.register(input, this.queue.now);
    return {
      taskDefinition: taskDefinitionView(def),
      tags: this.taskDefinitions.tagsOf(def.taskDefinitionArn),
    };
  }

  describeTaskDefinition(input: Input) {
    const def = this.taskDefinitions.describe(input.taskDefinition ?? '');
    const withTags = (input.include ?? []).includes('TAGS');
    return {
      taskDefinition: taskDefinitionView(def),
      ...(withTags ? { tags: this.taskDefinitions.tagsOf(def.taskDefinitionArn) } : {}),
    };
  }

  deregisterTaskDefinition(input: Input) {
    const def = this.taskDefinitions.deregister(input.taskDefinition ?? '', this.queue.now);
    return { taskDefinition: taskDefinitionView(def) };
  }

  listTaskDefinitions(input: Input) {
    return paginate(this.taskDefinitions.list(input), input, 'taskDefinitionArns');
  }

  listTaskDefinitionFamilies(input: Input) {
    return paginate(this.taskDefinitions.listFamilies(input), input, 'families');
  }

  // ── tags ──────────────────────────────────────────────────────────────────────────────────────────────────────

  /** Task definition tags live with the definitions (DescribeTaskDefinition returns them); others are kept here. */
  private readonly otherTags = new Map<string, Tag[]>();

  tagResource(input: { resourceArn?: string; tags?: Tag[] }) {
    const arn = input.resourceArn ?? '';
    if (isTaskDefinitionArn(arn)) this.taskDefinitions.tag(arn, input.tags ?? []);
    else {
      const keys = new Set((input.tags ?? []).map((t) => t.key));
      this.otherTags.set(arn, [
        ...(this.otherTags.get(arn) ?? []).filter((t) => !keys.has(t.key)),
        ...(input.tags ?? []),
      ]);
    }
    return {};
  }

  untagResource(input: { resourceArn?: string; tagKeys?: string[] }) {
    const arn = input.resourceArn ?? '';
    const keys = input.tagKeys ?? [];
    if (isTaskDefinitionArn(arn)) this.taskDefinitions.untag(arn, keys);
    else
      this.otherTags.set(
        arn,
        (this.otherTags.get(arn) ?? []).filter((t) => !keys.includes(t.key ?? '')),
      );
    return {};
  }

  listTagsForResource(input: { resourceArn?: string }) {
    const arn = input.resourceArn ?? '';
    if (!isTaskDefinitionArn(arn)) return { tags: this.otherTags.get(arn) ?? [] };
    return { tags: this.taskDefinitions.tagsOf(this.taskDefinitions.describe(arn).taskDefinitionArn) };
  }

  // ── services ──────────────────────────────────────────────────────────────────────────────────────────────────

  createService(input: Input) {
    const cluster = this.clusters.get(input.cluster);
    const name: string = input.serviceName ?? '';
    if (!name) throw invalid('Service name cannot be empty.'); // unverified wording
    const key = `${cluster.name}/${name}`;
    const existing = this.services.get(key);
    if (existing && existing.status !== 'INACTIVE') throw invalid(apiErrors.serviceNotIdempotent);
    const def = this.taskDefinitionFor(input.taskDefinition);
    const config = serviceConfig(input, undefined);
    this.check(def, config);
    const arn = `arn:aws:ecs:${this.ctx.region}:${this.ctx.accountId}:service/${cluster.name}/${name}`;
    const service = new Service(this, arn, name, cluster.arn, config, def);
    this.services.set(key, service);
    return { service: this.serviceView(service) };
  }

  updateService(input: Input) {
    const service = this.service(input.cluster, input.service);
    if (service.status !== 'ACTIVE')
      throw new AwsError('ServiceNotActiveException', apiErrors.serviceNotActive);
    const before = service.config;
    const config = serviceConfig(input, before);
    const def = input.taskDefinition ? this.taskDefinitionFor(input.taskDefinition) : service.taskDefinition;
    this.check(def, config);
    service.update(config);
    const newRevision = def.taskDefinitionArn !== service.taskDefinition.taskDefinitionArn;
    if (input.forceNewDeployment || newRevision || launchChanged(before, config))
      service.startDeployment(def);
    return { service: this.serviceView(service) };
  }

  deleteService(input: Input) {
    const service = this.service(input.cluster, input.service);
    if (service.status !== 'ACTIVE')
      throw new AwsError('ServiceNotActiveException', apiErrors.serviceNotActive);
    if (!input.force && service.desiredCount > 0) {
      throw invalid('The service cannot be stopped while it is scaled above 0.');
    }
    service.drain();
    return { service: this.serviceView(service) };
  }

  describeServices(input: Input) {
    const refs: string[] = input.services ?? [];
    if (refs.length > 10) throw invalid(apiErrors.tooManyServices);
    const cluster = this.clusters.get(input.cluster);
    const services = [];
    const failures = [];
    for (const ref of refs) {
      const s = this.services.get(`${cluster.name}/${lastSegment(ref)}`);
      if (s) services.push(this.serviceView(s));
      else {
        const arn = `arn:aws:ecs:${this.ctx.region}:${this.ctx.accountId}:service/${cluster.name}/${lastSegment(ref)}`;
        failures.push({ arn, reason: 'MISSING' });
      }
    }
    return { services, failures };
  }

  listServices(input: Input) {
    const cluster = this.clusters.get(input.cluster);
    const arns = [...this.services.values()]
      .filter((s) => s.clusterArn === cluster.arn && s.status === 'ACTIVE')
      .map((s) => s.arn);
    return paginate(arns, input, 'serviceArns', 10);
  }

  // ── service deployments ───────────────────────────────────────────────────────────────────────────────────────

  /** `toModel`: the wire's wall-clock times → model time (the HTTP emulator's scaled clock). */
  listServiceDeployments(input: Input, toModel: (wallMs: number) => number = (ms) => ms) {
    const service = this.service(input.cluster, input.service);
    const statuses: string[] | undefined = input.status;
    const model = (v: unknown) => {
      const ms = toMs(v);
      return ms === undefined ? undefined : toModel(ms);
    };
    const after = model(input.createdAt?.after);
    const before = model(input.createdAt?.before);
    const found = service.serviceDeployments.filter(
      (r) =>
        (!statuses?.length || statuses.includes(r.status)) &&
        (after === undefined || r.createdAt >= after) &&
        (before === undefined || r.createdAt <= before),
    );
    const page = paginate(
      found.map((r) => r.arn),
      input,
      'arns',
      20,
    );
    const byArn = new Map(found.map((r) => [r.arn, r]));
    return {
      serviceDeployments: page.arns.map((a) => serviceDeploymentBrief(byArn.get(a)!)),
      ...(page.nextToken ? { nextToken: page.nextToken } : {}),
    };
  }

  describeServiceDeployments(input: Input) {
    const arns: string[] = input.serviceDeploymentArns ?? [];
    if (arns.length > 20) throw invalid('serviceDeploymentArns can have at most 20 items.'); // unverified wording
    const serviceDeployments = [];
    const failures = [];
    for (const arn of arns) {
      const found = this.findServiceDeployment(arn);
      if (found)
        serviceDeployments.push(
          serviceDeploymentView(found.record, (id) => found.service.revisionCounts(id)),
        );
      else failures.push({ arn, reason: 'MISSING' });
    }
    return { serviceDeployments, failures };
  }

  stopServiceDeployment(input: Input) {
    const found = this.findServiceDeployment(input.serviceDeploymentArn ?? '');
    if (!found) throw new AwsError('ServiceDeploymentNotFoundException', serviceDeploymentReasons.notFound);
    found.record.stop(input.stopType);
    found.service.scheduleReconcile();
    return { serviceDeploymentArn: found.record.arn };
  }

  continueServiceDeployment(input: Input) {
    const found = this.findServiceDeployment(input.serviceDeploymentArn ?? '');
    if (!found) throw new AwsError('ServiceDeploymentNotFoundException', serviceDeploymentReasons.notFound);
    found.record.continueHook(String(input.hookId ?? ''), input.action);
    found.service.scheduleReconcile();
    return { serviceDeploymentArn: found.record.arn };
  }

  private findServiceDeployment(
    arn: string,
  ): { service: Service; record: ServiceDeploymentRecord } | undefined {
    for (const service of this.services.values()) {
      const record = service.serviceDeployments.find((r) => r.arn === arn);
      if (record) return { service, record };
    }
    return undefined;
  }

  // ── tasks ─────────────────────────────────────────────────────────────────────────────────────────────────────

  runTask(input: Input) {
    const cluster = this.clusters.get(input.cluster);
    const def = this.taskDefinitionFor(input.taskDefinition);
    const launch: LaunchConfig = {
      launchType: input.launchType,
      capacityProviderStrategy: input.capacityProviderStrategy,
      platformVersion: input.platformVersion,
      networkConfiguration: input.networkConfiguration,
    };
    checkLaunch(def, launch);
    const count = input.count ?? 1;
    if (count < 1 || count > 10) throw invalid('count must be between 1 and 10.'); // unverified wording
    const tasks = Array.from({ length: count }, () =>
      this.start(cluster, def, launch, {
        group: input.group ?? `family:${def.family}`,
        startedBy: input.startedBy,
        overrides: input.overrides,
        tags: input.tags,
      }),
    );
    return { tasks: tasks.map(taskView), failures: [] };
  }

  stopTask(input: Input) {
    this.clusters.get(input.cluster);
    const t = this.tasks.get(lastSegment(input.task ?? ''));
    if (!t) throw invalid('The referenced task was not found.');
    const reason = input.reason || 'Task stopped by user';
    const service = t.opts.serviceName ? this.findService(t.opts.clusterName, t.opts.serviceName) : undefined;
    if (service) service.userStopped(t, reason);
    else t.stop(reason, 'UserInitiated');
    return { task: taskView(t) };
  }

  describeTasks(input: Input) {
    const refs: string[] = input.tasks ?? [];
    if (refs.length > 100) throw invalid(apiErrors.tooManyTasks);
    const cluster = this.clusters.get(input.cluster);
    this.purgeStopped();
    const tasks = [];
    const failures = [];
    for (const ref of refs) {
      const t = this.tasks.get(lastSegment(ref));
      if (t && t.opts.clusterArn === cluster.arn) tasks.push(taskView(t));
      else {
        const arn = ref.startsWith('arn:')
          ? ref
          : `arn:aws:ecs:${this.ctx.region}:${this.ctx.accountId}:task/${cluster.name}/${ref}`;
        failures.push({ arn, reason: 'MISSING' });
      }
    }
    return { tasks, failures };
  }

  listTasks(input: Input) {
    const cluster = this.clusters.get(input.cluster);
    this.purgeStopped();
    const desired = input.desiredStatus ?? 'RUNNING';
    const arns = [...this.tasks.values()]
      .filter((t) => t.opts.clusterArn === cluster.arn && t.desiredStatus === desired)
      .filter((t) => !input.serviceName || t.opts.group === `service:${lastSegment(input.serviceName)}`)
      .filter((t) => !input.family || t.def.family === input.family)
      .filter((t) => !input.startedBy || t.opts.startedBy === input.startedBy)
      .map((t) => t.arn);
    return paginate(arns, input, 'taskArns', 100);
  }

  // ── the model's own objects (not ECS APIs): for simulators, CloudFormation and the control API ───────────────

  findService(cluster: string | undefined, name: string): Service | undefined {
    return this.services.get(`${lastSegment(cluster ?? 'default')}/${lastSegment(name)}`);
  }

  /** Includes what ECS never shows, such as the last health check output of each container. */
  findTask(ref: string): Task | undefined {
    return this.tasks.get(lastSegment(ref));
  }

  allTasks(): Task[] {
    return [...this.tasks.values()];
  }

  allServices(): Service[] {
    return [...this.services.values()];
  }

  // ── hosts for Task and Service ────────────────────────────────────────────────────────────────────────────────

  taskChanged(task: Task, change: TaskChange): void {
    if (task.opts.serviceName) {
      this.findService(task.opts.clusterName, task.opts.serviceName)?.taskChanged(task, change);
    }
    for (const l of this.listeners) l({ kind: 'task', task, change });
  }

  launch(service: Service, deployment: Deployment): Task {
    const cluster = this.clusters.get(service.clusterArn);
    const t = this.start(cluster, deployment.taskDefinition, deployment.launch, {
      group: `service:${service.name}`,
      startedBy: deployment.id,
      tags: service.config.extra.propagateTags === 'SERVICE' ? (service.config.extra.tags as unknown[]) : [],
      serviceName: service.name,
      deploymentId: deployment.id,
    });
    deployment.tasks.add(t);
    return t;
  }

  // ── helpers ───────────────────────────────────────────────────────────────────────────────────────────────────

  private start(
    cluster: Cluster,
    def: TaskDefinition,
    launch: LaunchConfig,
    rest: Pick<Task['opts'], 'group' | 'startedBy' | 'overrides' | 'tags' | 'serviceName' | 'deploymentId'>,
  ): Task {
    const t = new Task(this, {
      clusterArn: cluster.arn,
      clusterName: cluster.name,
      def,
      ...launch,
      capacityProviderName: launch.capacityProviderStrategy?.[0]?.capacityProvider,
      subnet: launch.networkConfiguration?.awsvpcConfiguration?.subnets?.[0],
      extraContainers: isFargate(launch) ? this.extraContainers : [],
      ...rest,
    });
    this.tasks.set(t.id, t);
    t.start();
    return t;
  }

  private check(def: TaskDefinition, config: ReturnType<typeof serviceConfig>): void {
    checkLaunch(def, config);
    checkLoadBalancers(def, config.loadBalancers);
    for (const lb of config.loadBalancers) if (lb.targetGroupArn) this.elb.ensure(lb.targetGroupArn);
  }

  private serviceView(s: Service) {
    return serviceView(s, `arn:aws:iam::${this.ctx.accountId}:user/${this.ctx.userName}`);
  }

  private service(cluster: string | undefined, ref: string | undefined): Service {
    const c = this.clusters.get(cluster);
    const s = this.services.get(`${c.name}/${lastSegment(ref ?? '')}`);
    if (!s) throw new AwsError('ServiceNotFoundException', apiErrors.serviceNotFound);
    return s;
  }

  private taskDefinitionFor(ref: string | undefined): TaskDefinition {
    const def = ref ? this.taskDefinitions.resolve(ref) : undefined;
    if (!def) throw taskDefinitionNotFound();
    return def;
  }

  private purgeStopped(): void {
    const cutoff = this.queue.now - this.retentionMs;
    for (const [id, t] of this.tasks) {
      if (t.lastStatus === 'STOPPED' && (t.stoppedAt ?? 0) < cutoff) this.tasks.delete(id);
    }
  }

  private clusterStats(c: Cluster) {
    const tasks = [...this.tasks.values()].filter((t) => t.opts.clusterArn === c.arn);
    return {
      runningTasksCount: tasks.filter((t) => t.lastStatus === 'RUNNING').length,
      pendingTasksCount: tasks.filter((t) => t.lastStatus === 'PENDING' || t.lastStatus === 'PROVISIONING')
        .length,
      activeServicesCount: [...this.services.values()].filter(
        (s) => s.clusterArn === c.arn && s.status === 'ACTIVE',
      ).length,
    };
  }
}

/** JSON timestamps arrive as epoch seconds. */
function toMs(v: unknown): number | undefined {
  if (v === undefined || v === null) return undefined;
  const n = typeof v === 'number' ? v * 1000 : Date.parse(String(v));
  return Number.isFinite(n) ? n : undefined;
}

function isTaskDefinitionArn(arn: string): boolean {
  return /^arn:aws[a-z-]*:ecs:[^:]+:\d+:task-definition\//.test(arn);
}
