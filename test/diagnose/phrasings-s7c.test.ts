import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/diagnose/index.js';
import { itNamesEach, type PhrasingCase } from './phrasing-cases.js';

/*
 * Settings, a dependency that is not there, and a deployment tool's own fault, each as different tools word them:
 * written from how the tool phrases the failure (not copied from the corpus), with routine lines around the evidence
 * so the ranking is tested too. Each must come out with the category and the rule named.
 */
const cases: readonly PhrasingCase[] = [
  {
    name: 'an ECS command given as one string, wrapped by the daemon in a 404',
    expect: 'config-env',
    rule: 'command-as-one-string',
    capture: {
      tasks: [
        {
          lastStatus: 'STOPPED',
          containers: [
            {
              reason:
                'CannotStartContainerError: API error (404): oci runtime error: container_linux.go:247: starting container process caused "exec: \\"node server.js --port 8080\\": stat node server.js --port 8080: no such file or directory"',
            },
          ],
        },
      ],
    },
  },
  {
    name: "crun's program-not-found for a whole command line",
    expect: 'config-env',
    rule: 'command-as-one-string',
    capture: {
      logs: {
        podman: [
          'Trying to pull registry.example.com/app:1.2...',
          'Error: crun: executable file `gunicorn app:app -b 0.0.0.0:8000` not found in $PATH: No such file or directory: OCI runtime attempted to invoke a command that was not found',
        ],
      },
    },
  },
  {
    name: 'a CMD list written with single quotes, run by the shell as text',
    expect: 'config-env',
    rule: 'command-as-one-string',
    capture: { logs: { web: ["/bin/sh: 1: ['gunicorn',: not found"] } },
  },
  {
    name: "Go's flag package refusing an option the command passes",
    expect: 'config-env',
    rule: 'command-argument-unknown',
    capture: {
      tasks: [
        {
          lastStatus: 'STOPPED',
          stoppedReason: 'Essential container in task exited',
          containers: [{ exitCode: 2 }],
        },
      ],
      logs: { proxy: ['flag provided but not defined: -listen-address', 'Usage of /usr/local/bin/proxy:'] },
    },
  },
  {
    name: "argparse's unrecognized arguments",
    expect: 'config-env',
    rule: 'command-argument-unknown',
    capture: {
      logs: {
        worker: [
          'usage: worker.py [-h] [--queue QUEUE]',
          'worker.py: error: unrecognized arguments: --concurrency 4',
        ],
      },
    },
  },
  {
    name: "Go's missing configuration file",
    expect: 'config-env',
    rule: 'config-file-invalid',
    capture: {
      logs: {
        api: [
          'starting api v2.3.1',
          'failed to load config: open /etc/api/config.toml: no such file or directory',
        ],
      },
    },
  },
  {
    name: 'Compose rejecting its file',
    expect: 'config-env',
    rule: 'config-file-invalid',
    capture: {
      logs: {
        compose: [
          "ERROR: The Compose file './docker-compose.yml' is invalid because: services.web.environment contains an invalid type, it should be an object, or an array",
        ],
      },
    },
  },
  {
    name: 'a database name Postgres does not have',
    expect: 'config-env',
    rule: 'database-name-unknown',
    capture: {
      logs: { api: ['Connecting to postgres at db:5432', 'FATAL:  database "orders_prod" does not exist'] },
    },
  },
  {
    name: 'Lettuce unable to reach Redis at a service name',
    expect: 'dependency-unreachable',
    rule: 'dependency-not-ready',
    capture: {
      logs: {
        api: [
          'Started Application in 9.1 seconds',
          'io.lettuce.core.RedisConnectionException: Unable to connect to cache:6379',
        ],
      },
    },
  },
  {
    name: 'a JDBC URL at loopback echoed at start, then the link failure',
    expect: 'config-env',
    rule: 'loopback-dsn-logged',
    capture: {
      logs: {
        api: [
          'INFO  o.s.b.StartupInfoLogger - Starting Application using Java 17',
          'INFO  c.e.Config - spring.datasource.url=jdbc:postgresql://localhost:5432/orders',
          'org.postgresql.util.PSQLException: The connection attempt failed.',
        ],
      },
    },
  },
  {
    name: "MongoDB's driver failing at localhost",
    expect: 'config-env',
    rule: 'loopback-dependency-refused',
    capture: {
      logs: {
        web: [
          'Server starting on port 3000',
          'MongoNetworkError: failed to connect to server [localhost:27017] on first connect',
        ],
      },
    },
  },
  {
    name: 'an awslogs region that is not a region',
    expect: 'config-env',
    rule: 'setting-value-invalid',
    capture: {
      tasks: [
        {
          lastStatus: 'STOPPED',
          stoppedReason:
            "ResourceInitializationError: failed to validate logger args: create stream has been retried 1 times: failed to create Cloudwatch log stream: MissingEndpoint: 'Endpoint' configuration is required for this service",
        },
      ],
    },
  },
  {
    name: "the JavaScript SDK v3's invalid region",
    expect: 'config-env',
    rule: 'setting-value-invalid',
    capture: {
      logs: { api: ['Listening on 8080', 'Error: Invalid region: region was not a valid DNS name.'] },
    },
  },
  {
    name: "the Go SDK's missing region",
    expect: 'config-env',
    rule: 'required-setting-missing',
    capture: { logs: { worker: ['starting poller', 'MissingRegion: could not find region configuration'] } },
  },
  {
    name: "kombu's broker host name that does not resolve",
    expect: 'config-env',
    rule: 'host-setting-not-resolved',
    capture: {
      logs: {
        worker: [
          'celery@worker v5.3.1 (emerald-rush)',
          '[ERROR/MainProcess] consumer: Cannot connect to amqp://guest:**@rabbitmq:5672//: failed to resolve broker hostname.',
        ],
      },
    },
  },
  {
    name: "libmysqlclient's unknown server host",
    expect: 'config-env',
    rule: 'host-setting-not-resolved',
    capture: { logs: { app: ["ERROR 2005 (HY000): Unknown MySQL server host 'mysql' (-2)"] } },
  },
  {
    name: "Elixir's nxdomain",
    expect: 'config-env',
    rule: 'host-setting-not-resolved',
    capture: {
      logs: {
        phoenix: [
          '[info] Running AppWeb.Endpoint with cowboy 2.10.0 at :::4000 (http)',
          '[error] Postgrex.Protocol (#PID<0.2.0>) failed to connect: ** (DBConnection.ConnectionError) tcp connect (db:5432): non-existing domain - :nxdomain',
        ],
      },
    },
  },
  {
    name: "Prisma's database server at a service name",
    expect: 'dependency-unreachable',
    rule: 'dependency-not-ready',
    capture: {
      logs: {
        api: [
          'Prisma schema loaded from prisma/schema.prisma',
          'Please make sure your database server is running at `postgres`:`5432`.',
        ],
      },
    },
  },
  {
    name: "libpq's server not running on a named host",
    expect: 'dependency-unreachable',
    rule: 'dependency-not-ready',
    capture: {
      logs: {
        web: [
          'Performing system checks...',
          'django.db.utils.OperationalError: could not connect to server: No route to host',
          '\tIs the server running on host "db" (172.18.0.3) and accepting',
        ],
      },
    },
  },
  {
    name: "docker-compose v1's own TypeError",
    expect: 'other',
    rule: 'platform-agent-crashed',
    capture: {
      logs: {
        compose: [
          'Creating network "app_default" with the default driver',
          'Traceback (most recent call last):',
          '  File "/usr/lib/python3/dist-packages/compose/cli/main.py", line 68, in main',
          '  File "/usr/lib/python3/dist-packages/compose/project.py", line 120, in from_config',
          "KeyError: 'ipam'",
        ],
      },
    },
  },
  {
    name: "the CDK CLI's own TypeError",
    expect: 'other',
    rule: 'platform-agent-crashed',
    capture: {
      logs: {
        cdk: [
          'Synthesis time: 4.2s',
          "TypeError: Cannot read properties of undefined (reading 'StackStatus')",
          '    at CloudFormationDeployments.deployStack (/usr/local/lib/node_modules/aws-cdk/lib/api/deploy-stack.js:120:31)',
        ],
      },
    },
  },
  {
    name: "the runtime's own init missing under ECS's initProcessEnabled",
    expect: 'other',
    rule: 'platform-fault',
    capture: {
      tasks: [
        {
          lastStatus: 'STOPPED',
          containers: [
            {
              reason:
                'CannotStartContainerError: Error response from daemon: OCI runtime create failed: container_linux.go:380: starting container process caused: exec: "/dev/init": stat /dev/init: no such file or directory: unknown',
            },
          ],
        },
      ],
    },
  },
  {
    name: "the JavaScript SDK v2's validator not knowing a new key",
    expect: 'other',
    rule: 'client-too-old',
    capture: {
      logs: {
        deploy: [
          'Registering the task definition',
          "Error: Failed to register task definition in ECS: Unexpected key 'ephemeralStorage' found in params",
        ],
      },
    },
  },
];

describe('diagnose: settings, dependencies and tools, many phrasings (session 7, part c)', () => {
  itNamesEach(cases);

  it("an app's own TypeError is not a tool's crash", () => {
    const f = diagnose({
      logs: {
        api: [
          'Traceback (most recent call last):',
          '  File "/app/orders/views.py", line 12, in create',
          "TypeError: 'NoneType' object is not iterable",
        ],
      },
    });
    assert.ok(!f.some((x) => x.rule === 'platform-agent-crashed'));
  });

  it('a program that is simply missing is not a command given as one string', () => {
    const f = diagnose({
      logs: { app: ['exec: "gunicorn": executable file not found in $PATH: unknown'] },
    });
    assert.equal(f[0]!.rule, 'command-not-found');
  });

  it("the Docker CLI's own unknown flag is not the service's command", () => {
    const f = diagnose({
      logs: { deploy: ['docker: unknown flag: --platform.', "See 'docker run --help'."] },
    });
    assert.ok(!f.some((x) => x.rule === 'command-argument-unknown'));
  });

  it('a connection string at a real host echoed at start does not blame the setting', () => {
    const f = diagnose({
      logs: {
        api: [
          'spring.datasource.url=jdbc:postgresql://orders-db:5432/orders',
          'org.postgresql.util.PSQLException: The connection attempt failed.',
        ],
      },
    });
    assert.ok(!f.some((x) => x.rule === 'loopback-dsn-logged'));
  });
});
