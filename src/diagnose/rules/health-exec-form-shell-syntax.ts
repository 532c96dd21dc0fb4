import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'health-exec-form-shell-syntax',
  category: 'health-check-command',
  match: [{ in: ['healthCheck'], re: /^\["CMD"(?:,"[^"]*")*,"(?:\|\||&&|[^"]*\$\{?[A-Za-z_])/ }],
  cause:
    'The health check uses the exec form (CMD) but relies on shell syntax such as `||` or `$VAR`, which reaches the program as literal arguments, so the check never passes.',
  fix: 'Use CMD-SHELL with the whole command as one string, e.g. ["CMD-SHELL", "curl -f http://localhost:$PORT/ || exit 1"].',
  confidence: 0.85,
  beats: ['container-health-failed'],
  examples: {
    match: [[['healthCheck', '["CMD","curl","-f","localhost:${PORT}","||","exit","1"]']]],
    noMatch: [[['healthCheck', '["CMD-SHELL","curl -f http://localhost:3000/ || exit 1"]']]],
  },
};
export default rule;
