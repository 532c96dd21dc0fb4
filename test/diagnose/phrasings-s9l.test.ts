import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/diagnose/index.js';
import { itNamesEach, type PhrasingCase } from './phrasing-cases.js';

/*
 * Session 9, part l: `other` families that recur across collection rounds or tools (an engine that is not running, a
 * request connected and then not answered, a command that needs a terminal, a JVM deploy tool's own exception).
 * Written from how each tool words the failure (not copied from the corpus), with routine lines around the evidence.
 */
const cases: readonly PhrasingCase[] = [
  {
    name: 'the Docker CLI on Linux with no daemon',
    expect: 'other',
    rule: 'docker-engine-unreachable',
    capture: {
      logs: {
        deploy: [
          '+ docker compose up -d',
          'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?',
        ],
      },
    },
  },
  {
    name: 'the Docker CLI on Windows with Docker Desktop not started',
    expect: 'other',
    rule: 'docker-engine-unreachable',
    capture: {
      local: {
        healthOutput:
          'error during connect: Get "http://%2F%2F.%2Fpipe%2FdockerDesktopLinuxEngine/v1.46/containers/json": open //./pipe/dockerDesktopLinuxEngine: The system cannot find the file specified.',
      },
    },
  },
  {
    name: 'docker-py fetching the API version from a missing socket',
    expect: 'other',
    rule: 'docker-engine-unreachable',
    capture: {
      logs: {
        ci: [
          'Collecting stack definition',
          "docker.errors.DockerException: Error while fetching server API version: ('Connection aborted.', FileNotFoundError(2, 'No such file or directory'))",
        ],
      },
    },
  },
  {
    name: 'Podman with no machine running',
    expect: 'other',
    rule: 'docker-engine-unreachable',
    capture: {
      logs: {
        build: [
          'Cannot connect to Podman. Please verify your connection to the Linux system using `podman system connection list`, or try `podman machine init` and `podman machine start` to manage a new Linux VM',
        ],
      },
    },
  },
  {
    name: 'Testcontainers finding no engine',
    expect: 'other',
    rule: 'docker-engine-unreachable',
    capture: {
      logs: {
        tests: [
          'INFO  org.testcontainers.dockerclient.DockerClientProviderStrategy - Loaded org.testcontainers.dockerclient.UnixSocketClientProviderStrategy from ~/.testcontainers.properties',
          'java.lang.IllegalStateException: Could not find a valid Docker environment. Please see logs and check configuration',
        ],
      },
    },
  },
  {
    name: "a Go proxy's client giving up on headers after connecting",
    expect: 'other',
    rule: 'request-no-answer',
    capture: {
      logs: {
        proxy: [
          '2024/03/02 10:11:12 Listening on :9200...',
          '2024/03/02 10:11:40 Post "https://search.example.org/_bulk": context deadline exceeded (Client.Timeout exceeded while awaiting headers)',
        ],
      },
    },
  },
  {
    name: "requests' read timeout",
    expect: 'other',
    rule: 'request-no-answer',
    capture: {
      logs: {
        worker: [
          'INFO Sending report batch 12',
          "requests.exceptions.ReadTimeout: HTTPSConnectionPool(host='hooks.example.com', port=443): Read timed out. (read timeout=5)",
        ],
      },
    },
  },
  {
    name: "undici's headers timeout",
    expect: 'other',
    rule: 'request-no-answer',
    capture: {
      logs: {
        web: [
          'Server listening on port 3000',
          'TypeError: fetch failed',
          '  [cause]: HeadersTimeoutError: Headers Timeout Error { code: UND_ERR_HEADERS_TIMEOUT }',
        ],
      },
    },
  },
  {
    name: "Docker's -it in a CI job",
    expect: 'other',
    rule: 'terminal-required',
    capture: { logs: { ci: ['$ docker run -it --rm migrate/migrate up', 'the input device is not a TTY'] } },
  },
  {
    name: 'ECS exec from a pipeline with no terminal',
    expect: 'other',
    rule: 'terminal-required',
    capture: {
      logs: {
        pipeline: [
          'The Session Manager plugin was installed successfully. Use the AWS CLI to start a session.',
          'Cannot perform start session: EOF',
        ],
      },
    },
  },
  {
    name: 'sudo asking for a password in a deploy script',
    expect: 'other',
    rule: 'terminal-required',
    capture: {
      logs: {
        deploy: [
          'Restarting service',
          'sudo: a terminal is required to read the password; either use the -S option to read from standard input or configure an askpass helper',
        ],
      },
    },
  },
  {
    name: "a Jenkins plugin's own IllegalArgumentException",
    expect: 'other',
    rule: 'tool-java-exception',
    capture: {
      logs: {
        jenkins: [
          'INFO com.cloudbees.jenkins.plugins.amazonecs.ECSCloud provision',
          'java.lang.IllegalArgumentException',
          '\tat hudson.slaves.NodeProvisioner$PlannedNode.<init>(NodeProvisioner.java:102)',
          '\tat com.cloudbees.jenkins.plugins.amazonecs.ECSCloud.provision(ECSCloud.java:283)',
        ],
      },
    },
  },
  {
    name: "Jib's NullPointerException in a Maven build",
    expect: 'other',
    rule: 'tool-java-exception',
    capture: {
      logs: {
        build: [
          '[INFO] Containerizing application to 123.dkr.ecr.eu-west-1.amazonaws.com/app:1.4...',
          '[ERROR] java.lang.NullPointerException',
          '[ERROR]     at com.google.cloud.tools.jib.maven.MavenProjectProperties.getMainClassFromJarPlugin(MavenProjectProperties.java:410)',
        ],
      },
    },
  },
];

describe('diagnose phrasings, session 9 part l (`other` across rounds and tools)', () => {
  itNamesEach(cases);

  it('a request canceled while waiting for a connection is left to the network rules', () => {
    const f = diagnose({
      logs: {
        app: [
          'Get "https://api.example.com/v1": net/http: request canceled while waiting for connection (Client.Timeout exceeded while awaiting headers)',
        ],
      },
    });
    assert.ok(!f.some((x) => x.rule === 'request-no-answer'), 'request-no-answer fired');
  });

  it('a task with no way out lowers the connected-but-no-answer reading', () => {
    const line =
      'Post "https://search.example.org/_bulk": context deadline exceeded (Client.Timeout exceeded while awaiting headers)';
    const conf = (lines: string[]) =>
      diagnose({ logs: { app: lines } }).find((x) => x.rule === 'request-no-answer')?.confidence;
    const alone = conf([line])!;
    const isolated = conf(['task network: assignPublicIp: DISABLED', line]);
    assert.ok(isolated === undefined || isolated < alone, `${isolated} < ${alone}`);
  });

  it("an app's own NullPointerException stays the app's", () => {
    const f = diagnose({
      logs: {
        api: [
          'Exception in thread "main" java.lang.NullPointerException',
          '\tat com.example.orders.OrderService.place(OrderService.java:42)',
        ],
      },
    });
    assert.ok(!f.some((x) => x.rule === 'tool-java-exception'), 'tool-java-exception fired');
  });
});
