import { AwsError } from '../core/errors.js';
import { apiErrors } from './messages.js';
import { invalid } from './refs.js';
import type { LaunchConfig, ServiceConfig } from './service.js';
import type { DeploymentConfiguration, LoadBalancer, NetworkConfiguration, TaskDefinition } from './types.js';
import { isFargate } from './views.js';

/** CreateService/UpdateService input → the service's configuration, checked as ECS checks it. */

/* eslint-disable-next-line @typescript-eslint/no-explicit-any -- ECS's open-ended JSON */
type Input = Record<string, any>;

const KNOWN = new Set([
  'cluster',
  'service',
  'serviceName',
  'taskDefinition',
  'desiredCount',
  'launchType',
  'capacityProviderStrategy',
  'platformVersion',
  'networkConfiguration',
  'deploymentConfiguration',
  'loadBalancers',
  'healthCheckGracePeriodSeconds',
  'schedulingStrategy',
  'forceNewDeployment',
  'clientToken',
]);

/** UpdateService changes only what it names; everything else stays as the service had it. */
export function serviceConfig(input: Input, before: ServiceConfig | undefined): ServiceConfig {
  const extra = { ...(before?.extra ?? {}) };
  for (const [k, v] of Object.entries(input)) if (!KNOWN.has(k) && v !== undefined) extra[k] = v;
  const pick = <T>(key: string, fallback: T): T => (input[key] !== undefined ? (input[key] as T) : fallback);
  return {
    desiredCount: pick('desiredCount', before?.desiredCount ?? 1),
    launchType: pick('launchType', before?.launchType),
    capacityProviderStrategy: pick('capacityProviderStrategy', before?.capacityProviderStrategy),
    platformVersion: pick('platformVersion', before?.platformVersion),
    networkConfiguration: pick<NetworkConfiguration | undefined>(
      'networkConfiguration',
      before?.networkConfiguration,
    ),
    deploymentConfiguration: {
      ...(before?.deploymentConfiguration ?? {}),
      ...((input.deploymentConfiguration as DeploymentConfiguration) ?? {}),
    },
    loadBalancers: pick<LoadBalancer[]>('loadBalancers', before?.loadBalancers ?? []),
    healthCheckGracePeriodSeconds: pick(
      'healthCheckGracePeriodSeconds',
      before?.healthCheckGracePeriodSeconds,
    ),
    schedulingStrategy: before?.schedulingStrategy ?? input.schedulingStrategy ?? 'REPLICA',
    extra,
  };
}

/** Whether an update changes how tasks are launched, which needs a new deployment even with the same revision. */
export function launchChanged(a: ServiceConfig, b: ServiceConfig): boolean {
  const key = (c: ServiceConfig) =>
    JSON.stringify([
      c.launchType,
      c.capacityProviderStrategy,
      c.platformVersion,
      c.networkConfiguration,
      c.loadBalancers,
    ]);
  return key(a) !== key(b);
}

export function checkLaunch(def: TaskDefinition, launch: LaunchConfig): void {
  if (def.networkMode === 'awsvpc' && !launch.networkConfiguration?.awsvpcConfiguration) {
    throw invalid(apiErrors.awsvpcNeedsNetworkConfiguration);
  }
  if (isFargate(launch) && !def.compatibilities.includes('FARGATE'))
    throw invalid(apiErrors.noFargateSupport);
}

/** unverified wording for both messages */
export function checkLoadBalancers(def: TaskDefinition, lbs: LoadBalancer[]): void {
  for (const lb of lbs) {
    const c = def.containerDefinitions.find((x) => x.name === lb.containerName);
    if (!c) throw invalid(apiErrors.lbContainerMissing(String(lb.containerName)));
    if (!(c.portMappings ?? []).some((p) => p.containerPort === lb.containerPort)) {
      throw invalid(apiErrors.lbPortMissing(String(lb.containerName), Number(lb.containerPort)));
    }
  }
}

export function taskDefinitionNotFound(): AwsError {
  return new AwsError('ClientException', apiErrors.taskDefinitionNotFound);
}
