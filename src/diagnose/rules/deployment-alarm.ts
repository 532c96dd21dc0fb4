import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'deployment-alarm',
  category: 'other',
  match: [{ in: ['deployment'], re: /ROLLBACK_\w+.*\balarms?\b.*\bALARM\b|\balarms? in ALARM\b/i }],
  cause:
    "A CloudWatch alarm named in the service's deploymentConfiguration went into ALARM while the new revision took traffic, so ECS rolled the service deployment back: the revision runs but hurts what the alarm measures.",
  fix: "Open the triggered alarm (its metric and the time it fired) and the new revision's logs for that window; fix the regression, or the alarm's threshold if it fired on normal traffic.",
  confidence: 0.6,
  examples: {
    match: [
      [
        [
          'deployment',
          'ROLLBACK_SUCCESSFUL: Service deployment rolled back because of the following alarms in ALARM state: api-5xx.',
        ],
      ],
    ],
    noMatch: [
      [
        [
          'deployment',
          'ROLLBACK_SUCCESSFUL: Service deployment rolled back because the circuit breaker threshold was exceeded.',
        ],
      ],
    ],
  },
};
export default rule;
