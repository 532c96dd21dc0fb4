import {
  CancelUpdateStackCommand,
  CloudFormationClient,
  CreateChangeSetCommand,
  DeleteChangeSetCommand,
  DeleteStackCommand,
  DescribeChangeSetCommand,
  DescribeStackEventsCommand,
  DescribeStackResourcesCommand,
  DescribeStacksCommand,
  ExecuteChangeSetCommand,
  type CancelUpdateStackCommandInput,
  type CancelUpdateStackCommandOutput,
  type CreateChangeSetCommandInput,
  type CreateChangeSetCommandOutput,
  type DeleteChangeSetCommandInput,
  type DeleteChangeSetCommandOutput,
  type DeleteStackCommandInput,
  type DeleteStackCommandOutput,
  type DescribeChangeSetCommandInput,
  type DescribeChangeSetCommandOutput,
  type DescribeStackEventsCommandInput,
  type DescribeStackEventsCommandOutput,
  type DescribeStackResourcesCommandInput,
  type DescribeStackResourcesCommandOutput,
  type DescribeStacksCommandInput,
  type DescribeStacksCommandOutput,
  type ExecuteChangeSetCommandInput,
  type ExecuteChangeSetCommandOutput,
} from '@aws-sdk/client-cloudformation';
import {
  CloudWatchClient,
  DescribeAlarmsCommand,
  type DescribeAlarmsCommandInput,
  type DescribeAlarmsCommandOutput,
} from '@aws-sdk/client-cloudwatch';
import {
  CloudWatchLogsClient,
  FilterLogEventsCommand,
  GetLogEventsCommand,
  type FilterLogEventsCommandInput,
  type FilterLogEventsCommandOutput,
  type GetLogEventsCommandInput,
  type GetLogEventsCommandOutput,
} from '@aws-sdk/client-cloudwatch-logs';
import {
  CreateServiceCommand,
  DeleteServiceCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ECSClient,
  ListTaskDefinitionsCommand,
  ListTasksCommand,
  RegisterTaskDefinitionCommand,
  RunTaskCommand,
  StopTaskCommand,
  ListServiceDeploymentsCommand,
  DescribeServiceDeploymentsCommand,
  StopServiceDeploymentCommand,
  ContinueServiceDeploymentCommand,
  type ListServiceDeploymentsCommandInput,
  type ListServiceDeploymentsCommandOutput,
  type DescribeServiceDeploymentsCommandInput,
  type DescribeServiceDeploymentsCommandOutput,
  type StopServiceDeploymentCommandInput,
  type StopServiceDeploymentCommandOutput,
  type ContinueServiceDeploymentCommandInput,
  type ContinueServiceDeploymentCommandOutput,
  TagResourceCommand,
  UpdateServiceCommand,
  type CreateServiceCommandInput,
  type CreateServiceCommandOutput,
  type DeleteServiceCommandInput,
  type DeleteServiceCommandOutput,
  type DescribeServicesCommandInput,
  type DescribeServicesCommandOutput,
  type DescribeTaskDefinitionCommandInput,
  type DescribeTaskDefinitionCommandOutput,
  type DescribeTasksCommandInput,
  type DescribeTasksCommandOutput,
  type ListTaskDefinitionsCommandInput,
  type ListTaskDefinitionsCommandOutput,
  type ListTasksCommandInput,
  type ListTasksCommandOutput,
  type RegisterTaskDefinitionCommandInput,
  type RegisterTaskDefinitionCommandOutput,
  type RunTaskCommandInput,
  type RunTaskCommandOutput,
  type StopTaskCommandInput,
  type StopTaskCommandOutput,
  type TagResourceCommandInput,
  type TagResourceCommandOutput,
  type UpdateServiceCommandInput,
  type UpdateServiceCommandOutput,
} from '@aws-sdk/client-ecs';
import {
  DescribeTargetHealthCommand,
  ElasticLoadBalancingV2Client,
  type DescribeTargetHealthCommandInput,
  type DescribeTargetHealthCommandOutput,
} from '@aws-sdk/client-elastic-load-balancing-v2';

/**
 * The AWS operations the aws target uses, and nothing else: a test can swap any of them, and the IAM policy in the
 * README is exactly this list.
 */

export interface EcsApi {
  registerTaskDefinition(i: RegisterTaskDefinitionCommandInput): Promise<RegisterTaskDefinitionCommandOutput>;
  describeTaskDefinition(i: DescribeTaskDefinitionCommandInput): Promise<DescribeTaskDefinitionCommandOutput>;
  listTaskDefinitions(i: ListTaskDefinitionsCommandInput): Promise<ListTaskDefinitionsCommandOutput>;
  tagResource(i: TagResourceCommandInput): Promise<TagResourceCommandOutput>;
  describeServices(i: DescribeServicesCommandInput): Promise<DescribeServicesCommandOutput>;
  createService(i: CreateServiceCommandInput): Promise<CreateServiceCommandOutput>;
  updateService(i: UpdateServiceCommandInput): Promise<UpdateServiceCommandOutput>;
  deleteService(i: DeleteServiceCommandInput): Promise<DeleteServiceCommandOutput>;
  listTasks(i: ListTasksCommandInput): Promise<ListTasksCommandOutput>;
  describeTasks(i: DescribeTasksCommandInput): Promise<DescribeTasksCommandOutput>;
  runTask(i: RunTaskCommandInput): Promise<RunTaskCommandOutput>;
  stopTask(i: StopTaskCommandInput): Promise<StopTaskCommandOutput>;
  listServiceDeployments(i: ListServiceDeploymentsCommandInput): Promise<ListServiceDeploymentsCommandOutput>;
  describeServiceDeployments(
    i: DescribeServiceDeploymentsCommandInput,
  ): Promise<DescribeServiceDeploymentsCommandOutput>;
  stopServiceDeployment(i: StopServiceDeploymentCommandInput): Promise<StopServiceDeploymentCommandOutput>;
  continueServiceDeployment(
    i: ContinueServiceDeploymentCommandInput,
  ): Promise<ContinueServiceDeploymentCommandOutput>;
}

export interface CfnApi {
  describeStacks(i: DescribeStacksCommandInput): Promise<DescribeStacksCommandOutput>;
  describeStackEvents(i: DescribeStackEventsCommandInput): Promise<DescribeStackEventsCommandOutput>;
  describeStackResources(i: DescribeStackResourcesCommandInput): Promise<DescribeStackResourcesCommandOutput>;
  createChangeSet(i: CreateChangeSetCommandInput): Promise<CreateChangeSetCommandOutput>;
  describeChangeSet(i: DescribeChangeSetCommandInput): Promise<DescribeChangeSetCommandOutput>;
  executeChangeSet(i: ExecuteChangeSetCommandInput): Promise<ExecuteChangeSetCommandOutput>;
  deleteChangeSet(i: DeleteChangeSetCommandInput): Promise<DeleteChangeSetCommandOutput>;
  deleteStack(i: DeleteStackCommandInput): Promise<DeleteStackCommandOutput>;
  cancelUpdateStack(i: CancelUpdateStackCommandInput): Promise<CancelUpdateStackCommandOutput>;
}

export interface LogsApi {
  getLogEvents(i: GetLogEventsCommandInput): Promise<GetLogEventsCommandOutput>;
  filterLogEvents(i: FilterLogEventsCommandInput): Promise<FilterLogEventsCommandOutput>;
}

export interface CloudWatchApi {
  describeAlarms(i: DescribeAlarmsCommandInput): Promise<DescribeAlarmsCommandOutput>;
}

export interface ElbApi {
  describeTargetHealth(i: DescribeTargetHealthCommandInput): Promise<DescribeTargetHealthCommandOutput>;
}

/** Requests sent per `service.Operation`, retries included, so a deployment's API cost can be reported. */
export class ApiCallCounter {
  private readonly counts = new Map<string, number>();

  record(service: string, operation: string): void {
    const key = `${service}.${operation}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  get total(): number {
    return [...this.counts.values()].reduce((a, b) => a + b, 0);
  }

  count(service: string, operation: string): number {
    return this.counts.get(`${service}.${operation}`) ?? 0;
  }

  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b)));
  }
}

export interface AwsClients {
  ecs: EcsApi;
  cfn: CfnApi;
  logs: LogsApi;
  elb: ElbApi;
  cloudwatch: CloudWatchApi;
  /** The region the clients talk to (from the stack file, AWS_REGION or the profile), for console links. */
  region(): Promise<string>;
  calls: ApiCallCounter;
  destroy(): void;
}

export interface ClientOptions {
  /** The stack file's `aws.region`; otherwise the SDK's own chain (AWS_REGION, AWS_PROFILE's config). */
  region?: string;
  /** Only for tests that do not go through AWS_ENDPOINT_URL, which the SDK honours by itself. */
  endpoint?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string };
  counter?: ApiCallCounter;
}

interface Countable {
  middlewareStack: {
    add(
      mw: (
        next: (args: unknown) => Promise<unknown>,
        ctx: { commandName?: string },
      ) => (args: unknown) => Promise<unknown>,
      opts: { step: 'finalizeRequest'; priority: 'low'; name: string },
    ): void;
  };
}

/** Below the retry middleware, so each attempt counts: the same number the endpoint sees. */
function countCalls(client: Countable, service: string, counter: ApiCallCounter): void {
  client.middlewareStack.add(
    (next, ctx) => (args) => {
      counter.record(service, (ctx.commandName ?? 'Unknown').replace(/Command$/, ''));
      return next(args);
    },
    { step: 'finalizeRequest', priority: 'low', name: 'convoyApiCallCounter' },
  );
}

/**
 * Real SDK clients from the standard provider chain (environment, AWS_PROFILE, SSO, instance roles). Throttling is
 * retried by the SDK's adaptive mode, which also slows the client down while AWS pushes back.
 */
export function createAwsClients(
  opts: ClientOptions,
  env: Readonly<Record<string, string | undefined>>,
): AwsClients {
  const counter = opts.counter ?? new ApiCallCounter();
  const config = {
    ...(opts.region ? { region: opts.region } : {}),
    ...(opts.endpoint ? { endpoint: opts.endpoint } : {}),
    ...(opts.credentials ? { credentials: opts.credentials } : {}),
    retryMode: 'adaptive',
    // A deployment watches for minutes: a burst of throttling must not end it, so allow more attempts than the default 3.
    ...(env.AWS_MAX_ATTEMPTS ? {} : { maxAttempts: 8 }),
  };
  const ecs = new ECSClient(config);
  const cfn = new CloudFormationClient(config);
  const logs = new CloudWatchLogsClient(config);
  const elb = new ElasticLoadBalancingV2Client(config);
  const cloudwatch = new CloudWatchClient(config);
  countCalls(ecs as unknown as Countable, 'ecs', counter);
  countCalls(cfn as unknown as Countable, 'cloudformation', counter);
  countCalls(logs as unknown as Countable, 'logs', counter);
  countCalls(elb as unknown as Countable, 'elasticloadbalancing', counter);
  countCalls(cloudwatch as unknown as Countable, 'cloudwatch', counter);
  return {
    ecs: {
      registerTaskDefinition: (i) => ecs.send(new RegisterTaskDefinitionCommand(i)),
      describeTaskDefinition: (i) => ecs.send(new DescribeTaskDefinitionCommand(i)),
      listTaskDefinitions: (i) => ecs.send(new ListTaskDefinitionsCommand(i)),
      tagResource: (i) => ecs.send(new TagResourceCommand(i)),
      describeServices: (i) => ecs.send(new DescribeServicesCommand(i)),
      createService: (i) => ecs.send(new CreateServiceCommand(i)),
      updateService: (i) => ecs.send(new UpdateServiceCommand(i)),
      deleteService: (i) => ecs.send(new DeleteServiceCommand(i)),
      listTasks: (i) => ecs.send(new ListTasksCommand(i)),
      describeTasks: (i) => ecs.send(new DescribeTasksCommand(i)),
      runTask: (i) => ecs.send(new RunTaskCommand(i)),
      stopTask: (i) => ecs.send(new StopTaskCommand(i)),
      listServiceDeployments: (i) => ecs.send(new ListServiceDeploymentsCommand(i)),
      describeServiceDeployments: (i) => ecs.send(new DescribeServiceDeploymentsCommand(i)),
      stopServiceDeployment: (i) => ecs.send(new StopServiceDeploymentCommand(i)),
      continueServiceDeployment: (i) => ecs.send(new ContinueServiceDeploymentCommand(i)),
    },
    cfn: {
      describeStacks: (i) => cfn.send(new DescribeStacksCommand(i)),
      describeStackEvents: (i) => cfn.send(new DescribeStackEventsCommand(i)),
      describeStackResources: (i) => cfn.send(new DescribeStackResourcesCommand(i)),
      createChangeSet: (i) => cfn.send(new CreateChangeSetCommand(i)),
      describeChangeSet: (i) => cfn.send(new DescribeChangeSetCommand(i)),
      executeChangeSet: (i) => cfn.send(new ExecuteChangeSetCommand(i)),
      deleteChangeSet: (i) => cfn.send(new DeleteChangeSetCommand(i)),
      deleteStack: (i) => cfn.send(new DeleteStackCommand(i)),
      cancelUpdateStack: (i) => cfn.send(new CancelUpdateStackCommand(i)),
    },
    logs: {
      getLogEvents: (i) => logs.send(new GetLogEventsCommand(i)),
      filterLogEvents: (i) => logs.send(new FilterLogEventsCommand(i)),
    },
    elb: { describeTargetHealth: (i) => elb.send(new DescribeTargetHealthCommand(i)) },
    cloudwatch: { describeAlarms: (i) => cloudwatch.send(new DescribeAlarmsCommand(i)) },
    region: async () => {
      try {
        return await ecs.config.region();
      } catch {
        return opts.region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'us-east-1';
      }
    },
    calls: counter,
    destroy() {
      for (const c of [ecs, cfn, logs, elb, cloudwatch]) c.destroy();
    },
  };
}
