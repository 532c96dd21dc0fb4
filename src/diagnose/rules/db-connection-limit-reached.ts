import type { Rule } from '../types.js';

/*
 * The database answered and refused one more connection: its connection limit is used up, typically when every task
 * opens a full pool and the service scales out (pool size × task count > max_connections), or a proxy's client limit
 * is lower than the fleet. The server is up and reachable, so not dependency-unreachable; the fix is in the pool and
 * limit settings, so config-env. PostgreSQL's `sorry, too many clients already` and `remaining connection slots are
 * reserved`, MySQL's and MariaDB's error 1040 `Too many connections` (through the CLI, mysqljs, PDO, JDBC) and `has
 * exceeded the 'max_user_connections' resource`, Redis' `ERR max number of clients reached`, PgBouncer's `no more
 * connections allowed (max_client_conn)`, MongoDB's `connection refused because too many open connections`.
 */
const rule: Rule = {
  id: 'db-connection-limit-reached',
  category: 'config-env',
  match: [
    {
      in: ['log', 'containerReason', 'stoppedReason', 'localField'],
      re: /(?<what>sorry, too many clients already|remaining connection slots are reserved for|(?:ERROR 1040 \(\w+\): |ER_CON_COUNT_ERROR: |SQLSTATE\[(?:HY000|08004)\] \[1040\] |message from server: "|\(1040, ['"])Too many connections|has exceeded the 'max_user_connections' resource|ERR max number of clients reached|no more connections allowed \(max_client_conn\)|connection refused because too many open connections)/,
    },
  ],
  cause:
    "The database refused {service}'s connection because its connection limit was used up ({what}): the server is up, but the clients together open more connections than it allows.",
  fix: 'Keep pool size × running tasks (at the service’s maximum count) under the server’s limit: shrink the per-task pool, cap the service’s scaling, put a pooler (RDS Proxy, PgBouncer) in front, or raise max_connections (maxclients, max_client_conn) where the instance has the memory for it.',
  confidence: 0.75,
  beats: ['essential-exited-nonzero', 'local-exit-nonzero', 'uncaught-exception'],
  examples: {
    match: [
      [['log', 'FATAL:  sorry, too many clients already']],
      [['log', 'remaining connection slots are reserved for non-replication superuser connections']],
      [['log', 'Error: ER_CON_COUNT_ERROR: Too many connections']],
      [['log', 'ReplyError: ERR max number of clients reached']],
    ],
    noMatch: [
      [['log', '421 Too many connections (8) from this IP']],
      [['log', 'HikariPool-1 - Connection is not available, request timed out after 30000ms.']],
    ],
  },
};
export default rule;
