import type { Rule } from '../types.js';

/*
 * The members of a cluster run but cannot reach each other on their cluster ports: gossip, raft, routing or overlay
 * traffic between instances is not let through by their security groups (or host firewall), often one protocol only
 * (memberlist's UDP probes). The fix is a rule between the instances, so network-sg whatever the clustered tool:
 * memberlist's (Consul, Nomad, Serf) `Was able to connect to … but other probes failed, network may be misconfigured`,
 * `no acks received`, `Push/Pull with … failed` / `Failed to receive remote state`; Docker Swarm's `Timeout was
 * reached before node was joined`; etcd's peer prober `health check for peer … could not connect: … i/o timeout`;
 * Calico's `BIRD is not ready: BGP not established with`. A refused peer connection (nothing listening yet) is left
 * out.
 */
const rule: Rule = {
  id: 'cluster-peers-unreachable',
  category: 'network-sg',
  match: [
    {
      in: ['log', 'containerReason', 'stoppedReason', 'localField', 'serviceEvent'],
      re: /(?<what>Was able to connect to \S+ but other probes failed, network may be misconfigured|memberlist: Suspect \S+ has failed, no acks received|memberlist: Push\/Pull with \S+ failed|memberlist: Failed to receive remote state|Timeout was reached before node was joined|health check for peer \S+ could not connect: [^\n]*?(?:i\/o timeout|context deadline exceeded)|BGP not established with [\d.,]+)/,
    },
  ],
  cause:
    "{service}'s cluster members could not reach each other on their cluster ports ({what}): the traffic between the instances is not allowed.",
  fix: "Allow the cluster's ports between its members in their security groups (a self-referencing rule): Consul/Nomad gossip 8301-8302 TCP and UDP and 8300, Docker Swarm 2377 TCP, 7946 TCP/UDP and 4789 UDP, etcd peers 2380, Calico BGP 179; check host firewalls and network ACLs too.",
  confidence: 0.7,
  beats: [
    'essential-exited-nonzero',
    'local-exit-nonzero',
    'connect-timeout-ambiguous',
    'connect-timeout-dropped',
  ],
  examples: {
    match: [
      [['log', 'memberlist: Failed to receive remote state: EOF']],
      [
        [
          'log',
          'Error response from daemon: Timeout was reached before node was joined. Attempt to join the cluster will continue in the background.',
        ],
      ],
      [
        [
          'log',
          '[WARN]  agent.server.memberlist.lan: memberlist: Was able to connect to node-2 but other probes failed, network may be misconfigured',
        ],
      ],
      [['log', 'calico/node is not ready: BIRD is not ready: BGP not established with 10.0.1.12']],
    ],
    noMatch: [
      [
        [
          'log',
          'health check for peer 8e9e05c52164694d could not connect: dial tcp 10.0.0.2:2380: connect: connection refused',
        ],
      ],
    ],
  },
};
export default rule;
