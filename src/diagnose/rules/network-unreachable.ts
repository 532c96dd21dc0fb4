import { awayFromLoopback, FAILURE_KINDS, NETWORK_UNREACHABLE, ON_ONE_HOST } from '../reachability.js';
import type { Rule } from '../types.js';

const away = awayFromLoopback(NETWORK_UNREACHABLE, [...FAILURE_KINDS, 'serviceEvent']);

/*
 * The sender has no route to the network at all (see NETWORK_UNREACHABLE): not a host that refused, nor a name that
 * did not resolve, nor a host missing from a subnet (host-unreachable), but a route table with nothing for that address:
 * a subnet with no default route (no NAT or internet gateway), unpeered VPCs, an IPv6 address from a network without
 * IPv6. Loopback is the setting's question (the IPv6 localhost a client tried first), so it is left out.
 */
const rule: Rule = {
  id: 'network-unreachable',
  category: 'network-sg',
  match: [away.match],
  unless: [ON_ONE_HOST, away.loopbackAfter],
  cause:
    '{service} has no route to the network of the address it connects to: a route table, NAT or internet gateway, or peering is missing, or the address family (IPv6) is not routed.',
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
      [['log', 'OSError: [Errno 101] Network is unreachable']],
      [['log', "wget: can't connect to remote host (151.101.0.223): Network unreachable"]],
      [['log', 'dial tcp 10.8.0.12:443: connect: network is unreachable']],
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
      [['log', 'Connection Error: No route to host: pg-db/10.0.4.2:5432']],
    ],
  },
};
export default rule;
