import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/diagnose/index.js';
import { itNamesEach, type PhrasingCase } from './phrasing-cases.js';

/*
 * "Cannot reach it", read by what the connection got back and where it was going: a timeout or no route in a VPC is the
 * network, the same between containers on one Docker host is the dependency, a refusal is the dependency, a proxy with
 * no healthy upstream is the service behind it, an API server's webhook call that gets no answer is the firewall
 * between control plane and nodes. Written from how each tool words it (not copied from the corpus), with routine lines
 * around the evidence so the ranking is tested too.
 */
const stopped = { lastStatus: 'STOPPED', stoppedReason: 'Essential container in task exited' };

const cases: readonly PhrasingCase[] = [
  {
    name: "KafkaJS's connection timeout to a broker",
    expect: 'network-sg',
    rule: 'managed-endpoint-timeout',
    capture: {
      logs: {
        consumer: [
          '{"level":"ERROR","logger":"kafkajs","message":"[Connection] Connection timeout","broker":"b-1.events.kafka:9094"}',
          'KafkaJSConnectionError: Connection timeout',
        ],
      },
    },
  },
  {
    name: "Kafka's admin client with no broker answering",
    expect: 'network-sg',
    rule: 'managed-endpoint-timeout',
    capture: {
      logs: {
        registry: [
          'org.apache.kafka.common.errors.TimeoutException: Timed out waiting for a node assignment. Call: listNodes',
        ],
      },
    },
  },
  {
    name: 'a Compose service timing out on another',
    expect: 'dependency-unreachable',
    rule: 'compose-dependency-timeout',
    capture: {
      logs: {
        compose: ['db-1   | initdb: creating database', 'api-1  | Error: connect ETIMEDOUT 172.19.0.4:5432'],
      },
    },
  },
  {
    name: "PHP's no route to a container that is not running",
    expect: 'dependency-unreachable',
    rule: 'compose-dependency-timeout',
    capture: {
      logs: { compose: ['web_1  | SQLSTATE[HY000] [2002] No route to host', 'web_1 exited with code 1'] },
    },
  },
  {
    name: "Java's no route to host from a task (nothing at that address)",
    expect: 'dependency-unreachable',
    rule: 'host-unreachable',
    capture: {
      tasks: [stopped],
      logs: {
        billing: [
          'Started BillingApplication in 9.1 seconds',
          'java.net.NoRouteToHostException: No route to host (Host unreachable)',
        ],
      },
    },
  },
  {
    name: "nginx's upstream host unreachable",
    expect: 'dependency-unreachable',
    rule: 'host-unreachable',
    capture: {
      logs: {
        proxy: [
          '2024/02/01 09:00:00 [error] 29#29: *3 connect() failed (113: Host is unreachable) while connecting to upstream, client: 10.0.0.8, upstream: "http://10.0.5.17:8080/"',
        ],
      },
    },
  },
  {
    // An IPv6 address: the narrower reading (no IPv6 route from the container's network) comes first.
    name: "Go's network is unreachable",
    expect: 'network-sg',
    rule: 'ipv6-egress-unavailable',
    capture: {
      logs: { api: ['dial tcp [2600:1f18:abcd::10]:443: connect: network is unreachable'] },
    },
  },
  {
    name: "Go's network is unreachable at an IPv4 address",
    expect: 'network-sg',
    rule: 'network-unreachable',
    capture: {
      logs: { api: ['dial tcp 10.8.0.12:443: connect: network is unreachable'] },
    },
  },
  {
    name: "Python's network is unreachable",
    expect: 'network-sg',
    rule: 'network-unreachable',
    capture: { logs: { job: ['Starting export', 'OSError: [Errno 101] Network is unreachable'] } },
  },
  {
    name: "Envoy's no healthy upstream in front of a dependency",
    expect: 'dependency-unreachable',
    rule: 'upstream-none-healthy',
    capture: {
      logs: {
        gateway: [
          '[2024-05-01T10:00:00.000Z] "GET /orders HTTP/1.1" 503 UH 0 19 0 - "-" "curl/8.0"',
          'no healthy upstream',
        ],
      },
    },
  },
  {
    name: "HAProxy's backend with no server",
    expect: 'dependency-unreachable',
    rule: 'upstream-none-healthy',
    capture: {
      logs: {
        lb: ['[NOTICE] (1) : New worker (8) forked', '[ALERT] (8) : backend be_api has no server available!'],
      },
    },
  },
  {
    name: 'an admission webhook the API server cannot reach',
    expect: 'network-sg',
    rule: 'webhook-unreachable',
    capture: {
      logs: {
        helm: [
          'Error: INSTALLATION FAILED: Internal error occurred: failed calling webhook "mpod.example.io": failed to call webhook: Post "https://example-webhook.system.svc:443/mutate?timeout=10s": dial tcp 10.0.3.9:9443: i/o timeout',
        ],
      },
    },
  },
  {
    name: "PgJDBC's refusal at a real host",
    expect: 'dependency-unreachable',
    rule: 'connection-refused',
    capture: {
      logs: {
        api: [
          'org.postgresql.util.PSQLException: Connection to db:5432 refused. Check that the hostname and port are correct and that the postmaster is accepting TCP/IP connections.',
        ],
      },
    },
  },
  {
    name: ".NET's active refusal by a broker",
    expect: 'dependency-unreachable',
    rule: 'connection-refused',
    capture: {
      logs: {
        worker: [
          'System.Net.Sockets.SocketException (10061): No connection could be made because the target machine actively refused it. rabbitmq:5672',
        ],
      },
    },
  },
];

/** A timeout alone, in many clients' words: `other` first (as decided), the network next. */
const bareTimeouts: ReadonlyArray<readonly [string, string]> = [
  ['node-postgres', 'Error: connect ETIMEDOUT 10.0.12.41:5432'],
  ['JDBC', 'Caused by: java.net.SocketTimeoutException: connect timed out'],
  [
    'pgx',
    'failed to connect to `host=10.30.4.7 user=app`: dial error (dial tcp 10.30.4.7:5432: i/o timeout)',
  ],
  [
    'SqlClient',
    'Microsoft.Data.SqlClient.SqlException (0x80131904): Connection Timeout Expired.  The timeout period elapsed while attempting to consume the pre-login handshake acknowledgement.',
  ],
  [
    'libpq',
    'psycopg2.OperationalError: connection to server at "db.internal.example" (10.2.3.4), port 5432 failed: Connection timed out',
  ],
  [
    '.NET sockets',
    'System.Net.Sockets.SocketException (10060): A connection attempt failed because the connected party did not properly respond after a period of time',
  ],
  ['undici', 'TypeError: fetch failed [cause]: ConnectTimeoutError: Connect Timeout Error'],
];

describe('diagnose: cannot reach it, by what came back and where (session 8, part a)', () => {
  itNamesEach(cases);

  for (const [client, line] of bareTimeouts) {
    it(`${client}'s timeout alone is other first and the network next`, () => {
      const f = diagnose({ tasks: [stopped], logs: { api: ['starting', line] } });
      assert.deepEqual(
        f.slice(0, 2).map((x) => x.rule),
        ['connect-timeout-ambiguous', 'connect-timeout-dropped'],
      );
    });

    it(`${client}'s timeout with the network named is the network`, () => {
      const f = diagnose({
        logs: { api: ['task ENI in subnet-0a1b2c3d4e, security group sg-0123456789abcdef', line] },
      });
      assert.equal(f[0]!.rule, 'connect-timeout-dropped');
      assert.equal(f[0]!.category, 'network-sg');
    });
  }

  it('a timeout at loopback is not the network', () => {
    const f = diagnose({ logs: { api: ['Error: connect ETIMEDOUT 127.0.0.1:5432'] } });
    assert.notEqual(f[0]!.category, 'network-sg');
  });

  it("no route to the IPv6 localhost a client tried first is not the network's", () => {
    const f = diagnose({
      logs: {
        web: [
          'could not connect to server: Network is unreachable',
          '\tIs the server running on host "localhost" (::1) and accepting',
        ],
      },
    });
    assert.ok(!f.some((x) => x.rule === 'network-unreachable'));
  });

  it('a webhook refused (its pod not up yet) is not the firewall', () => {
    const f = diagnose({
      logs: {
        kubectl: [
          'Internal error occurred: failed calling webhook "v.example.io": failed to call webhook: Post "https://x.svc:443/validate?timeout=5s": dial tcp 10.96.0.20:443: connect: connection refused',
        ],
      },
    });
    assert.equal(f[0]!.category, 'dependency-unreachable');
  });
});
