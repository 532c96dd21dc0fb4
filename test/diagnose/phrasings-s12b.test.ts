import { describe } from 'node:test';
import { composed, itNamesEach, logged, type PhrasingCase } from './phrasing-cases.js';

/*
 * Session 12, part b: round 20's misses in `other`, db-migration, app-crash and cfn-template, as families in other
 * tools' words. Written from how each runtime, server and tool words it (not copied from the corpus), with routine
 * lines around.
 */
const stack = (...reasons: string[]) => ({
  service: 'api',
  stackEvents: [
    {
      ResourceType: 'AWS::CloudFormation::Stack',
      ResourceStatus: 'UPDATE_IN_PROGRESS',
      ResourceStatusReason: 'User Initiated',
    },
    ...reasons.map((r) => ({
      ResourceType: 'AWS::ECS::Service',
      ResourceStatus: 'CREATE_FAILED',
      ResourceStatusReason: r,
    })),
  ],
});

const cases: readonly PhrasingCase[] = [
  // A host's container engine (its seccomp profile, libseccomp) older than the image's C library: new syscalls
  // (clone3, time64 clocks, faccessat2) are refused with EPERM, and each runtime fails in its own words.
  {
    name: "the JVM's first thread refused with EPERM",
    expect: 'other',
    rule: 'engine-seccomp-outdated',
    capture: composed(
      'orders',
      'orders  | [0.003s][warning][os,thread] Failed to start thread "GC Thread#0" - pthread_create failed (EPERM) for attributes: stacksize: 1024k, guardsize: 4k, detached.',
      'orders  | Error occurred during initialization of VM',
      'orders  | java.lang.OutOfMemoryError: unable to create native thread: possibly out of memory or process/resource limits reached',
    ),
  },
  {
    name: 'Python unable to read the clock at start',
    expect: 'other',
    rule: 'engine-seccomp-outdated',
    capture: logged(
      "Fatal Python error: pyinit_main: can't initialize time",
      'Python runtime state: core initialized',
      'PermissionError: [Errno 1] Operation not permitted',
    ),
  },
  {
    name: "coreutils' sleep unable to read the clock in an init script",
    expect: 'other',
    rule: 'engine-seccomp-outdated',
    capture: composed(
      'radarr',
      'radarr  | [s6-init] making user provided files available at /var/run/s6/etc...exited 0.',
      'radarr  | sleep: cannot read realtime clock: Operation not permitted',
      'radarr  | [cont-init.d] 10-adduser: exited 1.',
    ),
  },
  {
    name: "Qt's thread creation refused",
    expect: 'other',
    rule: 'engine-seccomp-outdated',
    capture: composed(
      'calibre',
      'calibre  | [custom-init] No custom files found, skipping...',
      'calibre  | QThread::start: Thread creation error: Operation not permitted',
    ),
  },
  {
    name: "Rust's std refused a thread",
    expect: 'other',
    rule: 'engine-seccomp-outdated',
    capture: logged(
      "thread 'main' panicked at 'failed to spawn thread: Os { code: 1, kind: PermissionDenied, message: \"Operation not permitted\" }', library/std/src/thread/mod.rs:686:29",
      'note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace',
    ),
  },
  {
    name: "Node's worker thread refused, then the abort",
    expect: 'other',
    rule: 'engine-seccomp-outdated',
    capture: {
      service: 'web',
      local: {
        exitCode: 134,
        logs: [
          'web  | > web@1.0.0 start',
          "web  | node[1]: ../src/node_platform.cc:68:std::unique_ptr<long unsigned int> node::WorkerThreadsTaskRunner::DelayedTaskScheduler::Start(): Assertion `(0) == (uv_thread_create(t.get(), start_thread, this))' failed.",
          'web  | Aborted (core dumped)',
          'web exited with code 134',
        ],
      },
    },
  },

  // A resource given a name its service's naming rule refuses (length, characters, a reserved prefix).
  {
    name: "ELBv2's 32-character target group name, through CloudFormation",
    expect: 'cfn-template',
    rule: 'resource-name-invalid',
    capture: stack(
      "Resource handler returned message: \"Target group name 'orders-service-production-blue-tg' cannot be longer than '32' characters (Service: ElasticLoadBalancingV2, Status Code: 400, Request ID: 0b1c)\" (RequestToken: 9f, HandlerErrorCode: InvalidRequest)",
    ),
  },
  {
    name: "the Terraform AWS provider's check of a load balancer name",
    expect: 'cfn-template',
    rule: 'resource-name-invalid',
    capture: {
      service: 'api',
      logs: {
        terraform: [
          'aws_ecs_cluster.main: Refreshing state... [id=arn:aws:ecs:eu-west-1:1:cluster/main]',
          'Error: "name" cannot be longer than 32 characters: "orders-service-production-blue-tg"',
          '  with aws_lb_target_group.orders,',
          '  on alb.tf line 14, in resource "aws_lb_target_group" "orders":',
        ],
      },
    },
  },
  {
    name: "IAM's role name length, through CDK's stack events",
    expect: 'cfn-template',
    rule: 'resource-name-invalid',
    capture: stack(
      "Resource handler returned message: \"1 validation error detected: Value 'orders-service-production-eu-west-1-task-execution-role-blue' at 'roleName' failed to satisfy constraint: Member must have length less than or equal to 64 (Service: Iam, Status Code: 400, Request ID: 77)\" (HandlerErrorCode: InvalidRequest)",
    ),
  },
  {
    name: "ECR's repository name pattern",
    expect: 'cfn-template',
    rule: 'resource-name-invalid',
    capture: stack(
      "Resource handler returned message: \"Invalid parameter at 'repositoryName' failed to satisfy constraint: 'must satisfy regular expression '(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*''\" (RequestToken: 3a, HandlerErrorCode: InvalidRequest)",
    ),
  },
  {
    name: "CDK's own check of a bucket name at synth",
    expect: 'cfn-template',
    rule: 'resource-name-invalid',
    capture: {
      service: 'api',
      logs: {
        cdk: [
          '$ npx cdk deploy OrdersStack',
          'Error: Invalid S3 bucket name (value: Orders_Assets)',
          'Bucket name must only contain lowercase characters and the symbols, period (.) and dash (-) (offset: 0)',
          '    at new Bucket (/app/node_modules/aws-cdk-lib/aws-s3/lib/bucket.js:1:2)',
        ],
      },
    },
  },
  {
    name: "S3's InvalidBucketName through Terraform",
    expect: 'cfn-template',
    rule: 'resource-name-invalid',
    capture: {
      service: 'api',
      logs: {
        terraform: [
          'aws_s3_bucket.assets: Creating...',
          'Error: creating S3 Bucket (Orders_Assets): InvalidBucketName: The specified bucket is not valid.',
          '  with aws_s3_bucket.assets,',
        ],
      },
    },
  },

  // An app that refuses data more than one major version behind it: the upgrade path skips a required step.
  {
    name: "Nextcloud's occ refusing to skip a major version",
    expect: 'db-migration',
    rule: 'data-dir-version-mismatch',
    capture: composed(
      'nextcloud',
      'nextcloud  | Nextcloud or one of the apps require upgrade - only a limited number of commands are available',
      'nextcloud  | Exception: Updates between multiple major versions and downgrades are unsupported.',
    ),
  },
  {
    name: "GitLab's upgrade path check",
    expect: 'db-migration',
    rule: 'data-dir-version-mismatch',
    capture: composed(
      'gitlab',
      'gitlab  | Thank you for using GitLab Docker Image!',
      'gitlab  | It seems you are upgrading from major version 15 to major version 17.',
      'gitlab  | It is required to upgrade to the latest 16.x.x version first before proceeding.',
    ),
  },
  {
    name: 'Elasticsearch refusing to skip a major version',
    expect: 'db-migration',
    rule: 'data-dir-version-mismatch',
    capture: logged(
      '{"@timestamp":"2025-03-01T10:00:00.000Z", "log.level": "INFO", "message":"starting ..."}',
      'java.lang.IllegalStateException: cannot upgrade a node from version [6.8.23] directly to version [8.11.1], upgrade to version [7.17.0] first.',
    ),
  },
  {
    name: 'an Elasticsearch index from two majors ago',
    expect: 'db-migration',
    rule: 'data-dir-version-mismatch',
    capture: logged(
      'java.lang.IllegalStateException: The index [[.kibana_1/Yh3k]] was created with version [6.8.0] but the minimum compatible version is [7.0.0]. It should be re-indexed in Elasticsearch 7.x before upgrading to 8.11.1.',
    ),
  },
  {
    name: "SonarQube's schema too old for a direct upgrade",
    expect: 'db-migration',
    rule: 'data-dir-version-mismatch',
    capture: composed(
      'sonarqube',
      'sonarqube  | 2025.03.01 10:00:00 INFO  web[][o.s.s.p.ServerImpl] Starting SonarQube',
      'sonarqube  | 2025.03.01 10:00:02 ERROR web[][o.s.s.p.Platform] Web server startup failed: Current version is too old. Please upgrade to Long Term Support version firstly.',
    ),
  },

  // The program's own entry file is not in the image, in each runtime's words (Node's is node-module-not-found's).
  {
    name: "Java's jar not where the command says",
    expect: 'app-crash',
    rule: 'runtime-dependency-missing',
    capture: logged('Error: Unable to access jarfile /app/target/orders-0.0.1-SNAPSHOT.jar'),
  },
  {
    name: "PHP's script missing",
    expect: 'app-crash',
    rule: 'runtime-dependency-missing',
    capture: composed('app', 'app  | Could not open input file: /var/www/html/artisan'),
  },
  {
    name: "Ruby's script missing",
    expect: 'app-crash',
    rule: 'runtime-dependency-missing',
    capture: logged('ruby: No such file or directory -- /app/server.rb (LoadError)'),
  },
  {
    name: ".NET's host not finding the app's assembly",
    expect: 'app-crash',
    rule: 'runtime-dependency-missing',
    capture: logged("The application to execute does not exist: '/app/Orders.Api.dll'."),
  },
  {
    name: "Deno's entry module missing",
    expect: 'app-crash',
    rule: 'runtime-dependency-missing',
    capture: logged('error: Module not found "file:///app/main.ts".'),
  },
];

describe('session 12 part b phrasings', () => {
  itNamesEach(cases);
});
