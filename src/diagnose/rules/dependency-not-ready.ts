import { MONGO_SELECTION_TIMEOUT } from '../reachability.js';
import type { Rule } from '../types.js';

/** The clients' and servers' own words for a dependency that did not take the connection (see the rule's comment). */
const NOT_UP =
  /Can't connect to (?:MySQL|MariaDB) server on '(?<host>[^']+)' \((?:111|115|110|113|10061)\)|Can't reach database server at `?(?<host2>[^`\s]+?)`?(?::|\s|$)|[Mm]ake sure (?:your|the) database server is running at `?(?<host4>[^`\s]+?)`?(?::|\s|$)|Is the server running on host "(?<host5>[^"]+)"|AMQPConnectionError|Disconnected from amqp [Bb]roker|Socket closed abruptly during opening handshake|the database system is (?:starting up|not yet accepting connections|shutting down)|(?:LOADING|BusyLoadingError:) Redis is loading the dataset|LEADER_NOT_AVAILABLE|the database system is in recovery mode|FATAL:\s+terminating connection due to administrator command|Communications link failure|RedisConnectionException: Unable to connect to (?<host6>[\w.-]+)|JedisConnectionException: (?:Could not get a resource from the pool|Failed to connect to)|It was not possible to connect to the redis server|timeout occurred after waiting \d+ seconds for (?<host3>[\w.-]+):\d+|waiting on dependencies to become available|No [Ll]iving connections|A network-related or instance-specific error occurred while establishing a connection to SQL Server|LeaderNotAvailableException|MongoNetworkError|None of the configured nodes are available|NoNodeAvailableException|ORA-01033|Server is in script upgrade mode|SERVICE_UNAVAILABLE\/1\/state not recovered|Neo\.TransientError\.General\.DatabaseUnavailable|Cannot connect to amqps?:\/\/(?![^\n]*(?:resolve|[Nn]ame or service not known|nodename nor servname|getaddrinfo|name resolution|Errno -[235]\]|timed out))|BrokerUnreachableException|TCPConnectionFailedForAllHosts|\bNoHostAvailable\b|AllNodesFailedException|no hosts available in the pool|\bMASTERDOWN\b|\bCLUSTERDOWN\b|node is not in primary or recovering state|not primary and secondaryOk=false|NotPrimaryNoSecondaryOk|\bNotWritablePrimary\b|No cluster leader|etcdserver: (?:no leader|leader changed)|Vault is sealed|(?:master|cluster_manager)_not_discovered_exception|(?:Master|ClusterManager)NotDiscoveredException|KeeperErrorCode = ConnectionLoss/;

/** A loopback host is the setting's mistake (config-env), not the dependency's state. */
const LOOPBACK =
  /(?:Error: |Addr: |address=|Unspecified\/)(?:localhost|127\.0\.0\.1|\[::1\]):\d+|['"`](?:localhost|127\.0\.0\.1|::1)['"`]|(?:at|to) `?(?:localhost|127\.0\.0\.1|\[?::1\]?)`?:|\[(?:localhost|127\.0\.0\.1):\d+\]|ECONNREFUSED (?:127\.0\.0\.1|::1)|:\/\/(?:[^@\s/]*@)?(?:localhost|127\.0\.0\.1|\[::1\])[:/]/;

/*
 * One meaning, many clients: a database or broker at a real address did not take the connection, because it is not
 * up (yet). MySQL clients' `Can't connect to MySQL server on 'db' (111)` (refused) or `(115)` (still connecting),
 * Prisma's `Can't reach database server at`, pika's `AMQPConnectionError` (amqplib's `Socket closed abruptly during
 * opening handshake` and amqp-connection-manager's `Disconnected from amqp Broker` while RabbitMQ boots), MongoDB's server
 * selection timing out (in every driver's words: MONGO_SELECTION_TIMEOUT in reachability.ts),
 * Prisma's `Please make sure your database server is running at`, Redis clients for Java and .NET (Lettuce's
 * `RedisConnectionException: Unable to connect to redis:6379`, Jedis, StackExchange.Redis' `It was not possible to
 * connect to the redis server(s)`), libpq's `Is the server running on host "db"`,
 * Postgres and Redis saying they are still starting or loading, JDBC's `Communications link failure`, SQL Server's
 * `network-related or instance-specific error`, the clients that name the unready server by an error class (Kafka's Java
 * `LeaderNotAvailableException` while the broker has not elected leaders yet, the MongoDB Node driver's
 * `MongoNetworkError` on first connect, Elasticsearch's Java clients' `NoNodeAvailableException` / `None of the
 * configured nodes are available`), the servers that answer that they are still starting (Oracle's `ORA-01033:
 * ORACLE initialization or shutdown in progress`, SQL Server's `Server is in script upgrade mode`, Elasticsearch's
 * `SERVICE_UNAVAILABLE/1/state not recovered`, Neo4j's `Neo.TransientError.General.DatabaseUnavailable`), Postgres cutting its clients while it restarts (`terminating connection due to administrator
 * command`, as the image's init-time server does), RabbitMQ clients with no broker taking the connection (kombu's `Cannot
 * connect to amqp://…` unless the name did not resolve, .NET's `BrokerUnreachableException`, Bunny's
 * `TCPConnectionFailedForAllHosts`), Cassandra drivers with no node up (`NoHostAvailable`, `AllNodesFailedException`, gocql's
 * `no hosts available in the pool`), a Redis replica or cluster not serving yet (`MASTERDOWN`, `CLUSTERDOWN`), a MongoDB
 * replica set with no primary yet (`not primary`, `NotWritablePrimary`, `node is not in primary or recovering state`), a
 * cluster or coordination store with no leader yet (Consul and Nomad's `No cluster leader`, etcd's `no leader`,
 * Elasticsearch's and OpenSearch's `master_not_discovered_exception` / `cluster_manager_not_discovered_exception`,
 * ZooKeeper's `ConnectionLoss`) or still sealed (Vault), wait-for-it and dockerize giving up on the dependency's port. Deploy order or a readiness gate fixes it.
 */
const rule: Rule = {
  id: 'dependency-not-ready',
  category: 'dependency-unreachable',
  match: [
    {
      in: ['log', 'stoppedReason', 'containerReason', 'localField'],
      re: new RegExp(`${NOT_UP.source}|${MONGO_SELECTION_TIMEOUT.source}`),
      not: LOOPBACK,
    },
  ],
  cause:
    '{service} could not connect to its database or broker ({host,host2,host3,host4,host5,host6|at the address in the log}): the dependency was not accepting connections when {service} started.',
  fix: 'Start the dependency first and gate {service} on its health (deploy it in an earlier wave, or retry the connection at start-up); if it never comes up, fix the dependency itself.',
  confidence: 0.6,
  beats: ['uncaught-exception', 'essential-exited-nonzero', 'local-exit-nonzero'],
  examples: {
    match: [
      [
        [
          'log',
          'consumer: Cannot connect to amqp://guest:**@rabbitmq:5672//: Server unexpectedly closed connection.',
        ],
      ],
      [
        [
          'log',
          'RabbitMQ.Client.Exceptions.BrokerUnreachableException: None of the specified endpoints were reachable',
        ],
      ],
      [
        [
          'log',
          'Bunny::TCPConnectionFailedForAllHosts: could not establish TCP connection to any of the configured hosts',
        ],
      ],
      [['log', "cassandra.cluster.NoHostAvailable: ('Unable to connect to any servers', {})"]],
      [
        [
          'log',
          "redis.exceptions.ResponseError: MASTERDOWN Link with MASTER is down and replica-serve-stale-data is set to 'no'.",
        ],
      ],
      [['log', 'ReplyError: CLUSTERDOWN The cluster is down']],
      [['log', 'MongoServerError: node is not in primary or recovering state']],
      [['log', 'Error: Unexpected response code: 500 (No cluster leader)']],
      [['log', '{"level":"error","error":"etcdserver: no leader"}']],
      [['log', '* Vault is sealed']],
      [
        [
          'log',
          "elasticsearch.exceptions.TransportError: TransportError(503, 'master_not_discovered_exception', None)",
        ],
      ],
      [
        [
          'log',
          'org.apache.zookeeper.KeeperException$ConnectionLossException: KeeperErrorCode = ConnectionLoss for /brokers/ids',
        ],
      ],
      [['log', "Mysql2::Error: Can't connect to MySQL server on 'db' (115)"]],
      [
        [
          'log',
          'com.mongodb.MongoTimeoutException: Timed out after 30000 ms while waiting to connect. Client view of cluster state is {type=UNKNOWN, servers=[{address=mongo:27017, type=UNKNOWN, state=CONNECTING}]',
        ],
      ],
      [
        [
          'log',
          'System.TimeoutException: A timeout occurred after 30000ms selecting a server using CompositeServerSelector',
        ],
      ],
      [
        [
          'log',
          'Mongo::Error::NoServerAvailable: No server is available matching preference: #<Mongo::ServerSelector::Primary>',
        ],
      ],
      [['log', "ERROR 2003 (HY000): Can't connect to MySQL server on 'mysql' (111)"]],
      [['log', "Error: P1001: Can't reach database server at `db:5432`"]],
      [['log', 'Please make sure your database server is running at `postgres`:`5432`.']],
      [['log', 'io.lettuce.core.RedisConnectionException: Unable to connect to redis:6379']],
      [['log', '\tIs the server running on host "db" (172.18.0.2) and accepting']],
      [['log', 'pika.exceptions.AMQPConnectionError']],
      [['log', 'Error: Socket closed abruptly during opening handshake']],
      [['log', 'FATAL:  the database system is starting up']],
      [
        [
          'log',
          'db-1  | 2024-04-12 09:23:56.341 UTC [90] FATAL:  terminating connection due to administrator command',
        ],
      ],
      [['log', 'wait-for-it.sh: timeout occurred after waiting 15 seconds for db:5432']],
      [['log', 'com.mysql.cj.jdbc.exceptions.CommunicationsException: Communications link failure']],
      [['log', 'MongoServerSelectionError: connect ECONNREFUSED 10.0.1.5:27017']],
      [
        [
          'log',
          'org.apache.kafka.common.errors.LeaderNotAvailableException: There is no leader for this topic-partition',
        ],
      ],
      [['log', 'MongoNetworkError: failed to connect to server [mongo:27017] on first connect']],
      [['log', 'java.sql.SQLException: ORA-01033: ORACLE initialization or shutdown in progress']],
      [
        [
          'log',
          "Login failed for user 'sa'. Reason: Server is in script upgrade mode. Only administrator can connect at this time.",
        ],
      ],
      [
        [
          'log',
          'NoNodeAvailableException[None of the configured nodes are available: [{#transport#-1}{es}{10.0.0.4:9300}]]',
        ],
      ],
    ],
    noMatch: [
      [
        [
          'log',
          'consumer: Cannot connect to amqp://guest:**@rabbitmq:5672//: failed to resolve broker hostname.',
        ],
      ],
      [
        [
          'log',
          'consumer: Cannot connect to amqp://guest:**@localhost:5672//: [Errno 111] Connection refused.',
        ],
      ],
      [['log', "ERROR 2003 (HY000): Can't connect to MySQL server on '127.0.0.1' (111)"]],
      [['log', 'connected to db:5432']],
      [
        [
          'log',
          'server selection error: context deadline exceeded, current topology: { Type: Unknown, Servers: [{ Addr: localhost:27017, Type: Unknown }, ] }',
        ],
      ],
      [['log', 'Please make sure your database server is running at `localhost`:`5432`.']],
      [['log', '\tIs the server running on host "localhost" (127.0.0.1) and accepting']],
      [['log', 'MongoNetworkError: failed to connect to server [localhost:27017] on first connect']],
    ],
  },
};
export default rule;
