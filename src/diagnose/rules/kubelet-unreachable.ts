import type { Rule } from '../types.js';

/*
 * A cluster component (metrics-server, the API server's logs and exec, Prometheus) calls a node's kubelet on 10250 and
 * gets no answer: the kubelet is up on every node that runs pods, so silence is the network between them, a node or
 * pod security group without an inbound rule for 10250 (EKS Fargate pods use the cluster security group; a managed
 * node group its own), or a firewall on the node. metrics-server's `Failed to scrape node, timeout to access kubelet`
 * and `unable to fetch metrics from Kubelet`, and any client's request to :10250 that timed out.
 */
const NO_ANSWER = String.raw`context deadline exceeded|i\/o timeout|Client\.Timeout exceeded|connect: no route to host|connection timed out`;
const rule: Rule = {
  id: 'kubelet-unreachable',
  category: 'network-sg',
  match: [
    {
      in: ['log', 'localField', 'serviceEvent'],
      re: new RegExp(
        String.raw`(?:timeout to access kubelet|unable to fetch (?:node )?metrics from [Kk]ubelet|[Ff]ailed to scrape node)[^\n]*?(?:${NO_ANSWER})|(?<addr>[\w.<>-]+):10250\b[^\n]*?(?:${NO_ANSWER})`,
      ),
    },
  ],
  cause:
    'Requests to the kubelet on port 10250 of {addr|a node} get no answer: the kubelet is running, so the traffic is being dropped between the caller and the node.',
  fix: "Allow inbound TCP 10250 to the nodes from the caller's security group (EKS: on the node group's security group and, for Fargate pods, on the cluster security group; from the control plane for logs and exec), and open 10250 in any firewall on the nodes.",
  confidence: 0.65,
  beats: ['connect-timeout-dropped', 'connect-timeout-ambiguous', 'request-no-answer'],
  examples: {
    match: [
      [
        [
          'log',
          'E0627 02:16:27.208309 1 scraper.go:147] "Failed to scrape node, timeout to access kubelet" err="Get \\"https://10.0.4.17:10250/metrics/resource\\": context deadline exceeded" node="fargate-ip-10-0-4-17.us-east-2.compute.internal"',
        ],
      ],
      [
        [
          'log',
          'unable to fully scrape metrics: unable to fetch metrics from Kubelet ip-10-0-1-5 (10.0.1.5): Get https://10.0.1.5:10250/stats/summary: dial tcp 10.0.1.5:10250: i/o timeout',
        ],
      ],
      [
        [
          'log',
          'Error from server: Get "https://10.0.2.9:10250/containerLogs/default/api-7d9/api": dial tcp 10.0.2.9:10250: i/o timeout',
        ],
      ],
    ],
    noMatch: [
      [['log', 'dial tcp 10.0.1.5:10250: connect: connection refused']],
      [['log', 'dial tcp 10.0.3.12:6379: i/o timeout']],
    ],
  },
};
export default rule;
