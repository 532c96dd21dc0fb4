import type { Rule } from '../types.js';

/*
 * The Docker client asked the daemon for an API route the daemon does not have: `Error response from daemon: 404 page
 * not found` with nothing else, `client version 1.44 is too new. Maximum supported API version is 1.41`, `client is
 * newer than server`; the other way round, a daemon that dropped the client's API (`client version 1.21 is too old.
 * Minimum supported API version is 1.24`), and a newer client attaching several networks at create, which an older
 * engine refuses (`Container cannot be connected to network endpoints`). A client and daemon (or a Compose or Desktop release) that do not match, not the image or the
 * service: upgrade or pin one to fit the other.
 */
const rule: Rule = {
  id: 'daemon-api-mismatch',
  category: 'other',
  match: [
    {
      re: /(?<what>Error response from daemon: 404 page not found\s*$|client version [\d.]+ is too new\. Maximum supported API version is [\d.]+|client is newer than server \(client API version: [\d.]+, server API version: [\d.]+\)|client version [\d.]+ is too old\. Minimum supported API version is [\d.]+|Container cannot be connected to (?:multiple )?network endpoints)/,
    },
  ],
  cause:
    "The Docker client and daemon used to deploy {service} do not speak the same API ({what}); the tools' versions do not match.",
  fix: 'Upgrade the Docker daemon (or Desktop) or use a client / Compose release that supports its API version (DOCKER_API_VERSION can pin the client), then deploy again.',
  confidence: 0.8,
  examples: {
    match: [
      [['log', 'Error response from daemon: 404 page not found']],
      [
        [
          'log',
          'Error response from daemon: client version 1.44 is too new. Maximum supported API version is 1.41',
        ],
      ],
      [
        [
          'log',
          'Failed to load pause container: Error response from daemon: client version 1.21 is too old. Minimum supported API version is 1.24, please upgrade your client to a newer version',
        ],
      ],
      [
        [
          'log',
          'Container app-1 Error response from daemon: Container cannot be connected to network endpoints: front, back',
        ],
      ],
    ],
    noMatch: [
      [['log', 'Error response from daemon: manifest for app:1.2 not found: manifest unknown']],
      [['log', 'GET /health 404 page not found']],
    ],
  },
};
export default rule;
