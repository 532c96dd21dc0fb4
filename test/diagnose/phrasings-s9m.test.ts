import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/diagnose/index.js';
import { itNamesEach, type PhrasingCase } from './phrasing-cases.js';

/*
 * Session 9, part m: a stack that ends in a client's connect, a database health check with no credentials, and a
 * migration that could not connect.
 * Written from how each runtime and server words it (not copied from the corpus), with routine lines around.
 */
const cases: readonly PhrasingCase[] = [
  {
    name: "a Python traceback cut inside psycopg2's pool",
    expect: 'dependency-unreachable',
    rule: 'trace-in-client-connect',
    capture: {
      logs: {
        api: [
          'Starting api v2.1',
          'Traceback (most recent call last):',
          '  File "/app/main.py", line 10, in <module>',
          '    pool = ThreadedConnectionPool(1, 5, dsn=DSN)',
          '  File "/usr/local/lib/python3.12/site-packages/psycopg2/pool.py", line 161, in __init__',
          '  File "/usr/local/lib/python3.12/site-packages/psycopg2/pool.py", line 58, in __init__',
        ],
      },
    },
  },
  {
    name: 'a Python traceback cut at redis-py connecting',
    expect: 'dependency-unreachable',
    rule: 'trace-in-client-connect',
    capture: {
      logs: {
        worker: [
          'Traceback (most recent call last):',
          '  File "/srv/worker.py", line 31, in run',
          '    r.ping()',
          '  File "/usr/local/lib/python3.11/site-packages/redis/connection.py", line 699, in connect',
        ],
      },
    },
  },
  {
    name: "a Java stack in PgJDBC's connection factory",
    expect: 'dependency-unreachable',
    rule: 'trace-in-client-connect',
    capture: {
      logs: {
        orders: [
          '2025-01-04 10:00:01 INFO  Starting OrdersApplication',
          '\tat org.postgresql.core.v3.ConnectionFactoryImpl.openConnectionImpl(ConnectionFactoryImpl.java:319)',
          '\tat org.postgresql.core.ConnectionFactory.openConnection(ConnectionFactory.java:49)',
        ],
      },
    },
  },
  {
    name: "a Java stack in RabbitMQ's ConnectionFactory",
    expect: 'dependency-unreachable',
    rule: 'trace-in-client-connect',
    capture: {
      logs: {
        consumer: ['\tat com.rabbitmq.client.ConnectionFactory.newConnection(ConnectionFactory.java:1225)'],
      },
    },
  },
  {
    name: "a Ruby backtrace in the pg gem's connect",
    expect: 'dependency-unreachable',
    rule: 'trace-in-client-connect',
    capture: {
      logs: {
        web: [
          "/usr/local/bundle/gems/pg-1.5.4/lib/pg/connection.rb:695:in `connect_start'",
          "/usr/local/bundle/gems/pg-1.5.4/lib/pg/connection.rb:695:in `new'",
        ],
      },
    },
  },
  {
    name: "pg_isready with no -U, in Postgres' own log",
    expect: 'health-check-command',
    rule: 'health-check-no-credentials',
    capture: {
      logs: {
        db: [
          '2025-02-01 08:00:00.000 UTC [1] LOG:  database system is ready to accept connections',
          '2025-02-01 08:00:30.101 UTC [64] FATAL:  role "root" does not exist',
          '2025-02-01 08:01:00.102 UTC [70] FATAL:  role "root" does not exist',
        ],
      },
    },
  },
  {
    name: "mysqladmin ping with no password, in MariaDB's log",
    expect: 'health-check-command',
    rule: 'health-check-no-credentials',
    capture: {
      logs: {
        mariadb: [
          '2025-02-01  8:00:00 0 [Note] mariadbd: ready for connections.',
          "2025-02-01  8:00:30 3 [Warning] Access denied for user 'root'@'localhost' (using password: NO)",
        ],
      },
    },
  },
  {
    name: 'redis-cli ping against a password-protected Redis, in the check output',
    expect: 'health-check-command',
    rule: 'health-check-no-credentials',
    capture: { local: { health: 'unhealthy', healthOutput: 'NOAUTH Authentication required.' } },
  },
  {
    name: "GNU wget's -q0 in a Compose health check",
    expect: 'health-check-command',
    rule: 'health-tool-option-invalid',
    capture: {
      logs: {
        cache: [
          'cache_1   /entrypoint.sh   Up 3 minutes (unhealthy)   0.0.0.0:8080->8080/tcp',
          "wget: invalid option -- '0'",
          'Usage: wget [OPTION]... [URL]...',
        ],
      },
    },
  },
  {
    name: "an image's older curl refusing --fail-with-body",
    expect: 'health-check-command',
    rule: 'health-tool-option-invalid',
    capture: {
      local: { health: 'unhealthy', healthOutput: 'curl: option --fail-with-body: is unknown' },
    },
  },
  {
    name: 'BusyBox nc refusing -z on an unhealthy container',
    expect: 'health-check-command',
    rule: 'health-tool-option-invalid',
    capture: { local: { health: 'unhealthy', healthOutput: 'nc: unrecognized option: z' } },
  },
];

describe('session 9 part m phrasings', () => {
  itNamesEach(cases);

  it("a client's connect frame with a loopback address is left to the setting rules", () => {
    const f = diagnose({
      logs: {
        app: [
          'Traceback (most recent call last):',
          '  File "/usr/local/lib/python3.10/site-packages/psycopg2/__init__.py", line 122, in connect',
          'psycopg2.OperationalError: connection to server at "localhost" (127.0.0.1), port 5432 failed: Connection refused',
        ],
      },
    });
    assert.ok(!f.some((x) => x.rule === 'trace-in-client-connect'), 'trace-in-client-connect fired');
    assert.equal(f[0]!.category, 'config-env');
  });

  it("an app's own client refused as root is not read as the health check", () => {
    const f = diagnose({
      logs: {
        app: [
          'psycopg2.OperationalError: connection to server at "db" (172.18.0.2), port 5432 failed: FATAL:  role "root" does not exist',
        ],
      },
    });
    assert.ok(!f.some((x) => x.rule === 'health-check-no-credentials'), 'health-check-no-credentials fired');
  });

  const migrationCannotConnect: ReadonlyArray<readonly [string, string]> = [
    ['Go', 'migration failed: dial tcp 172.18.0.2:5432: connect: connection refused'],
    ['Node', 'Migration failed: Error: connect ECONNREFUSED 172.18.0.3:5432'],
    [
      'Python',
      'Database migration failed: (psycopg2.OperationalError) could not connect to server: Connection refused',
    ],
  ];
  for (const [runtime, line] of migrationCannotConnect)
    it(`a migration that could not connect (${runtime}) is the dependency, not the migrations`, () => {
      const f = diagnose({ logs: { app: ['app-1 | First run, setting up...', `app-1 | ${line}`] } });
      assert.ok(!f.some((x) => x.rule === 'migration-tool-failed'), 'migration-tool-failed fired');
      assert.equal(
        f[0]!.category,
        'dependency-unreachable',
        `${f[0]!.category} (${f[0]!.rule ?? 'no rule'})`,
      );
    });

  it("the service's own command refusing an option stays command-argument-unknown", () => {
    const f = diagnose({ local: { health: 'unhealthy' }, logs: { api: ["api: invalid option -- 'p'"] } });
    assert.equal(f[0]!.rule, 'command-argument-unknown');
  });

  it('a traceback through application code only is still a crash', () => {
    const f = diagnose({
      logs: {
        app: [
          'Traceback (most recent call last):',
          '  File "/app/views.py", line 12, in index',
          "KeyError: 'user'",
        ],
      },
    });
    assert.equal(f[0]!.category, 'app-crash');
  });
});
