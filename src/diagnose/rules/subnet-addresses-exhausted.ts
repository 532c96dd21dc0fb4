import type { Rule } from '../types.js';

/*
 * Every task or instance in a VPC takes an address from its subnet; when the subnet is full nothing more can be
 * placed, however much CPU and memory is free. EC2's and the VPC CNI's InsufficientFreeAddressesInSubnet, Auto Scaling's
 * "not enough free addresses in subnet", ECS's ENI creation errors, GCP's IP_SPACE_EXHAUSTED. A pod network's own address
 * range runs out the same way: host-local's "no IP addresses available in range set", Calico's "IPAM allocated only 0",
 * Cilium's "range is full", AKS's InsufficientSubnetSize, prefix delegation's InsufficientCidrBlocks.
 */
const rule: Rule = {
  id: 'subnet-addresses-exhausted',
  category: 'placement-capacity',
  match: [
    {
      re: /(?<what>InsufficientFreeAddressesInSubnet|(?:not enough|insufficient|aren't sufficient) free (?:IPv4 |IP )?addresses|IP_SPACE_EXHAUSTED\w*|IP space of [^\n]{0,120} is exhausted|not enough IP space available in subnet[\w-]*|requires at least \d+ free IP addresses|(?:no|not enough) (?:free|available) IP addresses|failed to assign an IP address to (?:container|pod)|SubnetIsFull|does not have enough (?:free |available )?(?:IP )?addresses|no IP addresses available in range set|InsufficientCidrBlocks|not enough free cidr blocks|InsufficientSubnetSize|exceeds IPs available \d+ in Subnet|IPAM allocated only 0\b|(?:postIpamFailure|unable to allocate IP)[^\n]{0,80}range is full)/i,
    },
  ],
  cause:
    'The subnet {service} is placed in has no free addresses left ({what}), so no new task or instance can start there.',
  fix: 'Add subnets (in more availability zones) to the service, use larger subnets, or release unused network interfaces and addresses.',
  confidence: 0.85,
  examples: {
    match: [
      [
        [
          'stoppedReason',
          'InsufficientFreeAddressesInSubnet: The specified subnet does not have enough free addresses to satisfy the request.',
        ],
      ],
      [
        [
          'log',
          "Status Reason: There are not enough free addresses in subnet 'subnet-0ab' to satisfy the requested number of instances.",
        ],
      ],
      [
        [
          'log',
          'InvalidSubnet: Not enough IP space available in subnet-0727. ELB requires at least 8 free IP addresses in each subnet.',
        ],
      ],
      [['log', 'plugin type="aws-cni" failed (add): add cmd: failed to assign an IP address to container']],
      [
        [
          'log',
          'plugin type="bridge" failed (add): failed to allocate for range 0: no IP addresses available in range set: 10.244.1.1-10.244.1.254',
        ],
      ],
      [
        [
          'log',
          'plugin type="calico" failed (add): failed to request 1 IPv4 addresses. IPAM allocated only 0.',
        ],
      ],
    ],
    noMatch: [[['log', 'Allocated address 10.0.1.23 in subnet-0ab']]],
  },
};
export default rule;
