import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/diagnose/index.js';
import { itNamesEach, type PhrasingCase } from './phrasing-cases.js';

/*
 * The network, the listen address and the health check, each as different tools word them: written from how the tool
 * phrases the failure (not copied from the corpus), with routine lines around the evidence so the ranking is tested
 * too. Each must come out with the category and the rule named.
 */
const cases: readonly PhrasingCase[] = [
  {
    name: "the Go SDK's request canceled reaching an AWS endpoint",
    expect: 'network-sg',
    rule: 'aws-endpoint-no-answer',
    capture: {
      logs: {
        worker: [
          'level=info msg="loading configuration"',
          'RequestError: send request failed',
          'caused by: Post "https://sqs.eu-west-1.amazonaws.com/": net/http: request canceled while waiting for connection (Client.Timeout exceeded while awaiting headers)',
        ],
      },
    },
  },
  {
    name: "urllib3's connect timeout naming an AWS host",
    expect: 'network-sg',
    rule: 'aws-endpoint-no-answer',
    capture: {
      logs: {
        job: [
          "botocore.vendored.requests.exceptions.ConnectTimeout: HTTPSConnectionPool(host='kinesis.us-east-2.amazonaws.com', port=443): Max retries exceeded with url: / (Caused by ConnectTimeoutError(<AWSHTTPSConnection object at 0x7f>, 'Connection to kinesis.us-east-2.amazonaws.com timed out. (connect timeout=60)'))",
        ],
      },
    },
  },
  {
    name: "Ruby's AWS SDK with no endpoint named",
    expect: 'network-sg',
    rule: 'aws-sdk-no-answer',
    capture: {
      tasks: [{ stoppedReason: 'Essential container in task exited', containers: [{ exitCode: 1 }] }],
      logs: {
        app: [
          'Booting Sidekiq 7.2.0',
          '[Aws::SNS::Client 0 30.01 3 retries] publish(topic_arn:"arn:aws:sns:eu-west-1:1:events") Seahorse::Client::NetworkingError execution expired',
        ],
      },
    },
  },
  {
    name: "Java's AWS SDK v2 connect timeout without a host",
    expect: 'network-sg',
    rule: 'aws-sdk-no-answer',
    capture: {
      logs: {
        api: [
          'Started Application in 12.3 seconds',
          'software.amazon.awssdk.core.exception.SdkClientException: Unable to execute HTTP request: connect timed out',
        ],
      },
    },
  },
  {
    name: 'the ECS agent cannot reach its control plane, and the cluster has no instances',
    expect: 'network-sg',
    rule: 'nodes-cannot-join',
    capture: {
      services: [
        {
          events: [
            {
              message:
                'service web was unable to place a task because no container instance met all of its requirements. Reason: No Container Instances were found in your cluster.',
            },
          ],
        },
      ],
      logs: {
        'ecs-agent': [
          'level=info msg="Registering Instance with ECS"',
          'level=error msg="Error connecting to ACS: websocket client: unable to dial ecs-a-3.us-east-1.amazonaws.com response: : dial tcp 3.4.5.6:443: i/o timeout"',
        ],
      },
    },
  },
  {
    name: 'a VPC flow log rejecting the database port',
    expect: 'network-sg',
    rule: 'traffic-rejected',
    capture: {
      logs: {
        api: ['Error: connect ETIMEDOUT 10.0.2.15:5432'],
        flowlogs: [
          '2 111122223333 eni-0a1b2c3d4e5f60718 10.0.1.20 10.0.2.15 51512 5432 6 3 180 1733390000 1733390060 REJECT OK',
        ],
      },
    },
  },
  {
    name: "puma's banner on loopback",
    expect: 'port-binding',
    rule: 'listening-on-loopback',
    capture: { logs: { web: ['Puma starting in single mode...', '* Listening on tcp://127.0.0.1:3000'] } },
  },
  {
    name: "a Go service's structured log on loopback",
    expect: 'port-binding',
    rule: 'listening-on-loopback',
    capture: {
      logs: { api: ['time=2026-12-05T10:00:00Z level=INFO msg="HTTP server listening" addr=127.0.0.1:8080'] },
    },
  },
  {
    name: "Tomcat's port already taken",
    expect: 'port-binding',
    rule: 'port-in-use',
    capture: {
      logs: {
        api: [
          'APPLICATION FAILED TO START',
          'The Tomcat connector configured to listen on port 8080 failed to start. The port may already be in use or the connector may be misconfigured.',
        ],
      },
    },
  },
  {
    name: 'a server bound to the container ID Docker set as HOSTNAME',
    expect: 'port-binding',
    rule: 'listens-on-task-address',
    capture: {
      logs: { web: ['▲ Next.js 15.1.0', '   - Local:        http://3f2a9c81d0e4:3000', ' ✓ Ready in 120ms'] },
    },
  },
  {
    name: 'a startup probe asking for a path the server lacks',
    expect: 'health-check-command',
    rule: 'health-path-not-found',
    capture: {
      logs: {
        api: ['INFO HTTP server listening on http://0.0.0.0:8080'],
        kubelet: [
          'Warning  Unhealthy  kubelet  Startup probe failed: HTTP probe failed with statuscode: 404',
        ],
      },
    },
  },
  {
    name: "the container's own check answered 404 in the access log",
    expect: 'health-check-command',
    rule: 'health-path-not-found',
    capture: {
      local: { health: 'unhealthy' },
      logs: {
        nginx: ['127.0.0.1 - - [05/Dec/2026:10:00:00 +0000] "GET /healthz HTTP/1.1" 404 153 "-" "Wget"'],
      },
    },
  },
  {
    name: 'a check whose URL is still a template placeholder',
    expect: 'health-check-command',
    rule: 'health-url-malformed',
    capture: {
      local: { health: 'unhealthy' },
      taskDefinition: {
        containerDefinitions: [
          { name: 'web', healthCheck: { command: 'wget -qO- {BASE_URL}/health || exit 1' } },
        ],
      },
    },
  },
  {
    name: "curl's malformed URL in the check's output",
    expect: 'health-check-command',
    rule: 'health-url-malformed',
    capture: {
      local: { health: 'unhealthy', healthOutput: 'curl: (3) URL using bad/illegal format or missing URL' },
    },
  },
];

describe('diagnose: reachability, listen address and health check, many phrasings', () => {
  itNamesEach(cases);

  it('an AWS refusal is an answer, not a missing network path', () => {
    const refused = diagnose({
      logs: {
        api: [
          'com.amazonaws.SdkClientException: Unable to load AWS credentials from any provider in the chain',
        ],
      },
    });
    assert.ok(!refused.some((x) => x.rule === 'aws-sdk-no-answer'));
  });

  it('a server bound to all interfaces is not blamed for its per-interface lines', () => {
    const f = diagnose({
      logs: { web: [' * Running on all addresses (0.0.0.0)', ' * Running on http://172.17.0.2:5000'] },
    });
    assert.ok(!f.some((x) => x.rule === 'listens-on-task-address'));
  });
});
