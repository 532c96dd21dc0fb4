import type { Rule } from '../types.js';
import { NETWORK_FACTS } from '../network-facts.js';

/*
 * A public registry took the connection and then did not answer: Go's `request canceled (Client.Timeout exceeded while
 * awaiting headers)` or `timeout awaiting response headers` from Docker Hub, GHCR, Quay, GCR / Artifact Registry, MCR,
 * public ECR or GitLab's registry. The connection was made, so no security group, route or DNS stood in the way; a
 * registry that is slow to answer is an incident on its side (its status page) and passes. `request canceled while
 * waiting for connection` (the connection never made), `i/o timeout` and a private ECR registry, whose path is the
 * VPC's, are left to the network rules. The registry shown answering in the same capture (a login, another pull, a
 * retry that got through) or its status page named raises the reading; a task stated to have no way out lowers it.
 */
const REGISTRY_ANSWERED =
  /Login Succeeded|Pull complete|Downloaded newer image|Image is up to date|\b(?:status\.docker\.com|githubstatus\.com|status\.quay\.io|status\.cloud\.google\.com)\b|\b(?:incident|outage|degraded (?:performance|service))\b/i;

const PUBLIC_REGISTRY = String.raw`(?:(?:registry-1|auth|index|registry|production\.cloudflare)\.docker\.io|ghcr\.io|pkg-containers\.githubusercontent\.com|quay\.io|(?:[\w-]+\.)?gcr\.io|[\w-]+-docker\.pkg\.dev|mcr\.microsoft\.com|public\.ecr\.aws|registry\.gitlab\.com|nvcr\.io|registry\.k8s\.io|docker\.elastic\.co)`;

const rule: Rule = {
  id: 'registry-no-answer',
  category: 'other',
  match: [
    {
      in: ['log', 'stoppedReason', 'containerReason', 'serviceEvent', 'localField'],
      re: new RegExp(
        String.raw`(?<registry>${PUBLIC_REGISTRY})[^\n]{0,240}?(?<what>Client\.Timeout exceeded while awaiting headers|timeout awaiting response headers)`,
        'i',
      ),
      not: /waiting for connection|dkr\.ecr\.|i\/o timeout|no such host|connection refused|proxyconnect/i,
    },
  ],
  cause:
    "The image registry {registry} accepted the connection for {service} and then did not answer ({what}): an incident on the registry's side, not the network path or the image name.",
  fix: "Check the registry's status page and retry once it recovers; mirroring the image into ECR (or a pull-through cache) keeps deployments independent of a public registry's incidents.",
  confidence: 0.55,
  support: [{ re: REGISTRY_ANSWERED }],
  against: [{ re: NETWORK_FACTS }],
  examples: {
    match: [
      [
        [
          'log',
          'Error response from daemon: Head "https://ghcr.io/v2/acme/tool/manifests/v1": Get "https://ghcr.io/token?scope=repository%3Aacme%2Ftool%3Apull&service=ghcr.io": net/http: request canceled (Client.Timeout exceeded while awaiting headers)',
        ],
      ],
      [
        [
          'log',
          'Error response from daemon: Get "https://registry-1.docker.io/v2/": net/http: timeout awaiting response headers',
        ],
      ],
    ],
    noMatch: [
      [
        [
          'stoppedReason',
          'CannotPullContainerError: Error response from daemon: Get https://1234.dkr.ecr.us-east-1.amazonaws.com/v2/: net/http: request canceled while waiting for connection (Client.Timeout exceeded while awaiting headers)',
        ],
      ],
      [
        [
          'log',
          'Error response from daemon: Get "https://registry-1.docker.io/v2/": net/http: request canceled while waiting for connection (Client.Timeout exceeded while awaiting headers)',
        ],
      ],
    ],
  },
};
export default rule;
