import type { Rule } from '../types.js';

/*
 * A client of a well-known server (Redis, MongoDB, PostgreSQL, MySQL, RabbitMQ) turned away at a port that server does
 * not listen on by default: the port in the setting was changed (a host port copied into the app's URL, an example's
 * port kept), so the address is wrong rather than the dependency down. Whatever the client's wording (Predis'
 * `Connection refused [tcp://redis:4623]`, ioredis' `connect ECONNREFUSED 10.0.0.5:6380`, MongoDB's `connection
 * <monitor> to 127.0.0.1:4101 closed`, PgJDBC's `Connection to 127.0.0.1:5433 refused`, redis-py's `Error 111
 * connecting to cache:7000`), the address names the kind or the line names the client. Each server's alternative
 * standard ports (Redis TLS and Sentinel, MongoDB's shard and config servers, MySQL X, AMQPS) count as its own.
 */
const host = (n: number) =>
  String.raw`(?<=[\s[(/@'"])(?![\w.-]*\.(?:py|[cm]?js|ts|go|rb|java|php|cs|rs|exs?|kt|scala|sh|conf|ya?ml):)(?<addr${n}>(?:\d{1,3}(?:\.\d{1,3}){3}|[A-Za-z][\w-]*(?:\.[\w-]+)*):`;
const REFUSED = String.raw`(?=[^\n]*(?:ECONNREFUSED|[Cc]onnection refused|\brefused\b|\bclosed\b|econnrefused))`;
const kind = (n: number, words: string, defaults: string) =>
  String.raw`${REFUSED}(?=[^\n]*(?:${words}))[^\n]*?${host(n)}(?!(?:${defaults})\b)\d{2,5})\b`;

const rule: Rule = {
  id: 'refused-at-unusual-port',
  category: 'config-env',
  match: [
    {
      in: ['log', 'stoppedReason', 'containerReason', 'localField'],
      not: /\bunix[:\s]|\.sock\b/,
      re: new RegExp(
        [
          kind(1, '[Rr]edis|REDIS', '6379|6380|26379'),
          kind(2, '[Mm]ongo', '2701[789]'),
          kind(3, '[Pp]ostgres|PSQL|PG::|\\bpg\\b|psycopg', '5432|5433'),
          kind(4, '[Mm]y[Ss][Qq][Ll]|[Mm]aria[Dd][Bb]', '3306|33060'),
          kind(5, 'amqp|[Rr]abbit[Mm][Qq]', '5672|5671'),
        ].join('|'),
      ),
    },
  ],
  // The host is named after the server it runs (`redis:4623`, `cache-redis:7000`, `db:5433`): that name resolved, so the
  // server's container is there, and a server named for its kind listens where that kind does unless told otherwise,
  // so the port is what differs. A bare IP (`172.26.0.2:6778`) says nothing of which side chose the port.
  support: [
    {
      in: ['log', 'stoppedReason', 'containerReason', 'localField'],
      re: new RegExp(
        String.raw`${REFUSED}[^\n]*?(?<=[\s[(/@'"])(?:\w+[-_])?(?:redis|valkey|mongo(?:db)?|postgres(?:ql)?|pg|db|database|mysql|mariadb|rabbit(?:mq)?|amqp)[\w-]*:(?!(?:6379|6380|26379|2701[789]|5432|5433|3306|33060|5672|5671)\b)\d{2,5}\b`,
        'i',
      ),
    },
  ],
  cause:
    '{service} was turned away at {addr1,addr2,addr3,addr4,addr5|an address} whose port is not the one that server listens on: the port in its connection setting is likely wrong.',
  fix: "Check the port in {service}'s connection setting against the port the server listens on inside its network (a port published on the host is not the one other containers dial), and redeploy.",
  // Below the plain refusal: a port chosen on purpose on both sides reads the same (a depends_on race in round 13).
  confidence: 0.5,
  examples: {
    match: [
      [
        [
          'log',
          'production.ERROR: Connection refused [tcp://redis:4623] {"exception":"[object] (Predis\\Connection\\ConnectionException(code: 111)',
        ],
      ],
      [['log', 'MongoServerSelectionError: connection <monitor> to 127.0.0.1:4101 closed']],
      [['log', '[ioredis] Unhandled error event: Error: connect ECONNREFUSED 10.0.3.7:6390']],
      [['log', 'redis.exceptions.ConnectionError: Error 111 connecting to cache:7000. Connection refused.']],
      [
        [
          'log',
          'consumer: Cannot connect to amqp://guest:**@rabbitmq:15672//: [Errno 111] Connection refused.',
        ],
      ],
      [['log', "(2003, \"Can't connect to MySQL server on 'db:3307' ([Errno 111] Connection refused)\")"]],
    ],
    noMatch: [
      [['log', 'Error 111 connecting to redis:6379. Connection refused.']],
      [['log', 'org.postgresql.util.PSQLException: Connection to db:5432 refused.']],
      [['log', 'MongoServerSelectionError: connect ECONNREFUSED 127.0.0.1:27017']],
      [['log', '2024-08-19T14:21:55 redis connection refused']],
      [['log', 'Error: connect ECONNREFUSED /var/run/redis/redis.sock']],
      [
        [
          'log',
          'ERROR [consumer.py:493] - consumer: Cannot connect to amqp://guest:**@127.0.0.1:5672//: Connection refused',
        ],
      ],
    ],
  },
};
export default rule;
