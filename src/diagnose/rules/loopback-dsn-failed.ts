import type { Rule } from '../types.js';

/** A database, cache or broker connection string whose host is loopback; `dsn` and `host` are named groups. */
export const LOOPBACK_DSN =
  '(?<dsn>(?:mysql|mariadb|pgsql|postgres(?:ql)?|mongodb(?:\\+srv)?|rediss?|amqps?|jdbc:\\w+):' +
  '(?:\\/\\/(?:[^@\\s\'"\\/]*@)?|[^\'"\\s]*?host=)(?<host>localhost|127\\.0\\.0\\.1|\\[::1\\])(?![\\w.-]))';

/*
 * The address is in the failure itself: a line that reports an error names a database, cache or broker connection
 * string whose host is loopback. Celery's `Cannot connect to redis://localhost:6379/0`, kombu's
 * `amqp://guest:**@127.0.0.1:5672//`, PHP's `PDO->__construct('mysql:host=127.0.0.1;dbname=app', …)` in a stack trace,
 * JDBC's `jdbc:postgresql://localhost:5432/app` in an exception, MongoDB's `mongodb://localhost:27017`. Whatever the
 * client's own wording for the failure (refused, timed out, or only a stack frame), inside a container the setting is
 * what is wrong, as for loopback-dependency-refused, which needs the refusal spelt out.
 */
const rule: Rule = {
  id: 'loopback-dsn-failed',
  category: 'config-env',
  match: [
    {
      in: ['log', 'stoppedReason', 'containerReason', 'localField'],
      re: new RegExp(
        `^(?=.*?${LOOPBACK_DSN})` +
          '(?=.*?(?:[Ee]rror|[Ee]xception|FATAL|[Ff]ailed|refused|[Cc]annot|[Cc]ould not|[Uu]nable|__construct\\())',
      ),
    },
  ],
  // Locally, 127.0.0.1 is where a dependency may well run; only a container's own loopback is always wrong.
  unless: [{ in: ['origin'], re: /^local$/ }],
  // An environment that names the dependency's real host points at the dependency, not at the setting.
  against: [
    {
      in: ['env'],
      re: /^(?:\w+_)?(?:DB|DATABASE|PG|POSTGRES(?:QL)?|MYSQL|MONGO(?:DB)?|REDIS|CACHE|KAFKA|AMQP|RABBITMQ|BROKER)_(?:HOST|URL|URI)=(?!\S*(?:localhost|127\.0\.0\.1))\S+/i,
    },
  ],
  cause:
    '{service} failed on a connection to {dsn} — {host} inside a container is the container itself, where no database, cache or broker runs — so the address it is configured with (or its default) is wrong.',
  fix: "Point the connection string at the dependency's real address (its service name, DNS name or endpoint) in the container environment, e.g. DB_HOST / DATABASE_URL / REDIS_URL / CELERY_BROKER_URL; never localhost inside a container unless the dependency is a sidecar in the same task.",
  confidence: 0.65,
  beats: ['connection-refused', 'name-not-resolved', 'uncaught-exception', 'essential-exited-nonzero'],
  examples: {
    match: [
      [
        [
          'log',
          "at PDO->__construct('mysql:host=127.0.0.1;dbname=homestead', 'homestead', 'secret', array('0', '2', '0', false, false)) in Connector.php line 55",
        ],
      ],
      [
        [
          'log',
          'ERROR/MainProcess] consumer: Cannot connect to amqp://guest:**@127.0.0.1:5672//: timed out.',
        ],
      ],
      [
        [
          'log',
          'org.postgresql.util.PSQLException: The connection attempt failed. url=jdbc:postgresql://localhost:5432/orders',
        ],
      ],
    ],
    noMatch: [
      [['log', '[main] INFO DbSupportFactory - Database: jdbc:mysql://localhost/flyway (MySQL 5.6)']],
      [['log', 'consumer: Cannot connect to redis://redis:6379/0: Error -2 connecting to redis:6379.']],
      [
        ['origin', 'local'],
        ['log', 'consumer: Cannot connect to redis://localhost:6379/0: Connection refused.'],
      ],
    ],
  },
};
export default rule;
