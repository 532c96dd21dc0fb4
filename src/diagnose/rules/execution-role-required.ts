import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'execution-role-required',
  category: 'secrets-iam',
  match: [
    {
      re: /must also specify a value for '?executionRoleArn'?|requires? an? (?:task )?execution role|requires task definition to have execution role ARN/i,
    },
  ],
  cause:
    'The task definition uses secrets (or private registry auth, or awslogs on Fargate) but names no execution role to fetch them with.',
  fix: 'Set `executionRoleArn` on the task definition to a role with the AmazonECSTaskExecutionRolePolicy managed policy plus read access to the referenced secrets.',
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
    ],
    noMatch: [[['taskDefField', 'executionRoleArn=arn:aws:iam::1:role/exec']]],
  },
};
export default rule;
