import type {
  BatchGetImageCommandInput,
  BatchGetImageCommandOutput,
  GetDownloadUrlForLayerCommandInput,
  GetDownloadUrlForLayerCommandOutput,
} from '@aws-sdk/client-ecr';
import type { DescribeClustersCommandInput, DescribeClustersCommandOutput } from '@aws-sdk/client-ecs';
import type { GetRoleCommandInput, GetRoleCommandOutput } from '@aws-sdk/client-iam';
import type {
  DescribeDBEngineVersionsCommandInput,
  DescribeDBEngineVersionsCommandOutput,
} from '@aws-sdk/client-rds';
import type {
  DescribeSecretCommandInput,
  DescribeSecretCommandOutput,
} from '@aws-sdk/client-secrets-manager';
import type { GetParametersCommandInput, GetParametersCommandOutput } from '@aws-sdk/client-ssm';
import type { GetCallerIdentityCommandOutput } from '@aws-sdk/client-sts';

/**
 * The read-only AWS operations the pre-flight checks use, and nothing else. Each factory imports its SDK package
 * only when called, so a local stack (or an aws stack without secrets) never loads it.
 */

export interface StsApi {
  getCallerIdentity(): Promise<GetCallerIdentityCommandOutput>;
}
export interface ClustersApi {
  describeClusters(i: DescribeClustersCommandInput): Promise<DescribeClustersCommandOutput>;
}
export interface IamApi {
  getRole(i: GetRoleCommandInput): Promise<GetRoleCommandOutput>;
}
export interface SecretsManagerApi {
  describeSecret(i: DescribeSecretCommandInput): Promise<DescribeSecretCommandOutput>;
}
export interface SsmApi {
  getParameters(i: GetParametersCommandInput): Promise<GetParametersCommandOutput>;
}
/** The same two reads a task's image pull needs (ecr:BatchGetImage and ecr:GetDownloadUrlForLayer). */
export interface EcrApi {
  batchGetImage(i: BatchGetImageCommandInput): Promise<BatchGetImageCommandOutput>;
  getDownloadUrlForLayer(i: GetDownloadUrlForLayerCommandInput): Promise<GetDownloadUrlForLayerCommandOutput>;
}
export interface RdsApi {
  describeDBEngineVersions(
    i: DescribeDBEngineVersionsCommandInput,
  ): Promise<DescribeDBEngineVersionsCommandOutput>;
}

/** A client and how to let go of its sockets. */
export interface Handle<T> {
  api: T;
  /** The region the client talks to, as the SDK resolved it (stack file, AWS_REGION, the profile). */
  region(): Promise<string>;
  destroy(): void;
}

/**
 * Unlike a deployment, which must ride out throttling for minutes, verify asks a handful of questions and must
 * answer quickly: an unreachable endpoint or a hung connection fails in seconds. AWS_ENDPOINT_URL and the
 * credential chain are honoured by the SDK itself.
 */
function config(region: string | undefined) {
  return {
    ...(region ? { region } : {}),
    // Two attempts whatever AWS_MAX_ATTEMPTS says for deployments: a pre-flight question must not wait minutes.
    maxAttempts: 2,
    requestHandler: { connectionTimeout: 3000, requestTimeout: 10_000 },
  };
}

interface SdkClient {
  config: { region: () => Promise<string> };
  destroy(): void;
}

function handle<T>(client: SdkClient, api: T): Handle<T> {
  return { api, region: () => client.config.region(), destroy: () => client.destroy() };
}

export async function stsClient(region?: string): Promise<Handle<StsApi>> {
  const { STSClient, GetCallerIdentityCommand } = await import('@aws-sdk/client-sts');
  const c = new STSClient(config(region));
  return handle(c, { getCallerIdentity: () => c.send(new GetCallerIdentityCommand({})) });
}

export async function clustersClient(region?: string): Promise<Handle<ClustersApi>> {
  const { ECSClient, DescribeClustersCommand } = await import('@aws-sdk/client-ecs');
  const c = new ECSClient(config(region));
  return handle(c, { describeClusters: (i) => c.send(new DescribeClustersCommand(i)) });
}

export async function iamClient(region?: string): Promise<Handle<IamApi>> {
  const { IAMClient, GetRoleCommand } = await import('@aws-sdk/client-iam');
  const c = new IAMClient(config(region));
  return handle(c, { getRole: (i) => c.send(new GetRoleCommand(i)) });
}

export async function secretsManagerClient(region?: string): Promise<Handle<SecretsManagerApi>> {
  const { SecretsManagerClient, DescribeSecretCommand } = await import('@aws-sdk/client-secrets-manager');
  const c = new SecretsManagerClient(config(region));
  return handle(c, { describeSecret: (i) => c.send(new DescribeSecretCommand(i)) });
}

export async function ssmClient(region?: string): Promise<Handle<SsmApi>> {
  const { SSMClient, GetParametersCommand } = await import('@aws-sdk/client-ssm');
  const c = new SSMClient(config(region));
  return handle(c, { getParameters: (i) => c.send(new GetParametersCommand(i)) });
}

/** One client per registry region: the region is part of the image URI, not necessarily the stack's. */
export async function ecrClient(region: string): Promise<Handle<EcrApi>> {
  const { ECRClient, BatchGetImageCommand, GetDownloadUrlForLayerCommand } =
    await import('@aws-sdk/client-ecr');
  const c = new ECRClient(config(region));
  return handle(c, {
    batchGetImage: (i) => c.send(new BatchGetImageCommand(i)),
    getDownloadUrlForLayer: (i) => c.send(new GetDownloadUrlForLayerCommand(i)),
  });
}

export async function rdsClient(region?: string): Promise<Handle<RdsApi>> {
  const { RDSClient, DescribeDBEngineVersionsCommand } = await import('@aws-sdk/client-rds');
  const c = new RDSClient(config(region));
  return handle(c, { describeDBEngineVersions: (i) => c.send(new DescribeDBEngineVersionsCommand(i)) });
}

/** Runs `fn` with a client and always lets it go, so a check never keeps the process alive. */
export async function withClient<T, R>(
  make: Promise<Handle<T>>,
  fn: (api: T, h: Handle<T>) => Promise<R>,
): Promise<R> {
  const h = await make;
  try {
    return await fn(h.api, h);
  } finally {
    h.destroy();
  }
}

/** `name: message` of an SDK error, for messages people read (the name left out when the message has it). */
export function describeError(err: unknown): string {
  const e = err as { name?: string; message?: string; code?: string };
  const name = e?.name && e.name !== 'Error' ? e.name : (e?.code ?? 'Error');
  if (!e?.message) return name;
  return e.message.includes(name) ? e.message : `${name}: ${e.message}`;
}

/** The request never got an answer: no route, refused, timed out. Credentials are not the problem then. */
export function isUnreachable(err: string): boolean {
  return /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH|ECONNRESET|TimeoutError|socket hang up/.test(
    err,
  );
}

/** The error's AWS code (the SDK puts it in `name`). */
export function errorCode(err: unknown): string {
  return (err as { name?: string })?.name ?? '';
}
