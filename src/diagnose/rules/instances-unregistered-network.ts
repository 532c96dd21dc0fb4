import type { Rule } from '../types.js';
import noContainerInstances from './no-container-instances.js';

/*
 * A cluster with no container instances is first a capacity question (no-container-instances), but when the Auto
 * Scaling group did launch instances, the usual reason they are not in the cluster is that their ECS agent cannot reach
 * the ECS endpoint to register: a private subnet without a NAT gateway or VPC endpoints, or a security group without
 * outbound 443. So the network is the next place to look, below the capacity finding, never above it.
 */
const rule: Rule = {
  id: 'instances-unregistered-network',
  category: 'network-sg',
  // The same evidence as no-container-instances, read for its second cause.
  match: noContainerInstances.match,
  cause:
    'If instances were launched for the cluster, they may not have registered with it: their ECS agent needs a network path to the ECS endpoint.',
  fix: 'Check that the instances are running; if they are, give their subnets a route out (a NAT gateway, or public IPs with an internet gateway) or VPC endpoints for ecs, ecs-agent and ecs-telemetry, and allow outbound 443 in their security group; the agent log (/var/log/ecs/ecs-agent.log) says why it could not register.',
  confidence: 0.3,
  examples: noContainerInstances.examples,
};
export default rule;
