import { describe } from 'node:test';
import { itNamesEach, logged, type PhrasingCase } from './phrasing-cases.js';

/*
 * Session 11, part d: settings of the host and of the container's file system, in other tools' words. Written from how
 * each runtime and server words the cause (not copied from the corpus), with routine lines around.
 */
const w = (name: string, ...lines: string[]): PhrasingCase => ({
  name,
  expect: 'config-env',
  rule: 'path-not-writable',
  capture: logged(...lines),
});
const k = (name: string, ...lines: string[]): PhrasingCase => ({
  name,
  expect: 'config-env',
  rule: 'host-kernel-limit-low',
  capture: logged(...lines),
});

/** A data, log or cache path the container's user may not write. */
const notWritable: readonly PhrasingCase[] = [
  w(
    "Node's EACCES on a cache directory",
    'info: using data directory /srv/app/data',
    "Error: EACCES: permission denied, mkdir '/srv/app/data/uploads'",
    '    at async Object.mkdir (node:internal/fs/promises:858:10)',
    'npm ERR! code 1',
  ),
  w(
    "Node's EROFS under a read-only root file system",
    '[server] warming cache',
    "Error: EROFS: read-only file system, open '/app/.next/cache/images/x.webp'",
  ),
  w(
    "Go's PathError opening a log file",
    'time="2026-12-06T01:00:00Z" level=info msg="starting server"',
    'time="2026-12-06T01:00:00Z" level=fatal msg="open /var/log/app/server.log: permission denied"',
  ),
  w(
    "Go's mkdir on a bind mount owned by root",
    'level=info ts=2026-12-06T01:00:00Z caller=main.go:51 msg="Starting"',
    'level=error ts=2026-12-06T01:00:00Z caller=main.go:77 err="mkdir /data/wal: permission denied"',
  ),
  w(
    "Python's PermissionError writing its database",
    'INFO:     Started server process [1]',
    'Traceback (most recent call last):',
    '  File "/app/db.py", line 12, in connect',
    "PermissionError: [Errno 13] Permission denied: '/data/app.sqlite3'",
  ),
  w(
    "Python's read-only file system",
    'Loading model weights',
    "OSError: [Errno 30] Read-only file system: '/root/.cache/huggingface'",
  ),
  w(
    "the JVM's AccessDeniedException on a data directory",
    '2026-12-06 01:00:00.000  INFO 1 --- [main] c.e.Application : Starting Application',
    'Caused by: java.nio.file.AccessDeniedException: /opt/app/data/index',
    '\tat java.base/sun.nio.fs.UnixException.translateToIOException(UnixException.java:90)',
  ),
  w(
    "the JVM's FileNotFoundException with Permission denied",
    'log4j:ERROR setFile(null,true) call failed.',
    'java.io.FileNotFoundException: /opt/app/logs/app.log (Permission denied)',
  ),
  w(
    "coreutils' chown in an entrypoint",
    'Initializing database',
    "chown: changing ownership of '/var/lib/postgresql/data': Operation not permitted",
  ),
  w(
    "BusyBox's touch on a volume",
    '+ touch /config/.initialized',
    "touch: cannot touch '/config/.initialized': Permission denied",
  ),
  w(
    "nginx's temp directory under a non-root user",
    '/docker-entrypoint.sh: Configuration complete; ready for start up',
    'nginx: [emerg] mkdir() "/var/cache/nginx/client_temp" failed (13: Permission denied)',
  ),
  w(
    'a shell redirect in an entrypoint script',
    'Welcome to the app container',
    '/opt/app/entrypoint.sh: line 42: /data/config.ini: Permission denied',
  ),
];

/** A kernel limit of the host the server checks at start. */
const kernelLimit: readonly PhrasingCase[] = [
  k(
    "OpenSearch's bootstrap check on vm.max_map_count",
    '[2026-12-06T01:00:00,000][INFO ][o.o.b.BootstrapChecks] [node-1] bound or publishing to a non-loopback address, enforcing bootstrap checks',
    'ERROR: [1] bootstrap checks failed',
    '[1]: max virtual memory areas vm.max_map_count [65530] is too low, increase to at least [262144]',
  ),
  k(
    "Elasticsearch's file descriptor check",
    'ERROR: [1] bootstrap checks failed',
    '[1]: max file descriptors [4096] for elasticsearch process is too low, increase to at least [65535]',
  ),
  k(
    "Elasticsearch's memory lock check",
    'ERROR: [1] bootstrap checks failed',
    '[1]: memory locking requested for elasticsearch process but memory is not locked',
  ),
  k(
    "Redpanda's Seastar without enough AIO capacity",
    'INFO  2026-12-06 01:00:00,000 [shard 0] main - application.cc:300 - Redpanda v23.3.1',
    'ERROR 2026-12-06 01:00:00,100 seastar - Could not setup Async I/O: Not enough request capacity in /proc/sys/fs/aio-max-nr. Try increasing that number or reducing the amount of logical CPUs available for your application',
  ),
  k(
    'a Go server that cannot mlock',
    '==> Vault server configuration:',
    'Error initializing core: Failed to lock memory: cannot allocate memory',
    '',
    'This usually means that the mlock syscall is not available.',
  ),
  k(
    "webpack's watcher out of inotify watches",
    '<i> [webpack-dev-server] Project is running at http://0.0.0.0:3000/',
    "Error: ENOSPC: System limit for number of file watchers reached, watch '/app/src'",
  ),
];

/** A hosting platform that routes to a port the app never opened, in the platforms' words. */
const platformPort: readonly PhrasingCase[] = [
  {
    name: "Railway's page when nothing answers on $PORT",
    expect: 'port-binding',
    rule: 'platform-port-not-listening',
    capture: logged(
      'INFO:     Started server process [1]',
      'INFO:     Uvicorn running on http://0.0.0.0:8000 (Press CTRL+C to quit)',
      'Application failed to respond',
    ),
  },
  {
    name: "Azure App Service's HTTP pings",
    expect: 'port-binding',
    rule: 'platform-port-not-listening',
    capture: logged(
      '2026-12-06T01:00:00.000Z INFO  - Pulling image: myregistry.azurecr.io/api:1.4.0',
      '2026-12-06T01:00:30.000Z INFO  - Starting container for site',
      '2026-12-06T01:04:30.000Z ERROR - Container api_0_1a2b3c4d for site api did not start within expected time limit. Elapsed time = 230.5 sec',
      "2026-12-06T01:04:30.100Z ERROR - Container api_0_1a2b3c4d didn't respond to HTTP pings on port: 80, failing site start. See container logs for debugging.",
      '2026-12-06T01:04:30.200Z INFO  - Stopping site api because it failed during startup.',
    ),
  },
  {
    name: "Render's port scan",
    expect: 'port-binding',
    rule: 'platform-port-not-listening',
    capture: logged(
      '==> Deploying...',
      'Server listening on 0.0.0.0:3000',
      '==> Port scan timeout reached, failed to detect open port 10000 from PORT environment variable. Bind your service to port 10000 or update the PORT environment variable to the correct port.',
    ),
  },
  {
    name: "Cloud Foundry's port health check",
    expect: 'port-binding',
    rule: 'platform-port-not-listening',
    capture: logged(
      '[CELL/0] OUT Starting health monitoring of container',
      '[APP/PROC/WEB/0] OUT Listening on port 3000',
      '[HEALTH/0] ERR Failed to make TCP connection to port 8080: connection refused',
      '[CELL/0] ERR Timed out after 1m0s: health check never passed.',
    ),
  },
];

/** Cluster members that cannot reach each other on their cluster ports. */
const peers = (name: string, service: string, ...lines: string[]): PhrasingCase => ({
  name,
  expect: 'network-sg',
  rule: 'cluster-peers-unreachable',
  capture: { service, logs: { [service]: lines } },
});
const clusterPorts: readonly PhrasingCase[] = [
  peers(
    "Consul's memberlist with UDP probes dropped",
    'consul',
    '==> Consul agent running!',
    '2026-12-06T01:00:00.000Z [INFO]  agent: Joined LAN: cluster=consul-lan num_agents=3',
    '2026-12-06T01:00:05.000Z [WARN]  agent.server.memberlist.lan: memberlist: Was able to connect to consul-2 but other probes failed, network may be misconfigured',
  ),
  peers(
    "Nomad's memberlist with no acks",
    'nomad',
    '==> Nomad agent started! Log data will stream in below:',
    '2026-12-06T01:00:10.000Z [INFO]  nomad: serf: EventMemberJoin: nomad-2.global 10.0.2.15',
    '2026-12-06T01:00:12.000Z [INFO]  nomad: memberlist: Suspect nomad-2.global has failed, no acks received',
  ),
  peers(
    "Docker Swarm's join",
    'swarm-worker',
    '$ docker swarm join --token SWMTKN-1-xxxx 10.0.1.10:2377',
    'Error response from daemon: Timeout was reached before node was joined. The attempt to join the swarm will continue in the background. Use the "docker info" command to see the current swarm status of your node.',
  ),
  peers(
    "etcd's peer prober",
    'etcd',
    '{"level":"info","msg":"serving client traffic securely","address":"[::]:2379"}',
    '{"level":"warn","caller":"rafthttp/probing_status.go:68","msg":"prober detected unhealthy status","round-tripper-name":"ROUND_TRIPPER_RAFT_MESSAGE","remote-peer-id":"8e9e05c52164694d"}',
    'health check for peer 8e9e05c52164694d could not connect: dial tcp 10.0.1.12:2380: i/o timeout',
  ),
  peers(
    "Calico's BGP between nodes",
    'calico-node',
    '2026-12-06 01:00:00.000 [INFO][1] startup/startup.go 425: Early log level set to info',
    'Readiness probe failed: calico/node is not ready: BIRD is not ready: BGP not established with 10.0.1.12,10.0.2.14',
  ),
];

/** A database whose connection limit is used up. */
const limit = (name: string, ...lines: string[]): PhrasingCase => ({
  name,
  expect: 'config-env',
  rule: 'db-connection-limit-reached',
  capture: logged(...lines),
});
const connectionLimit: readonly PhrasingCase[] = [
  limit(
    "psycopg2 against PostgreSQL's client limit",
    'INFO:     Application startup complete.',
    'sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) connection to server at "db.internal" (10.0.3.21), port 5432 failed: FATAL:  sorry, too many clients already',
  ),
  limit(
    'PgJDBC against PostgreSQL 16',
    '2026-12-06 01:00:00.000  INFO 1 --- [main] com.zaxxer.hikari.HikariDataSource : HikariPool-1 - Starting...',
    'org.postgresql.util.PSQLException: FATAL: remaining connection slots are reserved for roles with the SUPERUSER attribute',
  ),
  limit(
    "mysqljs against MySQL's limit",
    'Server listening on port 3000',
    'Error: ER_CON_COUNT_ERROR: Too many connections',
    '    at Handshake.Sequence._packetToError (/app/node_modules/mysql/lib/protocol/sequences/Sequence.js:47:14)',
  ),
  limit(
    "PHP's PDO against MariaDB",
    '[06-Dec-2026 01:00:00] NOTICE: fpm is running, pid 1',
    'PHP Fatal error:  Uncaught PDOException: SQLSTATE[HY000] [1040] Too many connections in /var/www/html/db.php:12',
  ),
  limit(
    "a Redis client at the server's maxclients",
    'worker ready, concurrency=20',
    'ReplyError: ERR max number of clients reached',
  ),
  limit(
    "PgBouncer's client limit",
    'Starting worker pool',
    'psql: error: connection to server at "pgbouncer" (10.0.3.30), port 6432 failed: FATAL:  no more connections allowed (max_client_conn)',
  ),
];

/** A container engine's socket the client may not open. */
const socket = (name: string, service: string, ...lines: string[]): PhrasingCase => ({
  name,
  expect: 'config-env',
  rule: 'engine-socket-denied',
  capture: { service, logs: { [service]: lines } },
});
const engineSocket: readonly PhrasingCase[] = [
  socket(
    'the Docker CLI in a CI runner container',
    'runner',
    '√ Connected to GitHub',
    '2026-12-06 01:00:00Z: Running job: build',
    '+ docker build -t app .',
    'Got permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock: Post "http://%2Fvar%2Frun%2Fdocker.sock/v1.46/build?t=app": dial unix /var/run/docker.sock: connect: permission denied',
  ),
  socket(
    "Traefik's Docker provider (a Go client)",
    'traefik',
    'time="2026-12-06T01:00:00Z" level=info msg="Configuration loaded from flags."',
    'time="2026-12-06T01:00:01Z" level=error msg="Failed to retrieve information of the docker client and server host: Get \\"http://%2Fvar%2Frun%2Fdocker.sock/version\\": dial unix /var/run/docker.sock: connect: permission denied" providerName=docker',
  ),
  socket(
    'docker-py in a Python job',
    'jobs',
    'Traceback (most recent call last):',
    '  File "/app/run.py", line 4, in <module>',
    '    client = docker.from_env()',
    "docker.errors.DockerException: Error while fetching server API version: ('Connection aborted.', PermissionError(13, 'Permission denied'))",
  ),
  socket(
    "a client of Podman's socket",
    'watcher',
    'starting watcher v0.9',
    'Error: unable to connect to Podman socket: Get "http://d/v4.9.3/libpod/_ping": dial unix /run/podman/podman.sock: connect: permission denied',
  ),
];

describe('session 11 part d: a path the container user may not write', () => itNamesEach(notWritable));
describe('session 11 part d: a kernel limit of the host too low', () => itNamesEach(kernelLimit));
describe('session 11 part d: a platform routing to a port the app never opened', () =>
  itNamesEach(platformPort));
describe('session 11 part d: cluster members that cannot reach each other', () => itNamesEach(clusterPorts));
describe('session 11 part d: a database with its connection limit used up', () =>
  itNamesEach(connectionLimit));
describe('session 11 part d: a container engine socket the client may not open', () =>
  itNamesEach(engineSocket));
