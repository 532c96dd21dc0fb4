import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'no-container-instances',
  category: 'placement-capacity',
  match: [{ re: /No Container Instances were found in your (?<where>cluster|capacity provider)/ }],
  cause: 'ECS has no container instances in the {where} to place the task on.',
  fix: 'Make sure the Auto Scaling group really launches instances (instance type offered in the region and AZ, vCPU and Spot quotas, a current ECS-optimized AMI) and that they join this cluster (ECS_CLUSTER in user data, an instance role with AmazonEC2ContainerServiceforEC2Role).',
  confidence: 0.9,
  examples: {
    match: [
      [
        [
          'serviceEvent',
          'service x was unable to place a task because no container instance met all of its requirements. Reason: No Container Instances were found in your cluster.',
        ],
      ],
    ],
    noMatch: [[['serviceEvent', 'service x has reached a steady state.']]],
  },
};
export default rule;
