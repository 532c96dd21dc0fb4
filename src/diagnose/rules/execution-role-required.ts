import type { Rule } from '../types.js';

/*
 * Secrets (or private registry auth, or awslogs on Fargate) handed to a service with no role to fetch them: ECS's
 * missing execution role, and App Runner's missing instance role, which it needs to read RuntimeEnvironmentSecrets.
 * The service refuses the definition itself, so the fix is the role, never the secret.
 */
const rule: Rule = {
  id: 'execution-role-required',
  category: 'secrets-iam',
  match: [
    {
      re: /(?<what>must also specify a value for '?executionRoleArn'?|requires? an? (?:task )?execution role|requires task definition to have execution role ARN|Instance Role ha(?:ve|s) to be provided if passing in RuntimeEnvironmentSecrets)/i,
    },
  ],
  cause:
    "{service}'s definition uses secrets (or private registry auth, or awslogs on Fargate) but names no role to fetch them with ({what}).",
  fix: 'Set `executionRoleArn` on the task definition (App Runner: the instance role, `InstanceConfiguration.InstanceRoleArn`) to a role the service can assume, with the AmazonECSTaskExecutionRolePolicy managed policy on ECS, plus read access to the referenced secrets.',
  confidence: 0.9,
  examples: {
    match: [
      [
        [
          'log',
          "ClientException: An error occurred (ClientException) when calling the RegisterTaskDefinition operation: When you are specifying container secrets, you must also specify a value for 'executionRoleArn'.",
        ],
      ],
      [
        [
          'log',
          'ClientException: Fargate requires task definition to have execution role ARN to support private registry authentication.',
        ],
      ],
      [
        [
          'log',
          'InvalidRequestException: Instance Role have to be provided if passing in RuntimeEnvironmentSecrets.',
        ],
      ],
    ],
    noMatch: [[['taskDefField', 'executionRoleArn=arn:aws:iam::1:role/exec']]],
  },
};
export default rule;
