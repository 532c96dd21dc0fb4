import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'insufficient-resources',
  category: 'placement-capacity',
  match: [
    {
      re: /RESOURCE:(?<res>MEMORY|CPU|ENI|GPU)|doesn't have enough (?<res2>[\w ]+?) available|has insufficient (?<res3>CPU|memory)|closest matching container-instance \S+ has no (?<res4>[\w* ]+?) available|not enough (?<res5>memory|CPU) available to (?:start|run|place|schedule) (?:the )?(?:process|task|container|service)/i,
    },
  ],
  cause:
    'No container instance has enough free {res,res2,res3,res4,res5|resources} for what the task reserves.',
  fix: 'Lower the task and container CPU / memory reservations, or add capacity (bigger or more instances, or managed scaling on the capacity provider); remember a rolling deploy needs room for old and new tasks at once.',
  confidence: 0.88,
  examples: {
    match: [
      [['log', 'compose up - reason=RESOURCE:MEMORY']],
      [['serviceEvent', "The closest matching container instance doesn't have enough CPU units available."]],
      // A platform's scheduler (Convox) in its own words.
      [['log', 'not enough memory available to start process']],
    ],
    noMatch: [[['log', 'memory usage 40%']]],
  },
};
export default rule;
