import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'health-cmd-prefix-doubled',
  category: 'health-check-command',
  match: [{ in: ['healthCheck'], re: /^\["(?<first>CMD(?:-SHELL)?)","(?<second>CMD(?:-SHELL)?)"/ }],
  cause:
    'The health check command starts with two prefixes ({first} then {second}), so the runtime tries to execute a program literally named "{second}" and the check always fails.',
  fix: 'Give exactly one prefix, e.g. ["CMD-SHELL", "curl -f http://localhost/ || exit 1"]; tools such as CDK add "CMD" themselves when given a plain command list.',
  confidence: 0.9,
  beats: ['container-health-failed', 'health-exec-form-shell-syntax'],
  examples: {
    match: [[['healthCheck', '["CMD","CMD-SHELL","curl -f http://localhost/ || exit 1"]']]],
    noMatch: [[['healthCheck', '["CMD-SHELL","curl -f http://localhost/ || exit 1"]']]],
  },
};
export default rule;
