import { describe } from 'node:test';
import { itNamesEach, logCases, stopped, type PhrasingCase } from './phrasing-cases.js';

/*
 * Session 12, part a: config-env causes round 20 showed in one tool's words, written in other tools' and runtimes'
 * words from how each words the cause (not copied from the corpus), with routine lines around.
 */
const c = logCases('config-env');
const entry = c('command-not-found');
const watch = c('host-kernel-limit-low');
const write = c('path-not-writable');
const pid = c('stale-pid-file');
const parse = c('config-file-invalid');

/** The command or entrypoint the task or compose file names is not at that path in the image. */
const entrypointMissing: readonly PhrasingCase[] = [
  entry(
    'docker run with runc 1.1, an entrypoint renamed in the image',
    'Unable to find image locally, pulling',
    'Status: Downloaded newer image',
    'docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "/usr/local/bin/api-server": stat /usr/local/bin/api-server: no such file or directory: unknown.',
  ),
  entry(
    'Compose v1 with an older runc, a script path edited in the compose file',
    'Creating network "app_default" with the default driver',
    'Creating app_worker_1 ... error',
    'ERROR: for worker  Cannot start service worker: OCI runtime create failed: container_linux.go:349: starting container process caused "exec: \\"/app/scripts/run-worker.sh\\": stat /app/scripts/run-worker.sh: no such file or directory": unknown',
  ),
  {
    name: "ECS's stopped reason from containerd",
    expect: 'config-env',
    rule: 'command-not-found',
    capture: stopped(
      'CannotStartContainerError: Error response from daemon: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "/opt/service/bin/start": stat /opt/service/bin/start: no such file or directory: unknown',
    ),
  },
  entry(
    "Podman's crun, an absolute path not in the image",
    'Trying to pull registry.example.com/team/worker:2.1...',
    'Writing manifest to image destination',
    'Error: crun: executable file `/usr/local/bin/worker` not found: No such file or directory: OCI runtime attempted to invoke a command that was not found',
  ),
  entry(
    "Podman's crun, a command not on the PATH",
    'Storing signatures',
    'Error: crun: executable file `gunicorn` not found in $PATH: No such file or directory: OCI runtime attempted to invoke a command that was not found',
  ),
  entry(
    "Kubernetes' container start error through containerd",
    'Normal   Pulled     12s   kubelet  Successfully pulled image',
    'Normal   Created    12s   kubelet  Created container app',
    'Warning  Failed     11s   kubelet  Error: failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "/srv/app/run.sh": stat /srv/app/run.sh: no such file or directory: unknown',
  ),
];

/** The host's inotify instance limit (per user, shared by every container running as that uid) is used up. */
const inotifyInstances: readonly PhrasingCase[] = [
  watch(
    ".NET's configuration file watcher",
    'info: Microsoft.Hosting.Lifetime[0] Hosting environment: Production',
    'Unhandled exception. System.IO.IOException: The configured user limit (128) on the number of inotify instances has been reached, or the per-process limit on the number of open file descriptors has been reached.',
    '   at System.IO.FileSystemWatcher.StartRaisingEvents()',
  ),
  watch(
    "Python's watchdog",
    'INFO     Watching for file changes with WatchdogReloader',
    'Traceback (most recent call last):',
    '  File "/usr/local/lib/python3.11/site-packages/watchdog/observers/inotify_c.py", line 186, in __init__',
    'OSError: inotify instance limit reached',
  ),
  watch(
    "Go's fsnotify",
    'level=info ts=2026-12-06T04:00:00Z caller=main.go:40 msg="Starting agent"',
    'level=error ts=2026-12-06T04:00:00Z caller=main.go:88 msg="error creating watcher" err="failed to create fsnotify watcher: too many open files"',
  ),
  watch(
    "systemd's directory watch",
    'systemd 252.19 running in system mode',
    'Failed to allocate directory watch: Too many open files',
  ),
];

/** The app may not create its cache, log or data directory, in PHP frameworks' and Go's relative-path words. */
const notWritable: readonly PhrasingCase[] = [
  write(
    "Symfony 4+'s kernel building its container",
    '[06-Dec-2026 04:00:00] NOTICE: fpm is running, pid 1',
    'PHP Fatal error:  Uncaught RuntimeException: Unable to create the "cache" directory (/var/www/app/var/cache/prod). in /var/www/app/vendor/symfony/http-kernel/Kernel.php:601',
  ),
  write(
    "Symfony's log directory",
    '[06-Dec-2026 04:00:00] NOTICE: ready to handle connections',
    'PHP Fatal error:  Uncaught RuntimeException: Unable to write in the "logs" directory (/var/www/app/var/log). in /var/www/app/vendor/symfony/http-kernel/Kernel.php:612',
  ),
  write(
    "Laravel's Monolog stream",
    '[06-Dec-2026 04:00:00] NOTICE: fpm is running, pid 1',
    'PHP Fatal error:  Uncaught UnexpectedValueException: The stream or file "/var/www/html/storage/logs/laravel.log" could not be opened in append mode: Failed to open stream: Permission denied in /var/www/html/vendor/monolog/monolog/src/Monolog/Handler/StreamHandler.php:146',
  ),
  write(
    "PHP's file_put_contents on a compiled view",
    '172.18.0.1 -  06/Dec/2026:04:00:00 +0000 "GET /index.php" 500',
    'PHP Warning:  file_put_contents(/var/www/html/storage/framework/views/5f1c.php): Failed to open stream: Permission denied in /var/www/html/vendor/laravel/framework/src/Illuminate/Filesystem/Filesystem.php on line 204',
  ),
  write(
    "Go's mkdir of a relative data path",
    'level=info ts=2026-12-06T04:00:00.000Z caller=main.go:225 msg="Starting Alertmanager"',
    'level=error ts=2026-12-06T04:00:00.001Z caller=main.go:232 msg="Unable to create data directory" err="mkdir data: permission denied"',
  ),
  write(
    "Go's open of a relative WAL path",
    'level=info caller=main.go:70 msg="starting ingester"',
    'level=error caller=main.go:95 msg="error initialising module" err="open wal/00000001: permission denied"',
  ),
];

/** A pid or lock file from an earlier run blocks the next start. */
const stalePid: readonly PhrasingCase[] = [
  pid(
    "Play's RUNNING_PID",
    'Picked up JAVA_TOOL_OPTIONS: -Xmx512m',
    'This application is already running (Or delete /opt/docker/RUNNING_PID file).',
  ),
  pid(
    "Spark's daemon script",
    'starting org.apache.spark.deploy.master.Master, logging to /opt/spark/logs/spark--master.out',
    'org.apache.spark.deploy.master.Master running as process 1.  Stop it first.',
  ),
  pid(
    "Hadoop 3's daemon script",
    'WARNING: HADOOP_PREFIX has been replaced by HADOOP_HOME.',
    'namenode is running as process 1.  Stop it first and ensure /tmp/hadoop-hdfs-namenode.pid file is empty before retry.',
  ),
  pid(
    "ZooKeeper's zkServer.sh",
    'ZooKeeper JMX enabled by default',
    'Using config: /conf/zoo.cfg',
    'Starting zookeeper ... already running as process 1.',
  ),
  pid(
    "Unicorn's pid check",
    'I, [2026-12-06T04:00:00 #1]  INFO -- : Refreshing Gem list',
    'ArgumentError: Already running on PID:1 (or pid=/app/tmp/pids/unicorn.pid is stale)',
  ),
];

/** A config file that parses but has a value of the wrong shape (a list where a map goes, a string for a number). */
const wrongShape: readonly PhrasingCase[] = [
  parse(
    "Go's yaml.v2 in a Prometheus-family server",
    'level=info ts=2026-12-06T04:00:00Z caller=main.go:225 msg="Starting"',
    'level=error ts=2026-12-06T04:00:00Z caller=coordinator.go:118 component=configuration msg="Loading configuration file failed" file=/etc/server/config.yml err="yaml: unmarshal errors:\\n  line 12: cannot unmarshal !!seq into map[string]string"',
  ),
  parse(
    "Go's yaml.v3 with a string for a number",
    'time="2026-12-06T04:00:00Z" level=info msg="reading /etc/proxy/proxy.yaml"',
    'time="2026-12-06T04:00:00Z" level=fatal msg="invalid configuration" error="yaml: unmarshal errors:\\n  line 4: cannot unmarshal !!str `eighty` into int"',
  ),
  parse(
    "serde in a Rust service's TOML",
    '2026-12-06T04:00:00.000Z  INFO vector::app: Loading configs. paths=["/etc/vector/vector.toml"]',
    '2026-12-06T04:00:00.001Z ERROR vector::cli: Configuration error. error=invalid type: string "5", expected u64 for key `sinks.out.batch.max_events` at line 14 column 20',
  ),
  parse(
    'serde_yaml with a map where a list goes',
    '2026-12-06T04:00:00Z INFO starting relay',
    'Error: failed to read /etc/relay/config.yml: routes: invalid type: map, expected a sequence at line 3 column 3',
  ),
  parse(
    "Dropwizard's configuration parser",
    'INFO  [2026-12-06 04:00:00,000] io.dropwizard.server.DefaultServerFactory: Registering jersey handler',
    'io.dropwizard.configuration.ConfigurationParsingException: /etc/app/config.yml has an error:',
    '  * Incorrect type of value at: server.applicationConnectors; is of type: String, expected: Array',
  ),
];

/** The database (or PgBouncer in front of it) and the client disagree on the password scheme. */
const authScheme: readonly PhrasingCase[] = [
  c('db-auth-method-unsupported')(
    "PgBouncer's own log",
    '2026-12-06 04:00:00.000 UTC [1] LOG process up: PgBouncer 1.21.0, libevent 2.1.12-stable',
    '2026-12-06 04:00:01.000 UTC [1] WARNING server login failed: wrong password type',
  ),
  c('db-auth-method-unsupported')(
    "PHP's PDO through PgBouncer",
    '[06-Dec-2026 04:00:00] NOTICE: fpm is running, pid 1',
    'SQLSTATE[08006] [7] connection to server at "pgbouncer" (10.0.1.5), port 6432 failed: FATAL:  server login failed: wrong password type',
  ),
  c('db-auth-method-unsupported')(
    'psycopg through PgBouncer',
    'INFO:     Started server process [1]',
    'psycopg2.OperationalError: connection to server at "pgbouncer" (10.0.1.5), port 6432 failed: FATAL:  server login failed: wrong password type',
  ),
  c('db-auth-method-unsupported')(
    'node-postgres through PgBouncer',
    '> api@1.0.0 start',
    'error: server login failed: wrong password type',
    '    at Parser.parseErrorMessage (/app/node_modules/pg-protocol/dist/parser.js:287:98)',
  ),
];

/** A server asked to create its data directory finds the mounted directory not empty (a volume's lost+found, old files). */
const dataDirNotEmpty: readonly PhrasingCase[] = [
  c('data-dir-not-empty')(
    "PostgreSQL 15's initdb on a volume's mount point",
    'The files belonging to this database system will be owned by user "postgres".',
    'The database cluster will be initialized with locale "en_US.utf8".',
    'initdb: error: directory "/var/lib/postgresql/data" exists but is not empty',
    'initdb: detail: It contains a lost+found directory, perhaps due to it being a mount point.',
    'initdb: hint: Using a mount point directly as the data directory is not recommended.',
  ),
  c('data-dir-not-empty')(
    "PostgreSQL 11's initdb with old files",
    'Data page checksums are disabled.',
    'initdb: directory "/var/lib/postgresql/data" exists but is not empty',
    'If you want to create a new database system, either remove or empty',
  ),
  c('data-dir-not-empty')(
    "MySQL 8's --initialize",
    '2026-12-06 04:00:00+00:00 [Note] [Entrypoint]: Initializing database files',
    '2026-12-06T04:00:00.000000Z 0 [ERROR] [MY-010457] [Server] --initialize specified but the data directory has files in it. Aborting.',
    '2026-12-06T04:00:00.000001Z 0 [ERROR] [MY-013236] [Server] The designated data directory /var/lib/mysql/ is unusable. You can remove all files that the server added to it.',
    '2026-12-06T04:00:00.000002Z 0 [ERROR] [MY-010119] [Server] Aborting',
  ),
  c('data-dir-not-empty')(
    "MySQL 5.7's --initialize",
    'Initializing database',
    '2026-12-06T04:00:00.000000Z 0 [ERROR] --initialize specified but the data directory has files in it. Aborting.',
    '2026-12-06T04:00:00.000001Z 0 [ERROR] Aborting',
  ),
  c('data-dir-not-empty')(
    'git clone in an init container into a kept volume',
    '+ git clone https://git.example.com/team/site.git /workspace/site',
    "fatal: destination path '/workspace/site' already exists and is not an empty directory.",
  ),
];

/** The database refuses the client's address by its own access rules (the user's host, protected mode). */
const hostNotAllowed: readonly PhrasingCase[] = [
  c('db-client-host-not-allowed')(
    "PHP's mysqli in WordPress",
    '[06-Dec-2026 04:00:00] NOTICE: fpm is running, pid 1',
    "PHP Warning:  mysqli_real_connect(): (HY000/1130): Host '172.18.0.3' is not allowed to connect to this MySQL server in /var/www/html/wp-includes/class-wpdb.php on line 1982",
  ),
  c('db-client-host-not-allowed')(
    "Connector/J's refusal",
    '2026-12-06 04:00:00.000  INFO 1 --- [main] com.zaxxer.hikari.HikariDataSource : HikariPool-1 - Starting...',
    'java.sql.SQLException: null,  message from server: "Host \'10.0.1.23\' is not allowed to connect to this MySQL server"',
    '\tat com.mysql.cj.jdbc.exceptions.SQLError.createSQLException(SQLError.java:130)',
  ),
  c('db-client-host-not-allowed')(
    'PyMySQL against MariaDB',
    'INFO:     Waiting for application startup.',
    'pymysql.err.OperationalError: (1130, "Host \'172.20.0.5\' is not allowed to connect to this MariaDB server")',
  ),
  c('db-client-host-not-allowed')(
    "node mysql2's error code",
    '> api@1.0.0 start',
    "Error: Host '172.20.0.5' is not allowed to connect to this MySQL server",
    "  code: 'ER_HOST_NOT_PRIVILEGED',",
  ),
  c('db-client-host-not-allowed')(
    'redis-py against Redis in protected mode',
    'INFO:     Started server process [1]',
    'redis.exceptions.ConnectionError: DENIED Redis is running in protected mode because protected mode is enabled and no password is set for the default user. In this mode connections are only accepted from the loopback interface.',
  ),
  c('db-client-host-not-allowed')(
    'ioredis against Redis in protected mode',
    '> worker@2.0.0 start',
    '[ioredis] Unhandled error event: ReplyError: DENIED Redis is running in protected mode because protected mode is enabled, no bind address was specified, no authentication password is requested to clients.',
  ),
];

describe('session 12 part a: an entrypoint or command not at that path in the image', () =>
  itNamesEach(entrypointMissing));
describe('session 12 part a: the host inotify instance limit used up', () => itNamesEach(inotifyInstances));
describe('session 12 part a: a cache, log or data path the app may not create', () =>
  itNamesEach(notWritable));
describe('session 12 part a: a pid file from an earlier run', () => itNamesEach(stalePid));
describe('session 12 part a: a config value of the wrong shape', () => itNamesEach(wrongShape));
describe('session 12 part a: a password scheme PgBouncer cannot use', () => itNamesEach(authScheme));
describe('session 12 part a: a data directory not empty at first start', () => itNamesEach(dataDirNotEmpty));
describe('session 12 part a: a database that refuses the client address', () => itNamesEach(hostNotAllowed));
