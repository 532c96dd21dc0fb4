import type { Rule } from '../types.js';

/*
 * An AWS service refused a role or instance profile it was handed while creating something: ECS' `Unable to assume
 * role and validate the specified targetGroupArn` / `… the listeners configured on your load balancer` (via
 * CloudFormation, Terraform or the CLI), EC2's `Invalid IAM Instance Profile name` (Lambda's `cannot be assumed by
 * Lambda` stays aws-call-denied's). The role's trust or policy is the usual cause, but the same words come
 * from a role made seconds earlier in the same deploy that IAM has not yet propagated (eventual consistency: a retry
 * passes), and from a template that passes the wrong value or creates the user before the policy (ambiguity.ts names
 * those readings as neighbours).
 */
const rule: Rule = {
  id: 'role-not-usable',
  category: 'secrets-iam',
  match: [
    {
      re: /(?<what>Unable to assume role and validate the (?:specified targetGroupArn|listeners configured on your load balancer)|Invalid IAM Instance Profile (?:name|ARN)|Value \([^)]*\) for parameter iamInstanceProfile\.(?:name|arn) is invalid)/,
    },
  ],
  cause: 'An AWS service could not use the role or instance profile given for {service} ({what}).',
  fix: 'Check that the role trusts the service that uses it (ecs.amazonaws.com, ec2.amazonaws.com) and carries the policy it needs, and that the template passes its ARN; if the role was created in the same deploy, make the resource depend on the role and its policy, and retry once: IAM takes a few seconds to propagate a new role.',
  confidence: 0.6,
  beats: ['aws-call-denied'],
  examples: {
    match: [
      [
        [
          'stackEvent',
          'Resource handler returned message: "Invalid request provided: CreateService error: Unable to assume role and validate the specified targetGroupArn. Please verify that the ECS service role being passed has the proper permissions."',
        ],
      ],
      [
        [
          'log',
          'Error: creating ECS Service (api): InvalidParameterException: Unable to assume role and validate the listeners configured on your load balancer. Please verify that the ECS service role being passed has the proper permissions.',
        ],
      ],
      [
        [
          'log',
          'An error occurred (InvalidParameterException) when calling the CreateService operation: Unable to assume role and validate the specified targetGroupArn. Please verify that the ECS service role being passed has the proper permissions.',
        ],
      ],
      [
        [
          'stackEvent',
          'Value (api-instance-profile) for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name',
        ],
      ],
    ],
    noMatch: [
      [
        [
          'serviceEvent',
          "service api failed to launch a task with (error ECS was unable to assume the role 'arn:aws:iam::1:role/x' that was provided for this task.",
        ],
      ],
      [
        [
          'log',
          'Unable to assume the service linked role. Please verify that the ECS service linked role exists.',
        ],
      ],
    ],
  },
};
export default rule;
