import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'circuit-breaker',
  category: 'other',
  match: [{ re: /Deployment Circuit Breaker was triggered|circuit breaker/i }],
  cause:
    "ECS's deployment circuit breaker stopped the rollout because its tasks kept failing; why they failed is the real cause.",
  fix: 'Describe recent STOPPED tasks of the failed deployment (`aws ecs list-tasks --desired-status STOPPED` then `describe-tasks`) and diagnose their stopped reason and logs.',
  confidence: 0.3,
  examples: {
    match: [
      [
        [
          'stackEvent',
          'Resource handler returned message: "Error occurred during operation \'ECS Deployment Circuit Breaker was triggered\'."',
        ],
      ],
    ],
    noMatch: [[['stackEvent', 'Resource creation Initiated']]],
  },
};
export default rule;
