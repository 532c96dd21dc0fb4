import type { Rule } from '../types.js';

/*
 * The Docker daemon could not write the NAT or filter rules that publish a port, because the host's iptables chains it
 * created at start are gone (firewalld or another tool reloaded the rules, a kernel updated without a reboot):
 * `driver failed programming external connectivity … iptables: No chain/target/match by that name`, firewalld's
 * `COMMAND_FAILED`, the daemon failing to create its own `DOCKER` chain. The host needs its daemon restarted; the port
 * the service asks for is not taken, so this is not the port-binding finding the same daemon sentence usually is.
 */
const rule: Rule = {
  id: 'host-firewall-rules-lost',
  category: 'other',
  match: [
    {
      not: /port is already allocated|address already in use/,
      re: /(?<what>iptables(?: failed)?:[^\n]{0,200}?No chain\/target\/match by that name|\(COMMAND_FAILED: '[^']*iptables[^\n]{0,120}|Failed to (?:create|program) (?:NAT|FILTER) chain DOCKER[^\n]{0,60}|Unable to enable (?:SKIP DNAT|NAT) rule[^\n]{0,60}|iptables: Chain '?DOCKER[\w-]*'? does not exist)/,
    },
  ],
  cause:
    "The Docker daemon on the host could not program the firewall rules that publish {service}'s port ({what}); its iptables chains were removed under it.",
  fix: 'Restart the Docker daemon on the host (it recreates its chains), and stop firewalld or other rule managers from flushing them (start Docker after them, or let them manage the DOCKER chains).',
  confidence: 0.9,
  beats: ['port-in-use', 'host-port-mapped-twice', 'port-taken-on-instance'],
  examples: {
    match: [
      [
        [
          'log',
          'docker: Error response from daemon: driver failed programming external connectivity on endpoint web (4f1d): iptables failed: iptables --wait -t nat -A DOCKER -p tcp -d 0/0 --dport 8080 -j DNAT --to-destination 172.17.0.2:8080 ! -i docker0: iptables: No chain/target/match by that name.',
        ],
      ],
      [
        [
          'log',
          "Error starting daemon: Error initializing network controller: error obtaining controller instance: Failed to create NAT chain DOCKER: iptables failed: iptables -t nat -N DOCKER: iptables v1.8.4: can't initialize iptables table `nat'",
        ],
      ],
    ],
    noMatch: [
      [
        [
          'log',
          'Error response from daemon: driver failed programming external connectivity on endpoint web (4f1d): Bind for 0.0.0.0:8080 failed: port is already allocated',
        ],
      ],
    ],
  },
};
export default rule;
