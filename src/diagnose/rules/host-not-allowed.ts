import type { Rule } from '../types.js';

/*
 * One meaning, several frameworks: the app validates the Host header against an allow-list, and the request that
 * decides health (a load balancer checking the task's private IP, a container check on localhost) is not on it.
 * Django (`Invalid HTTP_HOST header: '10.0.1.7:8000'`), Rails 6+ HostAuthorization (`Blocked host: 10.0.5.23`),
 * Vite (`Blocked request. This host ("x") is not allowed`), webpack-dev-server (`Invalid Host header`), ASP.NET Core
 * host filtering (`Bad Request - Invalid Hostname`).
 */
const rule: Rule = {
  id: 'host-not-allowed',
  category: 'config-env',
  match: [
    {
      re: /Invalid HTTP_HOST header: '(?<host>[^']+)'|HostAuthorization[^\n]*Blocked hosts?: (?<host2>\S+)|Blocked request\. This host \("?(?<host3>[^")]+)"?\) is not allowed|Invalid Host header|Bad Request - Invalid Hostname/,
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
    ],
    noMatch: [[['log', 'ALLOWED_HOSTS=*']]],
  },
};
export default rule;
