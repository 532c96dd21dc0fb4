/** The slice of ECS's JSON shapes the model reads; everything else a client sends is kept and echoed untouched. */

export interface KeyValue {
  name?: string;
  value?: string;
}

export interface PortMapping {
  containerPort?: number;
  hostPort?: number;
  protocol?: string;
  name?: string;
  [k: string]: unknown;
}

export interface HealthCheck {
  command?: string[];
  interval?: number;
  timeout?: number;
  retries?: number;
  startPeriod?: number;
}

export interface LogConfiguration {
  logDriver?: string;
  options?: Record<string, string>;
  secretOptions?: { name?: string; valueFrom?: string }[];
}

export interface ContainerDefinition {
  name?: string;
  image?: string;
  essential?: boolean;
  cpu?: number;
  memory?: number;
  memoryReservation?: number;
  command?: string[];
  entryPoint?: string[];
  environment?: KeyValue[];
  portMappings?: PortMapping[];
  healthCheck?: HealthCheck;
  logConfiguration?: LogConfiguration;
  secrets?: { name?: string; valueFrom?: string }[];
  mountPoints?: { sourceVolume?: string; containerPath?: string; readOnly?: boolean }[];
  repositoryCredentials?: { credentialsParameter?: string };
  [k: string]: unknown;
}

export interface TaskDefinition {
  taskDefinitionArn: string;
  family: string;
  revision: number;
  status: 'ACTIVE' | 'INACTIVE' | 'DELETE_IN_PROGRESS';
  containerDefinitions: ContainerDefinition[];
  networkMode?: string;
  requiresCompatibilities?: string[];
  compatibilities: string[];
  cpu?: string;
  memory?: string;
  taskRoleArn?: string;
  executionRoleArn?: string;
  volumes: { name?: string; [k: string]: unknown }[];
  registeredAt: number;
  registeredBy: string;
  deregisteredAt?: number;
  [k: string]: unknown;
}

export interface Tag {
  key?: string;
  value?: string;
}

export interface AwsVpcConfiguration {
  subnets?: string[];
  securityGroups?: string[];
  assignPublicIp?: string;
}

export interface NetworkConfiguration {
  awsvpcConfiguration?: AwsVpcConfiguration;
}

export interface LoadBalancer {
  targetGroupArn?: string;
  loadBalancerName?: string;
  containerName?: string;
  containerPort?: number;
  /** Blue/green: where the green revision's tasks register until production traffic moves to them. */
  advancedConfiguration?: {
    alternateTargetGroupArn?: string;
    productionListenerRule?: string;
    testListenerRule?: string;
    roleArn?: string;
  };
}

export interface DeploymentConfiguration {
  deploymentCircuitBreaker?: { enable?: boolean; rollback?: boolean };
  maximumPercent?: number;
  minimumHealthyPercent?: number;
  alarms?: { alarmNames?: string[]; enable?: boolean; rollback?: boolean };
  strategy?: string;
  bakeTimeInMinutes?: number;
  lifecycleHooks?: {
    targetType?: string;
    hookTargetArn?: string;
    roleArn?: string;
    lifecycleStages?: string[];
    timeoutConfiguration?: { timeoutInMinutes?: number; action?: string };
  }[];
  linearConfiguration?: { stepPercent?: number; stepBakeTimeInMinutes?: number };
  canaryConfiguration?: { canaryPercent?: number; canaryBakeTimeInMinutes?: number };
  [k: string]: unknown;
}

export interface CapacityProviderStrategyItem {
  capacityProvider?: string;
  weight?: number;
  base?: number;
}
