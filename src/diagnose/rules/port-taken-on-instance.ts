import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'port-taken-on-instance',
  category: 'placement-capacity',
  match: [{ re: /already using a port required by your task|RESOURCE:PORTS/ }],
  cause:
    'Every candidate container instance already uses the fixed host port the task needs, so no further copy of the task fits.',
  fix: 'Use dynamic host ports (hostPort 0 behind a load balancer) or awsvpc network mode, or add instances; a rolling deploy with a fixed host port needs one spare instance.',
  confidence: 0.88,
  examples: {
    match: [
      [
        [
          'serviceEvent',
          'service port_20543 was unable to place a task because no container instance met all of its requirements. The closest matching container-instance bdd3 is already using a port required by your task.',
        ],
      ],
    ],
    noMatch: [[['serviceEvent', 'service x registered 1 targets']]],
  },
};
export default rule;
