import type { AwsContext } from '../core/context.js';
import { AwsError } from '../core/errors.js';
import type { EventQueue, ScheduledEvent } from '../core/queue.js';
import type { Random } from '../core/random.js';
import type { EcsModel } from '../ecs/model.js';
import type { CfnSettings } from './settings.js';
import { INERT_TYPES, inertIdentity } from './inert-types.js';

/**
 * What CloudFormation does per resource type. AWS::ECS::Service and AWS::ECS::TaskDefinition act on the ECS model
 * (the service handler waits for the service to stabilize, as the real one does for up to three hours); every other
 * type is inert and completes after a short delay unless the scenario makes it fail.
 */

export interface HandlerEnv {
  queue: EventQueue;
  rng: Random;
  ctx: AwsContext;
  ecs: EcsModel;
  settings: CfnSettings;
  stackName: string;
  logicalId: string;
  type: string;
}

export interface Outcome {
  /** The physical resource exists (its ID is known) and CloudFormation is now waiting for it. */
  initiated(physicalId: string): void;
  ok(physicalId: string, attrs?: Record<string, string>): void;
  fail(reason: string): void;
}

export interface Job {
  cancel(): void;
}

type Props = Record<string, unknown>;

export interface ResourceHandler {
  /** Properties whose change needs a new physical resource; `all` for immutable types. */
  replaceOn: string[] | 'all';
  /** Properties whose change may need one (RequiresRecreation Conditionally); updated in place here. */
  replaceMaybe?: string[];
  create(env: HandlerEnv, props: Props, out: Outcome): Job;
  update(env: HandlerEnv, physicalId: string, props: Props, old: Props, out: Outcome): Job;
  delete(env: HandlerEnv, physicalId: string, props: Props, out: Outcome): Job;
}

const idle: Job = { cancel: () => {} };

function later(env: HandlerEnv, seconds: number, run: () => void): Job {
  const ev: ScheduledEvent = env.queue.after(seconds * 1000, `cfn ${env.logicalId}`, run);
  return { cancel: () => env.queue.cancel(ev) };
}

/** The registry-based handlers' wording for an API error; HandlerErrorCode follows the error's kind. */
export function handlerMessage(env: HandlerEnv, e: unknown): string {
  if (!(e instanceof AwsError)) return String(e);
  const code = /NotFound/.test(e.code)
    ? 'NotFound'
    : e.status >= 500
      ? 'ServiceInternalError'
      : 'InvalidRequest';
  return (
    `Resource handler returned message: "${e.message} (Service: AmazonECS; Status Code: ${e.status}; ` +
    `Error Code: ${e.code}; Request ID: ${env.rng.uuid()}; Proxy: null)" ` +
    `(RequestToken: ${env.rng.uuid()}, HandlerErrorCode: ${code})`
  );
}

function scenarioFailure(env: HandlerEnv, on: 'create' | 'update' | 'delete'): string | undefined {
  return env.settings.failResources.find(
    (f) =>
      (f.logicalId === undefined || f.logicalId === env.logicalId) &&
      (f.type === undefined || f.type === env.type) &&
      (f.on === undefined || f.on === on),
  )?.message;
}

const inert: ResourceHandler = {
  replaceOn: [],
  create(env, props, out) {
    const { physicalId, attrs } = inertIdentity(env, props);
    const failure = scenarioFailure(env, 'create');
    out.initiated(physicalId);
    return later(env, env.settings.resourceSeconds, () =>
      failure ? out.fail(failure) : out.ok(physicalId, attrs),
    );
  },
  update(env, physicalId, _props, _old, out) {
    const failure = scenarioFailure(env, 'update');
    return later(env, env.settings.resourceSeconds, () => (failure ? out.fail(failure) : out.ok(physicalId)));
  },
  delete(env, _physicalId, _props, out) {
    const failure = scenarioFailure(env, 'delete');
    return later(env, env.settings.resourceSeconds, () => (failure ? out.fail(failure) : out.ok('')));
  },
};

const taskDefinition: ResourceHandler = {
  replaceOn: 'all',
  create(env, props, out) {
    const input = toEcsShape(props) as Record<string, unknown>;
    input.family ??= `${env.stackName}-${env.logicalId}-${env.rng.upper(12)}`;
    for (const k of ['cpu', 'memory']) if (input[k] !== undefined) input[k] = String(input[k]);
    try {
      const arn = env.ecs.registerTaskDefinition(input).taskDefinition.taskDefinitionArn;
      out.initiated(arn);
      return later(env, 1, () => out.ok(arn, { TaskDefinitionArn: arn }));
    } catch (e) {
      return later(env, 1, () => out.fail(handlerMessage(env, e)));
    }
  },
  update(env, _physicalId, props, _old, out) {
    return this.create(env, props, out);
  },
  delete(env, physicalId, _props, out) {
    try {
      env.ecs.deregisterTaskDefinition({ taskDefinition: physicalId });
    } catch {
      // Already gone is fine for a delete.
    }
    return later(env, 1, () => out.ok(''));
  },
};

const ecsService: ResourceHandler = {
  replaceOn: ['Cluster', 'ServiceName', 'SchedulingStrategy', 'Role', 'LaunchType'],
  create(env, props, out) {
    const input = toEcsShape(props) as Record<string, unknown>;
    input.serviceName ??= `${env.stackName}-${env.logicalId}-${env.rng.alnum(12)}`;
    try {
      const arn = (env.ecs.createService(input).service as { serviceArn: string }).serviceArn;
      const svc = env.ecs.findService(input.cluster as string | undefined, String(input.serviceName))!;
      out.initiated(arn);
      return watch(env, arn, input.cluster as string | undefined, svc.primary.id, out);
    } catch (e) {
      return later(env, 1, () => out.fail(handlerMessage(env, e)));
    }
  },
  update(env, physicalId, props, _old, out) {
    const input = toEcsShape(props) as Record<string, unknown>;
    const force = (props.ForceNewDeployment as { EnableForceNewDeployment?: unknown } | undefined)
      ?.EnableForceNewDeployment;
    const request = {
      cluster: input.cluster,
      service: physicalId,
      taskDefinition: input.taskDefinition,
      desiredCount: input.desiredCount,
      deploymentConfiguration: input.deploymentConfiguration,
      networkConfiguration: input.networkConfiguration,
      loadBalancers: input.loadBalancers,
      healthCheckGracePeriodSeconds: input.healthCheckGracePeriodSeconds,
      platformVersion: input.platformVersion,
      capacityProviderStrategy: input.capacityProviderStrategy,
      forceNewDeployment: force === true || force === 'true',
    };
    try {
      env.ecs.updateService(request);
      const svc = env.ecs.findService(input.cluster as string | undefined, physicalId)!;
      return watch(env, physicalId, input.cluster as string | undefined, svc.primary.id, out);
    } catch (e) {
      return later(env, 1, () => out.fail(handlerMessage(env, e)));
    }
  },
  delete(env, physicalId, props, out) {
    const cluster = (toEcsShape(props) as { cluster?: string }).cluster;
    const svc = env.ecs.findService(cluster, physicalId);
    if (!svc || svc.status === 'INACTIVE') return later(env, 1, () => out.ok(''));
    try {
      env.ecs.deleteService({ cluster, service: physicalId, force: true });
    } catch {
      // A service already draining is being deleted anyway.
    }
    let job: Job = idle;
    const poll = () => {
      if (svc.status === 'INACTIVE') out.ok('');
      else job = later(env, env.settings.stabilizePollSeconds, poll);
    };
    job = later(env, env.settings.stabilizePollSeconds, poll);
    return { cancel: () => job.cancel() };
  },
};

/** Polls like the real handler: success when stable, failure when the circuit breaker fails the deployment. */
function watch(
  env: HandlerEnv,
  arn: string,
  cluster: string | undefined,
  deploymentId: string,
  out: Outcome,
): Job {
  const started = env.queue.now;
  let job: Job = idle;
  const poll = () => {
    const svc = env.ecs.findService(cluster, arn);
    const dep = svc?.history.get(deploymentId);
    if (!svc || !dep) return out.fail(`Service ${arn} was deleted during the operation`);
    if (dep.rolloutState === 'FAILED') {
      return out.fail(
        `Resource handler returned message: "Error occurred during operation 'ECS Deployment Circuit Breaker was triggered'." ` +
          `(RequestToken: ${env.rng.uuid()}, HandlerErrorCode: GeneralServiceException)`,
      );
    }
    if (svc.stable && svc.primary.id === deploymentId)
      return out.ok(arn, { Name: svc.name, ServiceArn: arn });
    if (env.queue.now - started >= env.settings.stabilizeTimeoutSeconds * 1000) {
      // unverified wording (the registry handlers' usual timeout message)
      return out.fail(
        `Resource handler returned message: "Exceeded attempts to wait" (RequestToken: ${env.rng.uuid()}, HandlerErrorCode: NotStabilized)`,
      );
    }
    job = later(env, env.settings.stabilizePollSeconds, poll);
  };
  job = later(env, env.settings.stabilizePollSeconds, poll);
  return { cancel: () => job.cancel() };
}

export function handlerFor(type: string): ResourceHandler {
  if (type === 'AWS::ECS::Service') return ecsService;
  if (type === 'AWS::ECS::TaskDefinition') return taskDefinition;
  const rules = INERT_TYPES[type];
  return rules ? { ...inert, ...rules } : inert;
}

/** Ref of a resource: ECS services and task definitions answer with their ARN, which is their physical ID here. */
export function refOf(_type: string, physicalId: string): string {
  return physicalId;
}

const MAP_KEYS = new Set(['Options', 'DockerLabels', 'Labels', 'DriverOpts']);
const NUMERIC = new Set([
  'desiredCount',
  'cpu',
  'memory',
  'memoryReservation',
  'containerPort',
  'hostPort',
  'interval',
  'timeout',
  'retries',
  'startPeriod',
  'healthCheckGracePeriodSeconds',
  'minimumHealthyPercent',
  'maximumPercent',
  'weight',
  'base',
  'startTimeout',
  'stopTimeout',
  'sizeInGiB',
]);
const BOOLEAN = new Set([
  'essential',
  'enable',
  'rollback',
  'readOnly',
  'readonlyRootFilesystem',
  'privileged',
  'initProcessEnabled',
]);

/** CloudFormation's PascalCase properties as the ECS API's camelCase, with numbers and booleans from strings. */
export function toEcsShape(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) return value.map((v) => toEcsShape(v, key));
  if (value && typeof value === 'object') {
    if (MAP_KEYS.has(key)) return value;
    return Object.fromEntries(
      Object.entries(value as Props).map(([k, v]) => {
        const camel = k.charAt(0).toLowerCase() + k.slice(1);
        return [camel, toEcsShape(v, k)];
      }),
    );
  }
  const camelKey = key.charAt(0).toLowerCase() + key.slice(1);
  if (typeof value === 'string' && NUMERIC.has(camelKey) && /^\d+$/.test(value)) return Number(value);
  if (typeof value === 'string' && BOOLEAN.has(camelKey) && /^(true|false)$/i.test(value)) {
    return value.toLowerCase() === 'true';
  }
  return value;
}
