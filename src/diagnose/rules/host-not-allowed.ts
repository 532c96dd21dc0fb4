import type { Rule } from '../types.js';

/*
 * One meaning, several frameworks: the app validates the Host header against an allow-list, and the request that
 * decides health (a load balancer checking the task's private IP, a container check on localhost) is not on it.
 * Django (`Invalid HTTP_HOST header: '10.0.1.7:8000'`), Rails 6+ HostAuthorization (`Blocked host: 10.0.5.23`),
 * Vite (`Blocked request. This host ("x") is not allowed`), webpack-dev-server (`Invalid Host header`), ASP.NET Core
 * host filtering (`Bad Request - Invalid Hostname`). The same refusal seen from the other side: the app's access log
 * answering a load balancer's or orchestrator's checker (`ELB-HealthChecker`, `GoogleHC`, `kube-probe`) with 400, as the
 * checker sends the task's IP as the Host header (folded in from elb-checker-400, one concept under one name).
 */
const rule: Rule = {
  id: 'host-not-allowed',
  category: 'config-env',
  match: [
    {
      re: /Invalid HTTP_HOST header: '(?<host>[^']+)'|HostAuthorization[^\n]*Blocked hosts?: (?<host2>\S+)|Blocked request\. This host \("?(?<host3>[^")]+)"?\) is not allowed|Invalid Host header|Bad Request - Invalid Hostname|(?:HTTP\/[\d.]+"?\s|"status":\s?)400\b[^\n]*\b(?:ELB-HealthChecker|GoogleHC|kube-probe)\//,
    },
  ],
  cause:
    '{service} rejects requests for host {host,host2,host3|the one used} — the address the health check or load balancer uses — because it is not in the allowed hosts.',
  fix: "Allow that host in the app's setting (Django ALLOWED_HOSTS, Rails config.hosts, the framework's allowed-hosts list), e.g. add the task's private IP from the ECS task metadata endpoint and localhost, or exempt the health check path from host validation.",
  confidence: 0.9,
  beats: ['elb-health-code-mismatch', 'elb-health-failed'],
  examples: {
    match: [
      [
        [
          'log',
          "Invalid HTTP_HOST header: '10.0.1.7:8000'. You may need to add '10.0.1.7' to ALLOWED_HOSTS.",
        ],
      ],
      [['log', 'ERROR -- : [ActionDispatch::HostAuthorization::DefaultResponseApp] Blocked host: 10.0.3.14']],
      [['log', 'Blocked request. This host ("10.0.2.9") is not allowed.']],
      [
        [
          'log',
          '10.180.13.204 [30/Jun/2019:19:22:06 +0000] GET /emergency/ HTTP/1.1 400 26 - ELB-HealthChecker/2.0 0.011522',
        ],
      ],
      [
        [
          'log',
          '35.191.2.17 - - [12/Mar/2024:10:01:02 +0000] "GET /healthz HTTP/1.1" 400 143 "-" "GoogleHC/1.0"',
        ],
      ],
      [
        [
          'log',
          '10.244.1.1 - - [12/Mar/2024:10:01:02 +0000] "GET /ready HTTP/1.1" 400 0 "-" "kube-probe/1.29"',
        ],
      ],
    ],
    noMatch: [
      [['log', 'ALLOWED_HOSTS=*']],
      [['log', '10.180.13.204 GET /emergency/ HTTP/1.1 200 26 - ELB-HealthChecker/2.0']],
      [['log', '10.0.1.5 - - "GET /health HTTP/1.1" 200 400 "-" "ELB-HealthChecker/2.0"']],
    ],
  },
};
export default rule;
