import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'pull-rate-limit',
  category: 'image-pull',
  match: [{ re: /toomanyrequests|429 Too Many Requests|reached your (?:unauthenticated )?pull rate limit/i }],
  cause:
    'Docker Hub refused the pull because the pull rate limit for anonymous or free accounts was reached.',
  fix: 'Mirror the image into ECR (an ECR pull-through cache rule or ECR Public), or authenticate the pulls with `repositoryCredentials` on the container definition.',
  confidence: 0.9,
  beats: ['pull-manifest-not-found', 'pull-access-denied'],
  examples: {
    match: [
      [
        [
          'stoppedReason',
          'CannotPullContainerError: Error response from daemon: toomanyrequests: You have reached your pull rate limit. You may increase the limit by authenticating and upgrading: https://www.docker.com/increase-rate-limit',
        ],
      ],
    ],
    noMatch: [[['log', 'GET /api 429 12ms']]],
  },
};
export default rule;
