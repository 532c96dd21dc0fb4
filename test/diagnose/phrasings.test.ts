import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/diagnose/index.js';
import { itNamesEach, type PhrasingCase } from './phrasing-cases.js';

/*
 * One failure, as different tools phrase it: each capture here is written from how the tool words the error, not
 * copied from the corpus, and must come out with the category and the rule named. Noise lines around the evidence
 * keep it honest about ranking.
 */
const cases: readonly PhrasingCase[] = [
  {
    name: 'bash set -u names the unset variable',
    expect: 'config-env',
    rule: 'env-var-not-set',
    capture: {
      tasks: [{ stoppedReason: 'Essential container in task exited', containers: [{ exitCode: 1 }] }],
      logs: { api: ['starting entrypoint', '/docker-entrypoint.sh: line 12: DB_HOST: unbound variable'] },
    },
  },
  {
    name: 'dash/sh ${VAR:?} names it too',
    expect: 'config-env',
    rule: 'env-var-not-set',
    capture: { logs: { worker: ['/bin/sh: 1: QUEUE_URL: parameter not set'] } },
  },
  {
    name: 'pydantic-settings rejects the environment',
    expect: 'config-env',
    rule: 'env-schema-rejected',
    capture: {
      logs: {
        api: [
          'Traceback (most recent call last):',
          'pydantic_core._pydantic_core.ValidationError: 1 validation error for AppSettings',
          'jwt_secret',
          '  Field required [type=missing, input_value={}, input_type=dict]',
        ],
      },
    },
  },
  {
    name: 'a zod env schema names the variable in its path',
    expect: 'config-env',
    rule: 'env-schema-rejected',
    capture: {
      logs: {
        web: [
          '❌ Invalid environment variables: [',
          "  { code: 'invalid_type', expected: 'string', received: 'undefined', path: [ 'STRIPE_SECRET_KEY' ] }",
        ],
      },
    },
  },
  {
    name: 'Go parses an empty port',
    expect: 'config-env',
    rule: 'setting-value-invalid',
    capture: { logs: { svc: ['panic: strconv.Atoi: parsing "": invalid syntax', 'goroutine 1 [running]:'] } },
  },
  {
    name: 'Java parses an unexpanded placeholder',
    expect: 'config-env',
    rule: 'setting-value-invalid',
    capture: {
      logs: {
        app: ['Exception in thread "main" java.lang.NumberFormatException: For input string: "${PORT}"'],
      },
    },
  },
  {
    name: "gunicorn's port already taken",
    expect: 'port-binding',
    rule: 'port-in-use',
    capture: {
      logs: {
        web: [
          '[2026-01-05 10:00:00 +0000] [1] [INFO] Starting gunicorn 21.2.0',
          "[2026-01-05 10:00:00 +0000] [1] [ERROR] Connection in use: ('0.0.0.0', 8000)",
          "[2026-01-05 10:00:05 +0000] [1] [ERROR] Can't connect to ('0.0.0.0', 8000)",
        ],
      },
    },
  },
  {
    name: 'an empty reply through the published port, with the server on loopback',
    expect: 'port-binding',
    rule: 'listening-on-loopback',
    capture: {
      logs: {
        api: ['INFO:     Uvicorn running on http://127.0.0.1:8000 (Press CTRL+C to quit)'],
        client: ['curl: (52) Empty reply from server'],
      },
    },
  },
  {
    name: 'the Kubernetes scheduler has no room',
    expect: 'placement-capacity',
    rule: 'scheduler-no-fit',
    capture: {
      logs: {
        events: [
          'Normal   Scheduled  default-scheduler  Successfully assigned default/web-1 to node-a',
          'Warning  FailedScheduling  30s  default-scheduler  0/4 nodes are available: 4 Insufficient cpu.',
        ],
      },
    },
  },
  {
    name: 'Nomad exhausted a dimension',
    expect: 'placement-capacity',
    rule: 'scheduler-no-fit',
    capture: {
      logs: {
        nomad: ['    * Resources exhausted on 3 nodes', '    * Dimension "memory" exhausted on 3 nodes'],
      },
    },
  },
  {
    name: 'the subnet is out of addresses',
    expect: 'placement-capacity',
    rule: 'subnet-addresses-exhausted',
    capture: {
      tasks: [
        {
          stoppedReason:
            'InsufficientFreeAddressesInSubnet: The specified subnet does not have enough free addresses to satisfy the request.',
        },
      ],
    },
  },
  {
    name: 'MySQL refuses the configured password',
    expect: 'config-env',
    rule: 'credentials-rejected',
    capture: {
      logs: {
        api: [
          'Connecting to mysql://db.internal:3306/shop',
          "Error: ER_ACCESS_DENIED_ERROR: Access denied for user 'shop'@'10.0.2.14' (using password: YES)",
        ],
      },
    },
  },
  {
    name: 'nginx rejects its own config',
    expect: 'config-env',
    rule: 'config-file-invalid',
    capture: {
      tasks: [{ stoppedReason: 'Essential container in task exited', containers: [{ exitCode: 1 }] }],
      logs: {
        proxy: [
          'nginx: [emerg] invalid number of arguments in "proxy_pass" directive in /etc/nginx/conf.d/site.conf:9',
        ],
      },
    },
  },
  {
    name: 'the deploy tool was throttled',
    expect: 'other',
    rule: 'api-throttled',
    capture: {
      logs: {
        deploy: [
          'An error occurred (ThrottlingException) when calling the DescribeServices operation (reached max retries: 4): Rate exceeded',
        ],
      },
    },
  },
  {
    name: 'the container runtime timed out',
    expect: 'other',
    rule: 'platform-fault',
    capture: {
      logs: {
        kubelet: [
          'E0105 "CreateContainer in sandbox from runtime service failed" err="rpc error: code = DeadlineExceeded desc = context deadline exceeded"',
        ],
      },
    },
  },
  {
    name: "a Docker health probe that busybox wget sees reset by the container's proxy",
    expect: 'port-binding',
    rule: 'published-port-empty-reply',
    capture: {
      local: {
        health: 'unhealthy',
        healthOutput:
          'Connecting to localhost:8080 (127.0.0.1:8080)\nwget: error getting response: Connection reset by peer',
      },
    },
  },
  {
    name: "Python's urllib probe gets no reply at all",
    expect: 'port-binding',
    rule: 'published-port-empty-reply',
    capture: {
      tasks: [{ stoppedReason: 'Task failed container health checks' }],
      logs: { probe: ['http.client.RemoteDisconnected: Remote end closed connection without response'] },
    },
  },
  {
    name: 'Cloud Run says the container never listened on PORT',
    expect: 'port-binding',
    rule: 'platform-port-not-listening',
    capture: {
      logs: {
        deploy: [
          'ERROR: (gcloud.run.deploy) Revision "api-00002-xyz" is not ready and cannot serve traffic. The user-provided container failed to start and listen on the port defined provided by the PORT=8080 environment variable.',
        ],
      },
    },
  },
  {
    name: 'Render finds no open port',
    expect: 'port-binding',
    rule: 'platform-port-not-listening',
    capture: { logs: { render: ['==> No open ports detected, continuing to scan...'] } },
  },
  {
    name: 'mysqlclient cannot reach a MySQL that is still starting',
    expect: 'dependency-unreachable',
    rule: 'dependency-not-ready',
    capture: {
      logs: {
        web: [
          'Traceback (most recent call last):',
          "MySQLdb.OperationalError: (2002, \"Can't connect to MySQL server on 'mysql' (115)\")",
        ],
      },
    },
  },
  {
    name: 'libpq connects while Postgres is still recovering',
    expect: 'dependency-unreachable',
    rule: 'dependency-not-ready',
    capture: {
      logs: {
        api: [
          'psycopg2.OperationalError: connection to server at "db" (172.18.0.2), port 5432 failed: FATAL:  the database system is starting up',
        ],
      },
    },
  },
  {
    name: 'the MongoDB driver gives up selecting a server',
    expect: 'dependency-unreachable',
    rule: 'dependency-not-ready',
    capture: {
      logs: {
        api: [
          'MongoServerSelectionError: Server selection timed out after 30000 ms',
          '    at Timeout._onTimeout',
        ],
      },
    },
  },
  {
    name: 'MySQL refused at loopback is the address, not the database',
    expect: 'config-env',
    rule: 'loopback-dependency-refused',
    capture: {
      tasks: [{ stoppedReason: 'Essential container in task exited' }],
      logs: { web: ["ERROR 2002 (HY000): Can't connect to MySQL server on '127.0.0.1' (111) port 3306"] },
    },
  },
  {
    name: "Ruby's nil receiver crashes the worker",
    expect: 'app-crash',
    rule: 'uncaught-exception',
    capture: {
      tasks: [{ stoppedReason: 'Essential container in task exited', containers: [{ exitCode: 1 }] }],
      logs: {
        worker: ["app/jobs/sync.rb:14:in `perform': undefined method `id' for nil:NilClass (NoMethodError)"],
      },
    },
  },
  {
    name: 'a Java NullPointerException at start-up',
    expect: 'app-crash',
    rule: 'uncaught-exception',
    capture: {
      logs: {
        api: [
          'java.lang.NullPointerException: Cannot invoke "String.length()" because "name" is null',
          '\tat com.example.App.main(App.java:12)',
        ],
      },
    },
  },
  {
    name: 'Django refuses to start with unapplied migrations',
    expect: 'db-migration',
    rule: 'pending-migrations',
    capture: {
      logs: {
        web: [
          'You have 4 unapplied migration(s). Your project may not work properly until you apply the migrations for app(s): auth.',
        ],
      },
    },
  },
  {
    name: 'Liquibase finds an applied changeset edited',
    expect: 'db-migration',
    rule: 'flyway-validate-failed',
    capture: {
      logs: {
        api: [
          'liquibase.exception.ValidationFailedException: Validation Failed:',
          '     1 changesets check sum',
          '          db/changelog/001.xml::1::alice was: 8:d41d8cd98f00b204e9800998ecf8427e but is now: 8:0cc175b9c0f1b6a831c399e269772661',
        ],
      },
    },
  },
  {
    name: 'a host name that only Docker Desktop resolves',
    expect: 'config-env',
    rule: 'setting-value-invalid',
    capture: {
      logs: {
        api: ['psycopg2.OperationalError: could not translate host name "host.docker.internal" to address'],
      },
    },
  },
  {
    name: 'the ECS agent logs a container killed for memory',
    expect: 'resources-oom',
    rule: 'oom-killed',
    capture: {
      logs: {
        'ecs-agent': [
          'level=info msg="DockerGoClient: process within container 1f2e (name: \\"ecs-api-3-api\\") died due to OOM"',
        ],
      },
    },
  },
  {
    name: 'a Fargate pull cancelled on the way',
    expect: 'network-sg',
    rule: 'registry-network-timeout',
    capture: {
      tasks: [
        {
          stoppedReason: 'DockerTimeoutError: Could not transition to started; timed out after waiting 3m0s',
          containers: [{ reason: 'CannotPullContainerError: context canceled' }],
        },
      ],
    },
  },
  {
    name: "Kubernetes' readiness probe refused at the pod's port",
    expect: 'port-binding',
    rule: 'probe-refused',
    capture: {
      logs: {
        events: [
          'Warning  Unhealthy  kubelet  Readiness probe failed: Get "http://10.244.1.9:8080/ready": dial tcp 10.244.1.9:8080: connect: connection refused',
        ],
      },
    },
  },
  {
    name: "App Runner's TCP health check on the configured port",
    expect: 'port-binding',
    rule: 'platform-port-not-listening',
    capture: {
      logs: {
        apprunner: [
          "[AppRunner] Health check failed on protocol `TCP`[Port: '8080']. Check your configured port number.",
        ],
      },
    },
  },
  {
    name: 'HikariCP cannot open the pool while MySQL is down',
    expect: 'dependency-unreachable',
    rule: 'dependency-not-ready',
    capture: {
      logs: {
        api: [
          'HikariPool-1 - Exception during pool initialization.',
          'com.mysql.cj.jdbc.exceptions.CommunicationsException: Communications link failure',
        ],
      },
    },
  },
  {
    name: 'wait-for-it gives up on the database port',
    expect: 'dependency-unreachable',
    rule: 'dependency-not-ready',
    capture: {
      logs: { web: ['wait-for-it.sh: timeout occurred after waiting 30 seconds for postgres:5432'] },
    },
  },
  {
    name: 'SqlClient cannot reach SQL Server',
    expect: 'dependency-unreachable',
    rule: 'dependency-not-ready',
    capture: {
      logs: {
        api: [
          'Microsoft.Data.SqlClient.SqlException (0x80131904): A network-related or instance-specific error occurred while establishing a connection to SQL Server.',
        ],
      },
    },
  },
  {
    name: 'an AWS CLI older than the parameter it is given',
    expect: 'other',
    rule: 'client-too-old',
    capture: {
      logs: {
        deploy: [
          'Parameter validation failed:',
          'Unknown parameter in input: "enableExecuteCommand", must be one of: cluster, service, desiredCount, taskDefinition',
        ],
      },
    },
  },
  // Families added from round 7's misses; phrasings written from how each tool words the error.
  {
    name: "Go's dial timeout to a database in the VPC, which alone does not say why",
    expect: 'other',
    rule: 'connect-timeout-ambiguous',
    capture: {
      tasks: [{ stoppedReason: 'Essential container in task exited', containers: [{ exitCode: 1 }] }],
      logs: { api: ['starting api', 'failed to connect: dial tcp 10.0.12.7:5432: i/o timeout'] },
    },
  },
  {
    name: "Python's socket timeout (errno 110)",
    expect: 'other',
    rule: 'connect-timeout-ambiguous',
    capture: {
      logs: { worker: ['  File "/app/db.py", line 9', 'TimeoutError: [Errno 110] Connection timed out'] },
    },
  },
  {
    name: "Java's connect timeout",
    expect: 'other',
    rule: 'connect-timeout-ambiguous',
    capture: {
      logs: {
        app: [
          'java.net.SocketTimeoutException: connect timed out',
          '\tat java.base/sun.nio.ch.NioSocketImpl.timedFinishConnect',
        ],
      },
    },
  },
  {
    name: "botocore's connect timeout to STS from a private subnet",
    expect: 'network-sg',
    rule: 'aws-endpoint-no-answer',
    capture: {
      logs: {
        worker: [
          'Traceback (most recent call last):',
          'botocore.exceptions.ConnectTimeoutError: Connect timeout on endpoint URL: "https://sts.us-east-1.amazonaws.com/"',
        ],
      },
    },
  },
  {
    name: 'a secrets fetch given up after one attempt, reason cut off',
    expect: 'secrets-iam',
    rule: 'secret-retrieval-refused',
    capture: {
      tasks: [
        {
          stoppedReason:
            'ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secret from asm: service call has been retried 1 time(s)...',
        },
      ],
    },
  },
  {
    name: "eksctl's node group whose instances never registered",
    expect: 'network-sg',
    rule: 'nodes-cannot-join',
    capture: {
      logs: {
        eksctl: [
          'waiting for CloudFormation stack "eksctl-demo-nodegroup-ng-1"',
          'Resource handler returned message: "[Issues: [{Code: NodeCreationFailure,Message: Unhealthy nodes in the kubernetes cluster}]]"',
        ],
      },
    },
  },
  {
    name: 'an ECS instance whose agent cannot register',
    expect: 'network-sg',
    rule: 'nodes-cannot-join',
    capture: {
      logs: {
        'ecs-agent': [
          'level=error msg="Unable to register as a container instance with ECS: RequestError: send request failed"',
          'Unable to register instance with ECS',
        ],
      },
    },
  },
  {
    name: 'Quay answering a pull with 502',
    expect: 'other',
    rule: 'registry-server-error',
    capture: {
      logs: {
        docker: [
          'Error response from daemon: Head "https://quay.io/v2/prometheus/node-exporter/manifests/v1.7.0": received unexpected HTTP status: 502 Bad Gateway',
        ],
      },
    },
  },
  {
    name: "the ECS agent's own panic",
    expect: 'other',
    rule: 'platform-agent-crashed',
    capture: {
      logs: {
        'ecs-agent': [
          'panic: runtime error: index out of range [0] with length 0',
          'goroutine 112 [running]:',
          'github.com/aws/amazon-ecs-agent/agent/engine.(*managedTask).emitTaskEvent(0xc0004a2000)',
        ],
      },
    },
  },
  {
    name: "gunicorn's worker sent SIGKILL",
    expect: 'resources-oom',
    rule: 'worker-killed-by-signal',
    capture: {
      logs: {
        web: [
          '[2024-03-01 10:00:00 +0000] [1] [ERROR] Worker (pid:42) was sent SIGKILL! Perhaps out of memory?',
        ],
      },
    },
  },
  {
    name: "Envoy's upstream connection failure",
    expect: 'port-binding',
    rule: 'proxy-upstream-refused',
    capture: {
      logs: {
        envoy: [
          'upstream connect error or disconnect/reset before headers. reset reason: connection failure',
        ],
      },
    },
  },
  {
    name: 'a Kafka topic with no leader yet',
    expect: 'dependency-unreachable',
    rule: 'dependency-not-ready',
    capture: {
      logs: {
        producer: [
          '[Producer clientId=app] Error while fetching metadata with correlation id 4 : {orders=LEADER_NOT_AVAILABLE}',
        ],
      },
    },
  },
  {
    name: "ss shows the server on the container's loopback",
    expect: 'port-binding',
    rule: 'listening-on-loopback',
    capture: {
      tasks: [
        { stoppedReason: 'Task failed ELB health checks in (target-group arn:aws:elasticloadbalancing:x)' },
      ],
      logs: {
        web: [
          'State  Recv-Q Send-Q Local Address:Port Peer Address:Port',
          'LISTEN 0      511        127.0.0.1:8080      0.0.0.0:*',
        ],
      },
    },
  },
  {
    name: "the AWS SDK for JavaScript's upload to a bucket without ACLs",
    expect: 'config-env',
    rule: 'bucket-acl-not-supported',
    capture: {
      logs: {
        api: [
          'AccessControlListNotSupported: The bucket does not allow ACLs',
          '    at throwDefaultError (/app/node_modules/@smithy/smithy-client/dist-cjs/index.js:838:20)',
        ],
      },
    },
  },
  {
    name: 'a spot request with no capacity',
    expect: 'placement-capacity',
    rule: 'ec2-capacity-insufficient',
    capture: { logs: { fleet: ['Spot request sir-8x2 status: capacity-not-available'] } },
  },
  {
    name: "Prisma's unreachable database at the container's loopback",
    expect: 'config-env',
    rule: 'loopback-dependency-refused',
    capture: { logs: { api: ["Error: P1001: Can't reach database server at `127.0.0.1`:`5432`"] } },
  },
  {
    name: "Spring Boot's options binding fails at start-up",
    expect: 'config-env',
    rule: 'required-setting-missing',
    capture: {
      logs: {
        api: [
          'APPLICATION FAILED TO START',
          'Description: Binding to target org.acme.MailProperties@5b8dfcc1 failed: Property: mail.host Value: null Reason: must not be blank',
        ],
      },
    },
  },
  {
    name: '.NET options validation on start',
    expect: 'config-env',
    rule: 'required-setting-missing',
    capture: {
      logs: {
        api: [
          "Unhandled exception. Microsoft.Extensions.Options.OptionsValidationException: DataAnnotation validation failed for 'StorageOptions' members: 'BucketName' with the error: 'The BucketName field is required.'.",
        ],
      },
    },
  },
  {
    name: 'node-config finds no property',
    expect: 'config-env',
    rule: 'required-setting-missing',
    capture: {
      logs: {
        web: [
          'Error: Configuration property "redis.url" is not defined',
          '    at Config.get (/app/node_modules/config/lib/config.js:182:11)',
        ],
      },
    },
  },
  {
    name: "Laravel's missing APP_KEY",
    expect: 'config-env',
    rule: 'required-setting-missing',
    capture: {
      logs: {
        php: ['[2024-03-01 10:00:00] production.ERROR: No application encryption key has been specified.'],
      },
    },
  },
  {
    name: "Compose v2's required variable",
    expect: 'config-env',
    rule: 'env-var-not-set',
    capture: {
      logs: {
        compose: [
          'error while interpolating services.web.environment.[]: required variable SECRET_KEY is missing a value: set it in .env',
        ],
      },
    },
  },
  {
    name: 'Elixir releases name the missing variable',
    expect: 'config-env',
    rule: 'env-var-not-set',
    capture: {
      logs: {
        app: [
          '** (RuntimeError) environment variable DATABASE_URL is missing.',
          'For example: ecto://USER:PASS@HOST/DATABASE',
        ],
      },
    },
  },
  {
    name: 'a PHP stack frame opens PDO at loopback',
    expect: 'config-env',
    rule: 'loopback-dsn-failed',
    capture: {
      logs: {
        app: [
          'In Connector.php line 70:',
          "  at PDO->__construct('pgsql:host=localhost;dbname=app;port=5432', 'app', '***', array()) in Connector.php line 70",
        ],
      },
    },
  },
  {
    name: 'Celery cannot reach its broker at loopback and only times out',
    expect: 'config-env',
    rule: 'loopback-dsn-failed',
    capture: {
      logs: {
        worker: [
          '[ERROR/MainProcess] consumer: Cannot connect to amqp://guest:**@127.0.0.1:5672//: timed out.',
        ],
      },
    },
  },
  {
    name: 'Postgres cuts its clients while it restarts',
    expect: 'dependency-unreachable',
    rule: 'dependency-not-ready',
    capture: {
      logs: {
        db: ['2024-01-01 10:00:00.001 UTC [77] FATAL:  terminating connection due to administrator command'],
        api: ['Error: Connection terminated unexpectedly'],
      },
    },
  },
  {
    name: 'the ECS agent cannot reach the Docker socket',
    expect: 'other',
    rule: 'docker-engine-unreachable',
    capture: {
      logs: {
        'ecs-agent': [
          'level=error msg="Unable to connect to docker daemon" err="dial unix /var/run/docker.sock: connect: connection refused"',
        ],
      },
    },
  },
  {
    name: 'Docker Compose itself panics',
    expect: 'other',
    rule: 'platform-agent-crashed',
    capture: {
      logs: {
        compose: [
          'panic: runtime error: invalid memory address or nil pointer dereference',
          '[signal SIGSEGV: segmentation violation code=0x1 addr=0x20 pc=0x2091fc3]',
          'github.com/docker/compose/v2/pkg/compose.(*composeService).doBuildBake(0xc00051c200)',
        ],
      },
    },
  },
  {
    name: 'a Terraform provider crashes',
    expect: 'other',
    rule: 'platform-agent-crashed',
    capture: {
      logs: {
        terraform: [
          'Stack trace from the terraform-provider-aws_v5.31.0_x5 plugin:',
          'panic: runtime error: invalid memory address or nil pointer dereference',
          'github.com/hashicorp/terraform-provider-aws/internal/service/ecs.resourceServiceUpdate(0x1, 0x2)',
        ],
      },
    },
  },
  {
    name: 'runc cannot start its init process after an upgrade',
    expect: 'other',
    rule: 'platform-fault',
    capture: {
      tasks: [
        {
          stoppedReason:
            'CannotStartContainerError: OCI runtime create failed: container_linux.go:345: starting container process caused "process_linux.go:303: getting the final child\'s pid from pipe caused \\"read init-p: connection reset by peer\\"": unknown',
        },
      ],
    },
  },
];

describe('diagnose: one failure, many phrasings', () => {
  itNamesEach(cases);

  it('a registry pull rate limit is not API throttling', () => {
    const f = diagnose({
      tasks: [
        {
          stoppedReason:
            'CannotPullContainerError: toomanyrequests: You have reached your pull rate limit. Rate exceeded for anonymous users.',
        },
      ],
    });
    assert.equal(f[0]!.category, 'image-pull');
    assert.ok(!f.some((x) => x.rule === 'api-throttled'));
  });

  it('a loopback listen line raises an empty reply over the bare signature', () => {
    const bare = diagnose({ logs: { client: ['curl: (52) Empty reply from server'] } });
    const supported = diagnose({
      logs: {
        client: ['curl: (52) Empty reply from server'],
        web: ['ready - started server on localhost:3000'],
      },
    });
    const conf = (fs: ReturnType<typeof diagnose>) =>
      fs.find((x) => x.rule === 'published-port-empty-reply')!.confidence;
    assert.equal(bare[0]!.category, 'port-binding');
    assert.ok(conf(supported) > conf(bare));
  });
});
