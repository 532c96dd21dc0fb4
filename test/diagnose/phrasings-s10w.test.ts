import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/diagnose/index.js';
import { itNamesEach, type PhrasingCase } from './phrasing-cases.js';

/*
 * Session 10, part w: app-crash, templates and the small categories. A native part the build left out, a process
 * that ended with status 0, a program dying inside CPU emulation, ECS refusing a service whose properties contradict
 * each other, containerd refusing an image reference.
 * Written from how each tool words it (not copied from the corpus), with routine lines around.
 */
const cases: readonly PhrasingCase[] = [
  // A native part the build left out.
  {
    name: "Prisma 4+'s query engine library not found for the image's platform",
    expect: 'app-crash',
    rule: 'runtime-dependency-missing',
    capture: {
      logs: {
        api: [
          '> api@1.4.0 start',
          '> node dist/main.js',
          'PrismaClientInitializationError: Query engine library for current platform "linux-musl-openssl-3.0.x" could not be found.',
          'You incorrectly pinned it to linux-musl-openssl-3.0.x',
        ],
      },
    },
  },
  {
    name: "Prisma's engine not copied next to a bundle",
    expect: 'app-crash',
    rule: 'runtime-dependency-missing',
    capture: {
      logs: {
        worker: [
          'worker listening for jobs',
          'Prisma Client could not locate the Query Engine for runtime "debian-openssl-3.0.x".',
          'This happened because Prisma Client was generated for "darwin-arm64", but the actual deployment required "debian-openssl-3.0.x".',
        ],
      },
    },
  },
  {
    name: "node-bindings' bindings file (better-sqlite3) missing",
    expect: 'app-crash',
    rule: 'runtime-dependency-missing',
    capture: {
      logs: {
        app: [
          'node:internal/modules/cjs/loader:1080',
          'Error: Could not locate the bindings file. Tried:',
          ' → /app/node_modules/better-sqlite3/build/better_sqlite3.node',
          ' → /app/node_modules/better-sqlite3/build/Release/better_sqlite3.node',
        ],
      },
    },
  },
  {
    name: 'a native addon compiled for another Node (bcrypt)',
    expect: 'app-crash',
    rule: 'runtime-dependency-missing',
    capture: {
      logs: {
        web: [
          "Error: The module '/usr/src/app/node_modules/bcrypt/lib/binding/napi-v3/bcrypt_lib.node'",
          "Error: The module '/usr/src/app/node_modules/bcrypt/lib/binding/napi-v3/bcrypt_lib.node' was compiled against a different Node.js version using",
          'NODE_MODULE_VERSION 108. This version of Node.js requires',
          'NODE_MODULE_VERSION 115. Please try re-compiling or re-installing',
        ],
      },
    },
  },
  // A process that ended with status 0.
  {
    name: 'ECS: an essential container that stopped with exit code 0',
    expect: 'app-crash',
    rule: 'exited-zero',
    capture: {
      service: 'api',
      tasks: [
        {
          lastStatus: 'STOPPED',
          stoppedReason: 'Essential container in task exited',
          containers: [{ name: 'api', exitCode: 0, lastStatus: 'STOPPED' }],
        },
      ],
    },
  },
  {
    name: 'Compose: a service that exited with code 0',
    expect: 'app-crash',
    rule: 'exited-zero',
    capture: {
      logs: {
        compose: [
          'Attaching to db-1, web-1',
          'db-1   | database system is ready to accept connections',
          'web-1  | Build finished in 2.1s',
          'web-1 exited with code 0',
        ],
      },
    },
  },
  {
    name: 'docker ps: a container shown as Exited (0)',
    expect: 'app-crash',
    rule: 'exited-zero',
    capture: {
      logs: {
        'docker-ps': [
          'CONTAINER ID   IMAGE      COMMAND                  CREATED         STATUS                     PORTS   NAMES',
          '3f2a9c1b7d10   shop:2.3   "docker-entrypoint.s…"   2 minutes ago   Exited (0) 1 minute ago            shop',
        ],
      },
    },
  },
  // A program dying inside CPU emulation.
  {
    name: "qemu-user's uncaught target signal",
    expect: 'arch-mismatch',
    rule: 'exec-format-error',
    capture: {
      logs: {
        search: [
          'OpenJDK 64-Bit Server VM warning: Option UseConcMarkSweepGC was deprecated',
          'qemu: uncaught target signal 11 (Segmentation fault) - core dumped',
        ],
      },
    },
  },
  {
    name: "qemu's loader finding no x86-64 dynamic linker",
    expect: 'arch-mismatch',
    rule: 'exec-format-error',
    capture: {
      logs: {
        app: ["qemu-x86_64: Could not open '/lib64/ld-linux-x86-64.so.2': No such file or directory"],
      },
    },
  },
  {
    name: "Apple's Rosetta failing to load the binary",
    expect: 'arch-mismatch',
    rule: 'exec-format-error',
    capture: {
      logs: {
        api: ['Starting api', 'rosetta error: failed to open elf at /lib64/ld-linux-x86-64.so.2'],
      },
    },
  },
  // ECS refusing a service whose properties contradict each other.
  {
    name: 'CloudFormation: a launch type beside a capacity provider strategy',
    expect: 'cfn-template',
    rule: 'resource-request-invalid',
    capture: {
      service: 'web',
      stackEvents: [
        {
          LogicalResourceId: 'Service',
          ResourceStatus: 'CREATE_IN_PROGRESS',
          ResourceStatusReason: 'User Initiated',
        },
        {
          LogicalResourceId: 'Service',
          ResourceType: 'AWS::ECS::Service',
          ResourceStatus: 'CREATE_FAILED',
          ResourceStatusReason:
            'Resource handler returned message: "Invalid request provided: CreateService error: Specifying both a launch type and capacity provider strategy is not supported. Remove one and try again. (Service: AmazonECS; Status Code: 400; Error Code: InvalidParameterException; Request ID: 7f1c)"',
        },
      ],
    },
  },
  {
    name: 'Terraform: a target group not yet attached to a load balancer',
    expect: 'cfn-template',
    rule: 'resource-request-invalid',
    capture: {
      logs: {
        terraform: [
          'aws_ecs_service.web: Creating...',
          '│ Error: creating ECS Service (web): InvalidParameterException: The target group with targetGroupArn arn:aws:elasticloadbalancing:eu-west-1:1:targetgroup/web/5d2e does not have an associated load balancer.',
          '│   with aws_ecs_service.web,',
        ],
      },
    },
  },
  {
    name: 'Pulumi: an instance target group for an awsvpc task',
    expect: 'cfn-template',
    rule: 'resource-request-invalid',
    capture: {
      logs: {
        pulumi: [
          'aws:ecs:Service (api):',
          'error: creating ECS Service (api-4e1): operation error ECS: CreateService, https response error StatusCode: 400, RequestID: 9a, InvalidParameterException: The provided target group arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/api/77 has target type instance, which is incompatible with the awsvpc network mode specified in the task definition.',
        ],
      },
    },
  },
  {
    name: 'CDK (through CloudFormation): a load balancer naming a port the container lacks',
    expect: 'cfn-template',
    rule: 'resource-request-invalid',
    capture: {
      service: 'api',
      stackEvents: [
        {
          LogicalResourceId: 'ApiServiceC7A4',
          ResourceType: 'AWS::ECS::Service',
          ResourceStatus: 'CREATE_FAILED',
          ResourceStatusReason:
            'Resource handler returned message: "Invalid request provided: CreateService error: The container api did not have a container port 8080 defined."',
        },
      ],
    },
  },
  // containerd refusing an image reference.
  {
    name: 'Fargate/containerd: an image URI with a scheme',
    expect: 'image-pull',
    rule: 'image-reference-invalid',
    capture: {
      service: 'events',
      tasks: [
        {
          lastStatus: 'STOPPED',
          stoppedReason:
            'CannotPullContainerError: failed to normalize image reference "https://1.dkr.ecr.eu-west-1.amazonaws.com/events:3"',
          containers: [{ name: 'events' }],
        },
      ],
    },
  },
  {
    name: 'the Docker CLI: a tag left empty by an unset variable',
    expect: 'image-pull',
    rule: 'image-reference-invalid',
    capture: {
      logs: {
        deploy: [
          '+ docker pull registry.example.com/shop:',
          'docker: invalid reference format.',
          "See 'docker run --help'.",
        ],
      },
    },
  },
  {
    name: 'the kubelet: an image name that does not parse',
    expect: 'image-pull',
    rule: 'image-reference-invalid',
    capture: {
      logs: {
        kubectl: [
          'NAME                    READY   STATUS             RESTARTS   AGE',
          'shop-7d9c6b5f4-x2k8q    0/1     InvalidImageName   0          41s',
        ],
      },
    },
  },
];

describe('session 10 part w phrasings', () => {
  itNamesEach(cases);

  it('a container exiting 0 beside one that failed is not read as a clean exit', () => {
    const f = diagnose({
      tasks: [
        {
          lastStatus: 'STOPPED',
          stoppedReason: 'Essential container in task exited',
          containers: [
            { name: 'init', exitCode: 0 },
            { name: 'app', exitCode: 1 },
          ],
        },
      ],
    });
    assert.ok(!f.some((x) => x.rule === 'exited-zero'), 'exited-zero fired');
  });

  it('a container that could not be pulled is not read as a clean exit', () => {
    const f = diagnose({
      tasks: [
        {
          lastStatus: 'STOPPED',
          stoppedReason:
            'CannotPullContainerError: pull image manifest has been retried 5 time(s): not found',
          containers: [{ name: 'app', exitCode: 0 }],
        },
      ],
    });
    assert.ok(!f.some((x) => x.rule === 'exited-zero'), 'exited-zero fired');
  });

  it('installing qemu-user-static is not emulation crashing', () => {
    const f = diagnose({ logs: { build: ['Setting up qemu-user-static (1:7.2+dfsg-7) ...'] } });
    assert.ok(!f.some((x) => x.rule === 'exec-format-error'), 'exec-format-error fired');
  });
});
