import type { Rule } from '../types.js';

/*
 * The network says outright that it dropped the traffic: a VPC flow log record ending in `REJECT OK` (a security group
 * or network ACL refused that flow), or a tool naming a security group or network ACL that does not allow it. That is
 * the cause, wherever the timeout it produces is reported.
 */
const rule: Rule = {
  id: 'traffic-rejected',
  category: 'network-sg',
  match: [
    {
      re: /(?<what>^\s*\d+\s+\S+\s+eni-\w+\s+[\d.:a-f]+\s+[\d.:a-f]+\s+\d+\s+\d+\s+\d+\s+\d+\s+\d+\s+\d+\s+\d+\s+REJECT\s+OK\b|(?:[Ss]ecurity [Gg]roup|[Nn]etwork ACL|NACL)\s+(?:\S+\s+)?(?:does not allow|doesn't allow|is not allowing|blocks|denies)\s+(?:\w+\s+)?(?:traffic|inbound|outbound|ingress|egress|access|connections?)\b[^\n]*)/,
    },
  ],
  cause: 'Traffic to or from {service} is rejected by a security group or network ACL: {what}',
  fix: 'Add the missing rule: inbound on the target from the source security group (or CIDR) and port, outbound on the source; for network ACLs, allow both directions including the ephemeral return ports (1024-65535).',
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
    ],
    noMatch: [
      [
        [
          'log',
          '2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1418530010 1418530070 ACCEPT OK',
        ],
      ],
      [['log', 'created security group sg-0123 for the load balancer']],
    ],
  },
};
export default rule;
