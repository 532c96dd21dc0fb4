import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'health-exit-127',
  category: 'health-check-command',
  match: [{ in: ['healthExitCode'], re: /^127$/ }],
  cause:
    'The health check command exits with 127 ("command not found"): a program or script it calls does not exist in the container.',
  fix: 'Run the health check command by hand inside the container (docker exec or ECS Exec), then install the missing program or fix its path.',
  confidence: 0.7,
  examples: { match: [[['healthExitCode', '127']]], noMatch: [[['exitCode', '127']]] },
};
export default rule;
