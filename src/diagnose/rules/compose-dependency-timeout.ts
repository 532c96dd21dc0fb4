import { awayFromLoopback, CONNECT_TIMEOUT, NO_ROUTE, ON_ONE_HOST } from '../reachability.js';
import type { Rule } from '../types.js';

const away = awayFromLoopback(new RegExp(`${CONNECT_TIMEOUT.source}|${NO_ROUTE.source}`), [
  'log',
  'localField',
]);

/*
 * A timeout or no route between containers on one Docker host (see connect-timeout-dropped and network-unreachable):
 * no security group or route table stands between them, and a container that is not running has no address to answer
 * from, so a connection that gets no answer is a dependency that is not up (stopped, restarting or still booting) or
 * not on that network.
 */
const rule: Rule = {
  id: 'compose-dependency-timeout',
  category: 'dependency-unreachable',
  match: [away.match, ON_ONE_HOST],
  unless: [away.loopbackAfter],
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
      [['log', 'Connection Error: No route to host: pg-db/172.19.0.2:5432']],
    ],
    noMatch: [
      [['log', 'Error: connect ETIMEDOUT 10.0.0.109:5432']],
      [['log', 'api-1  | Error: connect ECONNREFUSED 172.19.0.4:5432']],
    ],
  },
};
export default rule;
