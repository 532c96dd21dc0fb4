import { AWS_DENIAL, AWS_ENDPOINT, NO_ANSWER, NOT_A_SERVICE_API, REGISTRY_PULL } from '../aws-calls.js';
import type { Rule } from '../types.js';

/*
 * An AWS call answered with a refusal, in the words of whichever caller made it: the Java SDKs' `AmazonS3Exception:
 * Access Denied (… Status Code: 403 …)`, the .NET SDK's `AmazonS3Exception: Access Denied`, botocore's `An error
 * occurred (403) when calling the HeadObject operation: Forbidden`, the Go SDK v2's `https response error StatusCode:
 * 403`, the policy evaluation's `explicit deny` and `no identity-based policy allows`, EC2's `UnauthorizedOperation`,
 * a role that cannot be assumed (Lambda's `cannot be assumed by Lambda`, `not authorized to assume`), KMS's
 * `KMSAccessDeniedException`. The plainer `not authorized to perform` / `AccessDenied` is iam-not-authorized; this
 * family adds the phrasings that rule does not read, and those said about a named AWS endpoint. A registry's 403 is
 * the image's (the labelling rule), and a call that got no answer at all is the network, so a timeout to an AWS
 * endpoint in the same capture lowers this reading.
 */
const rule: Rule = {
  id: 'aws-call-denied',
  category: 'secrets-iam',
  match: [
    {
      span: 2,
      re: new RegExp(
        `(?<said>${AWS_DENIAL.source})|^(?=[\\s\\S]*?(?:${AWS_ENDPOINT.source}))(?=[\\s\\S]*?(?<forbidden>\\b403\\b[^\\n]{0,40}Forbidden|Forbidden[^\\n]{0,20}\\b403\\b))`,
        'i',
      ),
      not: new RegExp(`${REGISTRY_PULL.source}|${NOT_A_SERVICE_API.source}`),
    },
  ],
  against: [
    {
      re: new RegExp(`^(?=[\\s\\S]*?(?:${AWS_ENDPOINT.source}))(?=[\\s\\S]*?(?:${NO_ANSWER.source}))`),
      not: AWS_DENIAL,
    },
  ],
  cause:
    "An AWS call made for {service} was answered with a refusal ({said,forbidden|a refusal}): the caller's identity is not allowed to do it.",
  fix: "Find which identity made the call (the role in `User: arn:…` or the task role, execution role or deploying role) and allow the action on that resource in its IAM policy, and in the resource's own policy where it has one (a bucket, a KMS key, a secret, a file system); check that no explicit deny (an SCP, a permissions boundary, a VPC endpoint policy) overrides it.",
  confidence: 0.58,
  examples: {
    match: [
      [['log', 'Amazon.S3.AmazonS3Exception: Access Denied']],
      [['log', 'An error occurred (403) when calling the HeadObject operation: Forbidden']],
      [['log', 'The role defined for the function cannot be assumed by Lambda.']],
      [
        [
          'log',
          'operation error SSM: GetParameter, https response error StatusCode: 400, RequestID: x, api error AccessDeniedException: User: arn:aws:sts::1:assumed-role/t/x is not authorized to perform: ssm:GetParameter with an explicit deny in a service control policy',
        ],
      ],
      [['log', 'PUT https://bucket.s3.eu-west-1.amazonaws.com/reports/a.csv -> 403 Forbidden']],
    ],
    noMatch: [
      [
        [
          'stoppedReason',
          'CannotPullContainerError: Error response from daemon: Get https://1.dkr.ecr.us-east-1.amazonaws.com/v2/app/manifests/latest: denied: Your authorization token has expired. Reauthenticate and try again. Status Code: 403',
        ],
      ],
      [['log', 'GET https://example.com/admin -> 403 Forbidden']],
    ],
  },
};
export default rule;
