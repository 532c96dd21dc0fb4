import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/diagnose/index.js';
import { itNamesEach, type PhrasingCase } from './phrasing-cases.js';

/*
 * Templates, storage and memory, capacity, the logging set-up's network and images, each as different tools word
 * them: written from how the tool phrases the failure (not copied from the corpus), with routine lines around the
 * evidence so the ranking is tested too. Each must come out with the category and the rule named.
 */
const cases: readonly PhrasingCase[] = [
  {
    name: 'a CloudFormation resource handler refusing a value with a 400',
    expect: 'cfn-template',
    rule: 'resource-request-invalid',
    capture: {
      stackEvents: [
        {
          LogicalResourceId: 'Stack',
          ResourceStatus: 'UPDATE_IN_PROGRESS',
          ResourceStatusReason: 'User Initiated',
        },
        {
          LogicalResourceId: 'Queue',
          ResourceStatus: 'CREATE_FAILED',
          ResourceStatusReason:
            'Resource handler returned message: "Value 1209601 for parameter MessageRetentionPeriod is invalid. (Service: Sqs, Status Code: 400; Error Code: InvalidParameterValue; Request ID: 1)" (HandlerErrorCode: InvalidRequest)',
        },
      ],
    },
  },
  {
    name: 'a parameter outside its AllowedPattern',
    expect: 'cfn-template',
    rule: 'stack-parameters-invalid',
    capture: {
      logs: {
        deploy: [
          'Waiting for changeset to be created..',
          "An error occurred (ValidationError) when calling the CreateChangeSet operation: Parameter 'EnvName' must match pattern ^[a-z]+$",
        ],
      },
    },
  },
  {
    name: 'a nested stack output that is not declared',
    expect: 'cfn-template',
    rule: 'unresolved-dependencies',
    capture: {
      stackEvents: [
        {
          ResourceStatus: 'CREATE_FAILED',
          ResourceStatusReason:
            "Output 'DatabaseEndpoint' not found in stack arn:aws:cloudformation:x:1:stack/db/1",
        },
      ],
    },
  },
  {
    name: "Terraform's ECS provider given one container object",
    expect: 'cfn-template',
    rule: 'iac-definition-invalid',
    capture: {
      logs: {
        terraform: [
          'aws_iam_role.task: Refreshing state... [id=task]',
          'Error: ECS Task Definition container_definitions is invalid: Error decoding JSON: json: cannot unmarshal object into Go value of type []*ecs.ContainerDefinition',
        ],
      },
    },
  },
  {
    name: "Terraform's validation of an argument the resource lacks",
    expect: 'cfn-template',
    rule: 'iac-definition-invalid',
    capture: {
      logs: {
        terraform: [
          'Initializing provider plugins...',
          'Error: Unsupported argument',
          '  on ecs.tf line 12, in resource "aws_ecs_service" "api":',
          'An argument named "container_port" is not expected here.',
        ],
      },
    },
  },
  {
    name: "Node's ENOSPC writing an upload",
    expect: 'resources-oom',
    rule: 'disk-full',
    capture: {
      tasks: [{ stoppedReason: 'Essential container in task exited', containers: [{ exitCode: 1 }] }],
      logs: {
        api: [
          'Server listening on 0.0.0.0:3000',
          "Error: ENOSPC: no space left on device, write '/tmp/uploads/7f3a.bin'",
          '    at Object.writeSync (node:fs:929:3)',
        ],
      },
    },
  },
  {
    name: "MySQL's disk full, in its own error code",
    expect: 'resources-oom',
    rule: 'disk-full',
    capture: {
      logs: {
        db: [
          '[Note] mysqld: ready for connections.',
          "[ERROR] /usr/sbin/mysqld: Error writing file './binlog.000042' (Errcode: 28 - No space left on device)",
        ],
      },
    },
  },
  {
    name: 'a kubelet evicting for ephemeral storage',
    expect: 'resources-oom',
    rule: 'disk-full',
    capture: {
      logs: {
        events: [
          'Normal   Pulled   kubelet  Container image "acme/worker:2" already present on machine',
          'Warning  Evicted  kubelet  Pod ephemeral local storage usage exceeds the total limit of containers 2Gi.',
        ],
      },
    },
  },
  {
    name: "PHP's memory_limit",
    expect: 'resources-oom',
    rule: 'runtime-heap-oom',
    capture: {
      logs: {
        web: [
          'NOTICE: fpm is running, pid 1',
          'PHP Fatal error:  Allowed memory size of 134217728 bytes exhausted (tried to allocate 4096 bytes) in /var/www/vendor/x.php on line 12',
        ],
      },
    },
  },
  {
    name: "C++'s bad_alloc",
    expect: 'resources-oom',
    rule: 'runtime-heap-oom',
    capture: {
      tasks: [{ stoppedReason: 'Essential container in task exited', containers: [{ exitCode: 134 }] }],
      logs: {
        engine: [
          'loading index shard 3/8',
          "terminate called after throwing an instance of 'std::bad_alloc'",
        ],
      },
    },
  },
  {
    name: 'a kubelet eviction for memory',
    expect: 'resources-oom',
    rule: 'oom-killed',
    capture: {
      logs: {
        events: [
          'Warning  Evicted  kubelet  The node was low on resource: memory. Container api was using 1843Mi, which exceeds its request of 512Mi.',
        ],
      },
    },
  },
  {
    name: 'RunTask asking for FARGATE_SPOT on a cluster without it',
    expect: 'placement-capacity',
    rule: 'capacity-provider-invalid',
    capture: {
      logs: {
        scheduler: [
          'submitting batch job 42',
          'botocore.errorfactory.InvalidParameterException: An error occurred (InvalidParameterException) when calling the RunTask operation: The specified capacity provider strategy cannot contain a capacity provider that is not associated with the cluster.',
        ],
      },
    },
  },
  {
    name: 'an ELB with too few free addresses in a subnet',
    expect: 'placement-capacity',
    rule: 'subnet-addresses-exhausted',
    capture: {
      stackEvents: [
        {
          ResourceStatus: 'CREATE_FAILED',
          ResourceStatusReason:
            'Not enough IP space available in subnet-0abc. ELB requires at least 8 free IP addresses in each subnet. (Service: ElasticLoadBalancingV2; Status Code: 400; Error Code: InvalidSubnet)',
        },
      ],
    },
  },
  {
    name: 'the VPC CNI out of addresses for a pod',
    expect: 'placement-capacity',
    rule: 'subnet-addresses-exhausted',
    capture: {
      logs: {
        events: [
          'Warning  FailedCreatePodSandBox  kubelet  Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox: plugin type="aws-cni" name="aws-cni" failed (add): add cmd: failed to assign an IP address to container',
        ],
      },
    },
  },
  {
    name: 'awslogs set-up killed because CloudWatch Logs does not answer',
    expect: 'network-sg',
    rule: 'logging-setup-network',
    capture: {
      tasks: [
        {
          lastStatus: 'STOPPED',
          stoppedReason:
            'ResourceInitializationError: failed to validate logger args: The task cannot find the Amazon CloudWatch log group defined in the task definition. There is a connection issue between the task and Amazon CloudWatch. Check your network configuration. : signal: killed',
        },
      ],
    },
  },
  {
    name: "containerd's not found for a tag that was never pushed",
    expect: 'image-pull',
    rule: 'pull-manifest-not-found',
    capture: {
      logs: {
        events: [
          'Normal   Pulling  kubelet  Pulling image "acme/api:2.4.1"',
          'Warning  Failed   kubelet  Failed to pull image "acme/api:2.4.1": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/acme/api:2.4.1": failed to resolve reference "docker.io/acme/api:2.4.1": docker.io/acme/api:2.4.1: not found',
        ],
      },
    },
  },
  {
    name: 'Quay refusing an anonymous pull of a private repository',
    expect: 'image-pull',
    rule: 'pull-access-denied',
    capture: {
      logs: {
        podman: [
          'Trying to pull quay.io/acme/api:2.4...',
          'Error: initializing source docker://quay.io/acme/api:2.4: reading manifest 2.4 in quay.io/acme/api: unauthorized: access to the requested resource is not authorized',
        ],
      },
    },
  },
  {
    name: 'an upper-case image name',
    expect: 'image-pull',
    rule: 'image-reference-invalid',
    capture: {
      logs: { compose: ['Pulling api ...', 'invalid reference format: repository name must be lowercase'] },
    },
  },
  {
    name: 'an image whose layers do not match its configuration',
    expect: 'image-pull',
    rule: 'image-layers-unreadable',
    capture: {
      tasks: [
        {
          lastStatus: 'STOPPED',
          stoppedReason:
            'CannotPullContainerError: failed to unpack image on snapshotter overlayfs: mismatched image rootfs and manifest layers',
        },
      ],
    },
  },
  {
    name: "a CRLF script's stray carriage return",
    expect: 'app-crash',
    rule: 'script-crlf-line-endings',
    capture: {
      tasks: [{ stoppedReason: 'Essential container in task exited', containers: [{ exitCode: 127 }] }],
      logs: { worker: ["/usr/local/bin/start.sh: line 2: $'\\r': command not found"] },
    },
  },
];

describe('diagnose: templates, storage, capacity and images, many phrasings', () => {
  itNamesEach(cases);

  it('inotify running out of watches is not a full disk', () => {
    const f = diagnose({
      logs: { web: ['Error: ENOSPC: System limit for number of file watchers reached'] },
    });
    assert.ok(!f.some((x) => x.rule === 'disk-full'));
  });

  it('a refused awslogs set-up is not read as the network', () => {
    const f = diagnose({
      tasks: [
        {
          stoppedReason:
            'ResourceInitializationError: failed to validate logger args: create stream has been retried 1 times: failed to create Cloudwatch log group: AccessDeniedException: User is not authorized to perform: logs:CreateLogGroup',
        },
      ],
    });
    assert.ok(!f.some((x) => x.rule === 'logging-setup-network'));
  });

  it('a replaced resource clashing with the old one is not a template value', () => {
    const f = diagnose({
      stackEvents: [
        {
          ResourceStatus: 'UPDATE_FAILED',
          ResourceStatusReason:
            'Resource handler returned message: "Invalid request provided: CreateService error: SC service is already used by arn:aws:servicediscovery:x (Service: AmazonECS; Status Code: 400; Error Code: InvalidParameterException)" (HandlerErrorCode: InvalidRequest)',
        },
      ],
    });
    assert.ok(!f.some((x) => x.rule === 'resource-request-invalid'));
  });

  it("an old Docker API's 404 for the container's own command is not a missing image", () => {
    const f = diagnose({
      logs: {
        agent: [
          'API error (404): oci runtime error: container_linux.go:247: starting container process caused "exec: \\"backup -addr=x\\": stat backup -addr=x: no such file or directory"',
        ],
      },
    });
    assert.ok(!f.some((x) => x.rule === 'pull-manifest-not-found'));
  });
});
