import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'curl-without-fail-exit-code',
  category: 'health-check-command',
  match: [
    { in: ['healthOutput'], re: /HTTP\/?[\d.]* ?(?<status>[45]\d\d)\b/ },
    { in: ['healthExitCode'], re: /^0$/ },
  ],
  cause:
    'The health check command exits 0 although the app answered HTTP {status}, so a broken app counts as healthy: curl without -f/--fail ignores HTTP errors.',
  fix: 'Use `curl -f` (`--fail`) in the health check, e.g. ["CMD-SHELL", "curl -f http://localhost:PORT/health || exit 1"].',
  confidence: 0.8,
  examples: {
    match: [
      [
        ['healthOutput', 'HTTP/1.1 503 Service Unavailable'],
        ['healthExitCode', '0'],
      ],
    ],
    noMatch: [
      [
        ['healthOutput', 'HTTP/1.1 503 Service Unavailable'],
        ['healthExitCode', '22'],
      ],
    ],
  },
};
export default rule;
