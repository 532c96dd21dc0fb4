import type { Rule } from '../types.js';

/*
 * ECS says it could not place a task but the sentence names no reason this corpus has a rule for (or was cut off before
 * the reason). The fix is still on the placement side: capacity, constraints or the capacity provider. The specific
 * placement rules outrank this one.
 */
const rule: Rule = {
  id: 'placement-unexplained',
  category: 'placement-capacity',
  match: [
    {
      in: ['serviceEvent', 'log', 'stoppedReason'],
      re: /(?<what>(?:was )?unable to place (?:a task|tasks)[^\n]{0,120})/,
    },
  ],
  cause: 'ECS could not place a task for {service}: {what}.',
  fix: "Compare the task's CPU, memory, ports and placement constraints with what the cluster's instances (or capacity provider) offer, and add capacity or relax the constraints.",
  confidence: 0.6,
  examples: {
    match: [
      [
        [
          'serviceEvent',
          'service web was unable to place a task because no container instance met all of its requirements.',
        ],
      ],
    ],
    noMatch: [[['serviceEvent', 'service web has started 1 tasks: task 0abc.']]],
  },
};
export default rule;
