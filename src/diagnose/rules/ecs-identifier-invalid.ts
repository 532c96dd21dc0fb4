import type { Rule } from '../types.js';

/*
 * ECS refused an identifier a client passed it: `Invalid identifier: Unexpected number of separators` (several ARNs
 * passed as one argument), `Identifier is for cluster X. Your cluster is Y`, `Identifier is for <account>. Your
 * accountId is …`. The service, task definition and capacity are not in question: the deploy tool or script built or
 * joined the ARNs wrongly (or asked the wrong cluster), which is a fix in the tool, so `other`.
 */
const rule: Rule = {
  id: 'ecs-identifier-invalid',
  category: 'other',
  match: [
    {
      in: ['log', 'localField', 'stoppedReason', 'serviceEvent'],
      re: /(?<what>Invalid identifier: (?:Unexpected number of separators|Identifier is for (?:cluster )?[\w:/.-]+\. Your (?:cluster|accountId|account|region) is [\w-]+|Invalid (?:ARN|resource) format)[^\n]{0,40})/,
    },
  ],
  cause:
    'ECS refused an identifier the deploy tool passed for {service} ({what}): the tool built, joined or aimed the ARNs wrongly; the service itself was not examined.',
  fix: 'Check how the tool passes cluster, service and task identifiers (one ARN per argument, the same cluster and account as the call); upgrade the tool if this is a known bug, or call the API directly.',
  confidence: 0.6,
  examples: {
    match: [
      [
        [
          'log',
          'An error occurred (InvalidParameterException) when calling the DescribeTasks operation: Invalid identifier: Unexpected number of separators',
        ],
      ],
      [
        [
          'log',
          'InvalidParameterException: Invalid identifier: Identifier is for cluster blue. Your cluster is default',
        ],
      ],
    ],
    noMatch: [
      [
        [
          'log',
          'InvalidParameterException: Invalid setting for container instance: ECS_AVAILABLE_LOGGING_DRIVERS',
        ],
      ],
    ],
  },
};
export default rule;
