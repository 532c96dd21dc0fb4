import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'iam-not-authorized',
  category: 'secrets-iam',
  match: [{ re: /not authorized to perform:?\s*(?<action>[\w:*-]+)|\bAccessDenied(?:Exception)?\b/ }],
  cause: 'An AWS call made for {service} was denied by IAM ({action|AccessDenied}).',
  fix: 'Find which role made the call (the ARN after `User:` in the message) and grant it {action|the denied action} on that resource, or correct the resource name if it points at the wrong one.',
  confidence: 0.6,
  examples: {
    match: [
      [
        [
          'stoppedReason',
          'CannotStartContainerError: Error response from daemon: failed to initialize logging driver: failed to create Cloudwatch log group: AccessDeniedException: User: arn:aws:sts::1:assumed-role/EcsInstanceRole/i-1 is not authorized to perform: logs:CreateLogGroup',
        ],
      ],
    ],
    noMatch: [[['log', 'access granted']]],
  },
};
export default rule;
