import type { CreateServiceCommandInput, UpdateServiceCommandInput } from '@aws-sdk/client-ecs';

/**
 * A service definition file is CreateService input (as ecspresso writes it) or DescribeServices output; only the
 * fields each call accepts are passed on, so the output form with its read-only fields works too.
 */

type Json = Record<string, unknown>;

const CREATE_FIELDS = [
  'loadBalancers',
  'serviceRegistries',
  'desiredCount',
  'launchType',
  'capacityProviderStrategy',
  'platformVersion',
  'role',
  'deploymentConfiguration',
  'placementConstraints',
  'placementStrategy',
  'networkConfiguration',
  'healthCheckGracePeriodSeconds',
  'schedulingStrategy',
  'deploymentController',
  'tags',
  'enableECSManagedTags',
  'propagateTags',
  'enableExecuteCommand',
  'serviceConnectConfiguration',
  'volumeConfigurations',
  'availabilityZoneRebalancing',
  'vpcLatticeConfigurations',
];

/** UpdateService cannot change the launch type, scheduling strategy, role, controller or tags. */
const UPDATE_FIELDS = [
  'desiredCount',
  'capacityProviderStrategy',
  'deploymentConfiguration',
  'networkConfiguration',
  'placementConstraints',
  'placementStrategy',
  'platformVersion',
  'healthCheckGracePeriodSeconds',
  'enableExecuteCommand',
  'enableECSManagedTags',
  'loadBalancers',
  'propagateTags',
  'serviceRegistries',
  'serviceConnectConfiguration',
  'volumeConfigurations',
  'availabilityZoneRebalancing',
  'vpcLatticeConfigurations',
];

function pick(def: Json, fields: readonly string[]): Json {
  return Object.fromEntries(fields.filter((f) => def[f] !== undefined).map((f) => [f, def[f]]));
}

/** Where a service lives: the service's own aws.cluster, the stack's, the definition's, or ECS's default. */
export function clusterFor(own: string | undefined, stackDefault: string | undefined, def?: Json): string {
  const fromDef =
    typeof def?.cluster === 'string'
      ? def.cluster
      : typeof def?.clusterArn === 'string'
        ? def.clusterArn
        : undefined;
  return own ?? stackDefault ?? fromDef ?? 'default';
}

export function serviceNameFor(name: string, def?: Json): string {
  return typeof def?.serviceName === 'string' && def.serviceName ? def.serviceName : name;
}

export function createInput(
  def: Json | undefined,
  at: { cluster: string; serviceName: string; taskDefinition: string },
): CreateServiceCommandInput {
  return {
    desiredCount: 1,
    ...(pick(def ?? {}, CREATE_FIELDS) as Partial<CreateServiceCommandInput>),
    cluster: at.cluster,
    serviceName: at.serviceName,
    taskDefinition: at.taskDefinition,
  };
}

export function updateInput(
  def: Json | undefined,
  at: { cluster: string; serviceName: string; taskDefinition: string; force: boolean; desiredCount?: number },
): UpdateServiceCommandInput {
  const fields = pick(def ?? {}, UPDATE_FIELDS) as Partial<UpdateServiceCommandInput>;
  return {
    ...fields,
    ...(fields.desiredCount === undefined && at.desiredCount !== undefined
      ? { desiredCount: at.desiredCount }
      : {}),
    cluster: at.cluster,
    service: at.serviceName,
    taskDefinition: at.taskDefinition,
    forceNewDeployment: at.force,
  };
}
