import type { Rule } from '../types.js';

/*
 * Docker's embedded DNS server (127.0.0.11, present on user-defined networks) refused the lookup: the name was never
 * resolved, so the dependency behind it was not the one that refused. The server lives behind NAT rules Docker writes
 * in each container's namespace; a host firewall manager (ufw, firewalld, a flushed iptables, `"iptables": false`)
 * that breaks them leaves the address with nothing behind it. One meaning in each resolver's words: Go's
 * `lookup … on 127.0.0.11:53: read udp …: connection refused`, BIND's dig/host/nslookup
 * `communications error to 127.0.0.11#53: connection refused`, dnspython's
 * `Server Do53:127.0.0.11@53 answered [Errno 111] Connection refused`. nginx's hard-coded `resolver 127.0.0.11` on a
 * network without the embedded server is configuration, not this, so nginx's wording is left out; a timeout or
 * `no such host` from the same server is a name or a network, not a refusal.
 */
const rule: Rule = {
  id: 'embedded-dns-refused',
  category: 'network-sg',
  match: [
    {
      re: /(?<what>lookup \S+ on 127\.0\.0\.11:53: [^\n]{0,80}?[Cc]onnection refused|communications error to 127\.0\.0\.11#53: [Cc]onnection refused|127\.0\.0\.11@53 answered [^\n]{0,20}?[Cc]onnection refused)/,
    },
  ],
  cause:
    "Docker's embedded DNS server refused {service}'s name lookup ({what}), so no name on the network could be resolved; a host firewall manager has usually broken the rules Docker writes for it.",
  fix: "Check the host's firewall (ufw, firewalld, iptables set-up) for rules that interfere with Docker's, restart the Docker daemon so it rewrites its rules, and let Docker manage its own chains.",
  confidence: 0.8,
  beats: ['connection-refused', 'loopback-dependency-refused'],
  examples: {
    match: [
      [
        [
          'log',
          'dial tcp: lookup loki on 127.0.0.11:53: read udp 127.0.0.1:51234->127.0.0.11:53: read: connection refused',
        ],
      ],
      [['log', ';; communications error to 127.0.0.11#53: connection refused']],
      [['log', 'Server Do53:127.0.0.11@53 answered [Errno 111] Connection refused']],
    ],
    noMatch: [
      [['log', 'dial tcp: lookup db on 127.0.0.11:53: no such host']],
      [
        [
          'log',
          'dial tcp: lookup mysql on 127.0.0.11:53: read udp 127.0.0.1:36350->127.0.0.11:53: i/o timeout',
        ],
      ],
      [['log', 'send() failed (111: Connection refused) while resolving, resolver: 127.0.0.11:53']],
    ],
  },
};
export default rule;
