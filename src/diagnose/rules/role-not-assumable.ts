import type { Rule } from '../types.js';

/*
 * A role is only usable by a service its trust policy names. ECS says it could not assume the task's role; other
 * services word the same refusal as Lambda's "cannot be assumed by Lambda", Step Functions' "nor the regional one is
 * authorized to assume the provided role", EKS's "required service principals … were not found in the trust
 * relationships" and CloudFormation's "Role … is invalid or cannot be assumed".
 */
const rule: Rule = {
  id: 'role-not-assumable',
  category: 'secrets-iam',
  match: [
    {
      re: /ECS was unable to assume the role '?(?<role>[^'\s]+)'?|The role defined for the function cannot be assumed by Lambda|is authorized to assume the provided role|required service principals \[[^\]]*\] were not found in the trust relationships of \w+ (?<role2>arn:aws[\w-]*:iam::\d+:role\/[\w+=,.@/-]+)|Role (?<role3>arn:aws[\w-]*:iam::\d+:role\/[\w+=,.@/-]+) is invalid or cannot be assumed/,
    },
  ],
  cause:
    'The service could not assume the role {role,role2,role3|it was given}: its trust policy does not allow that service (for ECS tasks ecs-tasks.amazonaws.com), the ARN is wrong, or the deploying identity may not pass it.',
  fix: 'Let the role trust the service that uses it for sts:AssumeRole (`ecs-tasks.amazonaws.com` for task roles; Lambda, Step Functions, EC2 nodes and CloudFormation have their own principals), check that the task role and execution role ARNs are not swapped, and give the deploying identity iam:PassRole on the role.',
  confidence: 0.9,
  examples: {
    match: [
      [
        [
          'serviceEvent',
          "service X failed to launch a task with (error ECS was unable to assume the role 'arn:aws:iam::1:role/X-task-execution-role' that was provided for this task. Please verify that the role being passed has the proper trust relationship and permissions and that your IAM user has permissions to pass this role.).",
        ],
      ],
      [
        [
          'log',
          'InvalidParameterValueException: The role defined for the function cannot be assumed by Lambda.',
        ],
      ],
      [
        [
          'log',
          'InvalidParameterException: Following required service principals [ec2.amazonaws.com] were not found in the trust relationships of nodeRole arn:aws:iam::1:role/nodes',
        ],
      ],
    ],
    noMatch: [[['log', 'assumed role ok']]],
  },
};
export default rule;
