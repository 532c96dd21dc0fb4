import type { Rule } from '../types.js';

/*
 * Connecting to a managed cache or database times out (the packets are dropped, not refused): for ElastiCache, RDS,
 * MSK and the like that is a security group, a route, or a client outside the VPC.
 */
const rule: Rule = {
  id: 'managed-endpoint-timeout',
  category: 'network-sg',
  match: [
    {
      in: ['log', 'localField', 'stoppedReason'],
      span: 2,
      re: /^(?=.*?(?:connect ETIMEDOUT|\bETIMEDOUT\b|Operation timed out|[Cc]onnection timed out|connect timed out|Handshake inactivity timeout))(?=.*?(?<dep>redis|elasticache|memcache\w*|\w+\.cache\.amazonaws\.com|\w+\.rds\.amazonaws\.com|kafka|mongo\w*|documentdb|(?<=to )the database))/i,
    },
  ],
  cause:
    'Connections from {service} to {dep} time out: the traffic is dropped on the way, which for a managed endpoint means a security group, a route, or a client running outside its VPC.',
  fix: "Allow {service}'s security group in the inbound rules of {dep}'s security group on its port, run {service} in the same VPC (ElastiCache and RDS without public access are reachable only from inside it), and check the subnets' routes.",
  confidence: 0.6,
  beats: ['connect-timeout-ambiguous'],
  examples: {
    match: [
      [['log', '[Nest] 77739  - 03/16/2023 ERROR [RedisModule] default: connect ETIMEDOUT +10056ms']],
      [['log', 'Redis failed to connect with the following error message: "Operation timed out"']],
      [
        ['log', '[TypeOrmModule] Unable to connect to the database. Retrying (4)...'],
        ['log', 'Error: Handshake inactivity timeout'],
      ],
    ],
    noMatch: [[['log', 'Error: connect ETIMEDOUT 10.0.0.109:5432']]],
  },
};
export default rule;
