import type { Rule } from '../types.js';

/*
 * A program called the EC2 instance metadata service from a Fargate task: `dial tcp 169.254.169.254:80: connect:
 * invalid argument` is what Fargate's network answers, since it gives tasks no IMDS (only the task metadata endpoint).
 * Nothing in the network can be opened for it: the program (an agent or sidecar release, an SDK's EC2 lookup) assumes
 * EC2, which is fixed in the program or its configuration, so `other`. A timeout to 169.254.169.254 on EC2 (a hop limit)
 * reads otherwise and is not matched.
 */
const rule: Rule = {
  id: 'instance-metadata-on-fargate',
  category: 'other',
  match: [
    {
      re: /(?<what>169\.254\.169\.254(?::80)?[^\n]{0,60}?connect: invalid argument)/,
    },
  ],
  cause:
    'A program in {service} called the EC2 instance metadata service ({what}), which Fargate tasks do not have: the program, or its release, assumes EC2.',
  fix: 'Configure the program not to use instance metadata on Fargate (read the task metadata endpoint, ECS_CONTAINER_METADATA_URI_V4, instead), or pin the release that did not call it.',
  confidence: 0.6,
  examples: {
    match: [
      [
        [
          'log',
          'EC2MetadataRequestError: failed to get EC2 instance identity document caused by: Get "http://169.254.169.254/latest/dynamic/instance-identity/document": dial tcp 169.254.169.254:80: connect: invalid argument',
        ],
      ],
    ],
    noMatch: [
      [
        [
          'log',
          'Get "http://169.254.169.254/latest/meta-data/iam/security-credentials/": dial tcp 169.254.169.254:80: i/o timeout',
        ],
      ],
    ],
  },
};
export default rule;
