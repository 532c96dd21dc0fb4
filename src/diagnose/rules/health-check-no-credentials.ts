import type { Rule } from '../types.js';

/*
 * A database's health check that logs in without saying as whom: the check's client runs inside the database's own
 * container, so it takes the container's OS user (`root`) or no password, and the server turns it away on every
 * probe while the database itself is fine. One meaning in each server's words: Postgres' own log `FATAL:  role "root"
 * does not exist` (pg_isready or psql with no `-U`; an app's client would print its own wrapper around it), MySQL and
 * MariaDB refusing `'root'@'localhost' (using password: NO)` (mysqladmin ping with no `-p`: a client in another
 * container is refused at its own address, not at localhost), and redis-cli's bare reply `NOAUTH Authentication
 * required.` (a ping with no `-a` against a server with a password; an app's client wraps it in its own error class).
 * An app's connection (`connection to server at`, an exception class, a client error code) stays with
 * credentials-rejected, which this outranks only on these forms.
 * The same check in other clients' words: psql over the container's own Unix socket (`connection to server on socket
 * … failed: FATAL:  role "root" does not exist`: only a client inside the database's container has that socket),
 * curl's raw 401 body from Elasticsearch (`"reason":"missing authentication credentials for REST request`; an app's
 * client wraps it in an exception or prints `Reason:`), cqlsh at the loopback address (`Connection error: ('Unable to
 * connect to any servers', {'127.0.0.1:9042': AuthenticationFailed('Remote end requires authentication.')})`).
 * A check whose login the server refuses for credentials it no longer accepts is the same fault: Postgres' own log of a
 * password login as the OS user (`DETAIL:  Role "root" does not exist.` under `password authentication failed for
 * user "root"`; clients never receive the DETAIL), the MariaDB image's `healthcheck` user (healthcheck.sh's own
 * account, refused at loopback once its password no longer matches), and redis-cli's own `AUTH failed: WRONGPASS`
 * (an app's client wraps WRONGPASS in its exception).
 */
const rule: Rule = {
  id: 'health-check-no-credentials',
  category: 'health-check-command',
  match: [
    {
      in: ['log', 'healthOutput'],
      re: /(?:^|\]\s*|\s)FATAL:\s+role "root" does not exist|(?:^|\]\s*|\s)DETAIL:\s+Role "root" does not exist|Access denied for user '(?<user2>healthcheck)'@'(?:localhost|::1|127\.0\.0\.1)' \(using password: (?:YES|NO)\)|^AUTH failed: WRONGPASS|Access denied for user '(?<user>[\w-]+)'@'localhost' \(using password: NO\)|^(?:\(error\) )?NOAUTH Authentication required\.?\s*$|"reason"\s*:\s*"missing authentication credentials for REST request|^Connection error: \('Unable to connect to any servers', \{'(?:127\.0\.0\.1|localhost|::1)(?::\d+)?': AuthenticationFailed\('Remote end requires authentication/,
      not: /connection to server (?!on socket)|OperationalError|Exception|Error:|could not connect|SQLSTATE|ERROR \d{4}|\bat [\w.]+\(/,
    },
  ],
  cause:
    "{service}'s health check logs in to the server without credentials it accepts (a client inside the container defaults to its OS user, {user,user2|root}, or to no password, or keeps a password that no longer matches), so the server refuses every probe while the server itself is up.",
  fix: 'Give the check the user and password it should use: `pg_isready -U "$POSTGRES_USER" -d "$POSTGRES_DB"`, `mysqladmin ping -u root -p"$MYSQL_ROOT_PASSWORD"`, `redis-cli -a "$REDIS_PASSWORD" ping`, `curl -u "elastic:$ELASTIC_PASSWORD" …` or `cqlsh -u … -p …`; the variables are the container\'s own.',
  confidence: 0.65,
  beats: ['local-unhealthy', 'container-health-failed', 'health-tool-unverified', 'credentials-rejected'],
  examples: {
    match: [
      [['log', 'FATAL:  role "root" does not exist']],
      [['log', '2024-03-02 10:11:12.123 UTC [812] FATAL:  role "root" does not exist']],
      [
        [
          'log',
          "2024-03-02 10:11:12 7 [Warning] Access denied for user 'root'@'localhost' (using password: NO)",
        ],
      ],
      [
        [
          'healthOutput',
          "mysqladmin: connect to server at 'localhost' failed\nerror: 'Access denied for user 'root'@'localhost' (using password: NO)'",
        ],
      ],
      [['healthOutput', 'NOAUTH Authentication required.']],
      [['log', '2025-05-02 08:00:31.412 UTC [88] DETAIL:  Role "root" does not exist.']],
      [['log', "[Warning] Access denied for user 'healthcheck'@'::1' (using password: YES)"]],
      [['healthOutput', 'AUTH failed: WRONGPASS invalid username-password pair or user is disabled.']],
      [['log', '(error) NOAUTH Authentication required.']],
      [
        [
          'healthOutput',
          'psql: error: connection to server on socket "/var/run/postgresql/.s.PGSQL.5432" failed: FATAL:  role "root" does not exist',
        ],
      ],
      [
        [
          'healthOutput',
          '{"error":{"root_cause":[{"type":"security_exception","reason":"missing authentication credentials for REST request [/_cluster/health]"}]},"status":401}',
        ],
      ],
    ],
    noMatch: [
      [['log', 'redis.exceptions.AuthenticationError: NOAUTH Authentication required.']],
      [
        [
          'log',
          'psycopg2.OperationalError: connection to server at "db" (172.18.0.2), port 5432 failed: FATAL:  role "root" does not exist',
        ],
      ],
      [['log', "Access denied for user 'app'@'172.18.0.5' (using password: YES)"]],
      [['log', "ERROR 1045 (28000): Access denied for user 'root'@'localhost' (using password: NO)"]],
      [['log', 'FATAL:  role "app" does not exist']],
      [['log', 'DETAIL:  Role "app" does not exist.']],
      [['log', "[Warning] Access denied for user 'healthcheck'@'172.18.0.4' (using password: YES)"]],
      [
        [
          'log',
          'redis.exceptions.AuthenticationError: WRONGPASS invalid username-password pair or user is disabled.',
        ],
      ],
      [
        [
          'log',
          '[ERROR][elasticsearch-service] Unable to retrieve version information. security_exception: [security_exception] Reason: missing authentication credentials for REST request [/_nodes]',
        ],
      ],
      [
        [
          'log',
          "cassandra.cluster.NoHostAvailable: ('Unable to connect to any servers', {'10.0.2.14:9042': AuthenticationFailed('Remote end requires authentication.')})",
        ],
      ],
    ],
  },
};
export default rule;
