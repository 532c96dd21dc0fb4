import { FAILURE_KINDS } from '../reachability.js';
import type { Rule } from '../types.js';

/*
 * A database client that does not print the host it was refused by, in a stack whose shipped setting points that host
 * at the container itself. PHP's PDO and mysqli say only `[2002] Connection refused` (TCP to an address that answered
 * with a reset; a script's own `MySQL connection failed: ` around mysqli_connect_error() says no more), and Laravel's
 * `.env.example`, which most Laravel images start from, sets DB_HOST=127.0.0.1; the host `localhost` makes PHP, libpq
 * and MySQL's client use a Unix socket instead, which a container without the database does not have (`[2002] No such
 * file or directory`, `.s.PGSQL.5432`, `mysqld.sock`). Inside a container either is the host setting left at its
 * default. A database shown starting or not ready in the same capture, a client waiting or retrying, or a MySQL client
 * naming a real host points at the dependency's state instead.
 */
const rule: Rule = {
  id: 'refused-at-default-host',
  category: 'config-env',
  match: [
    {
      in: FAILURE_KINDS,
      re: /SQLSTATE\[HY000\] \[2002\] (?<what>Connection refused|No such file or directory)|\(HY000\/2002\): (?<what2>Connection refused|No such file or directory)|(?<what3>Unix domain socket "[^"]*\.s\.PGSQL\.\d+")|(?<what4>Can't connect to local (?:MySQL|MariaDB) server through socket)|(?:MySQL|MariaDB|mysqli) conn\w* failed: (?<what5>Connection refused|No such file or directory)/,
    },
  ],
  against: [
    // The database is shown coming up, or the client waits for it: it was not ready yet.
    {
      re: /ready for connections|database system is (?:starting up|ready)|starting as process|[Ii]nitializing database|init process (?:in progress|complete)|\bwait-for-it\b|[Ww]aiting for (?:the )?(?:db|database|mysql|mariadb|postgres(?:ql)?)\b|[Rr]etrying in \d|not ready yet/,
    },
    // A MySQL client naming a host that is not this container: the host was set.
    { re: /Can't connect to (?:MySQL|MariaDB) server on '(?!localhost|127\.)[^']+'/ },
  ],
  cause:
    '{service} could not reach its database ({what,what2,what3,what4,what5}) and the client does not say where it dialled: a host left at the framework’s default (127.0.0.1 or localhost, e.g. Laravel’s DB_HOST) is the container itself, where no database runs.',
  fix: 'Set the database host (DB_HOST, DATABASE_URL or the driver’s host setting) to the database’s service name or endpoint, not 127.0.0.1 or localhost.',
  confidence: 0.6,
  beats: ['connection-refused'],
  examples: {
    match: [
      [
        [
          'log',
          "SQLSTATE[HY000] [2002] Connection refused (SQL: select * from information_schema.tables where table_schema = app and table_name = migrations and table_type = 'BASE TABLE')",
        ],
      ],
      [['log', 'PDOException: SQLSTATE[HY000] [2002] No such file or directory']],
      [
        [
          'log',
          'Warning: mysqli_connect(): (HY000/2002): Connection refused in /var/www/html/db.php on line 4',
        ],
      ],
      [
        [
          'log',
          'psycopg2.OperationalError: could not connect to server: No such file or directory Is the server running locally and accepting connections on Unix domain socket "/var/run/postgresql/.s.PGSQL.5432"?',
        ],
      ],
      [
        [
          'log',
          "ERROR 2002 (HY000): Can't connect to local MySQL server through socket '/var/run/mysqld/mysqld.sock' (2)",
        ],
      ],
    ],
    noMatch: [
      [['log', 'Connection failed: Connection refused']],
      [['log', 'SQLSTATE[HY000] [2002] php_network_getaddresses: getaddrinfo failed: Name does not resolve']],
      [['log', 'SQLSTATE[HY000] [1045] Access denied for user']],
      [['log', 'Connection refused']],
    ],
  },
};
export default rule;
