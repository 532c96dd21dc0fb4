import type { Rule } from '../types.js';

/*
 * Instances came up but never registered with their cluster: EKS's NodeCreationFailure ("Instances failed to join the
 * kubernetes cluster"), an ECS container instance that never registers, a kubelet that cannot reach the API server.
 * The agents say it in their own words: the ECS agent's `Could not register` / `Error registering` with a request that
 * got no answer, `Error connecting to ACS` or `TCS` timing out, `Unable to discover poll endpoint`; the SSM agent
 * `unable to connect to a Systems Manager endpoint`; EKS's `cluster Security Group … is not allowing traffic from the
 * worker node`. A cluster then has no container instances to place tasks on, and a node that cannot reach ECR's API
 * gets no registry credentials (`no basic auth credentials` pulling the pause image), which is why this outranks both.
 * The instance has no network path to the control plane: a subnet with no route out (no NAT, no public IP), a
 * security group the control plane does not allow, or an API endpoint restricted to other CIDRs.
 */
const rule: Rule = {
  id: 'nodes-cannot-join',
  category: 'network-sg',
  match: [
    {
      re: /(?<what>NodeCreationFailure|[Ii]nstances? failed to join the (?:kubernetes |EKS |ECS )?cluster|Ec2SubnetInvalidConfiguration|does not automatically assign public IP addresses|[Cc]ontainer instances? (?:did not|failed to|never) regist\w*|[Uu]nable to register (?:node|the container instance)\b|Unable to register instance with ECS|(?:Could not register|Error registering)\b[^\n]*?(?:RequestError|send request failed|timed out|request canceled)|Error connecting to (?:ACS|TCS)\b[^\n]*?(?:i\/o timeout|timed out|request canceled|no such host|[Nn]etwork is unreachable)|Unable to discover poll endpoint[^\n]*?(?:i\/o timeout|timed out|request canceled|no such host)|unable to connect to a Systems Manager endpoint|cluster Security Group \S+ is not allowing traffic from the worker node)/,
    },
  ],
  cause:
    'Instances started but could not join the cluster ({what}): they have no network path to the control plane.',
  fix: "Give the instances' subnets a route out (a NAT gateway, or public IPs with an internet gateway) or VPC endpoints for the control plane's APIs; let the control plane's security group accept the nodes' security group (443, and 10250 for EKS); and include the nodes' addresses in the API endpoint's allowed CIDRs, or enable private endpoint access.",
  confidence: 0.7,
  beats: ['no-container-instances', 'pull-access-denied'],
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
      [
        [
          'log',
          '[ERROR] Error connecting to ACS: websocket client: unable to dial ecs-a-1.eu-west-1.amazonaws.com response: : dial tcp 52.1.2.3:443: i/o timeout',
        ],
      ],
      [
        [
          'log',
          'The SSM Agent was unable to connect to a Systems Manager endpoint to register itself with the service.',
        ],
      ],
      [['log', '[ERROR]: The cluster Security Group sg-0abc is not allowing traffic from the worker node.']],
    ],
    noMatch: [
      [['log', 'Instances launched: 2']],
      [
        [
          'log',
          '[ERROR] Error connecting to ACS: AccessDeniedException: User is not authorized to perform: ecs:Poll',
        ],
      ],
    ],
  },
};
export default rule;
