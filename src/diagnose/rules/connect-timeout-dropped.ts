import { awayFromLoopback, CONNECT_TIMEOUT, NETWORK_NAMED, ON_ONE_HOST } from '../reachability.js';
import { NETWORK_FACTS } from '../network-facts.js';
import { AWS_CONTEXT } from '../aws-context.js';
import type { Rule } from '../types.js';

const away = awayFromLoopback(CONNECT_TIMEOUT);

/*
 * A connection to another host got no answer at all (a timeout, not a refusal): the packets were dropped on the way.
 * A host that is up but has nothing listening refuses at once; silence is what a security group without the inbound
 * rule, a network ACL, a missing route or a client outside the VPC produce, and also a stopped host or a client bug.
 * So the timeout alone stays `other` first (connect-timeout-ambiguous, as the project decided) with the network named
 * next, and the network goes first when the capture names it too (NETWORK_NAMED: a security group, subnet, NAT, …).
 * Not for loopback (a setting) nor between containers on one Docker host (no security group there).
 */
const rule: Rule = {
  id: 'connect-timeout-dropped',
  category: 'network-sg',
  match: [away.match],
  unless: [ON_ONE_HOST, away.loopbackAfter],
  cause:
    'Connections from {service} to a dependency time out: nothing answered, so the traffic is being dropped on the way (a security group without an inbound rule for {service}, a network ACL, or no route between the subnets) rather than refused by a host that is down.',
  fix: "Allow {service}'s security group (or its subnets' CIDR) in the inbound rules of the dependency's security group on its port, check the network ACLs both ways (with the ephemeral return ports) and that both subnets route to each other (same VPC, or peering/transit routes); a managed database or cache without public access is reachable only from inside its VPC.",
  confidence: 0.35,
  // The task's own network facts (no public IP, isolated subnets) say the same as a named security group; so does the
  // timeout inside AWS networking (an RDS or ElastiCache host, an awsvpc task, a load balancer's Target.Timeout).
  support: [{ re: NETWORK_NAMED }, { re: NETWORK_FACTS }, ...AWS_CONTEXT],
  beats: ['uncaught-exception', 'essential-exited-nonzero', 'local-exit-nonzero'],
  examples: {
    match: [
      [['log', 'Error: connect ETIMEDOUT 10.0.0.109:5432']],
      [['log', 'dial tcp 10.20.3.14:6379: i/o timeout']],
      [
        ['log', 'com.mysql.cj.jdbc.exceptions.CommunicationsException: Communications link failure'],
        ['log', 'Caused by: java.net.SocketTimeoutException: connect timed out'],
      ],
      [
        [
          'log',
          'psycopg2.OperationalError: connection to server at "10.1.4.7", port 5432 failed: Connection timed out',
        ],
      ],
      [['log', "ERROR 2003 (HY000): Can't connect to MySQL server on 'mydb.internal' (110)"]],
      [
        [
          'log',
          'System.Net.Sockets.SocketException (10060): A connection attempt failed because the connected party did not properly respond after a period of time',
        ],
      ],
      [['log', 'redis.exceptions.TimeoutError: Timeout connecting to server']],
    ],
    noMatch: [
      [['log', 'Error: connect ECONNREFUSED 10.0.0.109:5432']],
      [['log', 'Error: connect ETIMEDOUT 127.0.0.1:5432']],
      [['log', 'worker_1    | TimeoutError: [Errno 110] Connection timed out']],
    ],
  },
};
export default rule;
