import type { Deployment, Service } from './service.js';
import type { Container, Task } from './task.js';
import type { TaskDefinition } from './types.js';

/** API shapes for the model's objects. Times are Dates so each wire protocol renders them its own way. */

const date = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms));

export function launchFields(launch: {
  launchType?: string;
  capacityProviderStrategy?: { capacityProvider?: string }[];
  platformVersion?: string;
}) {
  const fargate = isFargate(launch);
  return {
    ...(launch.capacityProviderStrategy?.length
      ? { capacityProviderStrategy: launch.capacityProviderStrategy }
      : { launchType: launch.launchType ?? 'EC2' }),
    ...(fargate ? { platformVersion: launch.platformVersion ?? 'LATEST', platformFamily: 'Linux' } : {}),
  };
}

export function isFargate(launch: {
  launchType?: string;
  capacityProviderStrategy?: { capacityProvider?: string }[];
}) {
  if (launch.capacityProviderStrategy?.length) {
    return launch.capacityProviderStrategy.some((s) => s.capacityProvider?.startsWith('FARGATE'));
  }
  return launch.launchType === 'FARGATE';
}

export function deploymentView(d: Deployment, service: Service) {
  const active = (t: Task) => t.lastStatus !== 'STOPPED';
  return {
    id: d.id,
    status: d.status,
    taskDefinition: d.taskDefinition.taskDefinitionArn,
    desiredCount: d.status === 'PRIMARY' ? service.desiredCount : 0,
    pendingCount: d.count(
      (t) => active(t) && (t.lastStatus === 'PROVISIONING' || t.lastStatus === 'PENDING'),
    ),
    runningCount: d.count((t) => t.lastStatus === 'RUNNING'),
    failedTasks: d.failedTasks,
    createdAt: date(d.createdAt),
    updatedAt: date(d.updatedAt),
    ...launchFields(d.launch),
    ...(d.launch.networkConfiguration ? { networkConfiguration: d.launch.networkConfiguration } : {}),
    rolloutState: d.rolloutState,
    rolloutStateReason: d.rolloutStateReason,
  };
}

export function serviceView(s: Service, createdBy: string) {
  const c = s.config;
  const cb = c.deploymentConfiguration.deploymentCircuitBreaker;
  return {
    ...c.extra,
    serviceArn: s.arn,
    serviceName: s.name,
    clusterArn: s.clusterArn,
    loadBalancers: c.loadBalancers,
    serviceRegistries: (c.extra.serviceRegistries as unknown[]) ?? [],
    status: s.status,
    desiredCount: s.desiredCount,
    runningCount: s.runningCount,
    pendingCount: s.pendingCount,
    ...launchFields(c),
    taskDefinition: s.taskDefinition.taskDefinitionArn,
    deploymentConfiguration: {
      ...c.deploymentConfiguration,
      deploymentCircuitBreaker: { enable: !!cb?.enable, rollback: !!cb?.rollback },
      maximumPercent: c.deploymentConfiguration.maximumPercent ?? 200,
      minimumHealthyPercent: c.deploymentConfiguration.minimumHealthyPercent ?? 100,
    },
    deployments: s.deployments.map((d) => deploymentView(d, s)),
    events: s.events.map((e) => ({ id: e.id, createdAt: date(e.createdAt), message: e.message })),
    createdAt: date(s.createdAt),
    placementConstraints: (c.extra.placementConstraints as unknown[]) ?? [],
    placementStrategy: (c.extra.placementStrategy as unknown[]) ?? [],
    ...(c.networkConfiguration ? { networkConfiguration: c.networkConfiguration } : {}),
    ...(c.healthCheckGracePeriodSeconds !== undefined
      ? { healthCheckGracePeriodSeconds: c.healthCheckGracePeriodSeconds }
      : {}),
    schedulingStrategy: c.schedulingStrategy,
    deploymentController: (c.extra.deploymentController as object) ?? { type: 'ECS' },
    createdBy,
    enableECSManagedTags: (c.extra.enableECSManagedTags as boolean) ?? false,
    propagateTags: (c.extra.propagateTags as string) ?? 'NONE',
    enableExecuteCommand: (c.extra.enableExecuteCommand as boolean) ?? false,
  };
}

function containerView(t: Task, c: Container) {
  const ports = c.def?.portMappings ?? [];
  return {
    containerArn: c.arn,
    taskArn: t.arn,
    name: c.name,
    image: c.image,
    ...(c.runtimeId ? { runtimeId: c.runtimeId } : {}),
    lastStatus: c.lastStatus,
    ...(c.exitCode !== undefined ? { exitCode: c.exitCode } : {}),
    ...(c.reason ? { reason: c.reason } : {}),
    networkBindings:
      t.awsvpc || c.lastStatus !== 'RUNNING'
        ? []
        : ports.map((p) => ({
            bindIP: '0.0.0.0',
            containerPort: p.containerPort,
            hostPort: p.hostPort || 32768,
            protocol: p.protocol ?? 'tcp',
          })),
    networkInterfaces: t.awsvpc ? [{ attachmentId: attachmentId(t), privateIpv4Address: t.privateIp }] : [],
    healthStatus: c.health,
    cpu: String(c.def?.cpu ?? 0),
    ...(c.def?.memory !== undefined ? { memory: String(c.def.memory) } : {}),
    ...(c.def?.memoryReservation !== undefined ? { memoryReservation: String(c.def.memoryReservation) } : {}),
  };
}

function attachmentId(t: Task): string {
  const h = t.id;
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

export function taskView(t: Task) {
  const fargate = isFargate(t.opts);
  const eni = t.awsvpc
    ? [
        {
          id: attachmentId(t),
          type: 'ElasticNetworkInterface',
          status:
            t.lastStatus === 'STOPPED'
              ? 'DELETED'
              : t.lastStatus === 'PROVISIONING'
                ? 'PRECREATED'
                : 'ATTACHED',
          details: [
            { name: 'subnetId', value: t.opts.subnet ?? 'subnet-0a1b2c3d4e5f60718' },
            { name: 'networkInterfaceId', value: t.eniId },
            { name: 'macAddress', value: '0a:1b:2c:3d:4e:5f' },
            { name: 'privateDnsName', value: `ip-${t.privateIp.replaceAll('.', '-')}.ec2.internal` },
            { name: 'privateIPv4Address', value: t.privateIp },
          ],
        },
      ]
    : [];
  return {
    attachments: eni,
    attributes: [{ name: 'ecs.cpu-architecture', value: 'x86_64' }],
    availabilityZone: 'us-east-1a',
    clusterArn: t.opts.clusterArn,
    connectivity: t.connectivityAt !== undefined ? 'CONNECTED' : undefined,
    connectivityAt: date(t.connectivityAt),
    containers: t.containers.map((c) => containerView(t, c)),
    ...(t.def.cpu ? { cpu: t.def.cpu } : {}),
    ...(t.def.memory ? { memory: t.def.memory } : {}),
    createdAt: date(t.createdAt),
    desiredStatus: t.desiredStatus,
    enableExecuteCommand: false,
    executionStoppedAt: date(t.executionStoppedAt),
    group: t.opts.group,
    healthStatus: t.health,
    lastStatus: t.lastStatus,
    launchType: fargate ? 'FARGATE' : (t.opts.launchType ?? 'EC2'),
    ...(t.opts.capacityProviderName ? { capacityProviderName: t.opts.capacityProviderName } : {}),
    overrides: {
      containerOverrides: t.opts.overrides?.containerOverrides ?? [],
      inferenceAcceleratorOverrides: [],
    },
    ...(fargate
      ? { platformVersion: '1.4.0', platformFamily: 'Linux', ephemeralStorage: { sizeInGiB: 20 } }
      : {}),
    pullStartedAt: date(t.pullStartedAt),
    pullStoppedAt: date(t.pullStoppedAt),
    startedAt: date(t.startedAt),
    ...(t.opts.startedBy ? { startedBy: t.opts.startedBy } : {}),
    stopCode: t.stopCode,
    stoppedAt: date(t.stoppedAt),
    stoppedReason: t.stoppedReason,
    stoppingAt: date(t.stoppingAt),
    tags: t.opts.tags ?? [],
    taskArn: t.arn,
    taskDefinitionArn: t.def.taskDefinitionArn,
    version: t.version,
  };
}

export function taskDefinitionView(def: TaskDefinition) {
  const { registeredAt, deregisteredAt, ...rest } = def;
  return {
    ...rest,
    registeredAt: new Date(registeredAt),
    ...(deregisteredAt !== undefined ? { deregisteredAt: new Date(deregisteredAt) } : {}),
  };
}
