import type { Rule } from '../types.js';

/*
 * The network says outright that it dropped the traffic: a VPC flow log record ending in `REJECT OK` (a security group
 * or network ACL refused that flow), or a tool naming a security group or network ACL that does not allow it. That is
 * the cause, wherever the timeout it produces is reported. The other enforcers' own deny records say the same (session
 * 11 part h): Cilium's monitor `drop (Policy denied)`, Hubble's `Policy denied DROPPED` and `policy-verdict:… DENIED`,
 * the EKS network policy agent's `PolicyVerdict: DENY`, AWS Network Firewall's alert with `"action":"blocked"`, the
 * Windows Firewall log's `DROP TCP` record. The host's iptables, nftables, ufw and firewalld listings are routine
 * alone (Docker's own chains drop by design) and stay host-firewall-blocks', which wants the failed connection too.
 */
const ENFORCER_DENIED = [
  String.raw`\bdrop \(Policy denied\)[^\n]*`,
  String.raw`Policy denied DROPPED[^\n]*`,
  String.raw`policy-verdict:\S+ (?:INGRESS|EGRESS) DENIED[^\n]*`,
  String.raw`PolicyVerdict: ?DENY\b`,
  String.raw`"event_type": ?"alert"[^\n]*?"action": ?"blocked"`,
  String.raw`^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d DROP (?:TCP|UDP) [\d.:a-f]+ [\d.:a-f]+ \d+ \d+\b`,
].join('|');
const rule: Rule = {
  id: 'traffic-rejected',
  category: 'network-sg',
  match: [
    {
      re: new RegExp(
        String.raw`(?<what>^\s*\d+\s+\S+\s+eni-\w+\s+[\d.:a-f]+\s+[\d.:a-f]+\s+\d+\s+\d+\s+\d+\s+\d+\s+\d+\s+\d+\s+\d+\s+REJECT\s+OK\b|${ENFORCER_DENIED}|(?:[Ss]ecurity [Gg]roup|[Nn]etwork ACL|NACL)\s+(?:\S+\s+)?(?:does not allow|doesn't allow|is not allowing|blocks|denies)\s+(?:\w+\s+)?(?:traffic|inbound|outbound|ingress|egress|access|connections?)\b[^\n]*)`,
        'm',
      ),
    },
  ],
  cause:
    'Traffic to or from {service} is rejected by a security group, network ACL, network policy or firewall: {what}',
  fix: 'Add the missing rule where the record came from (a security group, network ACL, NetworkPolicy or firewall): inbound on the target from the source security group (or CIDR) and port, outbound on the source; for network ACLs, allow both directions including the ephemeral return ports (1024-65535).',
  confidence: 0.8,
  beats: ['connect-timeout-ambiguous'],
  examples: {
    match: [
      [
        [
          'log',
          '2 123456789010 eni-1235b8ca123456789 172.31.9.69 172.31.9.12 49761 3389 6 20 4249 1418530010 1418530070 REJECT OK',
        ],
      ],
      [['log', 'Error: security group sg-0123 does not allow inbound traffic on port 5432 from 10.0.1.0/24']],
      [
        [
          'log',
          'shop/api-7d9c4 (ID:48213) <> shop/postgres-0:5432 (ID:31544) Policy denied DROPPED (TCP Flags: SYN)',
        ],
      ],
      [['log', 'SIP: 10.0.1.23;SPORT: 41234;DIP: 10.0.2.51;DPORT: 6379;PROTOCOL: TCP;PolicyVerdict: DENY']],
    ],
    noMatch: [
      [
        [
          'log',
          '2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1418530010 1418530070 ACCEPT OK',
        ],
      ],
      [['log', 'created security group sg-0123 for the load balancer']],
      [['log', 'SIP: 10.0.1.23;SPORT: 41234;DIP: 10.0.2.51;DPORT: 6379;PROTOCOL: TCP;PolicyVerdict: ACCEPT']],
    ],
  },
};
export default rule;
