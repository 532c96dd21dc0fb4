import type { Rule } from '../types.js';

/*
 * The health check was refused while the app was still starting and the same check passed once it had started: the
 * check is right but judged too early (start period, interval or retries too short for the app's boot). Read from a
 * refusal in any tool's words (curl's `(7)`, wget's `can't connect`, a probe's or a health check's `connection refused`)
 * together with the app's access log answering a local check tool (curl, wget, kube-probe, from loopback) with 200.
 * A 200 to anyone else (a load balancer that then times out) says nothing about the check's timing.
 */
const rule: Rule = {
  id: 'health-start-period-short',
  category: 'health-check-command',
  match: [
    {
      in: ['log', 'healthOutput'],
      // A refusal a check tool or a probe printed; a dependency's refusal says nothing about the check's timing.
      re: /curl: \(7\) Failed to connect|can't connect to remote host|probe failed:[^\n]*connection refused|[Hh]ealth ?[Cc]heck[^\n]{0,80}(?:ECONNREFUSED|[Cc]onnection refused)/,
    },
    {
      in: ['log'],
      re: /"(?:GET|HEAD) \/[\w/.-]*\b(?:health\w*|healthz|up|ping|status|ready\w*|live\w*)\b[^"]*" 200\b[^\n]*(?:"(?:curl|Wget|kube-probe)\/|\b(?:127\.0\.0\.1|::1|localhost)\b)|^(?:127\.0\.0\.1|::1|localhost) [^\n]*"(?:GET|HEAD) \/[\w/.-]*\b(?:health\w*|healthz|up|ping|status|ready\w*|live\w*)\b[^"]*" 200\b/,
    },
  ],
  cause:
    "{service}'s health check was refused while the app was still starting, and the same check passed once it had started: the check gives up before the app is ready.",
  fix: 'Lengthen the health check start period (startPeriod / start_period, or the service health check grace period behind a load balancer) to cover the app boot, or raise its retries and interval; keep the check itself.',
  confidence: 0.7,
  beats: [
    'health-nothing-listening',
    'probe-refused',
    'connection-refused',
    'local-unhealthy',
    'container-health-failed',
  ],
  examples: {
    match: [
      [
        ['log', 'curl: (7) Failed to connect to localhost port 8080 after 1 ms: Could not connect to server'],
        ['log', '::1 - - [09/Jun/2025:17:16:30 +0000] "GET /up HTTP/1.1" 200 1936 "-" "curl/8.12.1"'],
      ],
      [
        [
          'log',
          'Warning  Unhealthy  kubelet  Liveness probe failed: Get "http://10.1.2.3:8080/healthz": dial tcp 10.1.2.3:8080: connect: connection refused',
        ],
        [
          'log',
          '10.1.2.1 - - [05/Dec/2026:10:00:41 +0000] "GET /healthz HTTP/1.1" 200 2 "-" "kube-probe/1.29"',
        ],
      ],
    ],
    noMatch: [
      [
        ['log', 'dial tcp 10.0.0.5:6379: connect: connection refused'],
        ['log', '14:10:43.709 INFO: "GET /health HTTP/1.1" 200 OK'],
      ],
    ],
  },
};
export default rule;
