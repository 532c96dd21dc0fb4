import type { Rule } from '../types.js';

/*
 * ECS sets up the awslogs driver before the container starts (`failed to validate logger args`, `failed to initialize
 * logging driver`) by creating the log stream in CloudWatch Logs; when that call gets no answer (a timeout, a refused
 * or unresolved endpoint, or the check killed when it overruns: `signal: killed`) the task has no path to the logs
 * endpoint: no NAT, no public IP, no `logs` VPC endpoint or an egress rule. The refusals (AccessDenied, a log group that
 * does not exist, a missing endpoint setting) have their own rules and are left out.
 */
const rule: Rule = {
  id: 'logging-setup-network',
  category: 'network-sg',
  match: [
    {
      in: ['stoppedReason', 'containerReason', 'serviceEvent', 'log'],
      re: /(?:failed to validate logger args|failed to initialize logging driver|failed to create Cloudwatch log stream)[^\n]*?(?<what>signal: killed|i\/o timeout|context deadline exceeded|RequestError: send request failed|dial tcp [^\n]{0,60}|no such host|connection (?:refused|timed out)|request canceled|Client\.Timeout exceeded)/i,
      not: /AccessDenied|not authori[sz]ed|ResourceNotFound|does not exist|MissingEndpoint|MissingRegion|InvalidParameter/i,
    },
  ],
  cause:
    'ECS could not set up the awslogs driver for {service}: the call to CloudWatch Logs got no answer ({what}), so the task most likely has no network path to the logs endpoint.',
  fix: "Give the task a way out to CloudWatch Logs: a NAT gateway route or a public IP, or a `com.amazonaws.<region>.logs` interface VPC endpoint in the task's subnets, with the security groups allowing HTTPS between them.",
  confidence: 0.8,
  beats: ['exit-137', 'aws-endpoint-no-answer'],
  examples: {
    match: [
      [['stoppedReason', 'ResourceInitializationError: failed to validate logger args: : signal: killed']],
      [
        [
          'stoppedReason',
          'ResourceInitializationError: failed to validate logger args: create stream has been retried 1 times: failed to create Cloudwatch log stream: RequestError: send request failed caused by: Post "https://logs.eu-west-1.amazonaws.com/": dial tcp 10.0.0.1:443: i/o timeout',
        ],
      ],
    ],
    noMatch: [
      [
        [
          'stoppedReason',
          'ResourceInitializationError: failed to validate logger args: create stream has been retried 1 times: failed to create Cloudwatch log group: AccessDeniedException: User is not authorized to perform: logs:CreateLogGroup',
        ],
      ],
      [
        [
          'stoppedReason',
          'CannotStartContainerError: failed to initialize logging driver: failed to create Cloudwatch log stream: ResourceNotFoundException: The specified log group does not exist.',
        ],
      ],
    ],
  },
};
export default rule;
