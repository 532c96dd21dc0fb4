import type { Rule } from '../types.js';

/*
 * ECS refused the capacity to run on: a capacity provider strategy naming a provider the cluster does not have
 * (FARGATE_SPOT on a cluster created with FARGATE only, an Auto Scaling group provider never attached), no strategy
 * and no default on the cluster, a strategy (the cluster's default or the service's) in which no provider has a weight above
 * zero, so no task can be placed on any of them, or a strategy mixing Fargate and Auto Scaling group providers. Where the fix goes is
 * the cluster's capacity, so placement-capacity; a provider that cannot be removed because it is in use is the
 * stack's state, not this.
 */
const rule: Rule = {
  id: 'capacity-provider-invalid',
  category: 'placement-capacity',
  match: [
    {
      re: /(?<what>capacity provider (?:strategy )?cannot contain a capacity provider that is not associated with the cluster|capacity provider strategy cannot contain a mix of[^\n]{0,80}|specified capacity provider (?:\S+ )?(?:does not exist|was not found|is not (?:associated|active|in an? ACTIVE))|(?:no|does not have a|doesn't have a) default capacity provider strategy|capacity provider \S+ (?:is )?not (?:associated with|found in) (?:the )?cluster|no capacity providers? with a weight(?: value)? greater than (?:zero|0)|at least one capacity provider (?:must have|with) a weight(?: value)? greater than (?:zero|0))/i,
      not: /in use and cannot be (?:removed|deleted)|cannot be deleted/i,
    },
  ],
  cause: 'ECS could not use the capacity asked for: {what}.',
  fix: "Attach the capacity providers the strategy names to the cluster (`aws ecs put-cluster-capacity-providers` with FARGATE and FARGATE_SPOT, or the cluster's `capacityProviders` in the template), give the cluster a default strategy, or pass a strategy (or a launch type) that uses providers the cluster has.",
  confidence: 0.85,
  examples: {
    match: [
      [
        [
          'log',
          'InvalidParameterException: An error occurred (InvalidParameterException) when calling the RunTask operation: The specified capacity provider strategy cannot contain a capacity provider that is not associated with the cluster.',
        ],
      ],
      [
        [
          'serviceEvent',
          'InvalidParameterException: No capacity provider strategy was specified and the cluster does not have a default capacity provider strategy',
        ],
      ],
      [
        [
          'stackEvent',
          'Resource handler returned message: "There are no capacity providers with a weight value greater than zero defined in the default capacity provider strategy." (Service: Ecs, Status Code: 400)',
        ],
      ],
    ],
    noMatch: [
      [
        [
          'stackEvent',
          'The specified capacity provider is in use and cannot be removed. (Service: AmazonECS; Status Code: 400; Error Code: ResourceInUseException)',
        ],
      ],
      [['log', 'capacity provider FARGATE_SPOT weight=1 base=0']],
    ],
  },
};
export default rule;
