import { awayFromLoopback, HOST_UNREACHABLE, NETWORK_NAMED } from '../reachability.js';
import type { Rule } from '../types.js';

const away = awayFromLoopback(HOST_UNREACHABLE, ['log', 'localField', 'serviceEvent']);

/*
 * The other reading of "no route to host" (host-unreachable reads the dependency first): a host firewall rejecting
 * the connection. firewalld's and iptables' default REJECT answers with ICMP host-prohibited, which clients print as
 * "no route to host", so a firewall on the Docker host or a Kubernetes node (firewalld, ufw, a node image's INPUT
 * chain) reads exactly like a stopped dependency. Named next, and first when the capture names a firewall or network
 * rule too. AWS security groups drop silently instead (a timeout), so the fix names the host's firewall.
 */
const rule: Rule = {
  id: 'host-unreachable-firewall',
  category: 'network-sg',
  match: [away.match],
  unless: [away.loopbackAfter],
  cause:
    "{service}'s connection was answered with \"no route to host\": besides a dependency that is not running, that is what a host firewall rejecting the port says (firewalld's and iptables' REJECT send ICMP host-prohibited).",
  fix: "If the dependency is running at that address, look at the firewall of the host or node it runs on (`firewall-cmd --list-all`, `ufw status`, `iptables -L INPUT -n`): allow the port from the caller's address or the container network (e.g. 172.16.0.0/12 for Docker's bridges), then restart Docker so it re-creates its own rules.",
  confidence: 0.45,
  support: [{ re: NETWORK_NAMED }, { re: /firewalld|\bufw\b|iptables|host-prohibited|REJECT/ }],
  examples: {
    match: [
      [['log', 'curl: (7) Failed to connect to 192.168.1.20 port 8080: Host is unreachable']],
      [
        [
          'log',
          'Failed to list *v1.Namespace: Get "https://10.100.0.1:443/api/v1/namespaces?limit=500": dial tcp 10.100.0.1:443: connect: no route to host',
        ],
      ],
    ],
    noMatch: [
      [['log', 'dial tcp 127.0.0.1:5432: connect: no route to host']],
      [['log', 'dial tcp 10.0.3.12:6379: i/o timeout']],
    ],
  },
};
export default rule;
