import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'target-timeout',
  category: 'network-sg',
  match: [
    {
      in: ['targetHealth', 'serviceEvent', 'stoppedReason', 'stackEvent', 'log'],
      re: /Target\.Timeout|\(reason Request timed out\)|^unhealthy\b[^\n]*Request timed out/i,
    },
  ],
  cause:
    "The load balancer's health check requests to the task time out, which most often means the task's security group does not let the load balancer in on the container port.",
  fix: "In the task's (or the container instances') security group allow inbound traffic on the container port from the load balancer's security group (bridge mode with dynamic ports needs 32768-65535); check the subnets' network ACLs too.",
  confidence: 0.55,
  examples: {
    match: [
      [['targetHealth', 'unhealthy Target.Timeout Request timed out']],
      [
        [
          'serviceEvent',
          '(service web) (port 80) is unhealthy in (target-group arn:aws:elasticloadbalancing:x) due to (reason Request timed out).',
        ],
      ],
    ],
    noMatch: [
      [
        [
          'targetHealth',
          'unhealthy Target.ResponseCodeMismatch Health checks failed with these codes: [404]',
        ],
      ],
    ],
  },
};
export default rule;
