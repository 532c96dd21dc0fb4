import type { Rule } from '../types.js';

/*
 * A connection that times out was dropped on the way, not refused: nothing answered, not even with a reset. Inside a
 * VPC that is most often a security group or NACL without the port, or a subnet with no route to the address. The same
 * line also comes from a host that is down or a client bug (one public report was fixed by upgrading the DB driver),
 * so the confidence stays low and any named dependency or managed endpoint outranks it. One meaning, many phrasings:
 * Node's `connect ETIMEDOUT`, Java's `connect timed out`, Python's `[Errno 110] Connection timed out`, Go's
 * `dial tcp …: i/o timeout`, libpq's `timeout expired`.
 */
const rule: Rule = {
  id: 'connect-timeout',
  category: 'network-sg',
  match: [
    {
      in: ['log', 'stoppedReason', 'containerReason', 'localField', 'healthOutput'],
      re: /connect ETIMEDOUT (?<addr>[\w.:-]+:\d+)|\bETIMEDOUT\b|connect timed out|\[Errno 110\] Connection timed out|dial tcp (?<addr2>[\w.:[\]-]+:\d+): (?:i\/o timeout|connect: connection timed out)/,
    },
  ],
  cause:
    'Connections from {service} to {addr,addr2|a dependency} time out: the packets are dropped on the way, most often by a security group, a network ACL or a missing route.',
  fix: "Check, in order: that the dependency's security group allows {service}'s security group on that port (and the network ACLs both ways), that {service}'s subnet has a route to the address, that the dependency is running there, and the client library's known issues.",
  confidence: 0.45,
  examples: {
    match: [
      [['log', 'Error: connect ETIMEDOUT 10.0.0.109:5432']],
      [['log', 'dial tcp 10.0.3.12:6379: i/o timeout']],
      [['log', 'java.net.SocketTimeoutException: connect timed out']],
    ],
    noMatch: [[['log', 'Error: connect ECONNREFUSED 10.0.0.109:5432']]],
  },
};
export default rule;
