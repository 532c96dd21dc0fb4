import { AWS_DENIAL, NO_ANSWER } from '../aws-calls.js';
import { NETWORK_FACTS } from '../network-facts.js';
import type { Rule } from '../types.js';

/*
 * Before a task's containers start, the ECS agent (or Fargate's) does its own AWS calls: ECR's auth and the image pull,
 * the secrets from Secrets Manager or SSM, the awslogs stream, the EFS mount. When any of those steps reports no answer
 * (a timeout, an expired context, a request canceled waiting for a connection, no route, or the step's helper killed
 * for overrunning: `signal: killed`), the task has no path to that endpoint: no public IP or NAT, a missing VPC
 * endpoint, or an egress rule. Which step it was changes only which endpoint is missing, so one rule reads them all;
 * an answer that refuses (access denied, not found, a rate limit, a full disk) is read by the rules for those.
 */
const STEP =
  /ResourceInitializationError|CannotPullContainerError|failed to (?:validate logger args|initialize logging driver)|unable to (?:pull|retrieve) secrets or registry auth/;

const rule: Rule = {
  id: 'agent-init-no-answer',
  category: 'network-sg',
  match: [
    {
      in: ['stoppedReason', 'containerReason', 'serviceEvent', 'deployment', 'log'],
      re: new RegExp(`(?:${STEP.source})[^\\n]*?(?<what>${NO_ANSWER.source})`),
      not: new RegExp(
        `${AWS_DENIAL.source}|ResourceNotFound|ParameterNotFound|does not exist|not found|toomanyrequests|rate limit|no space left|InvalidParameter`,
        'i',
      ),
    },
  ],
  cause:
    "The platform's own set-up for {service} (registry auth, image pull, secrets, logging or volumes) got no answer from AWS ({what}): the task has no network path to that service's endpoint.",
  fix: "Give the task's subnets a way out: a public IP with an internet gateway, or a NAT gateway route, or VPC endpoints for what the task needs (ecr.api, ecr.dkr and the S3 gateway for images, secretsmanager or ssm, logs, elasticfilesystem), with the security groups allowing outbound HTTPS (and NFS for EFS) to them.",
  support: [{ re: NETWORK_FACTS }],
  confidence: 0.75,
  beats: ['exit-137', 'connect-timeout-ambiguous'],
  examples: {
    match: [
      [['stoppedReason', 'ResourceInitializationError: failed to validate logger args: : signal: killed']],
      [
        [
          'stoppedReason',
          'ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secret from asm: service call has been retried 5 time(s): RequestCanceled: request context canceled caused by: context deadline exceeded',
        ],
      ],
      [
        [
          'stoppedReason',
          'CannotPullContainerError: Error response from daemon: Get https://1.dkr.ecr.eu-west-1.amazonaws.com/v2/: net/http: request canceled while waiting for connection (Client.Timeout exceeded while awaiting headers)',
        ],
      ],
      [
        [
          'stoppedReason',
          'ResourceInitializationError: failed to invoke EFS utils commands to set up EFS volumes: stderr: mount.nfs4: Connection timed out : unsuccessful EFS utils command execution; code: 32',
        ],
      ],
    ],
    noMatch: [
      [
        [
          'stoppedReason',
          'ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secrets from ssm: service call has been retried 1 time(s): AccessDeniedException: User: x is not authorized to perform: ssm:GetParameters',
        ],
      ],
      // A registry slow to answer a connected request is an outage, not a missing path.
      [
        [
          'stoppedReason',
          'CannotPullContainerError: Error response from daemon: Get https://registry-1.docker.io/v2/: net/http: request canceled (Client.Timeout exceeded while awaiting headers)',
        ],
      ],
      [
        [
          'stoppedReason',
          'CannotPullContainerError: pull image manifest has been retried 1 time(s): toomanyrequests: Rate exceeded',
        ],
      ],
    ],
  },
};
export default rule;
