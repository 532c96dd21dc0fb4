import type { Rule } from '../types.js';

/*
 * The health check connected but gave up waiting for the answer: Docker's `Health check exceeded timeout (1s)`, a
 * kubelet probe's `Client.Timeout exceeded while awaiting headers` (timeoutSeconds defaults to 1), grpc_health_probe's
 * `health rpc did not complete within`. The app answers, slower than the check allows; a timeout before any connection
 * (a load balancer's `Request timed out`, `i/o timeout`) is the network's and is left to those rules.
 */
const rule: Rule = {
  id: 'health-check-timed-out',
  category: 'health-check-command',
  match: [
    {
      in: ['healthOutput', 'log', 'localField'],
      re: /(?<what>Health check exceeded timeout \([^)]*\)|(?:Liveness|Readiness|Startup) probe failed: [^\n]{0,200}?Client\.Timeout exceeded while awaiting headers|health rpc did not complete within \S+)/,
      not: /waiting for connection/,
    },
  ],
  cause:
    "{service}'s health check reached the app but gave up waiting for its answer ({what}): the check's timeout is shorter than the app takes to answer it.",
  fix: "Raise the health check's timeout (Docker `--health-timeout` / `timeout:`, Kubernetes `timeoutSeconds`, ECS `timeout`) and give the check a cheap endpoint that does not wait on dependencies.",
  confidence: 0.62,
  beats: ['local-unhealthy', 'container-health-failed'],
  examples: {
    match: [
      [['healthOutput', 'Health check exceeded timeout (1s)']],
      [
        [
          'log',
          'Warning  Unhealthy  kubelet  Liveness probe failed: Get "http://10.1.0.12:8080/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)',
        ],
      ],
    ],
    noMatch: [
      [
        [
          'log',
          'Get "https://api.ecr.us-east-1.amazonaws.com/": net/http: request canceled while waiting for connection (Client.Timeout exceeded while awaiting headers)',
        ],
      ],
    ],
  },
};
export default rule;
