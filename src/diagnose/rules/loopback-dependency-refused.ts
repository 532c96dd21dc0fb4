import type { Rule } from '../types.js';

/** Ports of the usual dependencies: Postgres, MySQL, MongoDB, SQL Server, Oracle, CockroachDB, Redis, Memcached, Kafka, RabbitMQ, NATS, ActiveMQ. */
const PORT = '(?:543\\d|3306|27017|1433|1521|26257|6379|11211|9092|5672|4222|61616)';
const DEPENDENCY =
  '(?:postgres|postgresql|psycopg|PSQLException|mysql|MySQL|MariaDB|mariadb|database server|mongo\\w*|redis|memcache\\w*|kafka\\w*|rabbitmq|amqp|[Ee]lastic(?:search|_transport)\\w*|[Oo]pen[Ss]earch)';

/*
 * Elasticsearch and OpenSearch are known by name, not by port 9200: a bare HTTP request to localhost:9200 is any API's
 * (loopback-request-refused), while Kibana's or a search client's own words name the dependency.
 */

/*
 * A database client known by the shape of its error rather than a word or a port, so a dependency moved to another
 * port still reads as one: the legacy MongoDB Node driver's `failed to connect to [localhost:3001]` (and `… to server
 * [host:port] on first connect`), PyMongo's and the Go driver's server selection (`Topology Description`), redis-py's
 * `Error 111 connecting to localhost:6380`, libpq's `connection to server at "localhost" …, port 5440 failed` and its
 * older `TCP/IP connections on port`.
 */
const CLIENT_SHAPE =
  '(?:[Ff]ailed to connect to (?:server )?\\[|Topology Description|ServerSelectionTimeoutError|server selection error|Error \\d+ connecting to|connection to server at|TCP/IP connections on port)';

/*
 * One meaning, many phrasings: a client inside a container was refused at a loopback address, where no database,
 * cache or broker runs. Node (`connect ECONNREFUSED 127.0.0.1:5432`), psycopg2 (`connection to server at "localhost"
 * (::1), port 5432 failed: Connection refused`, or the older three-line `Is the server running on host "localhost"`),
 * JDBC (`Connection to localhost:5432 refused`), librdkafka (`Connect to ipv4#127.0.0.1:9092 failed: Connection
 * refused`), Node's error logged as JSON (`"address":"127.0.0.1","port":5432`) and so on. Whether or not the environment is captured, the address itself is the mistake.
 */
const rule: Rule = {
  id: 'loopback-dependency-refused',
  category: 'config-env',
  match: [
    {
      in: ['log', 'stoppedReason', 'containerReason', 'serviceEvent', 'localField'],
      span: 3,
      re: new RegExp(
        // Refused, or (Docker's IPv6-less loopback) `Cannot assign requested address` (musl's words in Alpine images:
        // `Address not available`), or Windows' `actively refused`.
        // Or a client's own words for a connection it could not make (`failed to connect to [localhost:27017]`, Kafka's
        // `Connection to node -1 (localhost/127.0.0.1:9092) could not be established`, StackExchange.Redis'
        // `It was not possible to connect … UnableToConnect on localhost:6379`).
        "^(?=.*?(?:ECONNREFUSED|[Cc]onnection refused|ConnectionRefused|Connection to \\S+ refused|Cannot assign requested address|Address not available|EADDRNOTAVAIL|actively refused|Can't connect to (?:MySQL|MariaDB) server on|Can't reach database server at|[Ff]ailed to connect to|[Cc]ould not connect to|[Uu]nable to connect to|could not be established|It was not possible to connect|UnableToConnect))" +
          '(?=.*?(?<![\\w.-])(?<host>localhost|127\\.0\\.0\\.1|::1)(?![\\w.-]))' +
          `(?=.*?(?:(?:localhost|127\\.0\\.0\\.1|::1)\\]?[:#]${PORT}\\b|[Pp]ort"?:? ?(?<port>${PORT})\\b|${DEPENDENCY}|${CLIENT_SHAPE}))`,
      ),
    },
  ],
  // Locally, 127.0.0.1 is where a dependency may well run; only a container's own loopback is always wrong.
  unless: [{ in: ['origin'], re: /^local$/ }],
  support: [
    { in: ['env'], re: /^\w*(?:HOST|URL|URI|ADDR\w*|SERVERS?|BROKERS?)=\S*(?:localhost|127\.0\.0\.1)/i },
  ],
  // An environment that names that dependency's real host points at the dependency, not at the setting; which
  // dependency the address is, and which each variable names, is read in dependency-kind.ts.
  cause:
    '{service} connects to a database, cache or broker at {host} — inside a container that is the container itself, where nothing of the kind runs — so the address it is configured with (or its default) is wrong.',
  fix: "Point the client at the dependency's real address (its service name, DNS name or endpoint) in the container environment, e.g. DB_HOST / DATABASE_URL / REDIS_URL; never localhost inside a container unless the dependency is a sidecar in the same task.",
  confidence: 0.7,
  examples: {
    match: [
      [
        [
          'log',
          'psycopg2.OperationalError: connection to server at "localhost" (::1), port 5432 failed: Connection refused',
        ],
      ],
      [
        ['log', 'psycopg2.OperationalError: could not connect to server: Connection refused'],
        ['log', '\tIs the server running on host "localhost" (127.0.0.1) and accepting'],
        ['log', '\tTCP/IP connections on port 5432?'],
      ],
      [
        [
          'log',
          'org.postgresql.util.PSQLException: Connection to localhost:5432 refused. Check that the hostname and port are correct',
        ],
      ],
      [
        [
          'log',
          '{"errno":"ECONNREFUSED","code":"ECONNREFUSED","syscall":"connect","address":"127.0.0.1","port":5432}',
        ],
      ],
      [
        [
          'log',
          'kafka:9092/bootstrap: Connect to ipv4#127.0.0.1:9092 failed: Connection refused (after 0ms in state CONNECT)',
        ],
      ],
      [
        [
          'log',
          'consumer: Cannot connect to redis://localhost:6379/0: Error 99 connecting to localhost:6379. Cannot assign requested address.',
        ],
      ],
      [
        [
          'log',
          'redis.exceptions.ConnectionError: Error 99 connecting to localhost:6379. Address not available.',
        ],
      ],
      [['log', 'Error: failed to connect to [localhost:27017]']],
      [
        [
          'log',
          'StackExchange.Redis.RedisConnectionException: It was not possible to connect to the redis server(s). UnableToConnect on localhost:6379/Interactive',
        ],
      ],
      [
        [
          'log',
          '[ERROR][elasticsearch-service] Unable to retrieve version information. connect ECONNREFUSED 127.0.0.1:9200',
        ],
      ],
      [
        [
          'log',
          'NetworkClient : [Consumer clientId=c-1] Connection to node -1 (localhost/127.0.0.1:9092) could not be established. Broker may not be available.',
        ],
      ],
    ],
    noMatch: [
      [['log', 'Error: connect ECONNREFUSED 10.0.3.7:5432']],
      [['log', 'curl: (7) Failed to connect to localhost port 8080: Connection refused']],
      [['log', 'Error: connect ECONNREFUSED 127.0.0.1:8080']],
      [
        ['origin', 'local'],
        ['log', 'Error: connect ECONNREFUSED 127.0.0.1:5432'],
      ],
    ],
  },
};
export default rule;
