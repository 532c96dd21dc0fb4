import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'worker-crashed',
  category: 'app-crash',
  match: [
    {
      re: /\bworker (?:crashed|died|exited unexpectedly|failed to boot)|crashed during (?:its )?startup|Worker failed to boot|WORKER TIMEOUT/i,
    },
  ],
  cause:
    'An application worker crashed while starting, while the process supervising it stayed up, so the container looked alive but served nothing.',
  fix: "Fix the startup error the worker logs; don't run production under a reloader (e.g. `uvicorn --reload`), and add a health check that exercises the app so such crashes fail the deployment.",
  confidence: 0.75,
  beats: ['connection-refused'],
  // A worker the kernel killed (gunicorn's `was sent SIGKILL! Perhaps out of memory?`, `OOMKilled`) ran out of memory;
  // its WORKER TIMEOUT is the symptom, not a crash of the app.
  against: [{ re: /was sent SIGKILL|Perhaps out of memory|OOMKilled|Out of memory: Killed process/ }],
  examples: {
    match: [
      [['log', 'uvicorn worker crashed during its startup event (mTLS admin-session failure)']],
      [['log', '[ERROR] Worker failed to boot.']],
    ],
    noMatch: [[['log', 'worker started']]],
  },
};
export default rule;
