import type { Rule } from '../types.js';

/*
 * EC2 could not launch the instances the cluster needs: the instance type has no capacity (or is not offered) in the
 * chosen availability zone, or the account's instance / vCPU / Spot limits are reached. Seen in Auto Scaling activity,
 * capacity provider and CloudFormation messages. Other clouds and provisioners word the same shortage as Azure's
 * AllocationFailed, Compute Engine's ZONE_RESOURCE_POOL_EXHAUSTED / GCE_STOCKOUT, Karpenter's "all requested instance
 * types were unavailable" and EC2 Fleet's UnfulfillableCapacity.
 */
const rule: Rule = {
  id: 'ec2-capacity-insufficient',
  category: 'placement-capacity',
  match: [
    {
      re: /(?<what>InsufficientInstanceCapacity|capacity-not-available|capacity-oversubscribed|do not have sufficient [\w.-]+ capacity|is not supported in your requested Availability Zone|Fargate is not supported in the requested availability zone|The requested configuration is currently not supported|MaxSpotInstanceCountExceeded|Your quota allows for \d+ more running instance|VcpuLimitExceeded|InstanceLimitExceeded|You have requested more (?:vCPU capacity|instances) than your current (?:vCPU|instance) limit|\bAllocationFailed\b|do not have sufficient capacity for the requested VM size|ZONE_RESOURCE_POOL_EXHAUSTED\w*|GCE_STOCKOUT|does not have enough resources available to fulfill the request|all requested instance types were unavailable|UnfulfillableCapacity|[Nn]o Spot capacity available)/,
    },
  ],
  cause: 'EC2 could not launch instances for the cluster ({what}), so there is nowhere to place the tasks.',
  fix: 'Allow more instance types and availability zones in the Auto Scaling group (or capacity provider), or ask for a higher EC2 / Spot vCPU quota; Fargate avoids managing instance capacity.',
  confidence: 0.85,
  examples: {
    match: [
      [
        [
          'log',
          'Launching a new EC2 instance. Status Reason: We currently do not have sufficient c5.large capacity in the Availability Zone you requested (us-east-1e).',
        ],
      ],
      [['stackEvent', 'Resource handler returned message: "VcpuLimitExceeded"']],
      [
        [
          'stackEvent',
          'The requested configuration is currently not supported. Please check the documentation for supported configurations.',
        ],
      ],
      [
        [
          'log',
          "The zone 'projects/p/zones/us-central1-a' does not have enough resources available to fulfill the request.",
        ],
      ],
      [
        [
          'log',
          'creating instance, insufficient capacity, all requested instance types were unavailable during launch',
        ],
      ],
    ],
    noMatch: [[['log', 'Launching a new EC2 instance: i-0abc. Status: Successful']]],
  },
};
export default rule;
