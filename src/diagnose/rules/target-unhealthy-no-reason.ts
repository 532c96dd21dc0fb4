import type { Rule } from '../types.js';

/*
 * The load balancer marks the target unhealthy and gives no response code, while nothing in the capture says the task
 * failed (no stop reason, no error in its logs, its own container health check passing): the check got no answer at
 * all, which is the path between load balancer and task (the task's security group not admitting the load balancer's,
 * or the load balancer's own group without egress to the target port), not the app. A code (404, 502) is a health
 * check path or app answer and is left to those rules; a task that stopped or logs errors is left to its reason.
 */
const rule: Rule = {
  id: 'target-unhealthy-no-reason',
  category: 'network-sg',
  match: [
    {
      in: ['targetHealth'],
      re: /^\s*unhealthy\s*(?:Target\.FailedHealthChecks\s*)?(?:Health checks failed\s*)?$/i,
    },
  ],
  unless: [
    { in: ['stoppedReason', 'containerReason'], re: /\S/ },
    { in: ['healthStatus'], re: /UNHEALTHY/i },
    { in: ['exitCode', 'healthExitCode'], re: /^[1-9]/ },
    {
      in: ['log', 'healthOutput'],
      re: /\b(?:error|exception|fatal|panic|traceback|refused|killed|failed|cannot|unable)\b|\bERR\b|exited with/i,
    },
  ],
  support: [{ in: ['healthStatus'], re: /^\s*HEALTHY\b/ }],
  cause:
    "The load balancer marks {service}'s target unhealthy without a response code while the task itself shows no fault: its health check requests get no answer, which is the network path between the load balancer and the task.",
  fix: "Allow the load balancer's security group in on the container (or health check) port in the task's security group, give the load balancer's security group egress to that port, and check the subnets' network ACLs.",
  confidence: 0.45,
  examples: {
    match: [
      [['targetHealth', 'unhealthy']],
      [
        ['targetHealth', 'unhealthy'],
        ['healthStatus', 'HEALTHY'],
      ],
      [['targetHealth', 'unhealthy Target.FailedHealthChecks Health checks failed']],
    ],
    noMatch: [
      [
        [
          'targetHealth',
          'unhealthy Target.ResponseCodeMismatch Health checks failed with these codes: [404]',
        ],
      ],
      [
        ['targetHealth', 'unhealthy'],
        ['log', 'Error: listen EADDRINUSE: address already in use :::3000'],
      ],
      [
        ['targetHealth', 'unhealthy'],
        ['stoppedReason', 'Essential container in task exited'],
      ],
    ],
  },
};
export default rule;
