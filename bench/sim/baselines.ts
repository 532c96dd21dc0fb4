import type { Deployment } from '../../test/emulator/ecs/service.js';
import { registerImages } from './convoy.js';
import {
  runTaskInput,
  serviceDefinition,
  taskDefinition,
  type FailureMode,
  type SimStack,
  type SimUnit,
} from './stacks.js';
import type { SimWorld } from './world.js';

/**
 * What users do today, modelled from documented behaviour on the same ECS model Convoy runs against. These act on
 * the model directly (no engine, no client library): each API call costs the same virtual latency as Convoy's.
 */

const LATENCY_MS = 40;
const HOUR = 3_600_000;

/** One API call: the request takes LATENCY_MS of model time to arrive, then acts on the model. */
function api<T>(world: SimWorld, op: () => T): T {
  world.advanceModel(world.queue.now + LATENCY_MS);
  return world.model(op);
}

function register(world: SimWorld, s: SimStack, u: SimUnit, version: string): string {
  return api(world, () => world.ecs.registerTaskDefinition(taskDefinition(s.name, u, version) as never))
    .taskDefinition.taskDefinitionArn;
}

function stable(world: SimWorld, name: string): boolean {
  return world.ecs.findService('default', name)?.stable === true;
}

/** Version 1 of every service running and stable, created straight on the model: the state before each update. */
export function setUpRunning(world: SimWorld, s: SimStack, o: { breaker: boolean }): void {
  registerImages(world, s, 'v1');
  for (const u of s.units.filter((x) => x.kind === 'service')) {
    const taskDefinition = register(world, s, u, 'v1');
    api(world, () => world.ecs.createService({ ...serviceDefinition(u, o.breaker), taskDefinition }));
  }
  const names = s.units.filter((x) => x.kind === 'service').map((u) => u.name);
  if (world.runModelUntil(() => names.every((n) => stable(world, n)), world.queue.now + HOUR) === undefined) {
    throw new Error(`${s.name} v1 did not stabilise`);
  }
}

export interface Detection {
  /** When the broken service's new revision was submitted to ECS. */
  submittedAt: number;
  /** When the tool started rolling back; undefined if it never did within the limit. */
  rollbackAt?: number;
  /** rollbackAt − submittedAt. */
  detectMs?: number;
  note?: string;
}

function detection(submittedAt: number, rollbackAt: number | undefined, note?: string): Detection {
  return {
    submittedAt,
    ...(rollbackAt !== undefined ? { rollbackAt, detectMs: rollbackAt - submittedAt } : {}),
    ...(note ? { note } : {}),
  };
}

/**
 * (b) ECS's deployment circuit breaker (rollback on): every service updated at once, as a script that fires
 * `update-service` for each and leaves the rest to ECS would. Rollback starts when the broken service's rollout
 * turns FAILED: threshold 0.5 × desired, at least 3, at most 200 failed tasks, each a full launch plus a verdict.
 */
export function breakerDetection(
  world: SimWorld,
  s: SimStack,
  broken: string,
  failure: FailureMode,
): Detection {
  setUpRunning(world, s, { breaker: true });
  registerImages(world, s, 'v2', { [broken]: failure });
  let watched: Deployment | undefined;
  let submittedAt = 0;
  for (const u of s.units.filter((x) => x.kind === 'service')) {
    const taskDefinition = register(world, s, u, 'v2');
    api(world, () => world.ecs.updateService({ service: u.name, taskDefinition }));
    if (u.name === broken) {
      submittedAt = world.queue.now;
      watched = world.ecs.findService('default', u.name)!.primary;
    }
  }
  const failed = world.runModelUntil(() => watched!.rolloutState === 'FAILED', submittedAt + 6 * HOUR);
  return detection(submittedAt, failed);
}

/**
 * (b) for the matrix: the circuit breaker on the broken service alone, followed until its rollout ends either way,
 * so a transient failure that ECS rides out counts as deployed and one that trips the breaker as a false alarm.
 */
export function breakerOutcome(
  world: SimWorld,
  s: SimStack,
  broken: string,
  failure: FailureMode,
): Detection & { deployedMs?: number; falseAlarm: boolean } {
  setUpRunning(world, s, { breaker: true });
  registerImages(world, s, 'v2', { [broken]: failure });
  const u = s.units.find((x) => x.name === broken)!;
  const taskDefinition = register(world, s, u, 'v2');
  api(world, () => world.ecs.updateService({ service: u.name, taskDefinition }));
  const submittedAt = world.queue.now;
  const watched = world.ecs.findService('default', u.name)!.primary;
  const ended = world.runModelUntil(
    () => watched.rolloutState === 'FAILED' || watched.rolloutState === 'COMPLETED',
    submittedAt + 6 * HOUR,
  );
  const failed = watched.rolloutState === 'FAILED';
  return {
    ...detection(submittedAt, failed ? ended : undefined),
    ...(!failed && ended !== undefined ? { deployedMs: ended - submittedAt } : {}),
    falseAlarm: failed,
  };
}

const logical = (name: string, kind: string) =>
  `${kind}${name.replace(/(^|-)([a-z0-9])/g, (_, _d: string, c: string) => c.toUpperCase())}`;

/** ECS JSON → CloudFormation properties (PascalCase keys; the model's handler maps them back). */
function pascal(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(pascal);
  if (v && typeof v === 'object') {
    return Object.fromEntries(
      Object.entries(v).map(([k, x]) => [k.charAt(0).toUpperCase() + k.slice(1), pascal(x)]),
    );
  }
  return v;
}

/** A template with a task definition and a service per unit; `ordered` adds DependsOn mirroring the stack's. */
export function template(s: SimStack, version: string, ordered: boolean): string {
  const resources: Record<string, unknown> = {};
  for (const u of s.units.filter((x) => x.kind === 'service')) {
    const td = logical(u.name, 'Td');
    resources[td] = {
      Type: 'AWS::ECS::TaskDefinition',
      Properties: pascal(taskDefinition(s.name, u, version)),
    };
    const deps = ordered ? u.deps.filter((d) => s.units.find((x) => x.name === d)?.kind === 'service') : [];
    resources[logical(u.name, 'Svc')] = {
      Type: 'AWS::ECS::Service',
      ...(deps.length ? { DependsOn: deps.map((d) => logical(d, 'Svc')) } : {}),
      Properties: {
        ...(pascal(serviceDefinition(u, false)) as object),
        Cluster: 'default',
        TaskDefinition: { Ref: td },
      },
    };
  }
  return JSON.stringify({ AWSTemplateFormatVersion: '2010-09-09', Resources: resources });
}

/** CloudFormation: create the stack and wait for CREATE_COMPLETE; the time it took, or undefined. */
export function cfnCreate(world: SimWorld, s: SimStack, ordered: boolean): number | undefined {
  const t0 = world.queue.now;
  api(world, () => world.cfn.createStack({ StackName: s.name, TemplateBody: template(s, 'v1', ordered) }));
  const at = world.runModelUntil(() => world.cfn.lookup(s.name)?.status === 'CREATE_COMPLETE', t0 + 4 * HOUR);
  return at === undefined ? undefined : at - t0;
}

/**
 * (a) CloudFormation updating every service at once: each AWS::ECS::Service waits for its service to stabilise
 * (polling every 15 s, up to 3 hours), and the stack rolls back once a resource fails. No circuit breaker, as in a
 * template that does not ask for one.
 */
export function cfnDetection(world: SimWorld, s: SimStack, broken: string, failure: FailureMode): Detection {
  registerImages(world, s, 'v1');
  if (cfnCreate(world, s, false) === undefined)
    throw new Error(`${s.name}: CloudFormation create did not complete`);
  registerImages(world, s, 'v2', { [broken]: failure });
  api(world, () => world.cfn.updateStack({ StackName: s.name, TemplateBody: template(s, 'v2', false) }));
  const submittedAt = world.queue.now;
  const at = world.runModelUntil(
    () => world.cfn.lookup(s.name)?.status.startsWith('UPDATE_ROLLBACK') === true,
    submittedAt + 4 * HOUR,
  );
  return detection(submittedAt, at);
}

/** `aws ecs wait services-stable`: DescribeServices now and every 15 s, 40 times; only counts are compared. */
function waitServicesStable(world: SimWorld, name: string): boolean {
  for (let attempt = 1; attempt <= 40; attempt++) {
    if (attempt > 1) world.advanceModel(world.queue.now + 15_000);
    const svc = api(world, () => world.ecs.describeServices({ services: [name] })).services[0];
    if (!svc) return false;
    if (svc.status === 'DRAINING' || svc.status === 'INACTIVE') return false;
    if (svc.deployments.length === 1 && svc.runningCount === svc.desiredCount) return true;
  }
  return false;
}

/** `aws ecs wait tasks-stopped` (every 6 s, 100 times), then the script checks the exit code. */
function runJob(world: SimWorld, s: SimStack, u: SimUnit, version: string): boolean {
  const taskDefinition = register(world, s, u, version);
  const arn = api(world, () => world.ecs.runTask({ ...runTaskInput, taskDefinition })).tasks[0]!.taskArn;
  for (let attempt = 1; attempt <= 100; attempt++) {
    if (attempt > 1) world.advanceModel(world.queue.now + 6_000);
    const t = api(world, () => world.ecs.describeTasks({ tasks: [arn] })).tasks[0];
    if (t?.lastStatus === 'STOPPED') return t.containers.every((c) => c.exitCode === 0);
  }
  return false;
}

export interface ScriptRun {
  startedAt: number;
  endedAt: number;
  ok: boolean;
  failedService?: string;
  /** When each service's update was submitted. */
  submitted: Record<string, number>;
}

/**
 * (c) A sequential deploy script: services one after another in dependency order, each updated (or created) and
 * then waited for with `aws ecs wait services-stable`; the script stops at the first wait that gives up, which is
 * where a CI job would start its rollback.
 */
export function sequentialScript(world: SimWorld, s: SimStack, version: string, create: boolean): ScriptRun {
  const startedAt = world.queue.now;
  const submitted: Record<string, number> = {};
  for (const u of s.units) {
    submitted[u.name] = world.queue.now;
    if (u.kind === 'job') {
      if (!runJob(world, s, u, version))
        return { startedAt, endedAt: world.queue.now, ok: false, failedService: u.name, submitted };
      continue;
    }
    const taskDefinition = register(world, s, u, version);
    if (create) api(world, () => world.ecs.createService({ ...serviceDefinition(u, false), taskDefinition }));
    else api(world, () => world.ecs.updateService({ service: u.name, taskDefinition }));
    submitted[u.name] = world.queue.now;
    if (!waitServicesStable(world, u.name)) {
      return { startedAt, endedAt: world.queue.now, ok: false, failedService: u.name, submitted };
    }
  }
  return { startedAt, endedAt: world.queue.now, ok: true, submitted };
}

export function scriptDetection(
  world: SimWorld,
  s: SimStack,
  broken: string,
  failure: FailureMode,
): Detection {
  setUpRunning(world, s, { breaker: false });
  registerImages(world, s, 'v2', { [broken]: failure });
  const run = sequentialScript(world, s, 'v2', false);
  const submittedAt = run.submitted[broken] ?? run.endedAt;
  if (run.ok) return detection(submittedAt, undefined, 'the script reported success');
  if (run.failedService !== broken)
    return detection(submittedAt, undefined, `stopped at ${run.failedService}`);
  return detection(submittedAt, run.endedAt);
}
