import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'elb-checker-400',
  category: 'config-env',
  match: [{ in: ['log'], re: /\s400\s[^\n]*ELB-HealthChecker/ }],
  cause:
    "The app answers the load balancer's health check with 400 Bad Request: the check sends the task's IP as Host header, which the app's host validation (e.g. Django ALLOWED_HOSTS) rejects.",
  fix: "Accept the task's private IP as a host (or skip host validation on the health check path) rather than adding 400 to the target group's success codes.",
  confidence: 0.7,
  beats: ['elb-health-code-mismatch', 'elb-health-failed'],
  examples: {
    match: [
      [
        [
          'log',
          '10.180.13.204 [30/Jun/2019:19:22:06 +0000] GET /emergency/ HTTP/1.1 400 26 - ELB-HealthChecker/2.0 0.011522',
        ],
      ],
    ],
    noMatch: [[['log', '10.180.13.204 GET /emergency/ HTTP/1.1 200 26 - ELB-HealthChecker/2.0']]],
  },
};
export default rule;
