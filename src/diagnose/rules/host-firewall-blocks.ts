import { CONNECT_TIMEOUT, NO_ROUTE } from '../reachability.js';
import type { Rule } from '../types.js';

/*
 * The host's own firewall is shown rejecting or dropping, beside a connection that failed: the rule shown is the
 * cause, not the service it was meant to reach. One meaning in each firewall's wording: an iptables listing or save
 * line that rejects (`REJECT … reject-with icmp-host-prohibited`, `-j REJECT`, a chain with `policy DROP`), nftables'
 * `reject with icmp type host-prohibited` / `policy drop;`, ufw's `[UFW BLOCK]` kernel log, firewalld's
 * `FINAL_REJECT` / `filter_IN_…_REJECT` log prefixes. A rule listing alone is routine (Docker's own isolation chains
 * drop by design), so a failed connection must be in the capture too. Docker's missing chains (`No chain/target/match`,
 * firewalld's COMMAND_FAILED) are the daemon's state, host-firewall-rules-lost's.
 */
const BLOCK = [
  String.raw`^\s*(?:REJECT|DROP)\s+(?:all|tcp|udp|icmp|\d+)\s+--\s+\S+\s+\S+[^\n]*reject-with`,
  String.raw`reject-with icmp6?-(?:host|port|net|admin)-(?:prohibited|unreachable)`,
  String.raw`-A (?:INPUT|FORWARD|DOCKER-USER)\b[^\n]*-j (?:REJECT|DROP)\b`,
  String.raw`Chain (?:INPUT|FORWARD|DOCKER-USER) \(policy DROP`,
  String.raw`reject with icmpx? (?:type )?(?:host-prohibited|admin-prohibited|host-unreachable)`,
  String.raw`chain (?:input|forward)\s*\{[^\n]*policy drop;`,
  String.raw`\[UFW BLOCK\]`,
  String.raw`\b(?:FINAL_REJECT|filter_(?:IN|FWD)_\w+_(?:REJECT|DROP)):`,
].join('|');
const FAILED = new RegExp(
  `${CONNECT_TIMEOUT.source}|${NO_ROUTE.source}|ECONNREFUSED|[Cc]onnection refused|Could not resolve|Temporary failure in name resolution`,
);
const rule: Rule = {
  id: 'host-firewall-blocks',
  category: 'network-sg',
  match: [
    {
      in: ['log', 'localField', 'healthOutput'],
      re: new RegExp(BLOCK, 'm'),
      not: /No chain\/target\/match|COMMAND_FAILED|iptables failed|driver failed programming/,
    },
    { in: ['log', 'localField', 'healthOutput', 'stoppedReason'], re: FAILED },
  ],
  cause:
    "The host's firewall rejects or drops the traffic {service} needs (a REJECT/DROP rule or policy is shown beside the failed connection).",
  fix: 'Add an accept rule for that traffic ahead of the reject (for containers: from the Docker bridge subnet, in INPUT for the host and in DOCKER-USER or FORWARD for traffic through it), or open the port in ufw/firewalld, and persist the rule.',
  confidence: 0.7,
  beats: [
    'host-unreachable',
    'connect-timeout-ambiguous',
    'connect-timeout-dropped',
    'compose-dependency-timeout',
    'connection-refused',
    'name-not-resolved',
  ],
  examples: {
    match: [
      [
        [
          'log',
          'REJECT     all  --  0.0.0.0/0            0.0.0.0/0            reject-with icmp-host-prohibited',
        ],
        ['log', 'curl: (7) Failed to connect to host.docker.internal port 3001: No route to host'],
      ],
      [
        ['log', 'kernel: [UFW BLOCK] IN=docker0 OUT= SRC=172.17.0.2 DST=172.17.0.1 PROTO=TCP DPT=5432'],
        ['log', 'Error: connect ETIMEDOUT 172.17.0.1:5432'],
      ],
    ],
    noMatch: [
      [
        ['log', 'DROP       all  --  anywhere             anywhere'],
        ['log', 'Error: connect ETIMEDOUT 172.17.0.1:5432'],
      ],
      [
        [
          'log',
          'iptables failed: iptables --wait -t nat -A DOCKER -p tcp --dport 8080 -j DNAT: iptables: No chain/target/match by that name.',
        ],
        ['log', 'curl: (7) Failed to connect to localhost port 8080: Connection refused'],
      ],
      [['log', 'curl: (7) Failed to connect to host.docker.internal port 3001: No route to host']],
    ],
  },
};
export default rule;
