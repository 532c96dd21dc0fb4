import type { Rule } from '../types.js';

/*
 * A stack resource that needs a log group to exist already (a metric filter, a subscription filter, a query
 * definition, a resource policy) was created before it, or the template never declares it: the template's order or
 * content, not a container's logging setting. The container's own words (`failed to initialize logging driver`, a
 * log stream it could not create) stay with log-group-missing.
 */
const rule: Rule = {
  id: 'stack-log-group-missing',
  category: 'cfn-template',
  match: [
    {
      in: ['stackEvent', 'log'],
      re: /The specified log group does not exist/,
      not: /log(?:ging)? driver|log stream|logger args|CannotStartContainer|awslogs/i,
    },
  ],
  unless: [{ re: /log(?:ging)? driver|create Cloudwatch log stream|logger args|CannotStartContainer/i }],
  cause:
    'A stack resource needs a log group that does not exist when it is created: the template refers to a log group it does not declare, or does not make the resource depend on it.',
  fix: 'Declare the log group in the template (AWS::Logs::LogGroup) and refer to it with !Ref, so CloudFormation creates it first; or point the filter at a log group that already exists.',
  confidence: 0.9,
  beats: ['log-group-missing', 'resource-request-invalid'],
  examples: {
    match: [
      [['stackEvent', 'The specified log group does not exist.']],
      [['log', 'Error: Resource handler returned message: "The specified log group does not exist. .."']],
    ],
    noMatch: [
      [
        [
          'stoppedReason',
          'CannotStartContainerError: Error response from daemon: failed to initialize logging driver: failed to create Cloudwatch log stream: ResourceNotFoundException: The specified log group does not exist.',
        ],
      ],
    ],
  },
};
export default rule;
