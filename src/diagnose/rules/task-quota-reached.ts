import type { Rule } from '../types.js';

/*
 * A quota on running compute refuses the next task before any capacity is looked for: Fargate's concurrent vCPU and
 * task limits, and in other platforms' words a Kubernetes ResourceQuota ("is forbidden: exceeded quota"), Compute
 * Engine's "Quota 'CPUS' exceeded" and Azure's "exceeding approved … Cores quota".
 */
const rule: Rule = {
  id: 'task-quota-reached',
  category: 'placement-capacity',
  match: [
    {
      re: /(?<what>reached the limit on the number of (?:(?:spot|on-demand|Fargate|Fargate Spot) )?(?:tasks|vCPUs) you can run concurrently|Desired count exceeds limit|vCPU limit|requested CPU configuration is above your limit|exceeded your (?:account's )?(?:Fargate )?(?:vCPU|task) (?:limit|quota)|is forbidden: exceeded quota: [\w.-]+|Quota '[\w-]+' exceeded|exceeding approved \w+ Cores quota)/i,
    },
  ],
  cause:
    'The account (or namespace) reached a quota on running compute ({what}), so no more tasks could start.',
  fix: 'Request a higher quota (for Fargate the "Fargate On-Demand vCPU resource count" in Service Quotas; elsewhere the cloud\'s CPU or cores quota, or the namespace\'s ResourceQuota), or stop services and tasks you no longer need.',
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
      [
        [
          'log',
          'Error creating: pods "api-1" is forbidden: exceeded quota: compute-resources, requested: limits.cpu=2, used: limits.cpu=8, limited: limits.cpu=8',
        ],
      ],
      [
        [
          'log',
          "googleapi: Error 403: Quota 'CPUS' exceeded.  Limit: 24.0 in region us-central1., quotaExceeded",
        ],
      ],
    ],
    noMatch: [[['serviceEvent', 'service x has reached a steady state.']]],
  },
};
export default rule;
