import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/diagnose/index.js';
import { composed, itNamesEach, logged, type PhrasingCase } from './phrasing-cases.js';

/*
 * Session 10, part u: config-env. A database client demanding SSL from a server that offers none, a pid or lock file
 * left by an earlier run, a whole connection URL handed over as a host name, a client that cannot speak the
 * server's password scheme, and musl's wording of a connect to the container's own loopback.
 * Written from how each tool words it (not copied from the corpus), with routine lines around.
 */

const cases: readonly PhrasingCase[] = [
  // The client requires SSL; the database (a compose or private-network container) has none.
  {
    name: "lib/pq's panic at start",
    expect: 'config-env',
    rule: 'db-ssl-not-offered',
    capture: composed(
      'analytics',
      'analytics  | time="2025-03-01T10:00:00Z" level=info msg="connecting to database"',
      'analytics  | panic: pq: SSL is not enabled on the server',
      'analytics  | goroutine 1 [running]:',
      'analytics  | main.main()',
    ),
  },
  {
    name: 'psycopg with sslmode=require against a plain Postgres',
    expect: 'config-env',
    rule: 'db-ssl-not-offered',
    capture: logged(
      'Traceback (most recent call last):',
      '  File "/app/manage.py", line 22, in <module>',
      'psycopg2.OperationalError: connection to server at "postgres" (172.19.0.2), port 5432 failed: server does not support SSL, but SSL was required',
    ),
  },
  {
    name: 'node-postgres with ssl: true',
    expect: 'config-env',
    rule: 'db-ssl-not-offered',
    capture: logged(
      '> api@1.0.0 start',
      '> node dist/main.js',
      'Error: The server does not support SSL connections',
      '    at Socket.<anonymous> (/app/node_modules/pg/lib/connection.js:76:37)',
    ),
  },
  {
    name: "pgjdbc's ssl=true",
    expect: 'config-env',
    rule: 'db-ssl-not-offered',
    capture: logged(
      '2025-03-01 10:00:01.123  INFO 1 --- [main] com.zaxxer.hikari.HikariDataSource : HikariPool-1 - Starting...',
      'org.postgresql.util.PSQLException: The server does not support SSL.',
    ),
  },
  {
    name: 'the MySQL client with --ssl-mode=REQUIRED',
    expect: 'config-env',
    rule: 'db-ssl-not-offered',
    capture: logged(
      "ERROR 2026 (HY000): SSL connection error: SSL is required but the server doesn't support it",
    ),
  },
  // A pid or lock file from an earlier run, kept on a bind mount or in the container's layer.
  {
    name: "Rails' server.pid after a compose restart",
    expect: 'config-env',
    rule: 'stale-pid-file',
    capture: composed(
      'web',
      'web  | => Booting Puma',
      'web  | => Rails 7.1.3 application starting in development',
      'web  | A server is already running. Check /myapp/tmp/pids/server.pid.',
      'web  | Exiting',
      'web exited with code 1',
    ),
  },
  {
    name: "PostgreSQL's postmaster.pid on a kept volume",
    expect: 'config-env',
    rule: 'stale-pid-file',
    capture: composed(
      'db',
      'db  | PostgreSQL Database directory appears to contain a database; Skipping initialization',
      'db  | 2025-03-01 10:00:00.000 UTC [1] FATAL:  lock file "postmaster.pid" already exists',
      'db  | 2025-03-01 10:00:00.000 UTC [1] HINT:  Is another postmaster (PID 1) running in data directory "/var/lib/postgresql/data"?',
    ),
  },
  {
    name: "Celery beat's pidfile",
    expect: 'config-env',
    rule: 'stale-pid-file',
    capture: composed(
      'beat',
      'beat  | celery beat v5.3.6 (emerald-rush) is starting.',
      'beat  | ERROR: Pidfile (celerybeat.pid) already exists.',
      "beat  | Seems we're already running? (pid: 1)",
    ),
  },
  {
    name: "Apache's httpd.pid",
    expect: 'config-env',
    rule: 'stale-pid-file',
    capture: logged(
      '[Sat Mar 01 10:00:00.000000 2025] [core:warn] [pid 1] AH00098: pid file /usr/local/apache2/logs/httpd.pid overwritten -- Unclean shutdown of previous Apache run?',
      'httpd (pid 1) already running',
    ),
  },
  // A whole URL given where the client takes a host name.
  {
    name: 'redis-py given the broker URL as host',
    expect: 'config-env',
    rule: 'url-as-hostname',
    capture: logged(
      '[2025-03-01 10:00:00,000: INFO/MainProcess] Connected to redis://redis:6379/0',
      'redis.exceptions.ConnectionError: Error -2 connecting to redis://redis:6379/1:6379. Name or service not known.',
    ),
  },
  {
    name: "Node's resolver given a Postgres URL",
    expect: 'config-env',
    rule: 'url-as-hostname',
    capture: logged(
      'Error: getaddrinfo ENOTFOUND postgresql://app:secret@db:5432/app',
      '    at GetAddrInfoReqWrap.onlookup [as oncomplete] (node:dns:107:26)',
    ),
  },
  {
    name: 'psycopg given DATABASE_URL as host',
    expect: 'config-env',
    rule: 'url-as-hostname',
    capture: logged(
      'psycopg2.OperationalError: could not translate host name "postgres://app@db:5432/app" to address: Name or service not known',
    ),
  },
  {
    name: 'Java given the JDBC URL as host',
    expect: 'config-env',
    rule: 'url-as-hostname',
    capture: logged(
      'Caused by: java.net.UnknownHostException: jdbc:mysql://mysql:3306/app: Name or service not known',
    ),
  },
  // The client cannot use the server's password scheme.
  {
    name: "PHP's mysqlnd against MySQL 8",
    expect: 'config-env',
    rule: 'db-auth-method-unsupported',
    capture: logged(
      '[01-Mar-2025 10:00:00] NOTICE: fpm is running, pid 1',
      'PHP Warning:  PDO::__construct(): The server requested authentication method unknown to the client [caching_sha2_password] in /var/www/html/db.php on line 8',
    ),
  },
  {
    name: "Node's mysql against MySQL 8",
    expect: 'config-env',
    rule: 'db-auth-method-unsupported',
    capture: logged(
      'Error: ER_NOT_SUPPORTED_AUTH_MODE: Client does not support authentication protocol requested by server; consider upgrading MySQL client',
      '    at Handshake.Sequence._packetToError (/app/node_modules/mysql/lib/protocol/sequences/Sequence.js:47:14)',
    ),
  },
  {
    name: "libmysqlclient's missing plugin",
    expect: 'config-env',
    rule: 'db-auth-method-unsupported',
    capture: logged(
      'django.db.utils.OperationalError: (2059, "Authentication plugin \'caching_sha2_password\' cannot be loaded: /usr/lib/x86_64-linux-gnu/mariadb18/plugin/caching_sha2_password.so: cannot open shared object file: No such file or directory")',
    ),
  },
  {
    name: 'an old pgjdbc against scram-sha-256',
    expect: 'config-env',
    rule: 'db-auth-method-unsupported',
    capture: logged(
      "org.postgresql.util.PSQLException: The authentication type 10 is not supported. Check that you have configured the pg_hba.conf file to include the client's IP address or subnet, and that it is using an authentication scheme supported by the driver.",
    ),
  },
  {
    name: 'an old libpq against scram-sha-256',
    expect: 'config-env',
    rule: 'db-auth-method-unsupported',
    capture: logged('psql: error: authentication method 10 not supported'),
  },
  // musl's strerror for EADDRNOTAVAIL, from a client in an Alpine image dialling its own loopback.
  {
    name: 'redis-py on Alpine at localhost',
    expect: 'config-env',
    rule: 'loopback-dependency-refused',
    capture: logged(
      'redis.exceptions.ConnectionError: Error 99 connecting to localhost:6379. Address not available.',
    ),
  },
  {
    name: 'psycopg on Alpine at localhost',
    expect: 'config-env',
    rule: 'loopback-dependency-refused',
    capture: logged(
      'psycopg2.OperationalError: connection to server at "localhost" (::1), port 5432 failed: Address not available',
      '\tIs the server running on that host and accepting TCP/IP connections?',
    ),
  },
  {
    name: 'kombu on Alpine at localhost',
    expect: 'config-env',
    rule: 'loopback-dependency-refused',
    capture: logged(
      '[2025-03-01 10:00:00,000: ERROR/MainProcess] consumer: Cannot connect to amqp://guest:**@localhost:5672//: [Errno 99] Address not available.',
    ),
  },
];

describe('session 10 part u phrasings', () => {
  itNamesEach(cases);

  it('a client that requires SSL of a server that demands it is still db-ssl-required', () => {
    const f = diagnose(logged('FATAL:  SSL connection is required. Please specify SSL options and retry.'));
    assert.equal(f[0]!.rule, 'db-ssl-required');
  });

  it('a server removing its own stale pid file is not a finding', () => {
    const f = diagnose(
      logged('Removing stale pid file /app/tmp/pids/server.pid', 'Puma starting in single mode...'),
    );
    assert.ok(!f.some((x) => x.rule === 'stale-pid-file'), 'stale-pid-file fired');
  });

  it('a bare host name that does not resolve is not a URL given as host', () => {
    const f = diagnose(
      logged(
        'redis.exceptions.ConnectionError: Error -2 connecting to redis:6379. Name or service not known.',
      ),
    );
    assert.ok(!f.some((x) => x.rule === 'url-as-hostname'), 'url-as-hostname fired');
  });

  it('a wrong password is not an authentication method the client lacks', () => {
    const f = diagnose(
      logged("SQLSTATE[HY000] [1045] Access denied for user 'app'@'172.18.0.3' (using password: YES)"),
    );
    assert.ok(!f.some((x) => x.rule === 'db-auth-method-unsupported'), 'db-auth-method-unsupported fired');
  });

  it("an outbound connect to a remote host failing with musl's words is not the loopback", () => {
    const f = diagnose(logged('connect to mx.example.net[2001:db8::25]:25: Address not available'));
    assert.ok(!f.some((x) => x.rule === 'loopback-dependency-refused'), 'loopback-dependency-refused fired');
  });
});
