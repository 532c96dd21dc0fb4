import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose, type Finding } from '../../src/diagnose/index.js';
import { itNamesEach, type PhrasingCase } from './phrasing-cases.js';

/*
 * Session 9, part i: the platform and the tools as `other`, against image-pull and placement. Written from how each
 * tool words the failure (not copied from the corpus), with routine lines around the evidence.
 */
const stopped = (reason: string) => ({
  tasks: [{ lastStatus: 'STOPPED', stoppedReason: reason, containers: [{ reason, exitCode: null }] }],
});

const cases: readonly PhrasingCase[] = [
  {
    name: "botocore's GetLogEvents on a stream an operator named wrongly",
    expect: 'other',
    rule: 'log-fetch-failed',
    capture: {
      logs: {
        scheduler: [
          'INFO - ECS task has been started: arn:aws:ecs:eu-west-1:1:task/c/0a1b',
          'botocore.errorfactory.ResourceNotFoundException: An error occurred (ResourceNotFoundException) when calling the GetLogEvents operation: The specified log stream does not exist.',
        ],
      },
    },
  },
  {
    name: "the Go SDK's FilterLogEvents on a group a CLI guessed",
    expect: 'other',
    rule: 'log-fetch-failed',
    capture: {
      logs: {
        cli: [
          'Deployment complete.',
          'Error: operation error CloudWatch Logs: FilterLogEvents, https response error StatusCode: 400, RequestID: 7f, ResourceNotFoundException: The specified log group does not exist.',
        ],
      },
    },
  },
  {
    name: "the JavaScript SDK's GetLogEventsCommand failing in an action",
    expect: 'other',
    rule: 'log-fetch-failed',
    capture: {
      logs: {
        action: [
          'Task arn:aws:ecs:us-east-1:1:task/c/9f is RUNNING',
          'GetLogEventsCommand failed: ResourceNotFoundException: The specified log stream does not exist.',
        ],
      },
    },
  },
  {
    name: 'GHCR taking the connection and not answering the token request',
    expect: 'other',
    rule: 'registry-no-answer',
    capture: {
      logs: {
        runner: [
          'Pulling image ghcr.io/acme/builder:2',
          'Error response from daemon: Head "https://ghcr.io/v2/acme/builder/manifests/2": Get "https://ghcr.io/token?scope=repository%3Aacme%2Fbuilder%3Apull&service=ghcr.io": net/http: request canceled (Client.Timeout exceeded while awaiting headers)',
        ],
      },
    },
  },
  {
    name: 'Quay accepting the connection and timing out on headers',
    expect: 'other',
    rule: 'registry-no-answer',
    capture: {
      logs: {
        node: [
          'Failed to pull image "quay.io/acme/api:1.4": rpc error: code = Unknown desc = Error response from daemon: Get "https://quay.io/v2/acme/api/manifests/1.4": net/http: timeout awaiting response headers',
        ],
      },
    },
  },
  {
    name: 'a deploy script passing every task ARN as one identifier',
    expect: 'other',
    rule: 'ecs-identifier-invalid',
    capture: {
      logs: {
        deploy: [
          'Updating service web to task definition web:42',
          'An error occurred (InvalidParameterException) when calling the DescribeTasks operation: Invalid identifier: Unexpected number of separators',
        ],
      },
    },
  },
  {
    name: "a tool asking another cluster about a service's tasks",
    expect: 'other',
    rule: 'ecs-identifier-invalid',
    capture: {
      logs: {
        compose: [
          'InvalidParameterException: Invalid identifier: Identifier is for cluster staging. Your cluster is default',
        ],
      },
    },
  },
  {
    name: "an IDE toolkit's own list of Fargate regions",
    expect: 'other',
    rule: 'client-region-list',
    capture: {
      logs: {
        toolkit: [
          'Fargate is currently not supported in this region. Fargate is supported in the regions: us-east-1, us-east-2, us-west-2, eu-west-1',
        ],
      },
    },
  },
  {
    name: "a CLI's list of regions for a newer service",
    expect: 'other',
    rule: 'client-region-list',
    capture: {
      logs: {
        cli: [
          'Error: App Runner is not available in the selected region. Available regions: us-east-1, us-east-2, us-west-2, eu-west-1',
        ],
      },
    },
  },
  {
    name: 'a sidecar release calling IMDS on Fargate',
    expect: 'other',
    rule: 'instance-metadata-on-fargate',
    capture: {
      logs: {
        'cloudwatch-agent': [
          'I! Starting AmazonCloudWatchAgent',
          'E! Failed to get Instance Id through metadata provider: EC2MetadataRequestError: failed to get EC2 instance identity document caused by: RequestError: send request failed caused by: Get "http://169.254.169.254/latest/dynamic/instance-identity/document": dial tcp 169.254.169.254:80: connect: invalid argument',
        ],
      },
    },
  },
  {
    name: 'a Docker 25 daemon refusing an old client',
    expect: 'other',
    rule: 'daemon-api-mismatch',
    capture: {
      logs: {
        agent: [
          'level=error msg="Failed to load pause container" error="Error response from daemon: client version 1.21 is too old. Minimum supported API version is 1.24, please upgrade your client to a newer version"',
        ],
      },
    },
  },
  {
    name: 'a newer Compose attaching several networks on an older engine',
    expect: 'other',
    rule: 'daemon-api-mismatch',
    capture: {
      logs: {
        compose: [
          'Container backup-client Creating',
          'Container backup-client Error response from daemon: Container cannot be connected to network endpoints: proxy, backup_internal',
        ],
      },
    },
  },
  {
    name: "RunTask's failure reason ATTRIBUTE",
    expect: 'placement-capacity',
    rule: 'missing-instance-attribute',
    capture: {
      logs: {
        runner: [
          'Starting task on cluster workers',
          '{"tasks":[],"failures":[{"arn":"arn:aws:ecs:us-east-1:1:container-instance/workers/5e","reason":"ATTRIBUTE"}]}',
        ],
      },
    },
  },
  {
    name: 'a PaaS scheduler with no memory left to start the process',
    expect: 'placement-capacity',
    rule: 'insufficient-resources',
    capture: { logs: { build: ['Starting build', 'ERROR: not enough memory available to start process'] } },
  },
  {
    name: 'a Fargate Spot interruption',
    expect: 'other',
    rule: 'platform-stopped-task',
    capture: {
      tasks: [
        {
          lastStatus: 'STOPPED',
          stopCode: 'SpotInterruption',
          stoppedReason: 'Your Spot Task was interrupted.',
        },
      ],
    },
  },
  {
    name: 'the EC2 host terminated under a task',
    expect: 'other',
    rule: 'platform-stopped-task',
    capture: {
      tasks: [{ lastStatus: 'STOPPED', stoppedReason: 'Host EC2 (instance i-0f1e2d3c4b) terminated.' }],
    },
  },
  {
    name: 'a task stopped for maintenance',
    expect: 'other',
    rule: 'platform-stopped-task',
    capture: {
      tasks: [
        {
          lastStatus: 'STOPPED',
          stopCode: 'TerminationNotice',
          stoppedReason: 'ECS is performing maintenance on the underlying infrastructure hosting the task.',
        },
      ],
    },
  },
  {
    name: 'the concurrent Spot task quota',
    expect: 'placement-capacity',
    rule: 'task-quota-reached',
    capture: {
      services: [
        {
          serviceName: 'worker',
          events: [
            {
              message:
                "(service worker) was unable to place a task. Reason: You've reached the limit on the number of spot tasks you can run concurrently. For more information, see the Troubleshooting section.",
            },
          ],
        },
      ],
    },
  },
];

/** Evidence that reads like a family but is another finding: the rule must not fire, and the top may be named. */
interface NotRead {
  name: string;
  rule: string;
  capture: unknown;
  top?: string;
}

const log = (line: string) => ({ logs: { app: [line] } });

const confidenceOf = (findings: readonly Finding[], rule: string) =>
  findings.find((f) => f.rule === rule)?.confidence;

const notRead: readonly NotRead[] = [
  {
    name: 'a registry never connected to is the network, not an incident',
    rule: 'registry-no-answer',
    capture: stopped(
      'CannotPullContainerError: Error response from daemon: Get "https://registry-1.docker.io/v2/": net/http: request canceled while waiting for connection (Client.Timeout exceeded while awaiting headers)',
    ),
  },
  {
    name: 'a private ECR registry not answering is left to the network rules',
    rule: 'registry-no-answer',
    capture: stopped(
      'CannotPullContainerError: Error response from daemon: Get "https://1234.dkr.ecr.us-east-1.amazonaws.com/v2/": net/http: request canceled (Client.Timeout exceeded while awaiting headers)',
    ),
  },
  {
    name: 'a denied log read is a permission, not a tool reading the wrong stream',
    rule: 'log-fetch-failed',
    capture: log(
      'An error occurred (AccessDeniedException) when calling the FilterLogEvents operation: User: arn:aws:sts::1:assumed-role/ci/x is not authorized to perform: logs:FilterLogEvents',
    ),
    top: 'secrets-iam',
  },
  {
    name: "the logging driver's own missing group stays the service's configuration",
    rule: 'log-fetch-failed',
    capture: stopped(
      'CannotStartContainerError: Error response from daemon: failed to initialize logging driver: failed to create Cloudwatch log stream: ResourceNotFoundException: The specified log group does not exist.',
    ),
    top: 'config-env',
  },
  {
    name: 'a metadata timeout on EC2 is not read as Fargate lacking IMDS',
    rule: 'instance-metadata-on-fargate',
    capture: log(
      'EC2MetadataError: failed to make EC2Metadata request: Get "http://169.254.169.254/latest/api/token": dial tcp 169.254.169.254:80: i/o timeout',
    ),
  },
  {
    name: "the service's own answer for an unsupported region is not a client's list",
    rule: 'client-region-list',
    capture: log(
      'An error occurred (InvalidParameterException) when calling the CreateService operation: The specified platform does not exist in this region.',
    ),
  },
  {
    name: 'a pull that quotes its cause is not a pull with none',
    rule: 'pull-failed-no-cause',
    capture: stopped(
      'CannotPullContainerError: Error response from daemon: manifest for app:9 not found: manifest unknown',
    ),
    top: 'image-pull',
  },
];

describe('diagnose: session 9 part i phrasings (platform and tools as other)', () => {
  itNamesEach(cases);

  it('a bare CannotPullContainerError ranks image-pull and network-sg both in the top three', () => {
    for (const reason of [
      'CannotPullContainerError',
      'CannotPullContainerError: Error response from daemon',
    ]) {
      const top = diagnose(stopped(reason))
        .slice(0, 3)
        .map((f) => f.category);
      assert.ok(top.includes('image-pull'), `${reason}: ${top.join(', ')}`);
      assert.ok(top.includes('network-sg'), `${reason}: ${top.join(', ')}`);
    }
  });

  it('a registry shown answering raises the incident reading, and a task with no way out lowers it', () => {
    const timeout =
      'Error response from daemon: Get "https://registry-1.docker.io/v2/library/redis/manifests/7": net/http: request canceled (Client.Timeout exceeded while awaiting headers)';
    const alone = confidenceOf(diagnose(log(timeout)), 'registry-no-answer')!;
    const answered = confidenceOf(
      diagnose({ logs: { app: ['Login Succeeded', 'Pull complete', timeout] } }),
      'registry-no-answer',
    )!;
    const isolated = confidenceOf(
      diagnose({ logs: { app: ['task network: assignPublicIp: DISABLED', timeout] } }),
      'registry-no-answer',
    );
    assert.ok(answered > alone, `${answered} > ${alone}`);
    assert.ok(isolated === undefined || isolated < alone, `${isolated} < ${alone}`);
  });

  it('a bare pull failure from a task with no public IP is surer of the network', () => {
    const bare = confidenceOf(diagnose(stopped('CannotPullContainerError')), 'pull-failed-no-cause')!;
    const isolated = confidenceOf(
      diagnose({ ...stopped('CannotPullContainerError'), logs: { ecs: ['assignPublicIp: DISABLED'] } }),
      'pull-failed-no-cause',
    )!;
    assert.ok(isolated > bare, `${isolated} > ${bare}`);
  });

  for (const c of notRead) {
    it(c.name, () => {
      const f = diagnose(c.capture);
      assert.ok(!f.some((x) => x.rule === c.rule), `${c.rule} fired`);
      if (c.top) assert.equal(f[0]!.category, c.top, `${f[0]!.category} (${f[0]!.rule ?? 'no rule'})`);
    });
  }
});
