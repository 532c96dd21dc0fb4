import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/diagnose/index.js';
import { itNamesEach, type PhrasingCase } from './phrasing-cases.js';

/*
 * Config-env told apart from a dependency down when the client does not say where it dialled: a database host left at
 * the framework's default (Laravel's 127.0.0.1, `localhost` turned into a Unix socket), unless the database is shown
 * coming up; and a loopback refusal on a machine whose service manager shows the dependency, where localhost is right.
 * Written from how each client words it, with routine lines around the evidence.
 */
const cases: readonly PhrasingCase[] = [
  {
    name: "Laravel's migration refused with DB_HOST at its default",
    expect: 'config-env',
    rule: 'refused-at-default-host',
    capture: {
      service: 'app',
      logs: {
        app: [
          'Laravel development server started: http://0.0.0.0:8000',
          "SQLSTATE[HY000] [2002] Connection refused (SQL: select * from information_schema.tables where table_schema = shop and table_name = migrations and table_type = 'BASE TABLE')",
          '  at vendor/laravel/framework/src/Illuminate/Database/Connection.php:712',
        ],
      },
    },
  },
  {
    name: 'PDO dialling `localhost`, which PHP turns into a socket the container lacks',
    expect: 'config-env',
    rule: 'refused-at-default-host',
    capture: {
      logs: {
        'php-fpm': [
          'NOTICE: ready to handle connections',
          'PHP Fatal error:  Uncaught PDOException: SQLSTATE[HY000] [2002] No such file or directory in /var/www/html/config.php:12',
        ],
      },
    },
  },
  {
    name: "mysqli's connect refused in a WordPress-style script",
    expect: 'config-env',
    rule: 'refused-at-default-host',
    capture: {
      logs: {
        web: [
          "AH00558: apache2: Could not reliably determine the server's fully qualified domain name",
          'PHP Warning:  mysqli_connect(): (HY000/2002): Connection refused in /var/www/html/db.php on line 4',
        ],
      },
    },
  },
  {
    name: 'libpq with no host, looking for the local Unix socket',
    expect: 'config-env',
    rule: 'refused-at-default-host',
    capture: {
      logs: {
        web: [
          'Watching for file changes with StatReloader',
          'django.db.utils.OperationalError: could not connect to server: No such file or directory',
          '\tIs the server running locally and accepting',
          '\tconnections on Unix domain socket "/var/run/postgresql/.s.PGSQL.5432"?',
        ],
      },
    },
  },
  {
    name: "MySQL's client looking for the local socket",
    expect: 'config-env',
    rule: 'refused-at-default-host',
    capture: {
      logs: {
        worker: [
          'Starting worker',
          "ERROR 2002 (HY000): Can't connect to local MySQL server through socket '/var/run/mysqld/mysqld.sock' (2)",
        ],
      },
    },
  },
  {
    name: 'Redis refused at localhost while systemd is still starting it',
    expect: 'dependency-unreachable',
    rule: 'loopback-dependency-down-on-host',
    capture: {
      logs: {
        app: ['Booting app', 'Error connecting to Redis on localhost:6379 (Errno::ECONNREFUSED)'],
        'redis-server': [
          'Active: activating (start) since Sat 2026-12-05 07:48:16 UTC; 1min 16s ago',
          'Dec 05 07:48:16 host systemd[1]: Starting Advanced key-value store...',
        ],
      },
    },
  },
  {
    name: 'Postgres refused at 127.0.0.1 after its unit failed to start',
    expect: 'dependency-unreachable',
    rule: 'loopback-dependency-down-on-host',
    capture: {
      logs: {
        api: [
          'psycopg2.OperationalError: connection to server at "127.0.0.1", port 5432 failed: Connection refused',
        ],
        journal: ['Dec 05 10:00:01 host systemd[1]: Failed to start PostgreSQL RDBMS.'],
      },
    },
  },
  {
    name: 'nginx passing PHP to FastCGI at its own loopback, PHP-FPM in another container',
    expect: 'config-env',
    rule: 'app-server-upstream-loopback',
    capture: {
      logs: {
        web: [
          '2026/12/05 10:00:00 [notice] 1#1: start worker processes',
          '2026/12/05 10:00:09 [error] 29#29: *6 connect() failed (111: Connection refused) while connecting to upstream, client: 172.18.0.1, server: localhost, request: "GET /index.php HTTP/1.1", upstream: "fastcgi://127.0.0.1:9000", host: "localhost:8080"',
        ],
      },
    },
  },
  {
    name: 'SQLAlchemy 1.4 given a Heroku-style postgres:// URL',
    expect: 'config-env',
    rule: 'url-scheme-unknown',
    capture: {
      logs: {
        api: [
          'INFO:     Started server process [1]',
          "sqlalchemy.exc.NoSuchModuleError: Can't load plugin: sqlalchemy.dialects:postgres",
        ],
      },
    },
  },
  {
    name: 'HikariCP given a URL without jdbc:',
    expect: 'config-env',
    rule: 'url-scheme-unknown',
    capture: {
      logs: {
        orders: [
          'Starting OrdersApplication using Java 17',
          'java.lang.RuntimeException: Driver org.postgresql.Driver claims to not accept jdbcUrl, postgresql://db:5432/orders',
        ],
      },
    },
  },
  {
    name: 'NextAuth in production without NEXTAUTH_SECRET',
    expect: 'config-env',
    rule: 'secret-key-missing',
    capture: {
      logs: {
        web: [
          'ready - started server on 0.0.0.0:3000',
          '[next-auth][error][NO_SECRET] https://next-auth.js.org/errors#no_secret Please define a `secret` in production.',
        ],
      },
    },
  },
  {
    name: 'a Phoenix release without SECRET_KEY_BASE, in its own words',
    expect: 'config-env',
    rule: 'env-var-not-set',
    capture: {
      logs: {
        app: [
          'ERROR! Config provider Config.Reader failed with:',
          '** (RuntimeError) environment variable SECRET_KEY_BASE is missing.',
        ],
      },
    },
  },
];

describe('diagnose: a host left at its default, told from a dependency down, and settings frameworks name (session 9, part h)', () => {
  itNamesEach(cases);

  it('a database shown coming up turns the bare PHP refusal back to the dependency', () => {
    const f = diagnose({
      service: 'app',
      logs: {
        app: ['SQLSTATE[HY000] [2002] Connection refused'],
        mysql: [
          '2026-12-05T10:00:00Z 0 [System] [MY-010116] [Server] /usr/sbin/mysqld (mysqld 8.0.35) starting as process 1',
        ],
      },
    });
    assert.equal(f[0]!.category, 'dependency-unreachable', f[0]!.cause);
  });

  it('a MySQL client naming a real host is not the default host', () => {
    const f = diagnose({
      logs: {
        app: [
          "ERROR 2003 (HY000): Can't connect to MySQL server on 'mysql' (111)",
          'Warning: mysqli::__construct(): (HY000/2002): Connection refused in /var/www/html/lib/db.php on line 12',
        ],
      },
    });
    assert.equal(f[0]!.category, 'dependency-unreachable', f[0]!.cause);
  });

  it('inside a container, a loopback refusal beside the dependency container stays the setting', () => {
    const f = diagnose({
      service: 'app',
      logs: {
        compose: [
          'redis_1  | Ready to accept connections',
          'app_1    | Error: connect ECONNREFUSED 127.0.0.1:6379',
        ],
      },
    });
    assert.equal(f[0]!.category, 'config-env', f[0]!.cause);
  });
});
