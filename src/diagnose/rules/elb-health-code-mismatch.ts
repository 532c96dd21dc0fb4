import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'elb-health-code-mismatch',
  category: 'health-check-command',
  match: [
    {
      in: ['targetHealth', 'serviceEvent', 'stoppedReason', 'stackEvent', 'log'],
      re: /Target\.ResponseCodeMismatch(?:[^\n]*?with these codes: \[(?<codes>[^\]]+)\])?|Health checks failed with these codes: \[(?<codes2>[^\]]+)\]/,
    },
  ],
  cause:
    "The load balancer's health check gets HTTP status {codes,codes2|outside its success codes} from the app, which the target group does not count as healthy: the check's path or success codes do not fit the app.",
  fix: "Point the target group's health check at a path that answers 200 without auth or redirects (or widen the matcher, e.g. 200-399), then redeploy.",
  confidence: 0.6,
  beats: ['elb-health-failed'],
  examples: {
    match: [
      [
        [
          'targetHealth',
          'unhealthy Target.ResponseCodeMismatch Health checks failed with these codes: [404]',
        ],
      ],
    ],
    noMatch: [[['targetHealth', 'unhealthy Target.Timeout Request timed out']]],
  },
};
export default rule;
