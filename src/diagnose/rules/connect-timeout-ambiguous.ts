import { CONNECT_TIMEOUT } from '../reachability.js';
import type { Rule } from '../types.js';

/*
 * A bare connect timeout is filed under `other` on purpose: the packets were dropped, not refused, and the same line
 * comes from a blocking security group or NACL, a missing route, a stopped host and client bugs (one public report was
 * fixed by upgrading the DB driver), so naming one would mislead; a named managed endpoint or dependency outranks it.
 * One meaning, many phrasings (CONNECT_TIMEOUT in reachability.ts): Node's `connect ETIMEDOUT`, Java's `connect timed out`,
 * Python's `[Errno 110] Connection timed out`, Go's `dial tcp …: i/o timeout`, and the rest of the family. The network is
 * named beside it by connect-timeout-dropped, and first when the capture names the network too.
 */
const rule: Rule = {
  id: 'connect-timeout-ambiguous',
  category: 'other',
  match: [
    {
      in: ['log', 'stoppedReason', 'containerReason', 'localField', 'healthOutput'],
      // The address when the client names it, else any phrasing of the family (CONNECT_TIMEOUT).
      re: new RegExp(
        `connect ETIMEDOUT (?<addr>[\\w.:-]+:\\d+)|dial tcp (?<addr2>[\\w.:[\\]-]+:\\d+): (?:i\\/o timeout|connect: connection timed out)|${CONNECT_TIMEOUT.source}`,
      ),
    },
  ],
  cause:
    'Connections from {service} to {addr,addr2|a dependency} time out; a timeout alone does not show whether a security group or route drops the traffic, the host is down, or the client misbehaves.',
  fix: "Check, in order: that the dependency's security group allows {service}'s security group on that port (and the network ACLs both ways), that {service}'s subnet has a route to the address, that the dependency is running there, and the client library's known issues.",
  confidence: 0.4,
  // The timeout is why the container exited, so it outranks the bare exit.
  beats: ['essential-exited-nonzero', 'local-exit-nonzero'],
  examples: {
    match: [
      [
        [
          'log',
          'upstream connect error or disconnect/reset before headers. reset reason: connection timeout',
        ],
      ],
      [
        [
          'log',
          '(70007)The timeout specified has expired: AH00957: http: attempt to connect to 10.0.2.41:8080 (orders) failed',
        ],
      ],
      [['log', 'Redis::CannotConnectError: Timed out connecting to Redis on cache:6379']],
      [['log', 'Error: connect ETIMEDOUT 10.0.0.109:5432']],
      [['log', 'dial tcp 10.0.3.12:6379: i/o timeout']],
      [['log', 'java.net.SocketTimeoutException: connect timed out']],
    ],
    noMatch: [[['log', 'Error: connect ECONNREFUSED 10.0.0.109:5432']]],
  },
};
export default rule;
