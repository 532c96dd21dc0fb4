/**
 * Every sentence ECS says, in one place, worded as real ECS words it. Sources are public output captured from real
 * accounts (service event logs, DescribeTasks dumps, CLI errors quoted in issue trackers) and the ECS API reference;
 * each group names where the wording was checked. Anything marked "unverified" is our best reconstruction.
 */

const tasks = (ids: string[]) => ids.map((id) => `(task ${id})`).join(' ');

/** Service events (DescribeServices `events`). Checked against real event logs quoted in public post-mortems. */
export const serviceEvents = {
  started: (svc: string, ids: string[], replacedUnhealthy = 0) =>
    `(service ${svc}) has started ${ids.length} tasks: ${tasks(ids)}.` +
    (replacedUnhealthy > 0
      ? ` Amazon ECS replaced ${replacedUnhealthy} tasks due to an unhealthy status.`
      : ''),
  stopped: (svc: string, ids: string[]) =>
    `(service ${svc}) has stopped ${ids.length} running tasks: ${tasks(ids)}.`,
  failedHealthChecks: (svc: string, id: string) =>
    `(service ${svc}) (task ${id}) failed container health checks.`,
  steadyState: (svc: string) => `(service ${svc}) has reached a steady state.`,
  deploymentCompleted: (svc: string, dep: string) =>
    `(service ${svc}) (deployment ${dep}) deployment completed.`,
  deploymentFailed: (svc: string, dep: string) =>
    `(service ${svc}) (deployment ${dep}) deployment failed: tasks failed to start.`,
  rollingBack: (svc: string, dep: string) => `(service ${svc}) rolling back to deployment ${dep}.`,
  registeredTargets: (svc: string, n: number, tg: string) =>
    `(service ${svc}) registered ${n} targets in (target-group ${tg})`,
  deregisteredTargets: (svc: string, n: number, tg: string) =>
    `(service ${svc}) deregistered ${n} targets in (target-group ${tg})`,
  drainingConnections: (svc: string, n: number) =>
    `(service ${svc}) has begun draining connections on ${n} tasks.`,
  elbUnhealthy: (svc: string, port: number, tg: string, reason: string) =>
    `(service ${svc}) (port ${port}) is unhealthy in (target-group ${tg}) due to (reason ${reason}).`,
  /** unverified wording: native deployments' own service events */
  trafficShifted: (svc: string, pct: number) =>
    `(service ${svc}) shifted ${pct}% of production traffic to the new service revision.`,
  hookPaused: (svc: string, stage: string) =>
    `(service ${svc}) deployment paused at lifecycle hook ${stage}; waiting for ContinueServiceDeployment.`,
  serviceDeploymentRollingBack: (svc: string, arn: string) =>
    `(service ${svc}) (service-deployment ${arn.split('/').pop()}) rolling back to the previous service revision.`,
  /** SERVICE_TASK_START_IMPAIRED, as the ECS developer guide's service event messages page words it. */
  startImpaired: (svc: string) =>
    `(service ${svc}) is unable to consistently start tasks successfully. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.`,
};

/** Deployment `rolloutStateReason`; checked against DescribeServices output and EventBridge deployment events. */
export const rolloutReasons = {
  inProgress: (dep: string) => `ECS deployment ${dep} in progress.`,
  completed: (dep: string) => `ECS deployment ${dep} completed.`,
  circuitBreakerFailed: () => 'ECS deployment circuit breaker: tasks failed to start.',
  rollingBack: (dep: string) => `ECS deployment circuit breaker: rolling back to deploymentId ${dep}.`,
};

/**
 * ServiceDeployment `statusReason` and `rollback.reason` (DescribeServiceDeployments) and the errors of
 * StopServiceDeployment/ContinueServiceDeployment. The API reference names the fields, not their sentences: all
 * unverified wording. (Looked for in December 2026: the developer guide's service deployment and pause hook pages,
 * the aws-cli `describe-service-deployments` example (a SUCCESSFUL one, without statusReason), GitHub issues quoting
 * DescribeServiceDeployments: none quotes a statusReason or rollback.reason sentence.)
 */
export const serviceDeploymentReasons = {
  successful: 'Service deployment completed successfully.',
  superseded: 'Service deployment was stopped because a newer service deployment started.',
  circuitBreaker: 'Service deployment rolled back because the circuit breaker threshold was exceeded.',
  alarms: (names: string[]) =>
    `Service deployment rolled back because of the following alarms in ALARM state: ${names.join(', ')}.`,
  hookRollback: 'Service deployment rolled back because a lifecycle hook requested a rollback.',
  hookTimedOut: 'Service deployment rolled back because a lifecycle hook timed out.',
  stopRequested: 'Service deployment stopped by StopServiceDeployment.',
  noRevisionToRollBackTo: 'Service deployment rollback failed: there is no previous service revision.',
  notInProgress: (status: string) => `The service deployment is ${status} and cannot be stopped.`,
  hookNotPaused: 'The lifecycle hook is not awaiting an action.',
  unknownHook: (id: string) => `Lifecycle hook ${id} was not found in the service deployment.`,
  notFound: 'Service deployment not found.',
};

/** Task `stoppedReason` and container `reason`; from re:Post "Why is my ECS task stopped?" and DescribeTasks dumps. */
export const stopReasons = {
  essentialExited: 'Essential container in task exited',
  containerHealth: 'Task failed container health checks',
  elbHealth: (tg: string) => `Task failed ELB health checks in (target-group ${tg})`,
  scaling: (dep: string) => `Scaling activity initiated by (deployment ${dep})`,
  user: 'Task stopped by user',
  oom: 'OutOfMemoryError: Container killed due to memory usage',
  pullNotFound: (ref: string) =>
    `CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref ${ref}: ${ref}: not found`,
  pullCustom: (detail: string) => `CannotPullContainerError: ${detail}`,
  secretsAccessDenied: (p: {
    secretArn: string;
    accountId: string;
    role: string;
    taskId: string;
    requestId: string;
  }) =>
    'ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: ' +
    'unable to retrieve secret from asm: service call has been retried 1 time(s): ' +
    `failed to fetch secret ${p.secretArn} from secrets manager: operation error Secrets Manager: GetSecretValue, ` +
    `https response error StatusCode: 400, RequestID: ${p.requestId}, api error AccessDeniedException: ` +
    `User: arn:aws:sts::${p.accountId}:assumed-role/${p.role}/${p.taskId} is not authorized to perform: ` +
    `secretsmanager:GetSecretValue on resource: ${p.secretArn} because no identity-based policy allows the ` +
    'secretsmanager:GetSecretValue action',
  secretsCustom: (detail: string) =>
    `ResourceInitializationError: unable to pull secrets or registry auth: ${detail}`,
  logGroupMissing:
    'ResourceInitializationError: failed to validate logger args: create stream has been retried 1 times: ' +
    'failed to create Cloudwatch log stream: ResourceNotFoundException: The specified log group does not exist. : exit status 1',
};

/** ELB target health descriptions (DescribeTargetHealth `Description`), from the ELBv2 API reference. */
export const targetDescriptions: Record<string, string> = {
  'Elb.RegistrationInProgress': 'Target registration is in progress',
  'Elb.InitialHealthChecking': 'Initial health checks in progress',
  'Target.ResponseCodeMismatch': 'Health checks failed with these codes: [{code}]',
  'Target.Timeout': 'Request timed out',
  'Target.FailedHealthChecks': 'Health checks failed',
  'Target.DeregistrationInProgress': 'Target deregistration is in progress',
};

/** API errors. The RegisterTaskDefinition wordings are quoted from CLI/Terraform output in public issues. */
export const apiErrors = {
  clusterNotFound: 'Cluster not found.',
  serviceNotFound: 'Service not found.',
  serviceNotActive: 'Service was not ACTIVE.',
  serviceNotIdempotent: 'Creation of service was not idempotent.',
  taskDefinitionNotFound: 'TaskDefinition not found.',
  unableToDescribeTaskDefinition: 'Unable to describe task definition.',
  awsvpcNeedsNetworkConfiguration:
    "Network Configuration must be provided when networkMode 'awsvpc' is specified.",
  noFargateSupport: 'Task definition does not support launch_type FARGATE.',
  lbContainerMissing: (c: string) => `The container ${c} does not exist in the task definition.`,
  lbPortMissing: (c: string, port: number) =>
    `The container ${c} did not have a container port ${port} defined.`,
  /** unverified wording */
  tooManyServices: 'services can have at most 10 items.',
  /** unverified wording */
  tooManyTasks: 'tasks can have at most 100 items.',
  familyBlank: 'Family can not be blank.',
  familyInvalid: 'Family contains invalid characters.',
  containersEmpty: 'Container list cannot be empty.',
  containerNameInvalid: 'Container.name contains invalid characters.',
  containerNameEmpty: 'Container.name should not be null or empty.',
  imageEmpty: 'Container.image should not be null or empty.',
  memoryMissing: (c: string) =>
    `Invalid setting for container '${c}'. At least one of 'memory' or 'memoryReservation' must be specified.`,
  roleInvalid: 'Role is not valid',
  unknownVolume: (v: string) => `Unknown volume '${v}'.`,
  secretsNeedExecutionRole:
    "When you are specifying container secrets, you must also specify a value for 'executionRoleArn'.",
  fargateNetworkMode: 'Fargate only supports network mode ‘awsvpc’.',
  fargateCpu: "Fargate requires that 'cpu' be defined at the task level.",
  fargateMemory: "Fargate requires that 'memory' be defined at the task level.",
  fargateSize: 'No Fargate configuration exists for given values.',
  fargateAwslogsRole:
    'Fargate requires task definition to have execution role ARN to support log driver awslogs.',
  awsvpcPorts: 'When networkMode=awsvpc, the host ports and container ports in port mappings must match.',
  invalidTaskSize: (what: 'cpu' | 'memory') =>
    `Invalid '${what}' setting for task. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.`,
};
