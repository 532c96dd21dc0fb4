import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'insufficient-resources',
  category: 'placement-capacity',
  match: [
    {
      re: /RESOURCE:(?<res>MEMORY|CPU|ENI|GPU)|doesn't have enough (?<res2>[\w ]+?) available|has insufficient (?<res3>CPU|memory)|closest matching container-instance \S+ has no (?<res4>[\w* ]+?) available/i,
    },
  ],
  cause: 'No container instance has enough free {res,res2,res3,res4|resources} for what the task reserves.',
  fix: 'Lower the task and container CPU / memory reservations, or add capacity (bigger or more instances, or managed scaling on the capacity provider); remember a rolling deploy needs room for old and new tasks at once.',
  confidence: 0.88,
  examples: {
    match: [
      [['log', 'compose up - reason=RESOURCE:MEMORY']],
      [['serviceEvent', "The closest matching container instance doesn't have enough CPU units available."]],
    ],
    noMatch: [[['log', 'memory usage 40%']]],
  },
};
export default rule;
