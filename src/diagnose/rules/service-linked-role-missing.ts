import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'service-linked-role-missing',
  category: 'secrets-iam',
  match: [{ re: /Unable to assume the service linked role|Service Linked Role does not exist/i }],
  cause:
    'The account has no ECS service-linked role (AWSServiceRoleForECS), so ECS cannot create task networking or capacity providers.',
  fix: 'Create it once per account with `aws iam create-service-linked-role --aws-service-name ecs.amazonaws.com` (or an AWS::IAM::ServiceLinkedRole resource the cluster depends on), then redeploy.',
  confidence: 0.9,
  examples: {
    match: [
      [
        [
          'log',
          'InvalidParameterException: Unable to assume the service linked role. Please verify that the ECS service linked role exists.',
        ],
      ],
      [
        [
          'stackEvent',
          'Invalid request provided: CreateCapacityProvider error: ECS Service Linked Role does not exist. Please create a Service linked role for ECS and try again.',
        ],
      ],
    ],
    noMatch: [[['log', 'role created']]],
  },
};
export default rule;
