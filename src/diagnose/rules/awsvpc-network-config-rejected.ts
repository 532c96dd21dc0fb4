import type { Rule } from '../types.js';

/*
 * ECS (or EC2 behind it) refused the network configuration given to an awsvpc service or task: a public IP asked for
 * where the launch type cannot give one (the EC2 launch type), no subnets, subnets and security groups from different
 * VPCs, or a subnet or security group that does not exist in that region or account. A network configuration given
 * for a task definition's network mode that takes none, or missing for awsvpc, is the definition's shape (the template
 * or the tool that wrote it), not these values, so it is left out. Whoever wrote it (a deploy tool's plugin, Terraform,
 * CDK, the CLI), the fix goes in the service's subnets, security groups and public IP setting.
 */
const rule: Rule = {
  id: 'awsvpc-network-config-rejected',
  category: 'network-sg',
  match: [
    {
      in: ['log', 'serviceEvent', 'stackEvent', 'deployment', 'stoppedReason'],
      span: 2,
      re: /(?<what>Assign public IP is not supported for this launch type|[Ss]ubnets can ?not be empty|[Ss]ecurity group \S+ and subnet \S+ belong to different networks|The (?:security group|subnet ID) '?(?:sg|subnet)-[0-9a-f]+'? does not exist|InvalidSubnetID\.NotFound|InvalidGroup\.NotFound)/,
    },
  ],
  cause: "{service}'s awsvpc network configuration was refused: {what}.",
  fix: "Correct the service's (or RunTask's) networkConfiguration: subnets and security groups that exist in the cluster's VPC and region, at least one subnet, and assignPublicIp only on Fargate (for the EC2 launch type leave it DISABLED and give the subnets a NAT gateway route instead).",
  confidence: 0.7,
  examples: {
    match: [
      [['log', 'InvalidParameterException: Assign public IP is not supported for this launch type']],
      [
        [
          'stackEvent',
          'Resource handler returned message: "Invalid request provided: CreateService error: Security group sg-0a1b2c3d and subnet subnet-0f9e8d7c belong to different networks."',
        ],
      ],
      [
        [
          'log',
          'An error occurred (InvalidParameterException) when calling the RunTask operation: subnets can not be empty.',
        ],
      ],
      [
        [
          'serviceEvent',
          "The subnet ID 'subnet-0123abcd' does not exist (Service: AmazonEC2; Error Code: InvalidSubnetID.NotFound)",
        ],
      ],
    ],
    noMatch: [
      [['stackEvent', "Network Configuration must be provided when networkMode 'awsvpc' is specified."]],
      [
        [
          'stackEvent',
          'Network Configuration is not valid for the given networkMode of this task definition. (Service: AmazonECS; Status Code: 400; Error Code: InvalidParameterException)',
        ],
      ],
      [['log', 'Error: connect ETIMEDOUT 10.0.0.109:5432']],
      [['log', 'InvalidParameterException: The container web does not have a container port 80 defined']],
      [['stackEvent', 'Network interface is in use by another service']],
    ],
  },
};
export default rule;
