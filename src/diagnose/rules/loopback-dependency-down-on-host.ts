import type { Rule } from '../types.js';
import loopbackDependencyRefused from './loopback-dependency-refused.js';

/*
 * A refusal at loopback reads as the host setting only inside a container. When the capture shows the dependency as a
 * unit of the machine's own service manager (systemd's `Active: activating`, `Starting …`, a `.service` that failed,
 * SysV's `is not running`), the app and the dependency share that machine, so localhost is the dependency's
 * real address and the refusal is that service not running yet, or not at all.
 */
const DEPENDENCY =
  '(?:redis|postgres|postgresql|mysql|mysqld|mariadb|mongo\\w*|rabbitmq|kafka|memcache\\w*|key-value store|database server|PostgreSQL|MySQL|MariaDB|MongoDB|Redis|RabbitMQ)';

const rule: Rule = {
  id: 'loopback-dependency-down-on-host',
  category: 'dependency-unreachable',
  match: [
    loopbackDependencyRefused.match[0]!,
    {
      in: ['log', 'localField'],
      re: new RegExp(
        `^\\s*Active: (?<state>activating|inactive|failed|deactivating)\\b|systemd\\[\\d+\\]: (?:Starting|Stopping|Stopped|Failed to start) [^\\n]*?${DEPENDENCY}|${DEPENDENCY}[\\w-]*\\.service(?:[: ][^\\n]*?)?(?: failed| entered failed state|: Main process exited|: Failed with result)|\\b(?:redis-server|postgresql|mysqld?|mariadb|mongod|rabbitmq-server) is not running\\b`,
      ),
    },
  ],
  cause:
    '{service} was refused at {host}, and the capture shows the dependency as a service of the same machine ({state|its service manager reports it}): localhost is its real address, and it was not running or not ready.',
  fix: 'Start the dependency’s service (and enable it at boot, e.g. `systemctl enable --now redis-server`) and start {service} after it; check the service’s own log if it does not come up.',
  confidence: 0.75,
  beats: ['loopback-dependency-refused', 'connection-refused'],
  examples: {
    match: [
      [
        ['log', 'Error connecting to Redis on localhost:6379 (Errno::ECONNREFUSED)'],
        ['log', 'Active: activating (start) since Sat 2020-08-01 07:48:16 CEST; 1min 16s ago'],
      ],
      [
        [
          'log',
          'psycopg2.OperationalError: connection to server at "localhost" (127.0.0.1), port 5432 failed: Connection refused',
        ],
        ['log', 'Dec 05 10:00:01 host systemd[1]: Failed to start PostgreSQL RDBMS.'],
      ],
      [
        ['log', 'Error: connect ECONNREFUSED 127.0.0.1:3306'],
        ['log', 'mysql.service: Main process exited, code=exited, status=1/FAILURE'],
      ],
      [
        ['log', 'Error: connect ECONNREFUSED 127.0.0.1:6379'],
        ['log', ' * redis-server is not running'],
      ],
    ],
    noMatch: [
      // Inside a container, with the dependency in another container, loopback is the setting.
      [
        ['log', 'Error: connect ECONNREFUSED 127.0.0.1:6379'],
        ['log', 'redis_1  | Ready to accept connections'],
      ],
      [
        ['log', 'Redis error: Error: connect ECONNREFUSED 127.0.0.1:6379'],
        ['log', 'Redis error: retrying'],
      ],
      [['log', 'Active: activating (start) since Sat 2020-08-01 07:48:16 CEST; 1min 16s ago']],
    ],
  },
};
export default rule;
