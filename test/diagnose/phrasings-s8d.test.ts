import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/diagnose/index.js';
import { itNamesEach, type PhrasingCase } from './phrasing-cases.js';

/*
 * Memory, capacity, templates, IAM and the registry's side, as different tools word them (session 8, part d): written
 * from how each tool phrases the failure, not copied from the corpus, with routine lines around the evidence so the
 * ranking is tested too. Each must come out with the category and the rule named.
 */
const cases: readonly PhrasingCase[] = [
  {
    name: "gunicorn's worker sent SIGKILL after a WORKER TIMEOUT",
    expect: 'resources-oom',
    rule: 'worker-killed-by-signal',
    capture: {
      logs: {
        web: [
          '[INFO] Booting worker with pid: 41',
          '[CRITICAL] WORKER TIMEOUT (pid:41)',
          '[ERROR] Worker (pid:41) was sent SIGKILL! Perhaps out of memory?',
        ],
      },
    },
  },
  {
    name: "uWSGI's worker killed by signal 9",
    expect: 'resources-oom',
    rule: 'worker-killed-by-signal',
    capture: {
      logs: {
        api: [
          'spawned uWSGI worker 2 (pid: 19, cores: 1)',
          'DAMN ! worker 2 (pid: 19) died, killed by signal 9 :( trying respawn ...',
        ],
      },
    },
  },
  {
    name: "Celery's pool losing a worker to SIGKILL",
    expect: 'resources-oom',
    rule: 'worker-killed-by-signal',
    capture: {
      logs: {
        worker: [
          '[tasks] . reports.build',
          'billiard.exceptions.WorkerLostError: Worker exited prematurely: signal 9 (SIGKILL) Job: 7.',
        ],
      },
    },
  },
  {
    name: "an entrypoint script's child reported Killed by bash",
    expect: 'resources-oom',
    rule: 'shell-reports-killed',
    capture: {
      tasks: [{ stoppedReason: 'Essential container in task exited', containers: [{ exitCode: 137 }] }],
      logs: {
        indexer: [
          'loading 2.1M documents',
          './run.sh: line 14:    23 Killed                  java -Xmx6g -jar indexer.jar',
        ],
      },
    },
  },
  {
    name: 'yarn reporting its build was killed',
    expect: 'resources-oom',
    rule: 'shell-reports-killed',
    capture: {
      logs: {
        build: ['Creating an optimized production build...', 'error Command failed with signal "SIGKILL".'],
      },
    },
  },
  {
    name: "a metric filter created before the stack's log group",
    expect: 'cfn-template',
    rule: 'stack-log-group-missing',
    capture: {
      stackEvents: [
        {
          LogicalResourceId: 'App',
          ResourceStatus: 'CREATE_IN_PROGRESS',
          ResourceStatusReason: 'User Initiated',
        },
        {
          LogicalResourceId: 'ErrorsFilter',
          ResourceType: 'AWS::Logs::SubscriptionFilter',
          ResourceStatus: 'CREATE_FAILED',
          ResourceStatusReason:
            'Resource handler returned message: "The specified log group does not exist. (Service: CloudWatchLogs, Status Code: 400)" (HandlerErrorCode: NotFound)',
        },
      ],
    },
  },
  {
    name: 'Fn::Select past the subnets given',
    expect: 'cfn-template',
    rule: 'intrinsic-function-invalid',
    capture: {
      logs: {
        deploy: [
          'Waiting for changeset to be created..',
          'An error occurred (ValidationError) when calling the CreateChangeSet operation: Template error: Fn::Select cannot select nonexistent value at index 2',
        ],
      },
    },
  },
  {
    name: 'a FindInMap key missing for the region',
    expect: 'cfn-template',
    rule: 'intrinsic-function-invalid',
    capture: {
      stackEvents: [
        {
          ResourceStatus: 'ROLLBACK_IN_PROGRESS',
          ResourceStatusReason:
            "Template error: Unable to fetch mapping for key ap-south-2 in mapping 'AmiByRegion'",
        },
      ],
    },
  },
  {
    name: 'an ImportValue of an export nobody makes',
    expect: 'cfn-template',
    rule: 'export-not-found',
    capture: {
      stackEvents: [
        {
          ResourceStatus: 'ROLLBACK_IN_PROGRESS',
          ResourceStatusReason: 'No export named staging-network-VpcId found. Rollback requested by user.',
        },
      ],
    },
  },
  {
    name: 'a Fargate task size that does not exist',
    expect: 'cfn-template',
    rule: 'fargate-size-unsupported',
    capture: {
      logs: {
        cdk: [
          'app: creating CloudFormation changeset...',
          'Resource handler returned message: "Invalid request provided: Create TaskDefinition: No Fargate configuration exists for given values: 256 CPU, 4096 memory."',
        ],
      },
    },
  },
  {
    name: 'an EFS mount refused by the file system policy',
    expect: 'secrets-iam',
    rule: 'efs-mount-denied',
    capture: {
      tasks: [
        {
          stoppedReason:
            "ResourceInitializationError: failed to invoke EFS utils commands to set up EFS volumes: stderr: b'mount.nfs4: access denied by server while mounting 127.0.0.1:/' : unsuccessful EFS utils command execution; code: 32",
        },
      ],
    },
  },
  {
    name: 'the account out of network interfaces',
    expect: 'placement-capacity',
    rule: 'eni-limit-reached',
    capture: {
      services: [
        {
          events: [
            { message: '(service api) has started 1 tasks: (task 1a2b).' },
            {
              message:
                '(service api) failed to launch a task with (error ResourceInitializationError: failed to configure ENI: NetworkInterfaceLimitExceeded: You have reached the maximum number of network interfaces for this Region).',
            },
          ],
        },
      ],
    },
  },
  {
    name: 'a pull the registry cut off',
    expect: 'other',
    rule: 'pull-stream-broken',
    capture: {
      logs: {
        docker: [
          'latest: Pulling from library/mariadb',
          'a2abf6c4d29d: Pulling fs layer',
          'error pulling image configuration: download failed after attempts=6: unexpected EOF',
        ],
      },
    },
  },
];

describe('diagnose: session 8 (d) phrasings', () => {
  itNamesEach(cases);

  it("ECS's logging driver without its log group stays the container's setting", () => {
    const top = diagnose({
      tasks: [
        {
          stoppedReason:
            'CannotStartContainerError: Error response from daemon: failed to initialize logging driver: failed to create Cloudwatch log stream: ResourceNotFoundException: The specified log group does not exist.',
        },
      ],
    })[0]!;
    assert.equal(top.category, 'config-env');
  });

  it('an EFS mount that times out stays the network', () => {
    const top = diagnose({
      tasks: [
        {
          stoppedReason:
            "ResourceInitializationError: failed to invoke EFS utils commands to set up EFS volumes: stderr: b'mount.nfs4: Connection timed out' : unsuccessful EFS utils command execution; code: 32",
        },
      ],
    })[0]!;
    assert.equal(top.category, 'network-sg');
  });

  it("an export still imported stays the stacks' state", () => {
    const f = diagnose({
      stackEvents: [
        {
          ResourceStatus: 'UPDATE_FAILED',
          ResourceStatusReason: 'Export network-VpcId cannot be deleted as it is in use by app-stack',
        },
      ],
    });
    assert.equal(f[0]!.category, 'cfn-state');
    assert.ok(!f.some((x) => x.rule === 'export-not-found'));
  });

  it('a tag that does not exist is still the image, not the registry cutting off', () => {
    const f = diagnose({
      logs: {
        docker: [
          'Error response from daemon: manifest for acme/app:v9 not found: manifest unknown: manifest unknown',
        ],
      },
    });
    assert.equal(f[0]!.category, 'image-pull');
    assert.ok(!f.some((x) => x.rule === 'pull-stream-broken'));
  });

  it('a log line that kills connections is not a process killed', () => {
    const f = diagnose({ logs: { db: ['Killed 3 idle connections', 'checkpoint complete'] } });
    assert.ok(!f.some((x) => x.rule === 'shell-reports-killed'));
  });
});
