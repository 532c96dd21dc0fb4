import type { Rule } from '../types.js';
import { SINGLE_ATTEMPT } from './single-attempt.js';

/*
 * Fargate could not fetch the registry auth or the secrets before starting the task, and nothing says access was
 * denied or the secret is missing: the usual cause is a task without a way out (no public IP, no NAT, no VPC
 * endpoint, an egress rule). Transport errors in the message (`RequestError: send request failed`, timeouts) make it
 * more certain; the AccessDenied and not-found phrasings have their own rules, and a call given up after a single
 * attempt with no transport error (`service call has been retried 1 time(s)`) points at permissions instead.
 */
const rule: Rule = {
  id: 'resource-init-network',
  category: 'network-sg',
  match: [
    {
      in: ['stoppedReason', 'containerReason', 'serviceEvent', 'log', 'stackEvent', 'deployment'],
      // Wrapped over lines by some CLIs: the access error that rules this out may be a few lines further down.
      span: 6,
      re: /unable to (?:pull|retrieve) secrets or registry auth|unable to (?:retrieve|get) (?:ecr )?registry auth|unable to retrieve secrets? from (?<store>asm|ssm)/i,
      not: /AccessDenied|not authorized|ResourceNotFound|ParameterNotFound|can't find|KMS|invalid (?:ssm )?parameters?|does not exist/i,
    },
  ],
  support: [
    {
      re: /RequestError|send request failed|i\/o timeout|context deadline exceeded|RequestCanceled|dial tcp|fetching secret from the service|check your task network configuration/i,
    },
  ],
  // The agent retries transport errors several times; a call given up after one attempt was refused by the service.
  against: [{ re: SINGLE_ATTEMPT }],
  cause:
    'The task could not fetch its registry credentials or secrets before starting, and no access error was reported: it most likely has no network path to ECR / Secrets Manager / SSM.',
  fix: 'Give the task a way out: a public IP in a public subnet, a NAT gateway route from its private subnet, or VPC endpoints for ecr.api, ecr.dkr, s3, secretsmanager / ssm and logs; and check that its security group allows outbound HTTPS.',
  confidence: 0.65,
  examples: {
    match: [
      [['stoppedReason', 'ResourceInitializationError: unable to pull secrets or registry auth']],
      [
        [
          'stoppedReason',
          'ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve ecr registry auth: service call has been retried 1 time(s): RequestError: send request failed caused by: Post https://api.ecr....',
        ],
      ],
    ],
    noMatch: [
      [
        [
          'stoppedReason',
          'ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secrets from ssm: AccessDeniedException: User: x is not authorized to perform: ssm:GetParameters',
        ],
      ],
    ],
  },
};
export default rule;
