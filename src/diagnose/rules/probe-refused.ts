import type { Rule } from '../types.js';

/*
 * An orchestrator's own probe finds nothing at the port it was told (Kubernetes' `Readiness probe failed: … connect:
 * connection refused`), or something that drops it at once (`EOF`, `connection reset by peer`): the app listens on
 * another port, or on loopback only, where the probe from outside the container cannot reach it.
 */
const rule: Rule = {
  id: 'probe-refused',
  category: 'port-binding',
  match: [
    {
      re: /(?<what>(?:Readiness|Liveness|Startup) probe failed: [^\n]*?(?:connect: connection refused|ECONNREFUSED|: EOF\b|connection reset by peer))/,
    },
  ],
  cause:
    'The platform probes {service} and finds nothing serving at the probed port ({what}): the app listens on another port, or on 127.0.0.1 only.',
  fix: 'Make the app listen on 0.0.0.0 at the port the probe uses (or point the probe at the port the app opens); if it is only slow to open it, give the probe an initial delay or a startup probe.',
  confidence: 0.6,
  beats: ['connection-refused', 'local-unhealthy'],
  examples: {
    match: [
      [
        [
          'serviceEvent',
          'Readiness probe failed: Get "http://10.244.0.12:8080/healthz": dial tcp 10.244.0.12:8080: connect: connection refused',
        ],
      ],
      [['log', 'Liveness probe failed: Get "http://10.1.0.7:3000/": EOF']],
    ],
    noMatch: [[['log', 'Readiness probe failed: HTTP probe failed with statuscode: 503']]],
  },
};
export default rule;
