import type { Rule } from '../types.js';

/*
 * The registry refused the pull, in each client's words: the Docker daemon's `pull access denied for x, repository does
 * not exist or may require 'docker login'` (Compose v2 and newer engines say `authentication`, BuildKit `authorization`
 * and may print it without a prefix), a manifest request answered `unauthorized` or `denied` (GHCR, Docker Hub, Quay; a manifest answered only `denied` is left out, as GHCR also says it in its outages),
 * the daemon's bare `denied`, containerd's failed token fetch, Artifact Registry's permission.
 */
const rule: Rule = {
  id: 'pull-access-denied',
  category: 'image-pull',
  match: [
    {
      re: /(?:CannotPullContainerError|pull access denied|failed to resolve ref|Error response from daemon|Failed to pull image|reading manifest|fetching manifest|initializing source docker:)[^\n]*?(?:pull access denied for (?<repo>[^\s,]+)|repository does not exist or may require (?:'docker login'|authentication|authorization)|\b403 Forbidden|no basic auth credentials|denied: requested access to the resource is denied|unauthorized: authentication required|\/manifests\/[^\s"]+"?: unauthorized\b|unauthorized: access to the requested resource is not authorized|insufficient_scope|failed to authorize: failed to fetch (?:anonymous|oauth) token[^\n]*?40[13]|Permission "artifactregistry\.repositories\.downloadArtifacts" denied|\bdenied: access forbidden|unauthorized to access repository)|pull access denied for (?<repo2>[^\s,]+), repository does not exist or may require|pull access denied, repository does not exist or may require|\/v2\/[^\s"]+\/manifests\/[^\s"]+"?: unauthorized\b|Error response from daemon: (?:denied|unauthorized)\.?\s*$/i,
      not: /i\/o timeout|context deadline exceeded/i,
    },
  ],
  cause:
    'The registry refused to serve {repo,repo2|the image}: the repository does not exist under that name, or pulling it needs credentials the task does not have.',
  fix: 'Correct the image name (Docker Hub official images have no user prefix; ECR images need the full `<account>.dkr.ecr.<region>.amazonaws.com/` host). For a private registry give the task execution role ECR pull permissions or set `repositoryCredentials`; for a cross-account ECR repository allow the pulling account in the repository policy.',
  confidence: 0.85,
  // The registry naming the IAM policy that refused (`User: … is not authorized to perform: ecr:BatchGetImage`) says
  // the image exists and the fix is the puller's role: iam-not-authorized.
  against: [{ re: /is not authorized to perform:?\s*ecr:|no identity-based policy allows/ }],
  examples: {
    match: [
      [
        [
          'log',
          ' ✘ web Error pull access denied for acme/web, repository does not exist or may require authentication',
        ],
      ],
      [['log', ' ✘ api Error Head "https://ghcr.io/v2/acme/api/manifests/main": unauthorized']],
      [
        [
          'stoppedReason',
          "CannotPullContainerError: Error response from daemon: pull access denied for ecs-task-kite, repository does not exist or may require 'docker login'",
        ],
      ],
      [
        [
          'stoppedReason',
          'CannotPullContainerError: inspect image has been retried 1 time(s): failed to resolve ref "x": unexpected status code [manifests 1]: 403 Forbidden',
        ],
      ],
      // A private package pulled anonymously: the registry answers the manifest request with 401.
      [
        [
          'log',
          'Error response from daemon: Head "https://ghcr.io/v2/acme/api/manifests/latest": unauthorized',
        ],
      ],
      [
        [
          'log',
          'Error: reading manifest 2.1 in quay.io/acme/api: unauthorized: access to the requested resource is not authorized',
        ],
      ],
      [
        [
          'serviceEvent',
          'Failed to pull image "ghcr.io/acme/api:v9": failed to resolve reference "ghcr.io/acme/api:v9": failed to authorize: failed to fetch anonymous token: unexpected status: 401 Unauthorized',
        ],
      ],
      [
        [
          'log',
          'Error response from daemon: Get "https://registry.gitlab.com/v2/acme/api/manifests/1.4.0": denied: access forbidden',
        ],
      ],
      [
        [
          'log',
          'Error response from daemon: unauthorized: unauthorized to access repository: shop/api, action: pull',
        ],
      ],
    ],
    noMatch: [
      [['stoppedReason', 'CannotPullContainerError: manifest for nginx:1 not found']],
      [
        [
          'log',
          'Error response from daemon: permission denied while trying to connect to the Docker daemon socket',
        ],
      ],
      [
        [
          'log',
          'Error response from daemon: Head "https://ghcr.io/v2/acme/api/manifests/latest": received unexpected HTTP status: 503 Service Unavailable',
        ],
      ],
    ],
  },
};
export default rule;
