import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'missing-instance-attribute',
  category: 'placement-capacity',
  // RunTask's failure reason `ATTRIBUTE` is the same finding without the sentence (as `AGENT` is a disconnected agent).
  match: [
    { re: /is missing an attribute required by your task|\b[Rr]easons?\\?"?\s*[:=]\s*\\?"?ATTRIBUTE\b/ },
  ],
  cause:
    'No container instance has an attribute the task requires: a placement constraint, a capability such as a volume plugin, or a platform or instance type requirement.',
  fix: "Compare the instances' attributes (`aws ecs describe-container-instances`, `ecs-cli check-attributes`) with the task's requirements; install the missing capability on the instances or relax the constraint.",
  confidence: 0.85,
  examples: {
    match: [
      [
        [
          'serviceEvent',
          'service x was unable to place a task because no container instance met all of its requirements. The closest matching container-instance cca2 is missing an attribute required by your task.',
        ],
      ],
      [
        [
          'log',
          '{"Failures":[{"Arn":"arn:aws:ecs:eu-west-1:1:container-instance/ab12","Reason":"ATTRIBUTE"}],"Tasks":[]}',
        ],
      ],
    ],
    noMatch: [[['serviceEvent', 'service x has started 1 tasks']], [['log', 'Reason: ATTRIBUTES_CHANGED']]],
  },
};
export default rule;
