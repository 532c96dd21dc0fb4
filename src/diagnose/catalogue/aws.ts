import type { Catalogue } from './types.js';

/*
 * AWS error codes as the SDKs, the CLI and CloudFormation print them: `An error occurred (Code) when calling the X
 * operation: …` (CLI, boto3), `Code: message` (JavaScript, Go), `(Service: X; Status Code: 400; Error Code: Code; …)`
 * (Java), `HandlerErrorCode: Code` (CloudFormation resource handlers). One catalogue per service; an ambiguous code
 * carries the text around it in `re`.
 */

/** The error codes every AWS API may answer with. */
const common: Catalogue = {
  id: 'aws',
  tool: 'the AWS APIs',
  reference: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/CommonErrors.html',
  entries: [
    {
      code: 'AccessDeniedException',
      category: 'secrets-iam',
      meaning: 'the caller does not have sufficient access to perform this action',
      fix: 'Grant the role making the call (the task role for the app, the execution role for ECS itself, the deploy role for the pipeline) the action named in the message on that resource.',
      example:
        'An error occurred (AccessDeniedException) when calling the GetSecretValue operation: User: arn:aws:sts::123456789012:assumed-role/app-task/abc is not authorized to perform: secretsmanager:GetSecretValue',
    },
    {
      code: 'UnrecognizedClientException',
      category: 'secrets-iam',
      meaning: 'the access key ID or security token in the request is invalid',
      fix: 'Remove static or stale AWS keys from the environment and let the SDK use the task role; if keys are meant to be used, rotate them and check they belong to this account and partition.',
      example:
        'An error occurred (UnrecognizedClientException) when calling the ListTables operation: The security token included in the request is invalid.',
    },
    {
      code: 'InvalidClientTokenId',
      category: 'secrets-iam',
      meaning: 'the X.509 certificate or AWS access key ID provided does not exist in AWS records',
      fix: 'Remove the unknown access key from the environment (AWS_ACCESS_KEY_ID) and use the task role, or supply a key that exists in this account; a region that is not enabled also rejects keys.',
      example:
        'An error occurred (InvalidClientTokenId) when calling the GetCallerIdentity operation: The security token included in the request is invalid.',
    },
    {
      code: 'ExpiredToken',
      category: 'secrets-iam',
      meaning: 'the security token included in the request has expired',
      fix: 'Stop passing fixed session credentials to the container; let the SDK refresh them from the task role (container credentials endpoint), or refresh the deploy session before it runs.',
      re: /\bExpiredToken(?:Exception)?\b/,
      example:
        'An error occurred (ExpiredTokenException) when calling the AssumeRole operation: The security token included in the request is expired',
    },
    {
      code: 'SignatureDoesNotMatch',
      category: 'secrets-iam',
      meaning:
        'the request signature does not match the one AWS calculated: a wrong secret access key, or a skewed clock',
      fix: 'Check the secret access key given with the access key ID (or drop static keys for the task role); if the keys are right, fix the host clock (NTP).',
      example:
        'An error occurred (SignatureDoesNotMatch) when calling the GetObject operation: The request signature we calculated does not match the signature you provided. Check your key and signing method.',
    },
    {
      code: 'ThrottlingException',
      category: 'other',
      meaning: 'the request was denied due to request throttling',
      fix: 'Retry with backoff (raise the SDK retry count or use adaptive retry mode), spread concurrent deployments, or request a higher API rate quota.',
      example:
        'An error occurred (ThrottlingException) when calling the DescribeServices operation (reached max retries: 4): Rate exceeded',
    },
    {
      code: 'Throttling',
      category: 'other',
      meaning: 'the request was denied due to request throttling (Query APIs such as CloudFormation and IAM)',
      fix: 'Retry with backoff, reduce how many stacks or calls run at once, or request a higher API rate quota.',
      re: /An error occurred \(Throttling\)|Error Code: Throttling\b|\bThrottling: Rate exceeded/,
      example:
        'An error occurred (Throttling) when calling the DescribeStacks operation (reached max retries: 4): Rate exceeded',
    },
    {
      code: 'TooManyRequestsException',
      category: 'other',
      meaning: 'too many requests were sent in a short time',
      fix: 'Retry with backoff and spread the calls, or request a higher rate quota.',
      example: 'TooManyRequestsException: Too many requests, please wait before trying again.',
    },
    {
      code: 'RequestLimitExceeded',
      category: 'other',
      meaning: 'the maximum request rate permitted by the Amazon EC2 APIs has been exceeded for the account',
      fix: 'Retry with exponential backoff and reduce the number of concurrent EC2 calls (autoscaling, ENI attachment, tooling); it is not a fault of the service being deployed.',
      example:
        'An error occurred (RequestLimitExceeded) when calling the RunInstances operation: Request limit exceeded.',
    },
    {
      code: 'ServiceUnavailable',
      category: 'other',
      meaning: 'the request failed due to a temporary failure of the server',
      fix: 'Retry the deployment; if it persists, check the AWS Health Dashboard for the region.',
      re: /\bServiceUnavailable(?:Exception)?\b/,
      not: /AmazonElasticLoadBalancingV2/,
      example:
        'An error occurred (ServiceUnavailable) when calling the UpdateService operation: Service Unavailable. Please try again later.',
    },
    {
      code: 'InternalFailure',
      category: 'other',
      meaning:
        'the request processing failed because of an unknown error, exception or failure on the AWS side',
      fix: 'Retry; if it persists, check the AWS Health Dashboard and open a support case with the request ID.',
      not: /AmazonElasticLoadBalancingV2/,
      example:
        'InternalFailure: An internal error occurred. status code: 500, request id: 3f1d5a6c-8a2e-4b4e-9b6f-0c1d2e3f4a5b',
    },
    {
      code: 'InvalidAction',
      category: 'other',
      meaning: 'the action or operation requested is invalid, often a client older than the API it calls',
      fix: 'Update the AWS CLI, SDK or deploy tool to a version that knows the operation, and check the endpoint and region.',
      example:
        'An error occurred (InvalidAction) when calling the DescribeCapacityProviders operation: The action DescribeCapacityProviders is not valid for this web service.',
    },
    {
      code: 'OptInRequired',
      category: 'config-env',
      meaning: 'the account needs a subscription for the service, or the region is not enabled',
      fix: 'Enable the region (or subscribe to the service) for the account, or point the deployment at a region the account uses.',
      example:
        'An error occurred (OptInRequired) when calling the DescribeInstances operation: You are not subscribed to this service. Please go to http://aws.amazon.com to subscribe.',
    },
  ],
};

/** Amazon ECS API errors. */
const ecs: Catalogue = {
  id: 'aws-ecs',
  tool: 'Amazon ECS',
  reference:
    'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html#API_CreateService_Errors',
  entries: [
    {
      code: 'ClientException',
      // Where the refused value is set: the task definition or command a deploy tool sent (three train captures).
      category: 'config-env',
      meaning:
        'the request was refused because of a client-side error, such as a parameter the action or resource does not accept',
      fix: 'Read the message after the code and correct that value in the task definition, service or template (an unsupported CPU/memory pair, a container port not defined, a missing execution role), then deploy again.',
      re: /An error occurred \(ClientException\) when calling the \w+ operation: \S|Error Code: ClientException\b|\bClientException: [^\n]*?(?:[Tt]ask ?[Dd]efinition|Fargate|launch type|capacity provider|targetGroupArn|container port|networkConfiguration|awsvpc|execution role)/,
      not: /not authori[sz]ed|AccessDenied|already (?:exists|in use)/i,
      example:
        'An error occurred (ClientException) when calling the RegisterTaskDefinition operation: Invalid setting for container web. At least one of memory or memoryReservation must be specified.',
    },
    {
      code: 'ServerException',
      category: 'other',
      meaning: 'the request failed because of a server-side issue in Amazon ECS',
      fix: 'Retry the deployment; if it persists, check the AWS Health Dashboard and open a support case with the request ID.',
      re: /An error occurred \(ServerException\) when calling the \w+ operation|Error Code: ServerException\b|\bServerException: (?:Service Unavailable|An internal error|Internal (?:error|failure))/,
      not: /psycopg|mysql|postgres|sqlalchemy|jdbc/i,
      example:
        'An error occurred (ServerException) when calling the UpdateService operation: Service Unavailable. Please try again later.',
    },
    {
      code: 'ClusterNotFoundException',
      category: 'config-env',
      meaning: 'the specified cluster was not found in this account and region',
      fix: 'Point the deployment at the cluster that exists (name or ARN, account and region), or create the cluster first.',
      example:
        'An error occurred (ClusterNotFoundException) when calling the UpdateService operation: Cluster not found.',
    },
    {
      code: 'ServiceNotFoundException',
      category: 'config-env',
      meaning: 'the specified service was not found in the cluster',
      fix: 'Check the service name and cluster given to the deploy step (and the region), or create the service before updating it.',
      example:
        'An error occurred (ServiceNotFoundException) when calling the UpdateService operation: Service not found.',
    },
    {
      code: 'ServiceNotActiveException',
      category: 'config-env',
      meaning: 'the specified service is not active (it was deleted or is draining), so it cannot be updated',
      fix: 'Create the service again (or deploy to the active one) instead of updating the deleted service name.',
      example:
        'An error occurred (ServiceNotActiveException) when calling the UpdateService operation: Service was not ACTIVE.',
    },
    {
      code: 'PlatformUnknownException',
      category: 'cfn-template',
      meaning: 'the specified Fargate platform version does not exist',
      fix: 'Set platformVersion to LATEST or a published version (1.4.0 on Linux), in the template or the deploy command.',
      example:
        'An error occurred (PlatformUnknownException) when calling the CreateService operation: The specified platform does not exist.',
    },
    {
      code: 'PlatformTaskDefinitionIncompatibilityException',
      category: 'cfn-template',
      meaning: 'the task definition uses a feature the specified platform version does not support',
      fix: 'Use a platform version that supports the task definition (e.g. 1.4.0 for EFS volumes and larger ephemeral storage), or remove the feature.',
      example:
        'An error occurred (PlatformTaskDefinitionIncompatibilityException) when calling the CreateService operation: The specified platform does not satisfy the task definition’s required capabilities.',
    },
    {
      code: 'InvalidParameterException',
      category: 'cfn-template',
      meaning: 'the specified parameter is not valid',
      fix: 'Correct the parameter the message names (in the template, task definition or deploy command) against the API reference.',
      not: /already (?:exists|in use)|not authori[sz]ed|java\.security\.InvalidParameterException/i,
      example:
        'An error occurred (InvalidParameterException) when calling the CreateService operation: Unable to assume role and validate the listeners configured on your load balancer.',
    },
    {
      code: 'UnsupportedFeatureException',
      category: 'cfn-template',
      meaning: 'the specified task is not supported in this Region, or a requested feature is not available',
      fix: 'Remove the feature from the task definition or service, or deploy in a Region that supports it.',
      example:
        'An error occurred (UnsupportedFeatureException) when calling the RunTask operation: The specified launch type is not supported in this region.',
    },
    {
      code: 'EssentialContainerExited',
      category: 'app-crash',
      meaning: 'an essential container in the task exited, so ECS stopped the task',
      fix: 'Read that container’s logs and exit code: the app exited on its own (a crash, a failed start, a command that ends).',
      in: ['stopCode'],
      example: 'EssentialContainerExited',
    },
    {
      code: 'ServiceSchedulerInitiated',
      category: 'health-check-command',
      meaning:
        'the service scheduler stopped the task, usually because it failed its container or load balancer health checks',
      fix: 'Check the container health check and the target group health check (path, port, matcher, grace period) against what the app serves, and the app logs at the time of the failed checks.',
      in: ['stopCode'],
      example: 'ServiceSchedulerInitiated',
    },
    {
      code: 'SpotInterruption',
      category: 'other',
      meaning: 'the Spot capacity was reclaimed and the task was stopped',
      fix: 'Nothing in the service is wrong: keep On-Demand capacity in the capacity provider strategy for a base of tasks, and handle SIGTERM to drain.',
      in: ['stopCode', 'stoppedReason'],
      example: 'SpotInterruption',
    },
    {
      code: 'TerminationNotice',
      category: 'other',
      meaning: 'the task was stopped because its host received a termination notice',
      fix: 'Nothing in the service is wrong; the scheduler replaces the task. Handle SIGTERM so work drains.',
      in: ['stopCode'],
      example: 'TerminationNotice',
    },
    {
      code: 'InfrastructureHealth',
      category: 'other',
      meaning: 'ECS stopped the task because of a problem with the infrastructure it ran on',
      fix: 'Nothing in the service is wrong; the scheduler replaces the task. Retry, and check the AWS Health Dashboard if it repeats.',
      in: ['stopCode'],
      example: 'InfrastructureHealth',
    },
    {
      code: 'CannotPullContainerError',
      category: 'image-pull',
      meaning: 'the container image could not be pulled',
      fix: 'Check the image reference (repository, tag, digest, region) and the registry credentials in the execution role; when the message is a timeout, the task has no route to the registry (NAT, public IP or VPC endpoints) and the fix is in the network.',
      example:
        'CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref 123456789012.dkr.ecr.us-east-1.amazonaws.com/web:v42: not found',
    },
    {
      code: 'CannotStartContainerError',
      category: 'config-env',
      meaning: 'the container was created but could not be started',
      fix: 'Read the rest of the message: usually the entrypoint or command does not exist or is not executable, the awslogs group is missing, or a mount is wrong; correct it in the task definition or image.',
      example:
        'CannotStartContainerError: Error response from daemon: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "/app/start.sh": permission denied: unknown',
    },
    {
      code: 'CannotCreateContainerError',
      category: 'resources-oom',
      meaning:
        'Docker could not create the container, most often because the instance is out of disk or thin-pool space',
      fix: 'Free or enlarge the container instance’s Docker storage (volume size, image cleanup via ECS_ENGINE_TASK_CLEANUP_WAIT_DURATION and ECS_IMAGE_CLEANUP settings); read the message for a bad volume or device setting otherwise.',
      example:
        'CannotCreateContainerError: API error (500): devmapper: Thin Pool has 4350 free data blocks which is less than minimum required 4454 free data blocks. Create more free space in thin pool or use dm.min_free_space option to change behavior',
    },
    {
      code: 'CannotInspectContainerError',
      category: 'other',
      meaning: 'the container agent could not inspect the container through Docker',
      fix: 'A Docker or agent fault on the instance: replace or restart the container instance (update the agent and Docker); the task itself needs no change.',
      example: 'CannotInspectContainerError: Could not transition to inspecting; timed out after waiting 30s',
    },
    {
      code: 'CannotStopContainerError',
      category: 'other',
      meaning: 'the container agent could not stop the container through Docker',
      fix: 'A Docker or agent fault on the instance: drain and replace the container instance, and update the agent.',
      example: 'CannotStopContainerError: API error (500): Cannot stop container: Container is not running',
    },
    {
      code: 'ContainerRuntimeError',
      category: 'other',
      meaning: 'the container runtime failed while creating or starting the container',
      fix: 'Retry; if it repeats on one instance, drain and replace it and update the ECS agent and runtime.',
      example: 'ContainerRuntimeError: failed to create container: runtime error',
    },
    {
      code: 'ContainerRuntimeTimeoutError',
      category: 'other',
      meaning: 'the container could not transition to RUNNING or STOPPED within the runtime timeout',
      fix: 'Retry the task; if it keeps timing out, check the instance’s Docker health and disk, or for Fargate open a case with the task ID.',
      example: 'ContainerRuntimeTimeoutError: Could not transition to running; timed out after waiting 3m0s',
    },
    {
      code: 'ResourceInitializationError',
      category: 'network-sg',
      meaning:
        'ECS could not prepare the task’s resources (secrets, registry auth, logging, volumes) before its containers started',
      fix: 'Give the task’s subnets a route to the AWS endpoints it needs (NAT gateway, public IP, or VPC endpoints for ECR, S3, Secrets Manager, SSM, Logs); if the message names a permission or a missing secret, fix the execution role or the secret reference instead.',
      example:
        'ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secret from asm: service call has been retried 5 time(s): RequestError: send request failed caused by: Post "https://secretsmanager.us-east-1.amazonaws.com/": dial tcp 10.0.0.1:443: i/o timeout',
    },
    {
      code: 'OutOfMemoryError',
      category: 'resources-oom',
      meaning: 'the container was killed because it used more memory than its limit',
      fix: 'Raise the container’s memory (and the task’s), or reduce what the app holds (heap size such as -Xmx or --max-old-space-size below the limit).',
      re: /OutOfMemoryError: Container killed due to memory usage/,
      example: 'OutOfMemoryError: Container killed due to memory usage',
    },
    {
      code: 'LimitExceededException',
      category: 'placement-capacity',
      meaning: 'a service quota of the account was reached (tasks, services, container instances)',
      fix: 'Request a quota increase in Service Quotas or remove unused resources; the task definition needs no change.',
      re: /An error occurred \(LimitExceededException\) when calling the (?:RunTask|StartTask|CreateService|UpdateService|CreateCluster|RegisterTaskDefinition) operation|Service: (?:AmazonECS|Ecs)[;,][^\n]*Error Code: LimitExceededException/,
      example:
        'An error occurred (LimitExceededException) when calling the CreateService operation: Too many services. The number of services in the cluster exceeds the limit.',
    },
  ],
};

/** Amazon ECR API errors. */
const ecr: Catalogue = {
  id: 'aws-ecr',
  tool: 'Amazon ECR',
  reference:
    'https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_BatchGetImage.html#API_BatchGetImage_Errors',
  entries: [
    {
      code: 'RepositoryNotFoundException',
      category: 'image-pull',
      meaning: 'the specified repository could not be found in the registry',
      fix: 'Correct the repository name, account and region in the image URI, or create the repository before pushing or pulling.',
      example:
        "An error occurred (RepositoryNotFoundException) when calling the DescribeImages operation: The repository with name 'web' does not exist in the registry with id '123456789012'",
    },
    {
      code: 'ImageNotFoundException',
      category: 'image-pull',
      meaning: 'the image requested does not exist in the specified repository',
      fix: 'Push the tag the task definition names (or deploy the tag that was pushed); check that a lifecycle policy did not expire it.',
      example:
        'An error occurred (ImageNotFoundException) when calling the BatchGetImage operation: Requested image not found',
    },
    {
      code: 'ImageTagAlreadyExistsException',
      category: 'image-pull',
      meaning: 'the tag is already used by another image in a repository with immutable tags',
      fix: 'Push under a new, unique tag (the commit SHA) and deploy that tag, or make the repository’s tags mutable.',
      example:
        "tag invalid: The image tag 'latest' already exists in the 'web' repository and cannot be overwritten because the repository is immutable. (ImageTagAlreadyExistsException)",
    },
    {
      code: 'LayersNotFoundException',
      category: 'image-pull',
      meaning: 'the specified layers could not be found, or the digest is not valid for the repository',
      fix: 'Push the image again in full (all its layers) and deploy it by tag or by a digest that exists in this repository.',
      example:
        'An error occurred (LayersNotFoundException) when calling the BatchCheckLayerAvailability operation: The specified layers could not be found',
    },
    {
      code: 'LifecyclePolicyPreviewInProgressException',
      category: 'other',
      meaning: 'a lifecycle policy preview is already running for the repository',
      fix: 'Wait for the running preview to finish and retry.',
      example:
        'An error occurred (LifecyclePolicyPreviewInProgressException) when calling the StartLifecyclePolicyPreview operation: The previous lifecycle policy preview request has not completed',
    },
  ],
};

/** IAM and STS errors. */
const iam: Catalogue = {
  id: 'aws-iam',
  tool: 'AWS IAM and STS',
  reference: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html#API_AssumeRole_Errors',
  entries: [
    {
      code: 'NoSuchEntity',
      category: 'secrets-iam',
      meaning: 'the request referred to a role, user, policy or instance profile that does not exist',
      fix: 'Create the role or policy first (declare it in the same template and reference it), or correct the name or ARN the deployment passes.',
      re: /\bNoSuchEntity(?:Exception)?\b/,
      example:
        'An error occurred (NoSuchEntity) when calling the GetRole operation: The role with name ecsTaskExecutionRole cannot be found.',
    },
    {
      code: 'MalformedPolicyDocument',
      category: 'cfn-template',
      meaning: 'the policy document is malformed',
      fix: 'Correct the policy JSON in the template (Version 2012-10-17, Effect/Action/Resource spelled right, valid ARNs and principals), e.g. with IAM Access Analyzer’s policy validation.',
      re: /\bMalformedPolicyDocument(?:Exception)?\b/,
      example:
        'An error occurred (MalformedPolicyDocument) when calling the CreateRole operation: Invalid principal in policy: "SERVICE":"ecs-task.amazonaws.com"',
    },
    {
      code: 'EntityAlreadyExists',
      category: 'cfn-state',
      meaning: 'an IAM entity with that name already exists',
      fix: 'Let CloudFormation name the role (drop RoleName), or delete or import the leftover role from an earlier stack.',
      re: /\bEntityAlreadyExists(?:Exception)?\b/,
      example:
        'An error occurred (EntityAlreadyExists) when calling the CreateRole operation: Role with name app-task-role already exists.',
    },
    {
      code: 'sts:AssumeRole',
      category: 'secrets-iam',
      meaning: 'the caller is not allowed to assume the role, or the role’s trust policy does not trust it',
      fix: 'Add the caller (the service principal such as ecs-tasks.amazonaws.com, or the calling role) to the role’s trust policy, and allow sts:AssumeRole on the role in the caller’s policy.',
      re: /not authori[sz]ed to perform:? sts:AssumeRole\w*/,
      example:
        'An error occurred (AccessDenied) when calling the AssumeRole operation: User: arn:aws:sts::123456789012:assumed-role/app-task/abc is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::210987654321:role/reader',
    },
    {
      code: 'InvalidIdentityToken',
      category: 'secrets-iam',
      meaning: 'the web identity token could not be validated by the identity provider',
      fix: 'Check the OIDC provider registered in IAM (URL, audience, thumbprint) and the role’s trust conditions against the token’s issuer and subject.',
      re: /\bInvalidIdentityToken(?:Exception)?\b/,
      example:
        'An error occurred (InvalidIdentityToken) when calling the AssumeRoleWithWebIdentity operation: No OpenIDConnect provider found in your account for https://token.actions.githubusercontent.com',
    },
    {
      code: 'RegionDisabledException',
      category: 'config-env',
      meaning: 'STS is not activated in the requested region for the account',
      fix: 'Activate STS for the region in the IAM account settings, or call the regional STS endpoint of an enabled region.',
      example:
        'An error occurred (RegionDisabledException) when calling the AssumeRole operation: STS is not activated in this region for account:123456789012.',
    },
  ],
};

/** AWS Secrets Manager errors. */
const secretsManager: Catalogue = {
  id: 'aws-secrets',
  tool: 'AWS Secrets Manager',
  reference:
    'https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_GetSecretValue.html#API_GetSecretValue_Errors',
  entries: [
    {
      code: 'ResourceNotFoundException',
      category: 'secrets-iam',
      meaning: 'Secrets Manager cannot find the resource that was asked for',
      fix: 'Correct the secret name or full ARN (with its six-character suffix, and the JSON key and version if given) in the task definition or app, and check the secret lives in this account and region.',
      re: /ResourceNotFoundException[^\n]*?Secrets Manager can'?t find|(?:asm|secretsmanager|GetSecretValue)[^\n]*?ResourceNotFoundException/i,
      example:
        "An error occurred (ResourceNotFoundException) when calling the GetSecretValue operation: Secrets Manager can't find the specified secret.",
    },
    {
      code: 'DecryptionFailure',
      category: 'secrets-iam',
      meaning: 'Secrets Manager cannot decrypt the protected secret text using the provided KMS key',
      fix: 'Allow kms:Decrypt on the secret’s KMS key to the role reading it (in the key policy and the role policy), and check the key is enabled.',
      re: /\bDecryptionFailure(?:Exception)?\b/,
      example:
        'An error occurred (DecryptionFailure) when calling the GetSecretValue operation: Secrets Manager can’t decrypt the protected secret text using the provided KMS key.',
    },
    {
      code: 'InvalidRequestException',
      category: 'secrets-iam',
      meaning: 'the secret is scheduled for deletion, so it cannot be read or changed',
      fix: 'Restore the secret (aws secretsmanager restore-secret) or point the task at a live secret.',
      re: /InvalidRequestException[^\n]*?marked for deletion|because it was marked for deletion/,
      example:
        "An error occurred (InvalidRequestException) when calling the GetSecretValue operation: You can't perform this operation on the secret because it was marked for deletion.",
    },
  ],
};

/** AWS Systems Manager Parameter Store errors. */
const ssm: Catalogue = {
  id: 'aws-ssm',
  tool: 'AWS Systems Manager Parameter Store',
  reference: 'https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_GetParameters.html',
  entries: [
    {
      code: 'ParameterNotFound',
      category: 'secrets-iam',
      meaning: 'the parameter could not be found',
      fix: 'Correct the parameter name or ARN in the task definition or app (a leading slash, the path, the region), or create the parameter.',
      re: /\bParameterNotFound(?:Exception)?\b/,
      example:
        'An error occurred (ParameterNotFound) when calling the GetParameter operation: Parameter /app/prod/DB_URL not found.',
    },
    {
      code: 'ParameterVersionNotFound',
      category: 'secrets-iam',
      meaning: 'the specified parameter version was not found',
      fix: 'Reference a version or label that exists (or drop the :version suffix to read the latest).',
      re: /\bParameterVersionNotFound(?:Exception)?\b/,
      example:
        'An error occurred (ParameterVersionNotFound) when calling the GetParameter operation: Systems Manager could not find version 7 of /app/prod/DB_URL.',
    },
    {
      code: 'InvalidKeyId',
      category: 'secrets-iam',
      meaning: 'the KMS key of the SecureString parameter is not valid or not usable',
      fix: 'Use an enabled KMS key the reader may use (kms:Decrypt), or recreate the SecureString with a valid key.',
      re: /\bInvalidKeyId(?:Exception)?\b/,
      example:
        'An error occurred (InvalidKeyId) when calling the GetParameter operation: The KMS key ID is not valid.',
    },
  ],
};

/** AWS KMS errors. */
const kms: Catalogue = {
  id: 'aws-kms',
  tool: 'AWS KMS',
  reference: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_Decrypt.html#API_Decrypt_Errors',
  entries: [
    {
      code: 'KMSInvalidStateException',
      category: 'secrets-iam',
      meaning: 'the state of the KMS key is not valid for this request (disabled or pending deletion)',
      fix: 'Cancel the key’s scheduled deletion and enable it, or re-encrypt the data and point the resource at an active key.',
      re: /\bKMSInvalidStateException\b|\bKMS\.KMSInvalidStateException\b/,
      example:
        'An error occurred (KMSInvalidStateException) when calling the Decrypt operation: arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab is pending deletion.',
    },
    {
      code: 'DisabledException',
      category: 'secrets-iam',
      meaning: 'the KMS key is disabled',
      fix: 'Enable the key (aws kms enable-key) or use another enabled key for the secret, parameter, volume or log group.',
      re: /\b(?:KMS\.)?DisabledException\b[^\n]*(?:arn:aws[\w-]*:kms|is disabled|KMS|kms)|(?:KMS|kms)[^\n]*\bDisabledException\b/,
      example:
        'An error occurred (DisabledException) when calling the Decrypt operation: arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab is disabled.',
    },
    {
      code: 'NotFoundException',
      category: 'secrets-iam',
      meaning: 'the KMS key or alias could not be found',
      fix: 'Correct the key ID, ARN or alias (and its region and account), or create the key before the resources that use it.',
      re: /\b(?:KMS\.)?NotFoundException\b[^\n]*(?:arn:aws[\w-]*:kms|alias\/|KMS|kms)|(?:KMS|kms)[^\n]*\bNotFoundException\b/,
      not: /log group|log stream/i,
      example:
        'An error occurred (NotFoundException) when calling the Encrypt operation: Alias arn:aws:kms:us-east-1:123456789012:alias/app-secrets is not found.',
    },
    {
      code: 'AccessDeniedException',
      category: 'secrets-iam',
      meaning: 'the caller is not allowed to use the KMS key',
      fix: 'Allow the role the needed kms action (kms:Decrypt, kms:GenerateDataKey) in its policy and in the key policy.',
      re: /AccessDeniedException[^\n]*?\bkms:\w+|\bKMS\.AccessDeniedException\b/,
      example:
        'An error occurred (AccessDeniedException) when calling the Decrypt operation: User: arn:aws:sts::123456789012:assumed-role/app-task/abc is not authorized to perform: kms:Decrypt on resource: arn:aws:kms:us-east-1:123456789012:key/1234abcd',
    },
    {
      code: 'InvalidCiphertextException',
      category: 'config-env',
      meaning: 'the ciphertext, encryption context or key does not match what the data was encrypted with',
      fix: 'Pass the ciphertext unaltered (decode base64 once) with the same encryption context it was encrypted with, or re-encrypt the value with the current key.',
      example:
        'InvalidCiphertextException: null (Service: AWSKMS; Status Code: 400; Error Code: InvalidCiphertextException)',
    },
    {
      code: 'KeyUnavailableException',
      category: 'other',
      meaning: 'the KMS key material was not available, a transient fault',
      fix: 'Retry; it is not a fault of the service being deployed.',
      example:
        'An error occurred (KeyUnavailableException) when calling the Decrypt operation: The request was rejected because the specified key was unavailable.',
    },
  ],
};

/** AWS CloudFormation API errors. */
const cloudformation: Catalogue = {
  id: 'aws-cfn',
  tool: 'AWS CloudFormation',
  reference:
    'https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_CreateStack.html#API_CreateStack_Errors',
  entries: [
    {
      code: 'ValidationError',
      category: 'cfn-template',
      meaning: 'the template or its parameters did not pass validation',
      fix: 'Correct the template or the parameter values the message names (cfn-lint catches most), and deploy again.',
      re: /An error occurred \(ValidationError\) when calling the \w+ operation|Error Code: ValidationError\b|\bValidationError: (?:Template|Parameters?\b|Invalid template|\d+ validation errors? detected)/,
      not: /No updates are to be performed|_IN_PROGRESS state|_COMPLETE state|_FAILED state|is in \w+ state|Stack with id \S+ does not exist/,
      example:
        'An error occurred (ValidationError) when calling the CreateChangeSet operation: Template format error: Unresolved resource dependencies [AppLogGroup] in the Resources block of the template',
    },
    {
      code: 'AlreadyExistsException',
      category: 'cfn-state',
      meaning: 'a stack with that name already exists',
      fix: 'Update the existing stack instead of creating it (aws cloudformation deploy does both), or delete the old stack first if it is in ROLLBACK_COMPLETE.',
      example:
        'An error occurred (AlreadyExistsException) when calling the CreateStack operation: Stack [web-prod] already exists',
    },
    {
      code: 'InsufficientCapabilitiesException',
      category: 'cfn-template',
      meaning: 'the template contains resources with capabilities that were not acknowledged',
      fix: 'Pass the capabilities the message asks for (--capabilities CAPABILITY_IAM or CAPABILITY_NAMED_IAM, CAPABILITY_AUTO_EXPAND for macros and nested stacks) in the deploy command.',
      re: /\bInsufficientCapabilities(?:Exception)?\b|Requires capabilities ?: ?\[CAPABILITY_/,
      example:
        'An error occurred (InsufficientCapabilitiesException) when calling the CreateStack operation: Requires capabilities : [CAPABILITY_NAMED_IAM]',
    },
    {
      code: 'LimitExceededException',
      category: 'placement-capacity',
      meaning: 'the quota for the resource (stacks, stack sets, outputs) has already been reached',
      fix: 'Delete unused stacks or request a higher CloudFormation quota; split a template over its limits into nested stacks.',
      re: /An error occurred \(LimitExceededException\) when calling the (?:CreateStack|UpdateStack|CreateChangeSet|ExecuteChangeSet|CreateStackSet|CreateStackInstances) operation|Service: AmazonCloudFormation[;,][^\n]*Error Code: LimitExceededException/,
      example:
        'An error occurred (LimitExceededException) when calling the CreateStack operation: Cannot exceed quota for StacksPerRegion: 2000',
    },
    {
      code: 'TokenAlreadyExistsException',
      category: 'cfn-state',
      meaning: 'a client request token was already used for another operation',
      fix: 'Use a new client request token for each operation, or wait for the operation started with that token to finish.',
      example:
        'An error occurred (TokenAlreadyExistsException) when calling the UpdateStack operation: Another UpdateStack request is in progress with client request token deploy-42',
    },
    {
      code: 'ChangeSetNotFound',
      category: 'cfn-state',
      meaning: 'the change set does not exist (or was deleted after execution)',
      fix: 'Create the change set again and execute that one; check the stack name and change set name the pipeline passes.',
      re: /\bChangeSetNotFound(?:Exception)?\b/,
      example:
        'An error occurred (ChangeSetNotFound) when calling the ExecuteChangeSet operation: ChangeSet [deploy-42] does not exist',
    },
    {
      code: 'InvalidChangeSetStatus',
      category: 'cfn-state',
      meaning:
        'the change set is not in a state that allows the operation (failed, already executed, still creating)',
      fix: 'Describe the change set: when it FAILED read its status reason (often no changes), otherwise wait for CREATE_COMPLETE or create a fresh one.',
      re: /\bInvalidChangeSetStatus(?:Exception)?\b/,
      example:
        'An error occurred (InvalidChangeSetStatus) when calling the ExecuteChangeSet operation: ChangeSet [arn:aws:cloudformation:us-east-1:123456789012:changeSet/deploy-42/abc] cannot be executed in its current status of [FAILED]',
    },
  ],
};

/** The error codes CloudFormation resource handlers report in stack events. */
const cfnHandler: Catalogue = {
  id: 'aws-cfn-handler',
  tool: 'the CloudFormation resource handlers',
  reference:
    'https://docs.aws.amazon.com/cloudformation-cli/latest/userguide/resource-type-test-contract-errors.html',
  entries: [
    {
      code: 'NotFound',
      category: 'cfn-state',
      meaning: 'the resource the handler works on does not exist, often deleted outside the stack',
      fix: 'Find the resource named in the event: if it was deleted by hand, recreate or import it (or remove it from the stack and redeploy); if the template refers to a wrong identifier, correct the reference.',
      re: /HandlerErrorCode: NotFound\b/,
      example:
        'Resource handler returned message: "Service arn:aws:ecs:us-east-1:123456789012:service/prod/web not found" (RequestToken: 8a1e, HandlerErrorCode: NotFound)',
    },
    {
      code: 'AlreadyExists',
      category: 'cfn-state',
      meaning: 'a resource with that name or identifier already existed before the handler created it',
      fix: 'Drop the explicit name so CloudFormation generates one, or delete or import the leftover resource from an earlier stack.',
      re: /HandlerErrorCode: AlreadyExists\b/,
      example:
        "Resource handler returned message: \"Resource of type 'AWS::Logs::LogGroup' with identifier '/ecs/web' already exists.\" (RequestToken: 8a1e, HandlerErrorCode: AlreadyExists)",
    },
    {
      code: 'InvalidRequest',
      category: 'cfn-template',
      meaning: 'the service refused a property value of the resource as invalid',
      fix: 'Correct the property the message names in the template against the resource’s reference, and deploy again.',
      re: /HandlerErrorCode: InvalidRequest\b/,
      example:
        'Resource handler returned message: "Invalid request provided: The container web does not have a container port 8080 defined." (RequestToken: 8a1e, HandlerErrorCode: InvalidRequest)',
    },
    {
      code: 'ServiceLimitExceeded',
      category: 'placement-capacity',
      meaning: 'a service quota of the account was reached while creating the resource',
      fix: 'Request a quota increase for the resource in Service Quotas, or delete unused resources of that type.',
      re: /HandlerErrorCode: ServiceLimitExceeded\b/,
      example:
        'Resource handler returned message: "The maximum number of addresses has been reached." (RequestToken: 8a1e, HandlerErrorCode: ServiceLimitExceeded)',
    },
    {
      code: 'NotStabilized',
      category: 'other',
      meaning: 'the downstream resource failed to complete all of its ready-state checks',
      fix: 'Look at the resource itself: for an ECS service, describe its stopped tasks and diagnose their stopped reasons and logs; the stack only reports that they never became healthy.',
      re: /HandlerErrorCode: NotStabilized\b/,
      example:
        'Resource handler returned message: "Exceeded attempts to wait" (RequestToken: 8a1e, HandlerErrorCode: NotStabilized)',
    },
    {
      code: 'NotUpdatable',
      category: 'cfn-template',
      meaning: 'the update changes a property the resource type cannot update in place',
      fix: 'Revert that property in the template, or let the resource be replaced (drop its fixed name so a new one can be created) and deploy again.',
      re: /HandlerErrorCode: NotUpdatable\b/,
      example:
        'Resource handler returned message: "Update of resource type is not permitted. The new template modifies resource properties that are not updatable" (RequestToken: 8a1e, HandlerErrorCode: NotUpdatable)',
    },
    {
      code: 'GeneralServiceException',
      category: 'other',
      meaning: 'the downstream service returned an error the handler does not map to a specific code',
      fix: 'Read the service’s message inside the event; if it is a fault on the AWS side, retry the deployment.',
      re: /HandlerErrorCode: GeneralServiceException\b/,
      example:
        'Resource handler returned message: "Unable to retrieve ServiceRegistry for service (RequestToken: 8a1e, HandlerErrorCode: GeneralServiceException)',
    },
    {
      code: 'AccessDenied',
      category: 'secrets-iam',
      meaning: 'the credentials CloudFormation used were not allowed to perform the operation',
      fix: 'Grant the stack’s role (or the caller deploying it) the action the message names.',
      re: /HandlerErrorCode: AccessDenied\b/,
      example:
        'Resource handler returned message: "User: arn:aws:sts::123456789012:assumed-role/cfn-exec/abc is not authorized to perform: ecs:TagResource" (RequestToken: 8a1e, HandlerErrorCode: AccessDenied)',
    },
    {
      code: 'InvalidCredentials',
      category: 'secrets-iam',
      meaning: 'the credentials CloudFormation passed to the handler were invalid',
      fix: 'Check the stack’s service role exists and trusts cloudformation.amazonaws.com; redeploy with a valid role.',
      re: /HandlerErrorCode: InvalidCredentials\b/,
      example:
        'Resource handler returned message: "The security token included in the request is invalid" (RequestToken: 8a1e, HandlerErrorCode: InvalidCredentials)',
    },
    {
      code: 'ResourceConflict',
      category: 'cfn-state',
      meaning: 'the resource is in use or being changed by another operation',
      fix: 'Wait for the other operation on the resource to finish (or stop it), then retry the deployment.',
      re: /HandlerErrorCode: ResourceConflict\b/,
      example:
        'Resource handler returned message: "Resource is in use by another operation" (RequestToken: 8a1e, HandlerErrorCode: ResourceConflict)',
    },
    {
      code: 'Throttling',
      category: 'other',
      meaning: 'the downstream service throttled the handler’s calls',
      fix: 'Retry the deployment, or deploy fewer resources of that type at once (DependsOn chains).',
      re: /HandlerErrorCode: Throttling\b/,
      example:
        'Resource handler returned message: "Rate exceeded" (RequestToken: 8a1e, HandlerErrorCode: Throttling)',
    },
    {
      code: 'ServiceInternalError',
      category: 'other',
      meaning: 'the downstream service failed internally',
      fix: 'Retry the deployment; if it persists, check the AWS Health Dashboard.',
      re: /HandlerErrorCode: (?:ServiceInternalError|InternalFailure|HandlerInternalFailure|NetworkFailure)\b/,
      example:
        'Resource handler returned message: "Internal error" (RequestToken: 8a1e, HandlerErrorCode: ServiceInternalError)',
    },
  ],
};

/** Amazon EC2 API errors. */
const ec2: Catalogue = {
  id: 'aws-ec2',
  tool: 'Amazon EC2',
  reference: 'https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html',
  entries: [
    {
      code: 'InsufficientInstanceCapacity',
      category: 'placement-capacity',
      meaning: 'there is not enough capacity of that instance type in the Availability Zone',
      fix: 'Allow more instance types and Availability Zones in the Auto Scaling group or capacity provider, or retry later.',
      example:
        'An error occurred (InsufficientInstanceCapacity) when calling the RunInstances operation: We currently do not have sufficient m5.large capacity in the Availability Zone you requested (us-east-1a).',
    },
    {
      code: 'InstanceLimitExceeded',
      category: 'placement-capacity',
      meaning: 'the account reached its limit of running instances',
      fix: 'Request a higher instance quota for the region, or stop unused instances.',
      example:
        'An error occurred (InstanceLimitExceeded) when calling the RunInstances operation: Your quota allows for 0 more running instance(s). You requested at least 1.',
    },
    {
      code: 'VcpuLimitExceeded',
      category: 'placement-capacity',
      meaning: 'the account reached its vCPU quota for the instance family',
      fix: 'Request a higher On-Demand (or Spot) vCPU quota in Service Quotas, or use fewer or smaller instances.',
      example:
        'An error occurred (VcpuLimitExceeded) when calling the RunInstances operation: You have requested more vCPU capacity than your current vCPU limit of 32 allows for the instance bucket that the specified instance type belongs to.',
    },
    {
      code: 'MaxSpotInstanceCountExceeded',
      category: 'placement-capacity',
      meaning: 'the account reached its Spot Instance quota',
      fix: 'Request a higher Spot vCPU quota or add On-Demand capacity to the capacity provider strategy.',
      example:
        'An error occurred (MaxSpotInstanceCountExceeded) when calling the RequestSpotInstances operation: Max spot instance count exceeded',
    },
    {
      code: 'InsufficientFreeAddressesInSubnet',
      category: 'placement-capacity',
      meaning: 'the subnet does not have enough free IP addresses for the request',
      fix: 'Use larger or additional subnets for the tasks (each awsvpc task takes one address), or free addresses held by stale ENIs.',
      example:
        'An error occurred (InsufficientFreeAddressesInSubnet) when calling the CreateNetworkInterface operation: The specified subnet does not have enough free addresses to satisfy the request.',
    },
    {
      code: 'NetworkInterfaceLimitExceeded',
      category: 'placement-capacity',
      meaning: 'the account reached its network interface quota for the region',
      fix: 'Request a higher network-interfaces-per-region quota or delete detached ENIs.',
      example:
        'An error occurred (NetworkInterfaceLimitExceeded) when calling the CreateNetworkInterface operation: You have reached the maximum number of network interfaces.',
    },
    {
      code: 'AddressLimitExceeded',
      category: 'placement-capacity',
      meaning: 'the account reached its Elastic IP address quota',
      fix: 'Release unused Elastic IPs or request a higher quota (a NAT gateway per AZ takes one each).',
      example:
        'An error occurred (AddressLimitExceeded) when calling the AllocateAddress operation: The maximum number of addresses has been reached.',
    },
    {
      code: 'InvalidSubnetID.NotFound',
      category: 'network-sg',
      meaning: 'the specified subnet does not exist',
      fix: 'Pass subnet IDs that exist in this account, region and VPC to the service’s network configuration or the template.',
      example:
        "An error occurred (InvalidSubnetID.NotFound) when calling the CreateNetworkInterface operation: The subnet ID 'subnet-0abc1234' does not exist",
    },
    {
      code: 'InvalidGroup.NotFound',
      category: 'network-sg',
      meaning: 'the specified security group does not exist',
      fix: 'Pass security group IDs that exist in the same VPC as the subnets (IDs, not names, in a non-default VPC).',
      example:
        "An error occurred (InvalidGroup.NotFound) when calling the CreateNetworkInterface operation: The security group 'sg-0abc1234' does not exist",
    },
    {
      code: 'InvalidVpcID.NotFound',
      category: 'network-sg',
      meaning: 'the specified VPC does not exist',
      fix: 'Use a VPC ID that exists in this account and region in the template or configuration.',
      example:
        "An error occurred (InvalidVpcID.NotFound) when calling the CreateSecurityGroup operation: The vpc ID 'vpc-0abc1234' does not exist",
    },
    {
      code: 'InvalidAMIID.NotFound',
      category: 'cfn-template',
      meaning: 'the specified AMI does not exist in this region, or is not shared with the account',
      fix: 'Resolve the ECS-optimized AMI per region (the SSM parameter /aws/service/ecs/optimized-ami/…) instead of a fixed AMI ID.',
      example:
        "An error occurred (InvalidAMIID.NotFound) when calling the RunInstances operation: The image id '[ami-0abc1234]' does not exist",
    },
    {
      code: 'InvalidKeyPair.NotFound',
      category: 'cfn-template',
      meaning: 'the specified key pair does not exist',
      fix: 'Pass a key pair that exists in this region, or drop KeyName from the launch template.',
      example:
        "An error occurred (InvalidKeyPair.NotFound) when calling the RunInstances operation: The key pair 'ops' does not exist",
    },
    {
      code: 'InvalidParameterValue',
      category: 'cfn-template',
      meaning: 'a value supplied for a parameter was not valid',
      fix: 'Correct the value the message names in the launch template, template or command.',
      not: /already (?:exists|in use)/i,
      example:
        'An error occurred (InvalidParameterValue) when calling the RunInstances operation: Value (ecsInstanceRole) for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name',
    },
    {
      code: 'UnauthorizedOperation',
      category: 'secrets-iam',
      meaning: 'the caller is not authorized to perform the operation',
      fix: 'Grant the ec2 action the message names to the role making the call (decode the encoded message with sts decode-authorization-message).',
      example:
        'An error occurred (UnauthorizedOperation) when calling the RunInstances operation: You are not authorized to perform this operation. Encoded authorization failure message: 4fd2…',
    },
    {
      code: 'AuthFailure',
      category: 'secrets-iam',
      meaning: 'the provided credentials could not be validated',
      fix: 'Check the access key (and its secret) the caller uses, or the role it assumes; drop stale static keys for the instance or task role.',
      re: /An error occurred \(AuthFailure\)|Error Code: AuthFailure\b|\bAuthFailure: AWS was not able to validate/,
      example:
        'An error occurred (AuthFailure) when calling the DescribeInstances operation: AWS was not able to validate the provided access credentials',
    },
  ],
};

/** Elastic Load Balancing v2 API errors and target health reason codes. */
const elbv2: Catalogue = {
  id: 'aws-elbv2',
  tool: 'Elastic Load Balancing',
  reference: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_TargetHealth.html',
  entries: [
    {
      code: 'TargetGroupNotFound',
      category: 'cfn-template',
      meaning: 'the specified target group does not exist',
      fix: 'Pass the ARN of a target group that exists in this account and region (reference it from the template instead of hard-coding it).',
      re: /\bTargetGroupNotFound(?:Exception)?\b/,
      example:
        "An error occurred (TargetGroupNotFound) when calling the DescribeTargetHealth operation: Target groups 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/abc' not found",
    },
    {
      code: 'LoadBalancerNotFound',
      category: 'cfn-template',
      meaning: 'the specified load balancer does not exist',
      fix: 'Reference a load balancer that exists in this account and region.',
      re: /\bLoadBalancerNotFound(?:Exception)?\b/,
      example:
        "An error occurred (LoadBalancerNotFound) when calling the DescribeLoadBalancers operation: Load balancers '[web-alb]' not found",
    },
    {
      code: 'DuplicateListener',
      category: 'cfn-template',
      meaning: 'a listener with the specified port already exists on the load balancer',
      fix: 'Use another port for the new listener, or add a rule to the existing listener instead of declaring a second one.',
      re: /\bDuplicateListener(?:Exception)?\b/,
      example:
        'An error occurred (DuplicateListener) when calling the CreateListener operation: A listener already exists on this port for this load balancer',
    },
    {
      code: 'PriorityInUse',
      category: 'cfn-template',
      meaning: 'the listener rule priority is already in use',
      fix: 'Give each listener rule a unique priority in the template.',
      re: /\bPriorityInUse(?:Exception)?\b/,
      example:
        "An error occurred (PriorityInUse) when calling the CreateRule operation: Priority '10' is currently in use",
    },
    {
      code: 'CertificateNotFound',
      category: 'cfn-template',
      meaning: 'the specified certificate does not exist',
      fix: 'Pass the ARN of an issued ACM certificate in the same region as the load balancer.',
      re: /\bCertificateNotFound(?:Exception)?\b/,
      example:
        "An error occurred (CertificateNotFound) when calling the CreateListener operation: Certificate 'arn:aws:acm:us-east-1:123456789012:certificate/abc' not found",
    },
    {
      code: 'InvalidConfigurationRequest',
      category: 'cfn-template',
      meaning: 'the requested configuration is not valid',
      fix: 'Correct the load balancer, target group or listener property the message names.',
      re: /\bInvalidConfigurationRequest(?:Exception)?\b/,
      example:
        'An error occurred (InvalidConfigurationRequest) when calling the ModifyTargetGroup operation: Health check interval must be greater than the timeout.',
    },
    {
      code: 'Target.Timeout',
      category: 'network-sg',
      meaning: 'the health check requests to the target timed out',
      fix: 'Allow the load balancer’s security group in the task’s security group on the container port, and check the app answers the health path within the timeout.',
      example: 'unhealthy Target.Timeout Request timed out',
    },
    {
      code: 'Target.ResponseCodeMismatch',
      category: 'health-check-command',
      meaning: 'the health checks did not return an expected HTTP code',
      fix: 'Point the target group’s health check path at a route that returns 200 (or widen the matcher to what the path returns, e.g. 200-399).',
      example: 'unhealthy Target.ResponseCodeMismatch Health checks failed with these codes: [404]',
    },
    {
      code: 'Target.FailedHealthChecks',
      category: 'network-sg',
      meaning:
        'the load balancer received an error establishing a connection to the target, or the target’s response was malformed',
      fix: 'Check the task’s security group admits the load balancer on the container port, and that the app listens on 0.0.0.0 at the port the target group uses.',
      example: 'unhealthy Target.FailedHealthChecks Health checks failed',
    },
    {
      code: 'Target.NotInUse',
      category: 'cfn-template',
      meaning:
        'the target group is not used by any load balancer, or the target is in an Availability Zone the load balancer does not serve',
      fix: 'Attach the target group to a listener rule, and enable on the load balancer every Availability Zone the tasks’ subnets are in.',
      example:
        'unused Target.NotInUse Target group is not configured to receive traffic from the load balancer',
    },
    {
      code: 'Elb.InternalError',
      category: 'other',
      meaning: 'the health checks failed due to an internal error of the load balancer',
      fix: 'Nothing in the service is wrong; retry, and open a support case if it persists.',
      example: 'unhealthy Elb.InternalError Health checks failed due to an internal error',
    },
  ],
};

/** CloudWatch Logs errors. */
const logs: Catalogue = {
  id: 'aws-logs',
  tool: 'Amazon CloudWatch Logs',
  reference:
    'https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutLogEvents.html#API_PutLogEvents_Errors',
  entries: [
    {
      code: 'ResourceNotFoundException',
      category: 'config-env',
      meaning: 'the specified log group or log stream does not exist',
      fix: 'Create the log group the task definition names (awslogs-group), or set awslogs-create-group to true and allow logs:CreateLogGroup to the execution role.',
      re: /ResourceNotFoundException[^\n]*?(?:[Ll]og group|log stream)|(?:CreateLogStream|PutLogEvents|DescribeLogStreams)[^\n]*?ResourceNotFoundException/,
      example:
        'CannotStartContainerError: Error response from daemon: failed to initialize logging driver: failed to create Cloudwatch log stream: ResourceNotFoundException: The specified log group does not exist.',
    },
  ],
};

/** Amazon S3 error codes. */
const s3: Catalogue = {
  id: 'aws-s3',
  tool: 'Amazon S3',
  reference: 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList',
  entries: [
    {
      code: 'NoSuchBucket',
      category: 'config-env',
      meaning: 'the specified bucket does not exist',
      fix: 'Correct the bucket name (and region) the app or task definition uses, e.g. an environment file ARN, or create the bucket.',
      example:
        'An error occurred (NoSuchBucket) when calling the GetObject operation: The specified bucket does not exist',
    },
    {
      code: 'NoSuchKey',
      category: 'config-env',
      meaning: 'the specified key does not exist',
      fix: 'Correct the object key (an environment file path, a config object), or upload the object first.',
      example:
        'An error occurred (NoSuchKey) when calling the GetObject operation: The specified key does not exist.',
    },
    {
      code: 'AccessDenied',
      category: 'secrets-iam',
      meaning: 'access denied to the bucket or object',
      fix: 'Allow the s3 action on the bucket and key to the role making the call (the execution role for environment files), and check the bucket policy and the object’s KMS key.',
      example: 'An error occurred (AccessDenied) when calling the GetObject operation: Access Denied',
    },
    {
      code: 'AccessControlListNotSupported',
      category: 'config-env',
      meaning: 'the bucket does not allow ACLs',
      fix: 'Stop sending an ACL with the upload (drop ACL / --acl settings in the app or tool), or enable ACLs via object ownership.',
      example:
        'An error occurred (AccessControlListNotSupported) when calling the PutObject operation: The bucket does not allow ACLs',
    },
    {
      code: 'InvalidAccessKeyId',
      category: 'secrets-iam',
      meaning: 'the AWS access key ID provided does not exist in AWS records',
      fix: 'Remove the stale access key from the environment and use the task role, or supply a valid key.',
      example:
        'An error occurred (InvalidAccessKeyId) when calling the PutObject operation: The AWS Access Key Id you provided does not exist in our records.',
    },
    {
      code: 'PermanentRedirect',
      category: 'config-env',
      meaning: 'the bucket must be addressed using its own region’s endpoint',
      fix: 'Set the client’s region (AWS_REGION) to the bucket’s region, or use the regional endpoint.',
      example:
        'An error occurred (PermanentRedirect) when calling the ListObjects operation: The bucket you are attempting to access must be addressed using the specified endpoint.',
    },
    {
      code: 'AuthorizationHeaderMalformed',
      category: 'config-env',
      meaning: 'the authorization header names the wrong region for the bucket',
      fix: 'Set the client’s region to the bucket’s region.',
      example:
        "An error occurred (AuthorizationHeaderMalformed) when calling the GetObject operation: The authorization header is malformed; the region 'us-east-1' is wrong; expecting 'eu-west-1'",
    },
    {
      code: 'RequestTimeTooSkewed',
      category: 'other',
      meaning: 'the difference between the request time and the server’s time is too large',
      fix: 'Fix the clock of the host or container making the call (NTP, chrony).',
      example:
        'An error occurred (RequestTimeTooSkewed) when calling the PutObject operation: The difference between the request time and the current time is too large.',
    },
    {
      code: 'SlowDown',
      category: 'other',
      meaning: 'the request rate to the bucket is too high',
      fix: 'Retry with backoff and spread requests over key prefixes.',
      re: /An error occurred \(SlowDown\)|api error SlowDown|Error Code: SlowDown\b|<Code>SlowDown<\/Code>/,
      example:
        'An error occurred (SlowDown) when calling the PutObject operation: Please reduce your request rate.',
    },
    {
      code: 'BucketAlreadyExists',
      category: 'cfn-template',
      meaning: 'the bucket name is already taken in the global namespace',
      fix: 'Choose another bucket name in the template (or let CloudFormation generate it).',
      example:
        'An error occurred (BucketAlreadyExists) when calling the CreateBucket operation: The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.',
    },
  ],
};

/** Amazon EFS mount errors as mount.nfs4 and amazon-efs-utils print them. */
const efs: Catalogue = {
  id: 'aws-efs',
  tool: 'Amazon EFS mounting',
  reference: 'https://docs.aws.amazon.com/efs/latest/ug/troubleshooting-efs-mounting.html',
  entries: [
    {
      code: 'access denied by server while mounting',
      category: 'secrets-iam',
      meaning:
        'the file system refused the mount (a file system policy or access point that does not allow this client)',
      fix: 'Allow elasticfilesystem:ClientMount (and ClientWrite) to the task role in the file system policy, enable IAM authorization in the volume config, and check the access point.',
      example: 'mount.nfs4: access denied by server while mounting 127.0.0.1:/',
    },
    {
      code: 'mount.nfs4: Connection timed out',
      category: 'network-sg',
      meaning: 'the NFS mount could not reach the mount target on port 2049',
      fix: 'Allow inbound TCP 2049 from the task’s security group on the mount target’s security group, and create a mount target in every AZ the tasks run in.',
      re: /mount\.nfs4?: (?:Connection timed out|Connection reset by peer|No route to host)/,
      example: 'mount.nfs4: Connection timed out',
    },
    {
      code: 'Failed to resolve',
      category: 'network-sg',
      meaning: 'the file system’s DNS name did not resolve from the client',
      fix: 'Enable DNS hostnames and DNS resolution on the VPC, and create a mount target in the task’s Availability Zone; check the file system ID.',
      re: /Failed to resolve "?fs-[0-9a-f]+\.efs\.[\w-]+\.amazonaws\.com/,
      example:
        'Failed to resolve "fs-0123456789abcdef0.efs.us-east-1.amazonaws.com" - check that your file system ID is correct, and ensure that the VPC has an EFS mount target for this file system ID.',
    },
    {
      code: 'reason given by server: No such file or directory',
      category: 'config-env',
      meaning: 'the directory to mount does not exist on the file system',
      fix: 'Create the root directory on the file system (or use an access point with creation info), or correct rootDirectory in the volume configuration.',
      example:
        'mount.nfs4: mounting fs-0123456789abcdef0.efs.us-east-1.amazonaws.com:/data failed, reason given by server: No such file or directory',
    },
  ],
};

const catalogues: readonly Catalogue[] = [
  common,
  ecs,
  ecr,
  iam,
  secretsManager,
  ssm,
  kms,
  cloudformation,
  cfnHandler,
  ec2,
  elbv2,
  logs,
  s3,
  efs,
];
export default catalogues;
