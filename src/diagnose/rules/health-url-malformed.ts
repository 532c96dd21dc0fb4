import type { Rule } from '../types.js';

/*
 * The health check's URL is not a usable URL, so the check fails whatever the app does: curl's exit 3 (`URL using
 * bad/illegal format`, `Port number ended with …`, `URL rejected: Malformed input`) or a host that is an unfilled
 * placeholder (`Could not resolve host: {APP_URL}`, busybox wget's `bad address '{…}'`), or a check command that still
 * holds a template placeholder such as `{APP_URL}` or `{{ .Port }}`, which no shell expands.
 */
const rule: Rule = {
  id: 'health-url-malformed',
  category: 'health-check-command',
  match: [
    {
      in: ['healthOutput', 'healthCheck'],
      re: /(?<what>curl: \(3\)[^\n]*|Could not resolve host: \$?\{[^\n]*|bad address '\$?\{[^']*'|(?:https?:\/\/|[\s"])\{[A-Za-z_][A-Za-z0-9_]*\}[^\s"]*|\{\{[^}]*\}\})/,
    },
  ],
  cause:
    "{service}'s health check calls a URL that is not valid ({what}), so it fails however healthy the app is.",
  fix: 'Write the check with a literal URL (e.g. http://localhost:PORT/health), or use the shell form (CMD-SHELL) with a variable that is set inside the container ($PORT), and give the variables it reads values that make a valid URL.',
  confidence: 0.75,
  beats: ['container-health-failed', 'local-unhealthy', 'health-nothing-listening'],
  examples: {
    match: [
      [['healthOutput', "curl: (3) Port number ended with 'd'"]],
      [['healthOutput', 'curl: (3) URL using bad/illegal format or missing URL']],
      [['healthCheck', 'curl -fSs {APP_URL}/api/healthcheck || exit 1']],
      [['healthCheck', '["CMD-SHELL","wget -qO- http://localhost:{{ .Values.port }}/health || exit 1"]']],
    ],
    noMatch: [
      [['healthCheck', '["CMD-SHELL","curl -f http://localhost:${PORT:-8080}/health || exit 1"]']],
      [['healthOutput', 'curl: (7) Failed to connect to localhost port 8080: Connection refused']],
    ],
  },
};
export default rule;
