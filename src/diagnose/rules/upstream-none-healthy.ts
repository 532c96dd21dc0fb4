import type { Rule } from '../types.js';

/*
 * A proxy or mesh in front of a dependency has no instance of it to send to: every upstream is down or unregistered.
 * Envoy and App Mesh (`no healthy upstream`), nginx (`no live upstreams while connecting to upstream`), HAProxy
 * (`backend … has no server available!`, a server `is DOWN, reason: Layer4 …`), Traefik (`no available server`), Linkerd
 * (`no endpoints`/`service unavailable`), HAProxy's own 503 page (`No server is available to handle this request`),
 * ingress-nginx (`Service "ns/x" does not have any active Endpoint`), Kong (`failure to get a peer from the ring-balancer`)
 * and Kubernetes' `endpoints … not found` / `has no endpoints`. The proxy answered,
 * so it is the service behind it that is not running or not passing its own checks.
 */
const rule: Rule = {
  id: 'upstream-none-healthy',
  category: 'dependency-unreachable',
  match: [
    {
      in: ['log', 'healthOutput', 'localField', 'serviceEvent'],
      re: /(?<what>\bno healthy upstream\b|no live upstreams while connecting to upstream|backend [\w.-]+ has no server available|Server [\w./-]+ is DOWN, reason: Layer[47]\w*|\bno available server\b|service "?[\w.-]+"? has no endpoints|endpoints "[\w.-]+" not found|No server is available to handle this request|does not have any active Endpoint|failure to get a peer from the ring-balancer)/i,
    },
  ],
  cause:
    'The proxy {service} goes through has no running, healthy instance of the service behind it ({what}).',
  fix: 'Look at the service behind the proxy: is it deployed and running, registered where the proxy looks (target group, Service Connect or Cloud Map name, Kubernetes selector), and passing its own health check? Start it before {service} (an earlier wave) and fix why its instances are down.',
  confidence: 0.6,
  beats: ['connection-refused', 'essential-exited-nonzero', 'local-exit-nonzero'],
  examples: {
    match: [
      [['log', 'No server is available to handle this request.']],
      [
        [
          'log',
          'W0201 10:00:01.000000 7 controller.go:1214] Service "default/api" does not have any active Endpoint.',
        ],
      ],
      [['log', '[lua] balancer.lua:121: failure to get a peer from the ring-balancer, client: 10.0.0.1']],
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
