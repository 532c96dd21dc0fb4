import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'registry-network-timeout',
  category: 'network-sg',
  match: [
    {
      // ECS's prefixes, and Docker's, containerd's and the kubelet's when they talk to a registry's /v2/ API; Podman's
      // (containers/image) `pinging container registry`, BuildKit's `failed to resolve source metadata` and any Go
      // client's `failed to do request` to a /v2/ URL (ctr, crane, kaniko).
      re: /(?:CannotPullContainerError|unable to retrieve ecr registry auth|pull image manifest|ref pull|failed to resolve ref|Error response from daemon: (?:Get|Head) "?https?:\/\/[^\s"]+\/v2\/|Failed to pull image|failed to pull and unpack|pinging container registry|failed to resolve source metadata|failed to do request: (?:Get|Head) "?https?:\/\/[^\s"]+\/v2\/)[^\n]*?(?:i\/o timeout|context deadline exceeded|Client\.Timeout exceeded|TLS handshake timeout|connect: (?:connection timed out|network is unreachable)|context canceled)/i,
      // Go's `request canceled (Client.Timeout exceeded while awaiting headers)` without `while waiting for connection`
      // had a connection: the registry was slow to answer (an outage), which is not the task's network.
      not: /request canceled \(Client\.Timeout exceeded while awaiting headers\)/,
    },
  ],
  cause:
    'The task timed out talking to the image registry, so it has no network path to it; the image itself is not the problem.',
  fix: 'Give the task a route out: a public IP (assignPublicIp=ENABLED) in a subnet whose route table has an internet gateway, or a NAT gateway route for private subnets, or VPC endpoints for ecr.api, ecr.dkr and the S3 gateway. Let the task security group allow outbound HTTPS (443).',
  confidence: 0.88,
  beats: ['pull-manifest-not-found', 'pull-access-denied'],
  examples: {
    match: [
      [
        [
          'log',
          'Error response from daemon: Get https://registry-1.docker.io/v2/: net/http: TLS handshake timeout',
        ],
      ],
      [
        [
          'log',
          'Error response from daemon: Get "https://ghcr.io/v2/": dial tcp: lookup ghcr.io on 10.0.0.2:53: read udp 10.0.0.5:41234->10.0.0.2:53: i/o timeout',
        ],
      ],
      [['containerReason', 'CannotPullContainerError: context canceled']],
      [
        [
          'stoppedReason',
          'ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve ecr registry auth: service call has been retried 3 time(s): RequestError: send request failed caused by: Post "https://api.ecr.us-east-2.amazonaws.com/": dial tcp 1.2.3.4:443: i/o timeout',
        ],
      ],
      [
        [
          'stoppedReason',
          'CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref quay.io/x/y:latest: failed to do request: Head "https://quay.io/v2/x/y/manifests/latest": dial tcp 3.210.148.47:443: i/o timeout',
        ],
      ],
    ],
    noMatch: [[['stoppedReason', 'CannotPullContainerError: manifest for nginx:1 not found']]],
  },
};
export default rule;
