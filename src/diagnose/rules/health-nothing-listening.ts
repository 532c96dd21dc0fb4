import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'health-nothing-listening',
  category: 'port-binding',
  match: [
    {
      in: ['healthOutput'],
      re: /Failed to connect to (?<at>(?:localhost|127\.0\.0\.1|\[?::1\]?) port \d+)|connect ECONNREFUSED (?<at2>(?:127\.0\.0\.1|::1):\d+)|Connection refused/,
    },
  ],
  cause:
    'The health check finds nothing listening at {at,at2|the address it probes}: the app listens on another address or port than the check expects.',
  fix: 'Make the app listen on 0.0.0.0 (or 127.0.0.1) at the port the health check uses, or change the health check to the port the app actually opens; if the app is only slow to open it, lengthen the start period.',
  confidence: 0.55,
  beats: ['local-unhealthy', 'connection-refused'],
  examples: {
    match: [
      [
        [
          'healthOutput',
          'curl: (7) Failed to connect to localhost port 3000 after 0 ms: Could not connect to server',
        ],
      ],
      [['healthOutput', 'connect ECONNREFUSED 127.0.0.1:8080']],
    ],
    noMatch: [
      [['log', 'curl: (7) Failed to connect to localhost port 3000 after 0 ms: Could not connect to server']],
    ],
  },
};
export default rule;
