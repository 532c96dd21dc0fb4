import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/diagnose/index.js';
import { composed, itNamesEach, logged, type PhrasingCase } from './phrasing-cases.js';

/*
 * Session 11, part a: connections and settings. Each family is one cause in the words of tools and runtimes the train
 * captures do not use: a server that says it listens on its own loopback, a listen port already taken and a listen
 * address the container lacks (in musl's words too), a dependency that refused the credentials it was given, and a
 * client refused at the container's own loopback. Written from how each tool words it (not copied from the corpus),
 * with routine lines around.
 */

const cases: readonly PhrasingCase[] = [
  // The server's own banner names a loopback address: nothing outside the container reaches it.
  {
    name: "Gin's debug banner on 127.0.0.1",
    expect: 'port-binding',
    rule: 'listening-on-loopback',
    capture: logged(
      '[GIN-debug] [WARNING] Running in "debug" mode. Switch to "release" mode in production.',
      '[GIN-debug] GET    /healthz                  --> main.health (3 handlers)',
      '[GIN-debug] Listening and serving HTTP on 127.0.0.1:8080',
    ),
  },
  {
    name: "Rocket's launch line at its default address",
    expect: 'port-binding',
    rule: 'listening-on-loopback',
    capture: logged(
      '🔧 Configured for release.',
      '   >> address: 127.0.0.1',
      '   >> port: 8000',
      '🚀 Rocket has launched from http://127.0.0.1:8000',
    ),
  },
  {
    name: 'Waitress serving on loopback',
    expect: 'port-binding',
    rule: 'listening-on-loopback',
    capture: composed('web', 'web  | INFO:waitress:Serving on http://127.0.0.1:8080'),
  },
  {
    name: "Python's http.server bound to 127.0.0.1",
    expect: 'port-binding',
    rule: 'listening-on-loopback',
    capture: logged('Serving HTTP on 127.0.0.1 port 8000 (http://127.0.0.1:8000/) ...'),
  },
  {
    name: "Ktor's engine responding at loopback",
    expect: 'port-binding',
    rule: 'listening-on-loopback',
    capture: logged(
      '2025-03-01 10:00:00.000 [main] INFO  ktor.application - Autoreload is disabled because the development mode is off.',
      '2025-03-01 10:00:00.500 [main] INFO  ktor.application - Application started in 0.412 seconds.',
      '2025-03-01 10:00:00.600 [DefaultDispatcher-worker-1] INFO  ktor.application - Responding at http://127.0.0.1:8080',
    ),
  },
  {
    name: "Grafana's logfmt `address=` at loopback",
    expect: 'port-binding',
    rule: 'listening-on-loopback',
    capture: logged(
      'logger=settings t=2025-03-01T10:00:00Z level=info msg="Starting Grafana" version=10.4.1',
      'logger=http.server t=2025-03-01T10:00:01Z level=info msg="HTTP Server Listen" address=127.0.0.1:3000 protocol=http subUrl= socket=',
    ),
  },
  {
    name: "Prometheus' web handler at loopback",
    expect: 'port-binding',
    rule: 'listening-on-loopback',
    capture: logged(
      'ts=2025-03-01T10:00:00.000Z caller=main.go:1200 level=info msg="Server is ready to receive web requests."',
      'ts=2025-03-01T10:00:00.000Z caller=tls_config.go:313 level=info component=web msg="Listening on" address=127.0.0.1:9090',
    ),
  },
  // A listen port already held, in musl's words (Alpine and BusyBox images): `Address in use`.
  {
    name: 'nginx:alpine with port 80 taken',
    expect: 'port-binding',
    rule: 'port-in-use',
    capture: logged(
      '/docker-entrypoint.sh: Configuration complete; ready for start up',
      '2025/03/01 10:00:00 [emerg] 1#1: bind() to 0.0.0.0:80 failed (98: Address in use)',
      'nginx: [emerg] bind() to 0.0.0.0:80 failed (98: Address in use)',
    ),
  },
  {
    name: 'redis:alpine with its port taken',
    expect: 'port-binding',
    rule: 'port-in-use',
    capture: logged(
      '1:M 01 Mar 2025 10:00:00.000 * monotonic clock: POSIX clock_gettime',
      '1:M 01 Mar 2025 10:00:00.000 # Warning: Could not create server TCP listening socket *:6379: bind: Address in use',
      '1:M 01 Mar 2025 10:00:00.000 # Failed listening on port 6379 (tcp), aborting.',
    ),
  },
  {
    name: 'Python on Alpine binding a taken port',
    expect: 'port-binding',
    rule: 'port-in-use',
    capture: logged(
      'Traceback (most recent call last):',
      '  File "/usr/local/lib/python3.12/socketserver.py", line 473, in server_bind',
      '    self.socket.bind(self.server_address)',
      'OSError: [Errno 98] Address in use',
    ),
  },
  {
    name: 'uvicorn on Alpine with its port taken',
    expect: 'port-binding',
    rule: 'port-in-use',
    capture: logged(
      'INFO:     Started server process [1]',
      "ERROR:    [Errno 98] error while attempting to bind on address ('0.0.0.0', 8000): address in use",
    ),
  },
  {
    name: "BusyBox httpd's bind",
    expect: 'port-binding',
    rule: 'port-in-use',
    capture: logged('httpd: bind: Address in use'),
  },
  // A listen address the container does not have (a host IP from elsewhere), also in musl's and Rust's words.
  {
    name: 'nginx:alpine listening on a host address',
    expect: 'port-binding',
    rule: 'bind-address-unavailable',
    capture: logged(
      '/docker-entrypoint.sh: Configuration complete; ready for start up',
      'nginx: [emerg] bind() to 192.168.1.20:80 failed (99: Address not available)',
    ),
  },
  {
    name: 'redis:alpine with bind set to the host IP',
    expect: 'port-binding',
    rule: 'bind-address-unavailable',
    capture: logged(
      '1:M 01 Mar 2025 10:00:00.000 # Warning: Could not create server TCP listening socket 10.0.0.12:6379: bind: Address not available',
      '1:M 01 Mar 2025 10:00:00.000 # Failed listening on port 6379 (tcp), aborting.',
    ),
  },
  {
    name: "a Rust server's io::Error for the bind",
    expect: 'port-binding',
    rule: 'bind-address-unavailable',
    capture: logged(
      'Error: failed to bind TcpListener to 172.31.5.9:3000',
      '',
      'Caused by:',
      '    Cannot assign requested address (os error 99)',
    ),
  },
  {
    name: 'Python on Alpine binding a foreign address',
    expect: 'port-binding',
    rule: 'bind-address-unavailable',
    capture: logged(
      'Traceback (most recent call last):',
      '  File "/usr/local/lib/python3.12/socketserver.py", line 473, in server_bind',
      '    self.socket.bind(self.server_address)',
      'OSError: [Errno 99] Address not available',
    ),
  },
  {
    name: 'uvicorn on Alpine with --host set to the host IP',
    expect: 'port-binding',
    rule: 'bind-address-unavailable',
    capture: logged(
      'INFO:     Started server process [1]',
      'INFO:     Waiting for application startup.',
      'INFO:     Application startup complete.',
      "ERROR:    [Errno 99] error while attempting to bind on address ('10.0.0.5', 8000): address not available",
      'INFO:     Waiting for application shutdown.',
    ),
  },
  // The dependency answered and refused the credentials.
  {
    name: 'PyMongo',
    expect: 'config-env',
    rule: 'credentials-rejected',
    capture: logged(
      "pymongo.errors.OperationFailure: Authentication failed., full error: {'ok': 0.0, 'errmsg': 'Authentication failed.', 'code': 18, 'codeName': 'AuthenticationFailed'}",
    ),
  },
  {
    name: 'the Go MongoDB driver',
    expect: 'config-env',
    rule: 'credentials-rejected',
    capture: logged(
      'panic: connection() error occurred during connection handshake: auth error: sasl conversation error: unable to authenticate using mechanism "SCRAM-SHA-256": (AuthenticationFailed) Authentication failed.',
      'goroutine 1 [running]:',
    ),
  },
  {
    name: 'the MongoDB Java driver',
    expect: 'config-env',
    rule: 'credentials-rejected',
    capture: logged(
      "com.mongodb.MongoSecurityException: Exception authenticating MongoCredential{mechanism=SCRAM-SHA-1, userName='app', source='admin', password=<hidden>, mechanismProperties=<hidden>}",
      "Caused by: com.mongodb.MongoCommandException: Command failed with error 18 (AuthenticationFailed): 'Authentication failed.' on server mongo:27017.",
    ),
  },
  {
    name: 'SQL Server',
    expect: 'config-env',
    rule: 'credentials-rejected',
    capture: logged(
      "Microsoft.Data.SqlClient.SqlException (0x80131904): Login failed for user 'sa'.",
      '   at Microsoft.Data.SqlClient.SqlInternalConnection.OnError(SqlException exception, Boolean breakConnection)',
    ),
  },
  {
    name: 'Oracle',
    expect: 'config-env',
    rule: 'credentials-rejected',
    capture: logged('java.sql.SQLException: ORA-01017: invalid username/password; logon denied'),
  },
  {
    name: "Kafka's Java client with SCRAM",
    expect: 'config-env',
    rule: 'credentials-rejected',
    capture: logged(
      '[2025-03-01 10:00:00,000] ERROR [Consumer clientId=orders-1, groupId=orders] Connection to node -1 (kafka/172.18.0.4:9094) failed authentication due to: Authentication failed during authentication due to invalid credentials with SASL mechanism SCRAM-SHA-512 (org.apache.kafka.clients.NetworkClient)',
    ),
  },
  {
    name: "RabbitMQ through Go's amqp client",
    expect: 'config-env',
    rule: 'credentials-rejected',
    capture: logged(
      'failed to connect to RabbitMQ: Exception (403) Reason: "username or password not allowed"',
    ),
  },
  {
    name: 'Elasticsearch with security on',
    expect: 'config-env',
    rule: 'credentials-rejected',
    capture: logged(
      "elasticsearch.AuthenticationException: AuthenticationException(401, 'security_exception', 'unable to authenticate user [elastic] for REST request [/_cluster/health]')",
    ),
  },
  {
    name: 'Redis before ACLs',
    expect: 'config-env',
    rule: 'credentials-rejected',
    capture: logged('Redis::CommandError: ERR invalid password'),
  },
  // Refused at the container's own loopback, in clients whose words the rule lacked.
  {
    name: 'StackExchange.Redis at localhost',
    expect: 'config-env',
    rule: 'loopback-dependency-refused',
    capture: logged(
      'Unhandled exception. StackExchange.Redis.RedisConnectionException: It was not possible to connect to the redis server(s). UnableToConnect on localhost:6379/Interactive, Initializing/NotStarted, last: NONE, origin: BeginConnectAsync, outstanding: 0, last-read: 0s ago, last-write: 0s ago, keep-alive: 60s, state: Connecting, mgr: 10 of 10 available, last-heartbeat: never, global: 0s ago, v: 2.7.4.20928',
    ),
  },
  {
    name: "Lettuce's refused Redis at localhost",
    expect: 'config-env',
    rule: 'loopback-dependency-refused',
    capture: logged(
      'io.lettuce.core.RedisConnectionException: Unable to connect to localhost/<unresolved>:6379',
      'Caused by: io.netty.channel.AbstractChannel$AnnotatedConnectException: Connection refused: localhost/127.0.0.1:6379',
    ),
  },
  {
    name: "Postgrex's tcp connect at localhost",
    expect: 'config-env',
    rule: 'loopback-dependency-refused',
    capture: logged(
      '[error] Postgrex.Protocol (#PID<0.2613.0>) failed to connect: ** (DBConnection.ConnectionError) tcp connect (localhost:5432): connection refused - :econnrefused',
    ),
  },
  {
    name: 'the Python Elasticsearch client at localhost',
    expect: 'config-env',
    rule: 'loopback-dependency-refused',
    capture: logged(
      'elastic_transport.ConnectionError: Connection error caused by: ConnectionError(Connection error caused by: NewConnectionError(<urllib3.connection.HTTPConnection object at 0x7f2a1c1b2d90>: Failed to establish a new connection: [Errno 111] Connection refused))',
      'WARNING:elastic_transport.node_pool:Node <Urllib3HttpNode(http://localhost:9200)> has failed for 1 times in a row, putting on 1 second timeout',
    ),
  },
  {
    name: 'Kibana at localhost:9200',
    expect: 'config-env',
    rule: 'loopback-dependency-refused',
    capture: logged(
      '[2025-03-01T10:00:00.000+00:00][ERROR][elasticsearch-service] Unable to retrieve version information from Elasticsearch nodes. connect ECONNREFUSED 127.0.0.1:9200',
    ),
  },
  {
    name: 'Npgsql at 127.0.0.1',
    expect: 'config-env',
    rule: 'loopback-dependency-refused',
    capture: logged(
      'Npgsql.NpgsqlException (0x80004005): Failed to connect to 127.0.0.1:5432',
      ' ---> System.Net.Sockets.SocketException (111): Connection refused',
    ),
  },
  // MongoDB's server selection timing out, in each driver's words. Inside AWS networking (a DocumentDB or Atlas-peered
  // host, an awsvpc task) the silence is the network; between Compose services it is the dependency not up.
  {
    name: "PyMongo's selection timeout to DocumentDB",
    expect: 'network-sg',
    rule: 'dependency-timeout-aws-network',
    capture: logged(
      "pymongo.errors.ServerSelectionTimeoutError: docdb-prod.cluster-c1x2y3z4.us-east-1.docdb.amazonaws.com:27017: timed out, Timeout: 30s, Topology Description: <TopologyDescription id: 65e1f0a2, topology_type: Unknown, servers: [<ServerDescription ('docdb-prod.cluster-c1x2y3z4.us-east-1.docdb.amazonaws.com', 27017) server_type: Unknown, rtt: None, error=NetworkTimeout('docdb-prod.cluster-c1x2y3z4.us-east-1.docdb.amazonaws.com:27017: timed out')>]>",
    ),
  },
  {
    name: "the Java driver's selection timeout to DocumentDB",
    expect: 'network-sg',
    rule: 'dependency-timeout-aws-network',
    capture: logged(
      '2025-03-01 10:00:00.000  INFO 1 --- [main] org.mongodb.driver.cluster : Cluster created with settings {hosts=[docdb-prod.cluster-c1x2y3z4.us-east-1.docdb.amazonaws.com:27017], mode=SINGLE}',
      'com.mongodb.MongoTimeoutException: Timed out after 30000 ms while waiting to connect. Client view of cluster state is {type=UNKNOWN, servers=[{address=docdb-prod.cluster-c1x2y3z4.us-east-1.docdb.amazonaws.com:27017, type=UNKNOWN, state=CONNECTING}]',
    ),
  },
  {
    name: "the .NET driver's selection timeout to DocumentDB",
    expect: 'network-sg',
    rule: 'dependency-timeout-aws-network',
    capture: logged(
      'Unhandled exception. System.TimeoutException: A timeout occurred after 30000ms selecting a server using CompositeServerSelector{ Selectors = MongoDB.Driver.MongoClient+AreSessionsSupportedServerSelector, LatencyLimitingServerSelector{ AllowedLatencyRange = 00:00:00.0150000 } }. Client view of the cluster state is { ClusterId : "1", ConnectionMode : "Automatic", Type : "Unknown", State : "Disconnected", Servers : [{ ServerId: "{ ClusterId : 1, EndPoint : "Unspecified/docdb-prod.cluster-c1x2y3z4.us-east-1.docdb.amazonaws.com:27017" }", EndPoint: "Unspecified/docdb-prod.cluster-c1x2y3z4.us-east-1.docdb.amazonaws.com:27017", ReasonChanged: "Heartbeat", State: "Disconnected", Type: "Unknown" }] }.',
    ),
  },
  {
    name: "the Go driver's selection timeout in an awsvpc task",
    expect: 'network-sg',
    rule: 'dependency-timeout-aws-network',
    capture: {
      service: 'api',
      logs: {
        api: [
          '{"level":"info","msg":"starting api","port":8080}',
          'panic: server selection error: server selection timeout, current topology: { Type: ReplicaSetNoPrimary, Servers: [{ Addr: mongo-0.internal.example:27017, Type: Unknown }, ] }',
        ],
      },
      taskDefinition: { networkMode: 'awsvpc' },
    },
  },
  {
    name: "Ruby's NoServerAvailable to DocumentDB",
    expect: 'network-sg',
    rule: 'dependency-timeout-aws-network',
    capture: logged(
      'Mongo::Error::NoServerAvailable: No primary server is available in cluster: #<Cluster topology=ReplicaSetNoPrimary[docdb-prod.cluster-c1x2y3z4.us-east-1.docdb.amazonaws.com:27017] servers=[#<Server address=docdb-prod.cluster-c1x2y3z4.us-east-1.docdb.amazonaws.com:27017 UNKNOWN>]> with timeout=30, LT=0.015',
    ),
  },
  {
    name: "PHP's ConnectionTimeoutException to DocumentDB",
    expect: 'network-sg',
    rule: 'dependency-timeout-aws-network',
    capture: logged(
      "PHP Fatal error:  Uncaught MongoDB\\Driver\\Exception\\ConnectionTimeoutException: No suitable servers found (`serverSelectionTryOnce` set): [connection timeout calling hello on 'docdb-prod.cluster-c1x2y3z4.us-east-1.docdb.amazonaws.com:27017'] in /var/www/html/vendor/mongodb/mongodb/src/Collection.php:1",
    ),
  },
  {
    name: "the Java driver's selection timeout at a Compose service",
    expect: 'dependency-unreachable',
    rule: 'dependency-not-ready',
    capture: composed(
      'api',
      'api  | com.mongodb.MongoTimeoutException: Timed out after 30000 ms while waiting to connect. Client view of cluster state is {type=UNKNOWN, servers=[{address=mongo:27017, type=UNKNOWN, state=CONNECTING}]',
    ),
  },
  {
    name: "the .NET driver's selection timeout at a Compose service",
    expect: 'dependency-unreachable',
    rule: 'dependency-not-ready',
    capture: composed(
      'api',
      'api  | System.TimeoutException: A timeout occurred after 30000ms selecting a server using CompositeServerSelector{ Selectors = ReadPreferenceServerSelector{ ReadPreference = { Mode : Primary } } }. Client view of the cluster state is { ClusterId : "1", Type : "Unknown", State : "Disconnected", Servers : [{ EndPoint: "Unspecified/mongo:27017", State: "Disconnected" }] }.',
    ),
  },
  {
    name: "Ruby's NoServerAvailable at a Compose service",
    expect: 'dependency-unreachable',
    rule: 'dependency-not-ready',
    capture: composed(
      'web',
      'web  | Mongo::Error::NoServerAvailable: No server is available matching preference: #<Mongo::ServerSelector::Primary> using server_selection_timeout=30 and local_threshold=0.015',
    ),
  },
  // A connect that got no answer, to a managed cache or database, in clients whose words the timeout family lacked.
  {
    name: 'redis-rb to ElastiCache',
    expect: 'network-sg',
    rule: 'managed-endpoint-timeout',
    capture: logged(
      'Redis::CannotConnectError: Timed out connecting to Redis on app-cache.x1y2z3.ng.0001.use1.cache.amazonaws.com:6379',
    ),
  },
  {
    name: 'StackExchange.Redis to ElastiCache',
    expect: 'network-sg',
    rule: 'dependency-timeout-aws-network',
    capture: logged(
      'StackExchange.Redis.RedisConnectionException: It was not possible to connect to the redis server(s). ConnectTimeout',
      'REDIS_HOST=app-cache.x1y2z3.ng.0001.use1.cache.amazonaws.com:6379',
    ),
  },
  {
    name: "sqlx's pool timeout to RDS",
    expect: 'network-sg',
    rule: 'dependency-timeout-aws-network',
    capture: logged(
      'connecting to postgres://app@app-db.c9xk2abc.us-east-2.rds.amazonaws.com:5432/app',
      'Error: pool timed out while waiting for an open connection',
    ),
  },
  // A dependency's name that did not resolve, in words the lookup family lacked: musl's EAI_AGAIN (`Try again`, Alpine
  // images), Rust's resolver prefix, Go's resolver given SERVFAIL, Java NIO's unresolved address. Each reads as the host
  // setting first since session 14 (host-setting-not-resolved), the dependency second.
  {
    name: 'redis-py on Alpine',
    expect: 'config-env',
    rule: 'host-setting-not-resolved',
    capture: logged(
      '[2025-03-01 10:00:00,000: INFO/MainProcess] Connected to amqp://guest:**@rabbitmq:5672//',
      'redis.exceptions.ConnectionError: Error -3 connecting to redis:6379. Try again.',
    ),
  },
  {
    name: "Python's getaddrinfo on Alpine",
    expect: 'config-env',
    rule: 'host-setting-not-resolved',
    capture: logged(
      'Traceback (most recent call last):',
      '  File "/usr/local/lib/python3.12/socket.py", line 963, in getaddrinfo',
      '    for res in _socket.getaddrinfo(host, port, family, type, proto, flags):',
      'socket.gaierror: [Errno -3] Try again',
    ),
  },
  {
    name: "Rust's resolver through hyper",
    expect: 'config-env',
    rule: 'host-setting-not-resolved',
    capture: logged(
      '2025-03-01T10:00:00.000Z  INFO api: starting on 0.0.0.0:8080',
      'Error: reqwest::Error { kind: Request, url: "http://search:7700/health", source: hyper_util::client::legacy::Error(Connect, ConnectError("dns error", Custom { kind: Uncategorized, error: "failed to lookup address information: Try again" })) }',
    ),
  },
  {
    name: "Go's resolver given SERVFAIL",
    expect: 'config-env',
    rule: 'host-setting-not-resolved',
    capture: logged(
      '{"level":"info","msg":"connecting to database"}',
      '{"level":"fatal","msg":"failed to connect to `host=postgres user=app database=app`: hostname resolving error (lookup postgres on 127.0.0.11:53: server misbehaving)"}',
    ),
  },
  {
    name: "Java NIO's unresolved address",
    expect: 'config-env',
    rule: 'host-setting-not-resolved',
    capture: logged(
      '2025-03-01 10:00:00.000  INFO 1 --- [main] o.a.k.clients.producer.KafkaProducer : [Producer clientId=producer-1] Instantiated an idempotent producer.',
      'Exception in thread "main" java.nio.channels.UnresolvedAddressException',
      '\tat java.base/sun.nio.ch.Net.checkAddress(Net.java:149)',
    ),
  },
  // A proxy's connect to its upstream that got no answer: Envoy's and Apache's (APR's) words beside nginx's `upstream
  // timed out (110`. In an awsvpc task the silence is the network between the tasks; alone it stays the ambiguous timeout.
  {
    name: 'Envoy (Service Connect) timing out on its upstream in an awsvpc task',
    expect: 'network-sg',
    rule: 'connect-timeout-dropped',
    capture: {
      service: 'web',
      logs: {
        web: [
          '[2025-03-01 10:00:00.000][1][info][main] [source/server/server.cc:932] starting main dispatch loop',
          '[2025-03-01T10:00:05.000Z] "GET /api/orders HTTP/1.1" 503 UF 0 91 5001 - "-" "curl/8.5.0" "3f1c" "orders.internal:8080" "10.0.2.41:8080"',
          'upstream connect error or disconnect/reset before headers. reset reason: connection timeout',
        ],
      },
      taskDefinition: { networkMode: 'awsvpc' },
    },
  },
  {
    name: 'nginx timing out on its upstream in an awsvpc task',
    expect: 'network-sg',
    rule: 'connect-timeout-dropped',
    capture: {
      service: 'web',
      logs: {
        web: [
          '/docker-entrypoint.sh: Configuration complete; ready for start up',
          '2025/03/01 10:00:35 [error] 29#29: *1 upstream timed out (110: Connection timed out) while connecting to upstream, client: 10.0.1.7, server: _, request: "GET /api/orders HTTP/1.1", upstream: "http://10.0.2.41:8080/api/orders"',
        ],
      },
      taskDefinition: { networkMode: 'awsvpc' },
    },
  },
  {
    name: "Apache's mod_proxy timing out on its backend in an awsvpc task",
    expect: 'network-sg',
    rule: 'connect-timeout-dropped',
    capture: {
      service: 'web',
      logs: {
        web: [
          '[Sat Mar 01 10:00:00.000000 2025] [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/2.4.62 (Unix) configured -- resuming normal operations',
          '[Sat Mar 01 10:00:35.000000 2025] [proxy:error] [pid 9:tid 21] (70007)The timeout specified has expired: AH00957: http: attempt to connect to 10.0.2.41:8080 (orders.internal:8080) failed',
          '[Sat Mar 01 10:00:35.000000 2025] [proxy_http:error] [pid 9:tid 21] [client 10.0.1.7:51234] AH01114: HTTP: failed to make connection to backend: orders.internal',
        ],
      },
      taskDefinition: { networkMode: 'awsvpc' },
    },
  },
  // The database client verifies the server's certificate and does not trust its authority: a connection setting.
  {
    name: "SqlClient's default Encrypt=true against a self-signed SQL Server",
    expect: 'config-env',
    rule: 'db-tls-untrusted',
    capture: logged(
      'info: Microsoft.Hosting.Lifetime[0] Hosting environment: Production',
      "fail: Microsoft.EntityFrameworkCore.Database.Connection[20004] An error occurred using the connection to database 'orders' on server 'mssql'.",
      'Microsoft.Data.SqlClient.SqlException (0x80131904): A connection was successfully established with the server, but then an error occurred during the login process. (provider: SSL Provider, error: 0 - The certificate chain was issued by an authority that is not trusted.)',
    ),
  },
  {
    name: 'mssql-jdbc without the server CA',
    expect: 'config-env',
    rule: 'db-tls-untrusted',
    capture: logged(
      '2025-03-01 10:00:00.000  INFO 1 --- [main] com.zaxxer.hikari.HikariDataSource : HikariPool-1 - Starting...',
      'com.microsoft.sqlserver.jdbc.SQLServerException: The driver could not establish a secure connection to SQL Server by using Secure Sockets Layer (SSL) encryption. Error: "PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target". ClientConnectionId:7b1c',
    ),
  },
  {
    name: 'libpq with sslmode=verify-full and no CA file',
    expect: 'config-env',
    rule: 'db-tls-untrusted',
    capture: logged(
      'psycopg2.OperationalError: connection to server at "app-db.c9xk2abc.us-east-2.rds.amazonaws.com" (10.0.3.9), port 5432 failed: root certificate file "/root/.postgresql/root.crt" does not exist',
      'Either provide the file or change sslmode to disable server certificate verification.',
    ),
  },
  {
    name: 'pgjdbc with sslmode=verify-ca and no CA file',
    expect: 'config-env',
    rule: 'db-tls-untrusted',
    capture: logged(
      'org.postgresql.util.PSQLException: Could not open SSL root certificate file /home/app/.postgresql/root.crt.',
    ),
  },
  // No route to the network, in musl's words (`Network unreachable`, Alpine and BusyBox images) and Rust's.
  {
    name: 'nginx:alpine proxying to an IPv6 upstream',
    expect: 'network-sg',
    rule: 'network-unreachable',
    capture: logged(
      '/docker-entrypoint.sh: Configuration complete; ready for start up',
      '2025/03/01 10:00:00 [error] 22#22: *3 connect() to [2600:1f18:2a4:e100::15]:443 failed (101: Network unreachable) while connecting to upstream, client: 10.0.1.7, server: _, request: "GET / HTTP/1.1", upstream: "https://[2600:1f18:2a4:e100::15]:443/"',
    ),
  },
  {
    name: 'redis-py on Alpine from a subnet without a route',
    expect: 'network-sg',
    rule: 'network-unreachable',
    capture: logged(
      'redis.exceptions.ConnectionError: Error 101 connecting to 10.20.5.4:6379. Network unreachable.',
    ),
  },
  {
    name: "BusyBox wget's connect",
    expect: 'network-sg',
    rule: 'network-unreachable',
    capture: logged("wget: can't connect to remote host (151.101.0.223): Network unreachable"),
  },
  {
    name: 'a Rust client on musl',
    expect: 'network-sg',
    rule: 'network-unreachable',
    capture: logged(
      'Error: error sending request for url (https://api.partner.example/v2/orders): error trying to connect: tcp connect error: Network unreachable (os error 101)',
    ),
  },
];

describe('session 11 part a phrasings', () => {
  itNamesEach(cases);

  it('a server listening on every address is not a loopback listen', () => {
    const f = diagnose(
      logged(
        '[GIN-debug] Listening and serving HTTP on :8080',
        'INFO:waitress:Serving on http://0.0.0.0:8080',
        'Serving HTTP on 0.0.0.0 port 8000 (http://0.0.0.0:8000/) ...',
        '🚀 Rocket has launched from http://0.0.0.0:8000',
      ),
    );
    assert.ok(!f.some((x) => x.rule === 'listening-on-loopback'), 'listening-on-loopback fired');
  });

  it("a client connecting to a remote host in musl's words is not a listen address", () => {
    const f = diagnose(
      logged(
        'redis.exceptions.ConnectionError: Error 99 connecting to 10.0.3.7:6379. Address not available.',
      ),
    );
    assert.ok(!f.some((x) => x.rule === 'bind-address-unavailable'), 'bind-address-unavailable fired');
  });

  it("a proxy's upstream timeout with no AWS networking in the capture stays the ambiguous timeout", () => {
    const f = diagnose(
      logged('upstream connect error or disconnect/reset before headers. reset reason: connection timeout'),
    );
    assert.equal(f[0]!.rule, 'connect-timeout-ambiguous', `${f[0]!.category} (${f[0]!.rule ?? 'no rule'})`);
  });

  it("an HTTP client's untrusted certificate is not a database connection setting", () => {
    const f = diagnose(
      logged('Get "https://api.example.com/v1": x509: certificate signed by unknown authority'),
    );
    assert.ok(!f.some((x) => x.rule === 'db-tls-untrusted'), 'db-tls-untrusted fired');
  });

  it('a successful authentication is not a rejected credential', () => {
    const f = diagnose(
      logged(
        'Successfully authenticated as principal app on mongo:27017',
        'INFO  [main] o.a.k.c.s.a.SaslClientAuthenticator - Successfully authenticated with kafka/172.18.0.4',
      ),
    );
    assert.ok(!f.some((x) => x.rule === 'credentials-rejected'), 'credentials-rejected fired');
  });
});
