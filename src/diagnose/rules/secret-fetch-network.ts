import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'secret-fetch-network',
  category: 'network-sg',
  match: [
    {
      re: /unable to (?:retrieve|pull) secrets?[^\n]*?from (?<store>asm|ssm)\b[^\n]*?(?:context deadline exceeded|i\/o timeout|RequestCanceled|dial tcp|failed to fetch(?!\s+secret))/i,
      // A denial or a wrong name is answered by the API, so the network path worked.
      not: /AccessDenied|not authorized|ResourceNotFound|ParameterNotFound|InvalidParameter|KMS|ValidationException/i,
    },
  ],
  cause:
    'The task timed out reaching Secrets Manager or Parameter Store (the message says {store}) for its secrets before the container started: it has no network path to AWS APIs.',
  fix: 'Give the task outbound access to AWS APIs: a public IP (assignPublicIp=ENABLED) in a public subnet, a NAT gateway route for private subnets, or interface VPC endpoints for secretsmanager / ssm (and ecr, logs). Allow outbound 443 in the task security group.',
  confidence: 0.82,
  examples: {
    match: [
      [
        [
          'stoppedReason',
          'ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secret from asm: service call has been retried 5 time(s): failed to fetch',
        ],
      ],
      [
        [
          'stoppedReason',
          'ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secrets from ssm: service call has been retried 5 time(s): RequestCanceled: request context canceled caused by: context deadline exceeded. Please check your task network configuration.',
        ],
      ],
    ],
    noMatch: [
      [
        [
          'stoppedReason',
          'ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secret from asm: service call has been retried 1 time(s): failed to fetch secret arn:aws:secretsmanager:eu-central-1:1:secret:x from secrets manager: AccessDeniedException: Access to KMS is not allowed',
        ],
      ],
    ],
  },
};
export default rule;
