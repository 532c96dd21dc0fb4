import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'role-not-assumable',
  category: 'secrets-iam',
  match: [{ re: /ECS was unable to assume the role '?(?<role>[^'\s]+)'?/ }],
  cause:
    'ECS could not assume the role {role} given to the task: its trust policy does not allow ecs-tasks.amazonaws.com, the ARN is wrong, or the deploying identity may not pass it.',
  fix: 'Let the role trust `ecs-tasks.amazonaws.com` for sts:AssumeRole, check that the task role and execution role ARNs are not swapped, and give the deploying identity iam:PassRole on the role.',
  confidence: 0.9,
  examples: {
    match: [
      [
        [
          'serviceEvent',
          "service X failed to launch a task with (error ECS was unable to assume the role 'arn:aws:iam::1:role/X-task-execution-role' that was provided for this task. Please verify that the role being passed has the proper trust relationship and permissions and that your IAM user has permissions to pass this role.).",
        ],
      ],
    ],
    noMatch: [[['log', 'assumed role ok']]],
  },
};
export default rule;
