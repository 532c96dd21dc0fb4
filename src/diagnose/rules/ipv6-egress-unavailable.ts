import type { Rule } from '../types.js';

/*
 * An outgoing connection to a global IPv6 address fails at once with "cannot assign requested address" or "network is
 * unreachable": the container has no IPv6 address or route to use (Docker's default bridge is IPv4-only, and so are
 * many hosts and VPC subnets), so the name resolved to an AAAA record the network cannot reach. That is the network's
 * setup, not the far end (which is up) nor a listen address (a bind is port-binding's). Go's `dial tcp [2607:…]:443:
 * connect: …`, Postfix's `connect to host[2a00:…]:25: …`, Node's `connect ENETUNREACH 2606:…:443`. For an IPv6
 * address this is the narrower reading of network-unreachable, so it comes first. Loopback `::1` and link-local
 * `fe80::` are left to the loopback rules.
 */
const V6 = String.raw`(?!::1\])(?![Ff][Ee]80)[0-9A-Fa-f]{0,4}:[0-9A-Fa-fx:]+|<ipv6>`;
const rule: Rule = {
  id: 'ipv6-egress-unavailable',
  category: 'network-sg',
  match: [
    {
      in: ['log', 'localField', 'healthOutput'],
      re: new RegExp(
        String.raw`(?:dial (?:tcp|udp)6?|connect to \S*?)\s?\[(?<addr>${V6})\]:\d+[^\n]{0,40}?(?:[Cc]annot assign requested address|[Nn]etwork is unreachable)|connect (?:ENETUNREACH|EADDRNOTAVAIL) (?<addr2>(?![Ff][Ee]80)[0-9A-Fa-f]{1,4}:[0-9A-Fa-f:]+)`,
      ),
    },
  ],
  cause:
    '{service} connects to the IPv6 address {addr,addr2|of its destination}, but its network has no IPv6 address or route to send it from, so the connection fails before it leaves the container.',
  fix: "Give the container's network IPv6 (`enable_ipv6: true` on the Compose network with an IPv6 subnet, IPv6 enabled in daemon.json, or a VPC subnet with an IPv6 CIDR and route), or make the client prefer IPv4 (connect to the A record, e.g. `-4`, `--dns-result-order=ipv4first`).",
  confidence: 0.6,
  beats: ['local-exit-nonzero', 'essential-exited-nonzero'],
  examples: {
    match: [
      [
        [
          'log',
          'Get "https://api6.ipify.org?format=text": dial tcp [2607:f2d8:4010:c::2]:443: connect: cannot assign requested address',
        ],
      ],
      [['log', 'connect to aspmx.l.google.com[2a00:1450:400c:c0b::1b]:25: Network is unreachable']],
      [['log', 'Error: connect ENETUNREACH 2606:4700::6810:84e5:443']],
    ],
    noMatch: [
      [['log', 'Errno::EADDRNOTAVAIL: Cannot assign requested address - connect(2) for [::1]:6379']],
      [['log', 'listen udp [fe80::42:aff:fe00:25%eth0]:8542: bind: cannot assign requested address']],
      [['log', 'dial tcp 10.0.3.12:6379: connect: network is unreachable']],
    ],
  },
};
export default rule;
