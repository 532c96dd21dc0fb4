import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'django-allowed-hosts',
  category: 'config-env',
  match: [{ re: /Invalid HTTP_HOST header: '(?<host>[^']+)'/ }],
  cause:
    "Django rejects requests for host {host} — the task's private address, which the load balancer health check uses — because it is not in ALLOWED_HOSTS.",
  fix: "Add the task's private IP to ALLOWED_HOSTS at start-up (read it from the ECS task metadata endpoint), or let the health check path skip host validation.",
  confidence: 0.9,
  beats: ['elb-health-code-mismatch', 'elb-health-failed'],
  examples: {
    match: [
      [
        [
          'log',
          "Invalid HTTP_HOST header: '10.0.1.7:8000'. You may need to add '10.0.1.7' to ALLOWED_HOSTS.",
        ],
      ],
    ],
    noMatch: [[['log', 'ALLOWED_HOSTS=*']]],
  },
};
export default rule;
