import { awayFromLoopback, FAILURE_KINDS, NO_ROUTE, ON_ONE_HOST } from '../reachability.js';
import type { Rule } from '../types.js';

const away = awayFromLoopback(NO_ROUTE, [...FAILURE_KINDS, 'serviceEvent']);

/*
 * The network says it has no path to the address (see NO_ROUTE): not a host that refused, nor a name that did not
 * resolve, but a route that is missing or a firewall rejecting with host-unreachable, e.g. a private subnet with no NAT
 * gateway, subnets in unpeered VPCs, an IPv6 address from a network without IPv6, a host firewall in front of the
 * container network. Loopback is the setting's question (the IPv6 localhost a client tried first), so it is left out.
 */
const rule: Rule = {
  id: 'network-unreachable',
  category: 'network-sg',
  match: [away.match],
  unless: [ON_ONE_HOST, away.loopbackAfter],
  cause:
    '{service} has no network path to the address it connects to (no route to the host or network): a route table, NAT gateway, peering or firewall rule is missing between them.',
  fix: "Check the route tables of {service}'s subnets (a NAT gateway or internet gateway for the internet, peering or transit routes for another VPC), the network ACLs and security groups on both sides, and whether the target has an address family (IPv4/IPv6) the task's network supports.",
  confidence: 0.55,
  beats: [
    'connect-timeout-ambiguous',
    'connection-refused',
    'uncaught-exception',
    'essential-exited-nonzero',
    'local-exit-nonzero',
  ],
  examples: {
    match: [
      [['log', 'Error: connect EHOSTUNREACH 10.0.2.15:5432']],
      [['log', 'java.net.NoRouteToHostException: No route to host (Host unreachable)']],
      [['log', 'OSError: [Errno 101] Network is unreachable']],
      [['log', 'dial tcp 10.8.0.12:443: connect: no route to host']],
      [['log', 'Error: connect ENETUNREACH 2600:1f18:1234::5:443 - Local (:::0)']],
    ],
    noMatch: [
      [
        [
          'log',
          'could not connect to server: Network is unreachable Is the server running on host "localhost" (::1)',
        ],
      ],
      [['log', 'Error: connect ECONNREFUSED 10.0.2.15:5432']],
      [['log', 'Connection Error: No route to host: pg-db/172.19.0.2:5432']],
    ],
  },
};
export default rule;
