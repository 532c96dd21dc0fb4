import { COMPOSE_LOG, CONNECT_TIMEOUT, LOOPBACK_TARGET, thenLoopback } from '../reachability.js';
import type { Rule } from '../types.js';

/*
 * The same timeout between Compose services (see connect-timeout-dropped): no security group or route stands between
 * them on one network, so a connection that gets no answer is a dependency that is not up (its container stopped,
 * restarting, or still booting) or not on that network.
 */
const rule: Rule = {
  id: 'compose-dependency-timeout',
  category: 'dependency-unreachable',
  match: [
    { in: ['log', 'localField'], re: CONNECT_TIMEOUT, not: LOOPBACK_TARGET },
    { in: ['log'], re: COMPOSE_LOG },
  ],
  unless: [{ span: 3, re: thenLoopback(CONNECT_TIMEOUT) }],
  cause:
    '{service} got no answer from a dependency it runs beside: the dependency was not up (stopped, restarting or still starting) or not on the same network when {service} connected.',
  fix: "Check the dependency's own logs for why it was not up; start {service} only once it is healthy (a health check and `depends_on: condition: service_healthy`, or an earlier wave) and put both services on the same network.",
  confidence: 0.5,
  beats: [
    'connect-timeout-ambiguous',
    'uncaught-exception',
    'essential-exited-nonzero',
    'local-exit-nonzero',
  ],
  examples: {
    match: [
      [
        ['log', 'worker_1    |     sock.connect(socket_address)'],
        ['log', 'worker_1    | TimeoutError: [Errno 110] Connection timed out'],
      ],
      [['log', 'api-1  | Error: connect ETIMEDOUT 172.19.0.4:5432']],
    ],
    noMatch: [
      [['log', 'Error: connect ETIMEDOUT 10.0.0.109:5432']],
      [['log', 'api-1  | Error: connect ECONNREFUSED 172.19.0.4:5432']],
    ],
  },
};
export default rule;
