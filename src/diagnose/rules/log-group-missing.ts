import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'log-group-missing',
  category: 'config-env',
  match: [{ re: /The specified log group does not exist/ }],
  cause:
    "The container's awslogs log group does not exist, so the logging driver could not start and the container never ran.",
  fix: 'Create the log group named in logConfiguration (awslogs-group) before the service — in the same template or module — or set awslogs-create-group=true and give the execution role logs:CreateLogGroup.',
  confidence: 0.9,
  beats: ['iam-not-authorized'],
  examples: {
    match: [
      [
        [
          'stoppedReason',
          'CannotStartContainerError: Error response from daemon: failed to initialize logging driver: failed to create Cloudwatch log stream: ResourceNotFoundException: The specified log group does not exist. status code: 400',
        ],
      ],
    ],
    noMatch: [[['log', 'log group created']]],
  },
};
export default rule;
