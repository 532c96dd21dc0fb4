import type { Rule } from '../types.js';
import { NAME_NOT_RESOLVED } from './name-not-resolved.js';

/*
 * The same failed lookups as name-not-resolved, read as the setting first: on rounds it was not written from, a lookup
 * that failed was a wrong host setting (a typo, a Compose name on ECS or Copilot, a service renamed or never created)
 * 9 times where a dependency not up was 5 (session 14, /work/s14/decision.txt). nginx's `host not found in upstream`
 * stays with the dependency: its upstream is most often a container that has not started. Evidence that the name is
 * right (a container or stack service called that) puts name-not-resolved back above it (structure.ts,
 * stack-context.ts).
 */
const rule: Rule = {
  id: 'host-setting-not-resolved',
  category: 'config-env',
  match: [{ re: NAME_NOT_RESOLVED, not: /host not found in upstream/ }],
  cause:
    '{service} looked up the host name {host,host2,host3,host5,host6,host7,host8,host9,host10,host11,host12,host13|it was given} and no DNS server knows it: most often the host in its settings names nothing that exists where it runs — a typo, a Compose service name outside Compose, a service renamed or never created.',
  fix: "Check the host in the service's settings (DB_HOST, DATABASE_URL, REDIS_URL, …) against the dependency's real name where the service runs: its Service Connect / Cloud Map name or the RDS / ElastiCache endpoint on ECS, its service name in Compose. If the name is right, the dependency is not up or not registered under it yet.",
  confidence: 0.62,
  beats: ['uncaught-exception'],
  examples: {
    match: [
      [
        [
          'log',
          'django.db.utils.OperationalError: could not translate host name "db" to address: Name or service not known',
        ],
      ],
      [['log', 'Error: getaddrinfo ENOTFOUND redis']],
      [['log', 'dial tcp: lookup postgres on 8.8.8.8:53: no such host']],
    ],
    noMatch: [
      [['log', 'nginx: [emerg] host not found in upstream "app" in /etc/nginx/conf.d/nginx.conf:26']],
      [['log', 'resolved redis to 10.0.0.4']],
    ],
  },
};
export default rule;
