import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'secret-access-denied',
  category: 'secrets-iam',
  match: [
    {
      // CLIs such as Copilot wrap the stopped reason over several lines (even mid-word), so read a few as one.
      span: 6,
      // The AccessDenied alternative only counts when no "not authorized to perform" follows, so action and resource get captured.
      re: /unable to (?:retrieve|pull) secrets?[^\n]*?(?:not authorized to perform:?\s*(?<action>[\w:*-]+)(?: on resource:?\s*(?<resource>[^\s]+))?|AccessDenied\w*(?![^\n]*not authorized))/i,
    },
  ],
  cause:
    'The task execution role was denied {action|reading a secret} on {resource|a secret the task definition references}, so ECS stopped the task before starting the container.',
  fix: 'If the name is right, grant the execution role {action|secretsmanager:GetSecretValue / ssm:GetParameters} on that ARN. If the task definition points at the wrong name (e.g. a short name where the parameter lives under a path), reference the full ARN of the existing secret instead.',
  confidence: 0.9,
  beats: ['iam-not-authorized'],
  examples: {
    match: [
      [
        [
          'stoppedReason',
          'ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secrets from ssm: service call has been retried 1 time(s): AccessDeniedException: User: arn:aws:sts::1:assumed-role/x-ExecutionRole/t is not authorized to perform: ssm:GetParameters on resource: arn:aws:ssm:eu-west-2:1:parameter/GOOGLE_CLIENT_ID because no identity-based policy allows the ssm:GetParameters action',
        ],
      ],
    ],
    noMatch: [
      [
        [
          'stoppedReason',
          'ResourceInitializationError: unable to pull secrets or registry auth: unable to retrieve secret from asm: failed to fetch',
        ],
      ],
    ],
  },
};
export default rule;
