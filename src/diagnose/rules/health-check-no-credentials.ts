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
 */
const rule: Rule = {
  id: 'health-check-no-credentials',
  category: 'health-check-command',
  match: [
    {
      in: ['log', 'healthOutput'],
      re: /(?:^|\]\s*|\s)FATAL:\s+role "root" does not exist|Access denied for user '(?<user>[\w-]+)'@'localhost' \(using password: NO\)|^(?:\(error\) )?NOAUTH Authentication required\.?\s*$/,
      not: /connection to server|OperationalError|Exception|Error:|could not connect|SQLSTATE|ERROR \d{4}|\bat [\w.]+\(/,
    },
  ],
  cause:
    "{service}'s health check logs in to the database without credentials (it defaults to the container's user{user| root}), so the server refuses every probe while the database itself is up.",
  fix: 'Give the check the user and password it should use: `pg_isready -U "$POSTGRES_USER" -d "$POSTGRES_DB"`, `mysqladmin ping -u root -p"$MYSQL_ROOT_PASSWORD"`, or `redis-cli -a "$REDIS_PASSWORD" ping`; the variables are the container\'s own.',
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
      [['log', '(error) NOAUTH Authentication required.']],
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
    ],
  },
};
export default rule;
