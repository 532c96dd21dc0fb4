import { awayFromLoopback, HOST_UNREACHABLE, NETWORK_NAMED } from '../reachability.js';
import type { Rule } from '../types.js';

const away = awayFromLoopback(HOST_UNREACHABLE, [
  'log',
  'stoppedReason',
  'containerReason',
  'localField',
  'serviceEvent',
]);

/*
 * Nothing is at the address the connection went to (see HOST_UNREACHABLE): inside a subnet that is a neighbour that
 * does not answer, i.e. the container or task that had the address is stopped, restarting, or was replaced while the
 * client kept its old address (a cached DNS answer, a stale service-discovery record, a Compose link). Security groups
 * and network ACLs drop silently (a timeout) rather than answer this, so the network is the reading only when the
 * capture names a firewall or network rule too, which weakens this one.
 */
const rule: Rule = {
  id: 'host-unreachable',
  category: 'dependency-unreachable',
  match: [away.match],
  unless: [away.loopbackAfter],
  cause:
    'Nothing answered at the address {service} connects to (host unreachable): the dependency that had that address is not running there (stopped, restarting, or replaced with a new address while {service} kept the old one).',
  fix: 'Check that the dependency is running and healthy and at the address {service} uses (re-resolve its name rather than caching an IP; start {service} after it, in a later wave); if it is, look for a host firewall rejecting the port.',
  confidence: 0.5,
  against: [{ re: NETWORK_NAMED }],
  beats: ['uncaught-exception', 'essential-exited-nonzero', 'local-exit-nonzero'],
  examples: {
    match: [
      [['log', 'Error: connect EHOSTUNREACH 10.0.2.15:5432']],
      [['log', 'java.net.NoRouteToHostException: No route to host (Host unreachable)']],
      [
        [
          'log',
          '2019/11/26 10:00:00 [error] 7#7: *1 connect() failed (113: Host is unreachable) while connecting to upstream',
        ],
      ],
      [['log', 'SQLSTATE[HY000] [2002] No route to host']],
    ],
    noMatch: [
      [['log', 'OSError: [Errno 101] Network is unreachable']],
      [['log', 'Error: connect ECONNREFUSED 10.0.2.15:5432']],
    ],
  },
};
export default rule;
