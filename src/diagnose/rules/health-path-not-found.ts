import type { Rule } from '../types.js';

/*
 * The health check reaches the server and asks for a path the server does not have: Kubernetes' `Liveness/Readiness/
 * Startup probe failed: HTTP probe failed with statuscode: 404`, a check's own output (`curl: (22) The requested URL
 * returned error: 404`, busybox wget's `server returned error: HTTP/1.1 404 Not Found`, GNU wget's `ERROR 404: Not
 * Found`), or the server's access log showing the check's request to a health path answered 404 (from the container's
 * own loopback, or with a probe's user agent). The server is up and listening where the check looks; the check's path
 * (or method) is what is wrong. A 400 or 403 is left out: those are more often the app refusing the check's Host header.
 */
const rule: Rule = {
  id: 'health-path-not-found',
  category: 'health-check-command',
  match: [
    {
      re: /(?<what>(?:Liveness|Readiness|Startup) probe failed: HTTP probe failed with statuscode: (?:404|405|410)|(?:^|\s)(?:127\.0\.0\.1|::1|localhost)\b[^"\n]*"(?:GET|HEAD) \/(?:health\w*|healthz|ping|status|ready\w*|live\w*|_health\w*|actuator\/health)\S*(?: HTTP\/[\d.]+)?" 40[45]\b|"(?:GET|HEAD) \S+ HTTP\/[\d.]+" 40[45]\b[^\n]*(?:ELB-HealthChecker|kube-probe|GoogleHC)|(?:unsupported path|Cannot (?:GET|HEAD)|No route matches \[(?:GET|HEAD)\]|Not Found|No static resource|No mapping for (?:GET|HEAD)|404 page not found)[:\s]{0,3}"?\/?(?:health\w*|healthz|ping|status|ready\w*|live\w*|_health\w*|actuator\/health)\b)/,
    },
  ],
  cause:
    "{service}'s health check asks for a path the server does not serve ({what}): the server is up, the check's path is wrong.",
  fix: 'Point the health check (or probe) at the path the app really serves for health (e.g. its documented /health, /healthz or /up), or add that route to the app; check the method too (HEAD vs GET).',
  confidence: 0.7,
  beats: ['container-health-failed', 'local-unhealthy', 'elb-health-failed'],
  examples: {
    match: [
      [
        [
          'log',
          'Warning  Unhealthy  kubelet  Readiness probe failed: HTTP probe failed with statuscode: 404',
        ],
      ],
      [['log', '127.0.0.1 -  26/Sep/2024:15:24:34 +0100 "GET /ping" 404']],
      [['log', 'ERROR: 2023/05/31 17:31:51 main.go:254: "172.23.0.1:50136": unsupported path: "/ping"']],
      [['log', 'ActionController::RoutingError (No route matches [GET] "/healthz")']],
      [['log', 'Not Found: /health/']],
      [
        [
          'log',
          '127.0.0.1 - - [05/Dec/2026:10:00:00 +0000] "GET /healthz HTTP/1.1" 404 153 "-" "curl/8.5.0"',
        ],
      ],
      [
        [
          'log',
          '10.0.1.23 - - [05/Dec/2026:10:00:00 +0000] "GET /status HTTP/1.1" 404 0 "-" "ELB-HealthChecker/2.0"',
        ],
      ],
    ],
    noMatch: [
      [['log', 'Readiness probe failed: HTTP probe failed with statuscode: 503']],
      [
        [
          'log',
          '10.0.3.4 - - [05/Dec/2026:10:00:00 +0000] "GET /favicon.ico HTTP/1.1" 404 153 "-" "Mozilla/5.0"',
        ],
      ],
      [
        [
          'log',
          '10.0.1.23 - - [05/Dec/2026:10:00:00 +0000] "GET /health HTTP/1.1" 400 0 "-" "ELB-HealthChecker/2.0"',
        ],
      ],
    ],
  },
};
export default rule;
