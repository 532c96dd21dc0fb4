import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'task-quota-reached',
  category: 'placement-capacity',
  match: [
    {
      re: /reached the limit on the number of (?:(?:spot|on-demand|Fargate|Fargate Spot) )?(?:tasks|vCPUs) you can run concurrently|Desired count exceeds limit|vCPU limit|requested CPU configuration is above your limit|exceeded your (?:account's )?(?:Fargate )?(?:vCPU|task) (?:limit|quota)/i,
    },
  ],
  cause:
    'The account reached its quota of concurrently running Fargate tasks (vCPUs), so no more tasks could start.',
  fix: 'Request a higher "Fargate On-Demand vCPU resource count" in Service Quotas, or stop services and tasks you no longer need.',
  confidence: 0.85,
  examples: {
    match: [
      [
        [
          'serviceEvent',
          "service storage-prod was unable to place a task. Reason: You've reached the limit on the number of tasks you can run concurrently.",
        ],
      ],
      [['log', 'InvalidParameterException: Desired count exceeds limit.']],
      // The same quota for Spot tasks and in vCPUs, as the service event words them.
      [
        [
          'serviceEvent',
          "Reason: You've reached the limit on the number of spot tasks you can run concurrently.",
        ],
      ],
      [['serviceEvent', "Reason: You've reached the limit on the number of vCPUs you can run concurrently."]],
    ],
    noMatch: [[['serviceEvent', 'service x has reached a steady state.']]],
  },
};
export default rule;
