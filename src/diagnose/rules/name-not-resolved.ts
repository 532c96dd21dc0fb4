import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'name-not-resolved',
  category: 'dependency-unreachable',
  match: [
    {
      re: /getaddrinfo (?:ENOTFOUND|EAI_AGAIN) (?<host>[\w.-]+)|connecting to (?<host2>[\w.-]+):\d+\. Name does not resolve|Name does not resolve|Name or service not known|Temporary failure in name resolution|UnknownHostException: (?<host3>[\w.-]+)/,
    },
  ],
  cause:
    '{service} could not resolve the dependency host name {host,host2,host3|it was given}, so it never reached it.',
  fix: 'Check the dependency is deployed and registered under that name (Service Connect / Cloud Map namespace, or the exact RDS / ElastiCache endpoint) and that the VPC has DNS resolution and DNS hostnames enabled.',
  confidence: 0.6,
  beats: ['uncaught-exception'],
  examples: {
    match: [
      [
        [
          'log',
          'redis.exceptions.ConnectionError: Error -2 connecting to redis:6379. Name does not resolve.',
        ],
      ],
      [['log', 'Error: getaddrinfo ENOTFOUND postgres']],
    ],
    noMatch: [[['log', 'resolved redis to 10.0.0.4']]],
  },
};
export default rule;
