import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'registry-network-timeout',
  category: 'network-sg',
  match: [
    {
      re: /(?:CannotPullContainerError|unable to retrieve ecr registry auth|pull image manifest|ref pull|failed to resolve ref)[^\n]*?(?:i\/o timeout|context deadline exceeded|Client\.Timeout exceeded|TLS handshake timeout|connect: (?:connection timed out|network is unreachable)|context canceled)/i,
    },
  ],
  cause:
    'The task timed out talking to the image registry, so it has no network path to it; the image itself is not the problem.',
  fix: 'Give the task a route out: a public IP (assignPublicIp=ENABLED) in a subnet whose route table has an internet gateway, or a NAT gateway route for private subnets, or VPC endpoints for ecr.api, ecr.dkr and the S3 gateway. Let the task security group allow outbound HTTPS (443).',
  confidence: 0.88,
  beats: ['pull-manifest-not-found', 'pull-access-denied'],
  examples: {
    match: [
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
