import type { Rule } from '../types.js';

/*
 * The registry itself answered a pull with a server error (500, 502, 503, 504): an outage at Docker Hub, ECR, Quay or
 * GHCR, not a wrong image name or missing permission, which come back as 401/403/404. Nothing in the stack fixes it;
 * naming it keeps a reader from hunting for a typo.
 */
const rule: Rule = {
  id: 'registry-server-error',
  category: 'other',
  match: [
    {
      in: ['log', 'stoppedReason', 'containerReason', 'serviceEvent', 'localField'],
      re: /(?:received unexpected HTTP status|error pulling image configuration|Error response from daemon|CannotPullContainerError|failed to (?:resolve|fetch|copy|do request)|(?:manifests|blobs)\/)[^\n]*?(?<status>\b5(?:00|02|03|04)\b[ :]*(?:Internal Server Error|Bad Gateway|Service Unavailable|Gateway Time-?out))/i,
    },
  ],
  cause:
    'The image registry failed with a server error ({status}) while {service} pulled: an outage of the registry, not a problem with the image or its permissions.',
  fix: "Check the registry's status page (Docker Hub, ECR via the AWS Health Dashboard, Quay, GHCR) and retry once it recovers; mirroring the image into ECR or a pull-through cache keeps deployments independent of a public registry's outages.",
  confidence: 0.65,
  beats: ['pull-access-denied', 'pull-manifest-not-found'],
  examples: {
    match: [
      [
        [
          'log',
          'docker: Error response from daemon: Get https://registry-1.docker.io/v2/library/redis/manifests/7: received unexpected HTTP status: 503 Service Unavailable.',
        ],
      ],
      [
        [
          'stoppedReason',
          'CannotPullContainerError: failed to copy: httpReadSeeker: failed open: unexpected status code https://ghcr.io/v2/o/a/blobs/sha256:ab: 502 Bad Gateway',
        ],
      ],
    ],
    noMatch: [
      [['log', 'Error response from daemon: manifest for app:2 not found: manifest unknown']],
      [['log', 'GET /health 503 Service Unavailable']],
    ],
  },
};
export default rule;
