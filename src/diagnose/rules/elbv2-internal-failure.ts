import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'elbv2-internal-failure',
  category: 'cfn-template',
  match: [
    {
      in: ['stackEvent'],
      re: /Internal failure \(Service: AmazonElasticLoadBalancingV2|Service: AmazonElasticLoadBalancingV2;[^)]*Error Code: InternalFailure/,
    },
  ],
  cause:
    'The load balancer API returned an internal failure while CloudFormation created a listener or target group, which happens when the template gives health-check settings that ELB cannot accept together.',
  fix: "Check the target group's health check values against each other and the protocol's limits (HealthCheckTimeoutSeconds below HealthCheckIntervalSeconds, thresholds 2-10, a valid Matcher), fix the template and redeploy.",
  confidence: 0.6,
  examples: {
    match: [
      [
        [
          'stackEvent',
          'Internal failure (Service: AmazonElasticLoadBalancingV2; Status Code: 500; Error Code: InternalFailure; Request ID: 1)',
        ],
      ],
    ],
    noMatch: [[['log', 'Internal failure (Service: AmazonElasticLoadBalancingV2; Status Code: 500)']]],
  },
};
export default rule;
