import type { Rule } from '../types.js';

/*
 * The health check reached the server and was told the path is not there or not for it (404, 405, 410, 401, 403), in
 * the check tool's own words: curl's `(22) The requested URL returned error: 404`, wget's `server returned error:
 * HTTP/1.1 404 Not Found` and `ERROR 404: Not Found.`, a probe's `HTTP probe failed with statuscode: 401`. Read in the
 * health output only, where the request is the check's: the server is up, the check's path (or its need of a login) is
 * what is wrong.
 */
const rule: Rule = {
  id: 'health-output-refused-path',
  category: 'health-check-command',
  match: [
    {
      in: ['healthOutput'],
      re: /(?<what>curl: \(22\) The requested URL returned error: (?:40[1345]|410)\b|server returned error: HTTP\/[\d.]+ (?:40[1345]|410)\b|ERROR (?:40[1345]|410): |HTTP probe failed with statuscode: (?:40[1345]|410)\b)/,
    },
  ],
  cause:
    "{service}'s health check reaches the server but is refused the path it asks for ({what}): the server is up, the check's path is wrong or needs a login.",
  fix: 'Point the health check at a path the app serves without authentication (its documented /health, /healthz or /up), and check the method (HEAD vs GET) and any base path the app is mounted under.',
  confidence: 0.72,
  beats: ['local-unhealthy', 'container-health-failed', 'health-tool-unverified', 'health-exit-127'],
  examples: {
    match: [
      [['healthOutput', 'curl: (22) The requested URL returned error: 404']],
      [['healthOutput', 'wget: server returned error: HTTP/1.1 401 Unauthorized']],
      [['healthOutput', '2026-12-05 10:00:00 ERROR 404: Not Found.']],
    ],
    noMatch: [
      [['healthOutput', 'curl: (22) The requested URL returned error: 503']],
      [['log', 'curl: (22) The requested URL returned error: 404']],
    ],
  },
};
export default rule;
