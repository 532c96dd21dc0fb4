import type {
  Service as EcsService,
  ServiceDeployment,
  Tag,
  Task,
  TaskDefinition,
} from '@aws-sdk/client-ecs';
import type { Clock } from '../../core/clock.js';
import type { Stack } from '../../spec/types.js';
import type { Verdict } from '../target.js';
import type { AwsClients } from './clients.js';
import type { ContainerRoles } from './judge.js';
import type { ClusterPoller } from './poller.js';
import type { Registrar } from './registrar.js';

/** What the aws target's parts share: clients, time, one poller per cluster, and what this process started. */
export interface AwsContext {
  stack: Stack;
  clients: AwsClients;
  clock: Clock;
  poller(cluster: string): ClusterPoller;
  region(): Promise<string>;
  memory: Memory;
  /** Task definition registrations, paced and prepared ahead. */
  registrar: Registrar;
  /** Polling starts at pollMs and backs off to maxPollMs while nothing changes. */
  timing: { pollMs: number; maxPollMs: number };
  /** Logical ids the user allowed to be removed or replaced (`--allow-replace`): the gate lets them through. */
  allowReplace: ReadonlySet<string>;
}

export interface ServiceRun {
  kind: 'service';
  revision: string;
  cluster: string;
  serviceName: string;
  deploymentId: string;
  taskDefinition: TaskDefinition;
  taskDefinitionTags: Tag[];
  roles: ContainerRoles;
  startedAt: number;
  /** Ids of the service events that predate this deployment: not news. */
  priorEvents: string[];
  /** ECS already ran a deployment of this definition (e.g. its circuit breaker rolling back); we follow that one. */
  adopted: boolean;
  /** A service with a deployment strategy: followed through its service deployment (service-deployment.ts). */
  native?: NativeRun;
}

export interface NativeRun {
  /** deployed | stable | ecs:STAGE; `rolled-back`: Convoy stopped it with ROLLBACK and waits for that. */
  waitUntil: string;
  pauseAt?: string;
  /** Found with ListServiceDeployments once ECS lists it. */
  arn?: string;
}

export interface JobRun {
  kind: 'job';
  revision: string;
  cluster: string;
  taskArn: string;
  taskDefinition: TaskDefinition;
  taskDefinitionTags: Tag[];
  roles: ContainerRoles;
  startedAt: number;
}

export interface CfnRun {
  kind: 'cloudformation';
  revision: string;
  stackName: string;
  stackId?: string;
  /** Set when a template was given: the change set to wait for and execute. */
  changeSet?: { arn: string; type: 'CREATE' | 'UPDATE' };
  /** Stack events that existed before this run; only newer ones are reported. */
  seenEvents: Set<string>;
  startedAt: number;
}

export type Run = ServiceRun | JobRun | CfnRun;

/** Kept when a gate fails, so the evidence and log lines are those of the failure even after a rollback. */
export interface FailureRecord {
  revision: string;
  verdict: Extract<Verdict, { ok: false }>;
  cluster?: string;
  serviceName?: string;
  service?: EcsService;
  tasks: Task[];
  /** The task whose failure decided, when one did. */
  focus?: string;
  taskDefinition?: TaskDefinition;
  stackName?: string;
  serviceDeployment?: ServiceDeployment;
}

export class Memory {
  readonly runs = new Map<string, Run>();
  readonly failures = new Map<string, FailureRecord>();
  /** Task definitions a service ran before this process changed it: where a rollback finds its revision. */
  private readonly before = new Map<string, string[]>();

  rememberBefore(name: string, arns: readonly (string | undefined)[]): void {
    const list = this.before.get(name) ?? [];
    for (const a of arns) if (a && !list.includes(a)) list.push(a);
    this.before.set(name, list);
  }

  previous(name: string): string[] {
    return this.before.get(name) ?? [];
  }
}
