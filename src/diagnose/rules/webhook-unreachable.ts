import type { Rule } from '../types.js';

/*
 * The Kubernetes API server called an admission webhook and got no answer (`failed calling webhook … context deadline
 * exceeded`, `dial tcp …:9443: i/o timeout`). The API server runs in the managed control plane, outside the nodes'
 * network, and calls the webhook pod directly on its target port: EKS's cluster security group and GKE's private-cluster
 * firewall allow only 443 and 10250 to the nodes by default, so a webhook on 8443 or 9443 is silently dropped. A
 * refusal instead (`connect: connection refused`) means the webhook's pod is not running yet, and is read as such by
 * connection-refused.
 */
const rule: Rule = {
  id: 'webhook-unreachable',
  category: 'network-sg',
  match: [
    {
      in: ['log', 'stackEvent', 'localField', 'serviceEvent'],
      re: /failed (?:calling|to call) webhook "?(?<webhook>[\w.-]+)?[^\n]*?(?:context deadline exceeded|i\/o timeout|Client\.Timeout exceeded|request canceled while waiting for connection|connect: no route to host)/,
    },
  ],
  cause:
    "The Kubernetes API server gets no answer from the admission webhook {webhook|it calls}: the control plane cannot reach the webhook pod on its port through the nodes' security group or firewall.",
  fix: "Allow the control plane to reach the nodes on the webhook's target port (EKS: an inbound rule on the node security group from the cluster security group, e.g. TCP 9443; GKE private clusters: a firewall rule from the master CIDR), or serve the webhook on a port already allowed (443 or 10250).",
  confidence: 0.7,
  beats: ['connect-timeout-dropped', 'connect-timeout-ambiguous'],
  examples: {
    match: [
      [
        [
          'log',
          'Error from server (InternalError): Internal error occurred: failed calling webhook "vingress.elbv2.k8s.aws": failed to call webhook: Post "https://aws-load-balancer-webhook-service.kube-system.svc:443/validate?timeout=10s": context deadline exceeded',
        ],
      ],
      [
        [
          'log',
          'Internal error occurred: failed calling webhook "check.example.sh": Post https://svc.ns.svc:443/admit?timeout=3s: dial tcp 10.2.0.3:8443: i/o timeout',
        ],
      ],
    ],
    noMatch: [
      [
        [
          'log',
          'Internal error occurred: failed calling webhook "mschedule.kb.io": failed to call webhook: Post "https://x.svc:443/mutate?timeout=5s": dial tcp 10.96.111.170:443: connect: connection refused',
        ],
      ],
    ],
  },
};
export default rule;
