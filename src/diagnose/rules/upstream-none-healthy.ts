import type { Rule } from '../types.js';

/*
 * A proxy or mesh in front of a dependency has no instance of it to send to: every upstream is down or unregistered.
 * Envoy and App Mesh (`no healthy upstream`), nginx (`no live upstreams while connecting to upstream`), HAProxy
 * (`backend … has no server available!`, a server `is DOWN, reason: Layer4 …`), Traefik (`no available server`), Linkerd
 * (`no endpoints`/`service unavailable`) and Kubernetes' `endpoints … not found` / `has no endpoints`. The proxy answered,
 * so it is the service behind it that is not running or not passing its own checks.
 */
const rule: Rule = {
  id: 'upstream-none-healthy',
  category: 'dependency-unreachable',
  match: [
    {
      in: ['log', 'healthOutput', 'localField', 'serviceEvent'],
      re: /(?<what>\bno healthy upstream\b|no live upstreams while connecting to upstream|backend [\w.-]+ has no server available|Server [\w./-]+ is DOWN, reason: Layer[47]\w*|\bno available server\b|service "?[\w.-]+"? has no endpoints|endpoints "[\w.-]+" not found)/i,
    },
  ],
  cause:
    'The proxy {service} goes through has no running, healthy instance of the service behind it ({what}).',
  fix: 'Look at the service behind the proxy: is it deployed and running, registered where the proxy looks (target group, Service Connect or Cloud Map name, Kubernetes selector), and passing its own health check? Start it before {service} (an earlier wave) and fix why its instances are down.',
  confidence: 0.6,
  beats: ['connection-refused', 'essential-exited-nonzero', 'local-exit-nonzero'],
  examples: {
    match: [
      [['log', 'no healthy upstream']],
      [
        [
          'log',
          '2024/03/01 10:00:00 [error] 22#22: *5 no live upstreams while connecting to upstream, client: 10.0.0.4',
        ],
      ],
      [['log', '[ALERT] 123/100000 (1) : backend app_servers has no server available!']],
      [['log', 'Server be_api/api1 is DOWN, reason: Layer4 connection problem, info: "Connection refused"']],
    ],
    noMatch: [[['log', 'upstream api is healthy (3 of 3 hosts)']]],
  },
};
export default rule;
