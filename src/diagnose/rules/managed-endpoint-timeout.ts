import { BETWEEN_CONTAINERS, CONNECT_TIMEOUT } from '../reachability.js';
import { AWS_NETWORK_SHAPE } from '../aws-context.js';
import type { Rule } from '../types.js';

const DEPENDENCY =
  /(?<dep>redis|elasticache|memcache\w*|\w+\.cache\.amazonaws\.com|\w+\.rds\.amazonaws\.com|kafka|mongo\w*|documentdb|(?<=to )the database)/;

/** Npgsql's connect that got no answer: `Failed to connect to ADDR` with the TimeoutException it wraps on the next line. */
const NPGSQL_CONNECT_TIMEOUT = /Failed to connect to \S+:\d+\b.*?---> System\.TimeoutException/;

/*
 * Connecting to a managed cache, database or broker times out (the packets are dropped, not refused): for ElastiCache,
 * RDS, MSK and the like that is a security group, a route, or a client outside the VPC.
 */
const rule: Rule = {
  id: 'managed-endpoint-timeout',
  category: 'network-sg',
  match: [
    {
      in: ['log', 'localField', 'stoppedReason'],
      span: 2,
      // The timeout in any client's words (CONNECT_TIMEOUT) and the managed store it was reaching, on one or two lines.
      re: new RegExp(
        `^(?=.*?(?:${CONNECT_TIMEOUT.source}|Handshake inactivity timeout|${NPGSQL_CONNECT_TIMEOUT.source}))(?=.*?${DEPENDENCY.source})`,
        'i',
      ),
    },
  ],
  // Between containers on one Docker host there is no security group: that timeout is the dependency's state.
  unless: [{ in: ['log', 'localField'], re: BETWEEN_CONTAINERS }],
  cause:
    'Connections from {service} to {dep} time out: the traffic is dropped on the way, which for a managed endpoint means a security group, a route, or a client running outside its VPC.',
  fix: "Allow {service}'s security group in the inbound rules of {dep}'s security group on its port, run {service} in the same VPC (ElastiCache and RDS without public access are reachable only from inside it), and check the subnets' routes.",
  confidence: 0.6,
  // An awsvpc task or a load balancer timing out on the target too: the timeout is inside AWS networking.
  support: [AWS_NETWORK_SHAPE],
  // A Java client's `Unable to connect to` reads as a store not up (dependency-not-ready) until its cause shows the
  // connect timed out against a managed endpoint: that is dropped packets.
  beats: ['connect-timeout-ambiguous', 'dependency-not-ready'],
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
