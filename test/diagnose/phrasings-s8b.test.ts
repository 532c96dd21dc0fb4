import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/diagnose/index.js';
import { itNamesEach, type PhrasingCase } from './phrasing-cases.js';

/*
 * "The app is configured wrong" and "the platform or the tool failed", each as different tools word it: written from
 * how the tool phrases the failure (not copied from the corpus), with routine lines around the evidence so the ranking
 * is tested too. Each must come out with the category and the rule named.
 */
const stopped = (reason: string) => ({
  tasks: [
    {
      lastStatus: 'STOPPED',
      stoppedReason: 'Essential container in task exited',
      containers: [{ reason, exitCode: 1 }],
    },
  ],
});

const cases: readonly PhrasingCase[] = [
  {
    name: "gunicorn given an orchestrator's service address as its port",
    expect: 'config-env',
    rule: 'setting-value-rejected',
    capture: {
      ...stopped('Essential container in task exited'),
      logs: {
        web: [
          '[INFO] Starting gunicorn 21.2.0',
          "Error: 'tcp://172.20.0.5:8000' is not a valid port number.",
        ],
      },
    },
  },
  {
    name: 'click refusing a literal $PORT from an exec-form command',
    expect: 'config-env',
    rule: 'setting-value-rejected',
    capture: {
      logs: {
        api: [
          'Usage: uvicorn [OPTIONS] APP',
          "Error: Invalid value for '--port': '${PORT}' is not a valid integer.",
        ],
      },
    },
  },
  {
    name: "Go's flag package refusing a value",
    expect: 'config-env',
    rule: 'setting-value-rejected',
    capture: { logs: { proxy: ['invalid value "10s5" for flag -timeout: parse error', 'Usage of /proxy:'] } },
  },
  {
    name: "Kafka's client refusing a configured value",
    expect: 'config-env',
    rule: 'setting-value-rejected',
    capture: {
      logs: {
        consumer: [
          'INFO ConsumerConfig values: auto.offset.reset = earliest',
          'org.apache.kafka.common.config.ConfigException: Invalid value earliset for configuration auto.offset.reset: String must be one of: latest, earliest, none',
        ],
      },
    },
  },
  {
    name: "Node's listen given NaN from an unset or non-numeric PORT",
    expect: 'config-env',
    rule: 'setting-value-rejected',
    capture: {
      logs: {
        api: [
          'node:internal/validators:372',
          'RangeError [ERR_SOCKET_BAD_PORT]: options.port should be >= 0 and < 65536. Received type number (NaN).',
          '    at Server.listen (node:net:1730:7)',
        ],
      },
    },
  },
  {
    name: 'Postgres refusing a server setting passed with -c',
    expect: 'config-env',
    rule: 'setting-value-rejected',
    capture: {
      logs: {
        db: ['2024-05-02 08:00:00.000 UTC [1] FATAL:  invalid value for parameter "max_connections": "lots"'],
      },
    },
  },
  {
    name: "Laravel's APP_KEY of the wrong length",
    expect: 'config-env',
    rule: 'setting-value-rejected',
    capture: {
      logs: {
        app: [
          '[2024-05-02 08:00:00] production.ERROR: Unsupported cipher or incorrect key length. Supported ciphers are: aes-128-cbc, aes-256-cbc, aes-128-gcm, aes-256-gcm.',
        ],
      },
    },
  },
  {
    name: 'nginx listening with ssl but no certificate configured',
    expect: 'config-env',
    rule: 'tls-material-missing',
    capture: {
      logs: {
        proxy: [
          '/docker-entrypoint.sh: Configuration complete; ready for start up',
          'nginx: [emerg] no "ssl_certificate" is defined for the "listen ... ssl" directive in /etc/nginx/conf.d/site.conf:4',
        ],
      },
    },
  },
  {
    name: 'Kestrel asked for HTTPS with no certificate',
    expect: 'config-env',
    rule: 'tls-material-missing',
    capture: {
      logs: {
        api: [
          'info: Microsoft.Hosting.Lifetime[0] Application is shutting down...',
          'Unhandled exception. System.InvalidOperationException: Unable to configure HTTPS endpoint. No server certificate was specified, and the default developer certificate could not be found or is out of date.',
        ],
      },
    },
  },
  {
    name: 'a Go server whose certificate was not mounted',
    expect: 'config-env',
    rule: 'tls-material-missing',
    capture: {
      logs: {
        gateway: [
          'level=info msg="starting gateway"',
          'level=fatal msg="open /etc/tls/tls.crt: no such file or directory"',
        ],
      },
    },
  },
  {
    name: 'Apache refusing its configuration file',
    expect: 'config-env',
    rule: 'config-file-invalid',
    capture: {
      logs: {
        web: [
          'AH00526: Syntax error on line 31 of /usr/local/apache2/conf/httpd.conf:',
          "Invalid command 'RewriteEngine', perhaps misspelled or defined by a module not included in the server configuration",
        ],
      },
    },
  },
  {
    name: 'nginx refusing a directive value at a file line (not an upstream)',
    expect: 'config-env',
    rule: 'config-file-invalid',
    capture: {
      logs: { proxy: ['nginx: [emerg] unknown log format "json" in /etc/nginx/conf.d/default.conf:12'] },
    },
  },
  {
    name: 'Flask-SQLAlchemy with no database URI',
    expect: 'config-env',
    rule: 'required-setting-missing',
    capture: {
      logs: {
        web: [
          'Traceback (most recent call last):',
          '  File "/app/app.py", line 9, in <module>',
          "RuntimeError: Either 'SQLALCHEMY_DATABASE_URI' or 'SQLALCHEMY_BINDS' must be set.",
        ],
      },
    },
  },
  {
    name: 'Rails with no master key',
    expect: 'config-env',
    rule: 'required-setting-missing',
    capture: {
      logs: {
        web: [
          "ArgumentError: Missing encryption key to decrypt file with. Ask your team for your master key and write it to /rails/config/master.key or put it in the ENV['RAILS_MASTER_KEY'].",
        ],
      },
    },
  },
  {
    name: 'node-postgres with no password',
    expect: 'config-env',
    rule: 'required-setting-missing',
    capture: {
      logs: {
        api: ['Server starting', 'Error: SASL: SCRAM-SERVER-FIRST-MESSAGE: client password must be a string'],
      },
    },
  },
  {
    name: 'Python reading a lower-case variable the container was not given',
    expect: 'config-env',
    rule: 'environ-lookup-failed',
    capture: {
      logs: {
        worker: [
          'Traceback (most recent call last):',
          '  File "/app/worker.py", line 4, in <module>',
          "    token = os.environ['token']",
          '  File "/usr/local/lib/python3.12/os.py", line 714, in __getitem__',
          '    raise KeyError(key) from None',
          "KeyError: 'token'",
        ],
      },
    },
  },
  {
    name: 'an exec-form command that starts with a variable assignment (Node)',
    expect: 'config-env',
    rule: 'env-assignment-as-command',
    capture: {
      logs: {
        api: [
          'node:internal/modules/cjs/loader:1080',
          "Error: Cannot find module '/srv/app/NODE_ENV=production'",
          "  code: 'MODULE_NOT_FOUND',",
        ],
      },
    },
  },
  {
    name: 'an ECS command whose first element is a variable assignment',
    expect: 'config-env',
    rule: 'env-assignment-as-command',
    capture: {
      tasks: [
        {
          lastStatus: 'STOPPED',
          stoppedReason: 'Essential container in task exited',
          containers: [
            {
              reason:
                'CannotStartContainerError: Error response from daemon: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "DJANGO_SETTINGS_MODULE=app.settings.prod": executable file not found in $PATH: unknown',
            },
          ],
        },
      ],
    },
  },
  {
    name: 'an AWS service answering 500 to a stack resource',
    expect: 'other',
    rule: 'aws-service-fault',
    capture: {
      stackEvents: [
        {
          LogicalResourceId: 'Service',
          ResourceType: 'AWS::ECS::Service',
          ResourceStatus: 'CREATE_FAILED',
          ResourceStatusReason:
            'Resource handler returned message: "Service Unavailable. Please try again later. (Service: AmazonECS; Status Code: 500; Error Code: ServerException; Request ID: 77aa; Proxy: null)" (RequestToken: 1b2c, HandlerErrorCode: GeneralServiceException)',
        },
      ],
    },
  },
  {
    name: "boto's InternalError from RunTask",
    expect: 'other',
    rule: 'aws-service-fault',
    capture: {
      logs: {
        deploy: [
          'Registering task definition web:42',
          'botocore.exceptions.ClientError: An error occurred (InternalError) when calling the RunTask operation: An internal error occurred. Please try again.',
        ],
      },
    },
  },
  {
    name: "CloudFormation's bare Internal Failure",
    expect: 'other',
    rule: 'aws-service-fault',
    capture: {
      stackEvents: [
        {
          LogicalResourceId: 'Cluster',
          ResourceStatus: 'CREATE_FAILED',
          ResourceStatusReason: 'Internal Failure',
        },
      ],
    },
  },
  {
    name: "the daemon's iptables chain gone under a published port",
    expect: 'other',
    rule: 'host-firewall-rules-lost',
    capture: {
      logs: {
        compose: [
          'Creating app_web_1 ... error',
          'ERROR: for web  Cannot start service web: driver failed programming external connectivity on endpoint app_web_1 (9f2e): (iptables failed: iptables --wait -t nat -A DOCKER -p tcp -d 0/0 --dport 80 -j DNAT --to-destination 172.18.0.3:80 ! -i br-1a2b: iptables: No chain/target/match by that name.',
        ],
      },
    },
  },
  {
    name: 'a container instance whose agent is disconnected',
    expect: 'other',
    rule: 'agent-disconnected',
    capture: {
      services: [
        {
          serviceName: 'api',
          events: [
            {
              message:
                "service api was unable to place a task because no container instance met all of its requirements. The closest matching container-instance 7c1d doesn't have the agent connected. For more information, see the Troubleshooting section.",
            },
          ],
        },
      ],
    },
  },
  {
    name: 'a placement that failed because EC2 throttled the calls ECS made for it',
    expect: 'other',
    rule: 'api-throttled',
    capture: {
      services: [
        {
          serviceName: 'web',
          events: [
            { message: '(service web) was unable to place a task.' },
            {
              message:
                '(service web) failed to launch a task with (error Error retrieving subnet information for [subnet-0a1b]: Request limit exceeded. (ErrorCode: RequestLimitExceeded)).',
            },
          ],
        },
      ],
    },
  },
  {
    name: "the ECS agent's own log of a lost backend connection",
    expect: 'other',
    rule: 'agent-disconnected',
    capture: {
      logs: {
        'ecs-agent': [
          'level=info time=2024-02-01T10:00:00Z msg="Managed task [arn:aws:ecs:eu-west-1:1:task/main/abc]: redundant container state change"',
          'level=error time=2024-02-01T10:00:01Z msg="Error getting message from ws backend: error: [read tcp 10.0.3.7:51522->52.95.1.1:443: use of closed network connection], messageType: [-1]"',
        ],
      },
    },
  },
  {
    name: 'a Docker client newer than its daemon',
    expect: 'other',
    rule: 'daemon-api-mismatch',
    capture: {
      logs: {
        deploy: [
          '$ docker compose up -d',
          'Error response from daemon: client version 1.45 is too new. Maximum supported API version is 1.41',
        ],
      },
    },
  },
  {
    name: "Terraform's provider reporting its own bug on an ECS service",
    expect: 'other',
    rule: 'tool-reports-own-bug',
    capture: {
      logs: {
        terraform: [
          'aws_ecs_service.api: Modifying... [id=arn:aws:ecs:eu-west-1:1:service/main/api]',
          'Error: Provider produced inconsistent final plan',
          'When expanding the plan for aws_ecs_service.api to include new values learned so far during apply,',
          "This is a bug in the provider, which should be reported in the provider's own issue tracker.",
        ],
      },
    },
  },
  {
    name: 'a crashed provider plugin',
    expect: 'other',
    rule: 'tool-reports-own-bug',
    capture: {
      logs: {
        terraform: [
          '│ Error: Plugin did not respond',
          '│ The plugin encountered an error, and failed to respond to the plugin.(*GRPCProvider).ApplyResourceChange call. The plugin logs may contain more details.',
        ],
      },
    },
  },
];

describe('config-env and other phrasings (session 8, part b)', () => {
  itNamesEach(cases);

  it("a port the daemon cannot bind because it is taken stays the port's finding", () => {
    const top = diagnose({
      logs: {
        web: [
          'Error response from daemon: driver failed programming external connectivity on endpoint web (1f2e): Bind for 0.0.0.0:8080 failed: port is already allocated',
        ],
      },
    })[0]!;
    assert.equal(top.category, 'port-binding');
  });

  it("a database's own InternalError is not an AWS fault", () => {
    const f = diagnose({ logs: { api: ['pymysql.err.InternalError: (1049, "Unknown database \'shop\'")'] } });
    assert.ok(!f.some((x) => x.rule === 'aws-service-fault'));
  });

  it("nginx's upstream that does not resolve is not read as its configuration file", () => {
    const f = diagnose({
      logs: {
        proxy: ['nginx: [emerg] host not found in upstream "app:3000" in /etc/nginx/conf.d/default.conf:9'],
      },
    });
    assert.ok(!f.some((x) => x.rule === 'config-file-invalid'));
  });

  it('an agent that cannot reach its endpoints at all is not read as a disconnected agent', () => {
    const f = diagnose({
      logs: {
        'ecs-agent': [
          '[ERROR] Error connecting to ACS: dial tcp: lookup ecs-a-1.eu-west-1.amazonaws.com: i/o timeout',
        ],
      },
    });
    assert.ok(!f.some((x) => x.rule === 'agent-disconnected'));
  });

  it("an app's own HTTP 500 is not an AWS fault", () => {
    const f = diagnose({
      logs: { api: ['GET /orders 500 Internal Server Error - 12ms', 'Error: order not found'] },
    });
    assert.ok(!f.some((x) => x.rule === 'aws-service-fault'));
  });
});
