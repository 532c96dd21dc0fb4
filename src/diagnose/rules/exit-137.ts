import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'exit-137',
  category: 'resources-oom',
  match: [{ in: ['exitCode'], re: /^137$/ }],
  cause: 'The container was killed with SIGKILL (exit code 137), most often by the out-of-memory killer.',
  fix: "Check the task's memory use against its limit and raise the limit if it ran at the top; if memory was fine, ECS killed it while stopping (e.g. after failed health checks) and the stop reason says why.",
  confidence: 0.5,
  examples: { match: [[['exitCode', '137']]], noMatch: [[['exitCode', '1']]] },
};
export default rule;
