import type { Matcher } from './types.js';

/*
 * Words for an AWS call and what came back, shared by the rules that tell a call with no path (the network) from a call
 * refused (IAM). Whoever made the call (the ECS agent, an SDK in any language, the CLI, CloudFormation) names the
 * endpoint and either gets no answer or gets an answer that says no; the same endpoint with the two outcomes has its
 * fix in two different places.
 */

/**
 * An AWS service endpoint in any of its forms: regional and global (`sts.amazonaws.com`, `logs.eu-west-1.amazonaws.com`),
 * China (`.amazonaws.com.cn`), ECR's registry and API (`123.dkr.ecr.…`, `api.ecr.…`), dual-stack (`s3.dualstack.…`,
 * `ecr.us-east-1.api.aws`, `dkr-ecr.…on.aws`) and interface VPC endpoints (`vpce-0ab….ssm.us-east-1.vpce.amazonaws.com`).
 */
export const AWS_ENDPOINT =
  /\b(?:[\w-]+\.)+(?:amazonaws\.com(?:\.cn)?|api\.aws|on\.aws)\b|\b(?:ecr|api\.ecr|dkr\.ecr|secretsmanager|ssm|ssmmessages|logs|s3|sts|kms|elasticfilesystem|sqs|sns|dynamodb)\.(?:[a-z]{2}(?:-gov)?-[a-z]+-\d)\b/;

/**
 * An answer that says no, in each caller's words: IAM's `not authorized to perform`, `AccessDenied` (Go, Python, the
 * CLI), the Java and .NET SDKs' `…Exception: Access Denied` and `Status Code: 403`, the Go SDK v2's `StatusCode: 403`,
 * botocore's `An error occurred (403)`, the policy evaluation's `explicit deny` / `no identity-based policy allows`, a
 * role that cannot be assumed (ECS's `unable to assume the role`, Lambda's `cannot be assumed by Lambda`), EC2's
 * `UnauthorizedOperation`, KMS's `KMSAccessDeniedException`, and an NFS server's `access denied by server` (EFS's
 * file system policy).
 */
export const AWS_DENIAL =
  /not authori[sz]ed to perform|\bAccessDenied(?:Exception)?\b|\bKMSAccessDenied|Exception:? Access Denied\b|Status ?Code: 403\b|An error occurred \(403\)|with an explicit deny|no (?:identity|resource|session)-based policy allows|no permissions boundary allows|unable to assume (?:the )?role|cannot be assumed by (?:Lambda|ECS|the service)|not authorized to assume|\bUnauthorizedOperation\b|access denied by server/i;

/**
 * No answer: a connection that timed out, a context that expired before the call came back, a request canceled while
 * waiting for a connection, no route, or the agent's helper killed when it overran (`signal: killed`).
 */
export const NO_ANSWER =
  /i\/o timeout|context deadline exceeded|\bRequestCanceled\b|request canceled while waiting for connection|[Cc]onnect(?:ion)? timed out|\bETIMEDOUT\b|Connect(?:ion)?Timeout(?:Error|Exception)?\b|did not properly respond after a period of time|TLS handshake timeout|[Nn]etwork is unreachable|[Nn]o route to host|\bENETUNREACH\b|\bEHOSTUNREACH\b|Could not connect to the endpoint URL|signal: killed/;

/**
 * Hosts under amazonaws.com that are not a service's API: databases and caches (RDS, ElastiCache, DocumentDB, Redshift,
 * MSK, OpenSearch, MQ, Neptune, MemoryDB), load balancers and EC2 instances. No answer from those is a security group
 * in front of the user's own resource (managed-endpoint-timeout, the connect-timeout rules), not a missing way out.
 */
export const NOT_A_SERVICE_API =
  /\.(?:rds|cache|docdb|redshift|kafka|es|mq|neptune|memorydb|elb|compute(?:-1)?)\.(?:[\w-]+\.)*amazonaws\.com/;

/** A registry's 403 is the image's (the labelling rule): a pull refused is image-pull, not IAM. */
export const REGISTRY_PULL = /\bdkr[.-]ecr\b|CannotPullContainerError|pull access denied|manifests?\//;

/** The denial anywhere in the capture: contradicts a no-answer reading, since the call was answered. */
export const DENIED_SOMEWHERE: Matcher = { re: AWS_DENIAL };
