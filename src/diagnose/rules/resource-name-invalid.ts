import type { Rule } from '../types.js';

/*
 * A resource was given a name its service's naming rule refuses: too long (ELBv2's 32 characters, IAM's 64), a
 * character outside the allowed set (ECR's, S3's lowercase), or a reserved prefix (ECS capacity providers may not
 * start with aws, ecs or fargate). Names come from the template or the code that generates it, often built from a
 * stack or project name, so the fix is the template (cfn-template), whichever tool checked it: the service's API as
 * CloudFormation relays it (`Target group name '…' cannot be longer than '32' characters`, `Value '…' at 'roleName'
 * failed to satisfy constraint`, `The specified capacity provider name is invalid`, `InvalidBucketName`), the Terraform
 * AWS provider's own check (`"name" cannot be longer than 32 characters`), CDK's at synth (`Invalid S3 bucket name`).
 */
const rule: Rule = {
  id: 'resource-name-invalid',
  category: 'cfn-template',
  match: [
    {
      in: ['stackEvent', 'log'],
      re: /(?<what>(?:Target group|Load balancer) name '[^'\n]*' (?:cannot be longer than|cannot begin or end with|can only contain)[^\n"(]{0,60}|at '\w*[nN]ame' failed to satisfy constraint: [^\n"(]{0,80}|The specified capacity provider name is invalid|The name cannot be prefixed with [^\n]{0,40}|"name(?:_prefix)?" cannot (?:be longer than \d+ characters|begin or end with a hyphen)|only alphanumeric characters and hyphens allowed in "name(?:_prefix)?"|InvalidBucketName|Invalid S3 bucket name|(?:Target group|Load balancer) name: "[^"\n]*" (?:can have a maximum of \d+ characters|must not begin or end with a hyphen))/,
    },
  ],
  cause: 'A resource in the stack was given a name its service does not accept ({what}).',
  fix: "Give the resource a name within the service's rules (length, allowed characters, no reserved prefix such as aws/ecs/fargate), or leave the name out so one is generated; when the name is built from a stack or project name, shorten or change that part.",
  confidence: 0.85,
  beats: [
    'resource-request-invalid',
    'capacity-provider-invalid',
    'template-error',
    'iac-definition-invalid',
  ],
  examples: {
    match: [
      [
        [
          'stackEvent',
          'The specified capacity provider name is invalid. Up to 255 characters are allowed, including letters (upper and lowercase), numbers, underscores, and hyphens. The name cannot be prefixed with "aws", "ecs", or "fargate".',
        ],
      ],
      [
        [
          'stackEvent',
          "Target group name 'orders-service-production-blue-tg' cannot be longer than '32' characters (Service: ElasticLoadBalancingV2, Status Code: 400)",
        ],
      ],
      [
        [
          'log',
          "1 validation error detected: Value 'My Logs' at 'logGroupName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_/#A-Za-z0-9]+",
        ],
      ],
      [['log', 'Error: "name" cannot be longer than 32 characters: "orders-service-production-blue-tg"']],
    ],
    noMatch: [
      [
        [
          'stackEvent',
          "Value 'FARGATE' at 'launchType' failed to satisfy constraint: Member must satisfy enum value set",
        ],
      ],
      [['log', 'Parameter EcsInstanceType failed to satisfy constraint: must be a valid EC2 instance type.']],
    ],
  },
};
export default rule;
