import type { Rule } from '../types.js';

/*
 * Instances came up but never registered with their cluster: EKS's NodeCreationFailure ("Instances failed to join the
 * kubernetes cluster"), an ECS container instance that never registers, a kubelet that cannot reach the API server.
 * The instance has no network path to the control plane: a subnet with no route out (no NAT, no public IP), a
 * security group the control plane does not allow, or an API endpoint restricted to other CIDRs.
 */
const rule: Rule = {
  id: 'nodes-cannot-join',
  category: 'network-sg',
  match: [
    {
      re: /(?<what>NodeCreationFailure|[Ii]nstances? failed to join the (?:kubernetes |EKS |ECS )?cluster|Ec2SubnetInvalidConfiguration|does not automatically assign public IP addresses|[Cc]ontainer instances? (?:did not|failed to|never) regist\w*|[Uu]nable to register (?:node|the container instance)\b|Unable to register instance with ECS)/,
    },
  ],
  cause:
    'Instances started but could not join the cluster ({what}): they have no network path to the control plane.',
  fix: "Give the instances' subnets a route out (a NAT gateway, or public IPs with an internet gateway) or VPC endpoints for the control plane's APIs; let the control plane's security group accept the nodes' security group (443, and 10250 for EKS); and include the nodes' addresses in the API endpoint's allowed CIDRs, or enable private endpoint access.",
  confidence: 0.7,
  examples: {
    match: [
      [['log', 'NodeCreationFailure: Instances failed to join the kubernetes cluster']],
      [
        [
          'log',
          'One or more Amazon EC2 Subnets of [subnet-0a1] for node group ng does not automatically assign public IP addresses to instances launched into it.',
        ],
      ],
      [['log', 'Unable to register instance with ECS: RequestError: send request failed']],
    ],
    noMatch: [[['log', 'Instances launched: 2']]],
  },
};
export default rule;
