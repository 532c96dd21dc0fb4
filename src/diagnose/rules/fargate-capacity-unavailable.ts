import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'fargate-capacity-unavailable',
  category: 'placement-capacity',
  match: [{ re: /Capacity is unavailable at this time|Fargate capacity is unavailable/i }],
  cause: 'AWS had no Fargate capacity for the task in the availability zones of its subnets at that moment.',
  fix: 'Spread the service over subnets in several availability zones and retry; for Spot, mix FARGATE with FARGATE_SPOT in the capacity provider strategy.',
  confidence: 0.85,
  examples: {
    match: [
      [
        [
          'serviceEvent',
          'service x was unable to place a task. Reason: Capacity is unavailable at this time. Please try again later or in a different availability zone.',
        ],
      ],
    ],
    noMatch: [[['serviceEvent', 'capacity provider FARGATE selected']]],
  },
};
export default rule;
