import type { Rule } from '../types.js';

/*
 * The database is up and answers, and refuses the client by the address it connects from: MySQL's and MariaDB's 1130
 * (`Host '…' is not allowed to connect to this MySQL server`: the user exists only for localhost, or was never created
 * because the database's env values were not set), and Redis in protected mode (`DENIED Redis is running in protected
 * mode`: no password and no bind address, so only loopback may connect). Not a network fault and not a wrong
 * password: the fix is the database's user grants or its settings.
 */
const rule: Rule = {
  id: 'db-client-host-not-allowed',
  category: 'config-env',
  match: [
    {
      in: ['log', 'localField', 'healthOutput', 'stoppedReason', 'containerReason'],
      re: /Host '(?<host>[^'\n]+)' is not allowed to connect to this (?<db>MySQL|MariaDB) server|ER_HOST_NOT_PRIVILEGED|DENIED (?<db2>Redis) is running in protected mode/,
    },
  ],
  cause:
    '{db,db2|The database} refused {service} by the address it connects from (client host {host|not named}): the database user is not granted for that host, or the server accepts only local clients.',
  fix: "Grant the database user for the service's address (`'app'@'%'` or the VPC range, or set the image's MYSQL_USER / MYSQL_PASSWORD / MYSQL_DATABASE so it creates one), and for Redis set a password (requirepass) or `protected-mode no` with a bind address the service can reach.",
  confidence: 0.85,
  beats: [
    'uncaught-exception',
    'essential-exited-nonzero',
    'local-exit-nonzero',
    'credentials-rejected',
    'trace-in-client-connect',
    'dependency-not-ready',
  ],
  examples: {
    match: [
      [['log', "ERROR 1130 (HY000): Host '172.17.0.1' is not allowed to connect to this MySQL server"]],
      [['log', '(1130, "Host \'172.20.0.5\' is not allowed to connect to this MariaDB server")']],
      [
        [
          'log',
          'DENIED Redis is running in protected mode because protected mode is enabled and no password is set for the default user.',
        ],
      ],
    ],
    noMatch: [
      [['log', "ERROR 1045 (28000): Access denied for user 'app'@'172.17.0.1' (using password: YES)"]],
      [['log', "Host '172.17.0.1' is blocked because of many connection errors"]],
    ],
  },
};
export default rule;
