import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'elb-health-failed',
  category: 'health-check-command',
  match: [
    { re: /Task failed ELB health checks|is unhealthy in \(?target-group|\(reason Health checks failed\)/ },
  ],
  cause:
    "Tasks were replaced because they failed the load balancer's health check; the check's path, port or timing does not match how the app serves.",
  fix: "Compare the target group's health check (path, port: traffic-port or the container port, success codes) with what the app serves; if the app is only slow to start, raise the service's healthCheckGracePeriodSeconds.",
  confidence: 0.45,
  examples: {
    match: [
      [
        [
          'stoppedReason',
          'Task failed ELB health checks in (target-group arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/x/y)',
        ],
      ],
      [
        [
          'serviceEvent',
          '(service x) (port 5005) is unhealthy in (target-group arn:aws:elasticloadbalancing:x) due to (reason Health checks failed).',
        ],
      ],
    ],
    noMatch: [[['stoppedReason', 'Essential container in task exited']]],
  },
};
export default rule;
