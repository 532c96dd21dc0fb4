import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/diagnose/index.js';
import { itNamesEach, logged, type PhrasingCase } from './phrasing-cases.js';

/*
 * Session 10, part x: a dependency that says by its error class or its own answer that it is not up yet; servers
 * that log the loopback address they bound in their own format; a port below 1024 refused by the server's runtime or
 * by a rootless container engine; a capacity provider strategy that gives no provider any weight.
 * Written from how each tool words it (not copied from the corpus), with routine lines around.
 */
const cases: readonly PhrasingCase[] = [
  // The dependency is not up yet, in its client's or its own words.
  {
    name: "Kafka's Java producer before the broker has elected leaders",
    expect: 'dependency-unreachable',
    rule: 'dependency-not-ready',
    capture: logged(
      '[Producer clientId=producer-1] Cluster ID: q1w2e3r4',
      'WARN [Producer clientId=producer-1] Error while fetching metadata with correlation id 3 : {orders=LEADER_NOT_AVAILABLE}',
      'org.apache.kafka.common.errors.LeaderNotAvailableException: There is no leader for this topic-partition as we are in the middle of a leadership election.',
    ),
  },
  {
    name: "the MongoDB Node driver's first connect to a service name",
    expect: 'dependency-unreachable',
    rule: 'dependency-not-ready',
    capture: {
      service: 'web',
      logs: {
        web: [
          'Server listening on port 8081',
          '(node:7) UnhandledPromiseRejectionWarning: MongoNetworkError: failed to connect to server [mongo:27017] on first connect [Error: connect ECONNREFUSED 172.19.0.2:27017',
          '    at TCPConnectWrap.afterConnect [as oncomplete] (net.js:1146:16)',
        ],
      },
    },
  },
  {
    name: "Elasticsearch's Java client with no node up yet",
    expect: 'dependency-unreachable',
    rule: 'dependency-not-ready',
    capture: logged(
      'INFO  o.e.c.t.TransportClientNodesService - failed to get node info for {#transport#-1}{es}{10.0.3.7:9300}',
      'NoNodeAvailableException[None of the configured nodes are available: [{#transport#-1}{es}{10.0.3.7:9300}]]',
    ),
  },
  {
    name: 'Oracle answering that it is still opening',
    expect: 'dependency-unreachable',
    rule: 'dependency-not-ready',
    capture: logged(
      'HikariPool-1 - Starting...',
      'java.sql.SQLRecoverableException: ORA-01033: ORACLE initialization or shutdown in progress',
    ),
  },
  {
    name: 'SQL Server refusing logins while it upgrades its scripts',
    expect: 'dependency-unreachable',
    rule: 'dependency-not-ready',
    capture: logged(
      "Microsoft.Data.SqlClient.SqlException (0x80131904): Login failed for user 'sa'. Reason: Server is in script upgrade mode. Only administrator can connect at this time.",
    ),
  },
  {
    name: 'Elasticsearch answering 503 before its cluster state is recovered',
    expect: 'dependency-unreachable',
    rule: 'dependency-not-ready',
    capture: logged(
      'GET http://search:9200/products/_search => 503',
      '{"error":{"root_cause":[{"type":"cluster_block_exception","reason":"blocked by: [SERVICE_UNAVAILABLE/1/state not recovered / initialized];"}],"status":503}',
    ),
  },
  {
    name: 'Neo4j saying the database is not available yet',
    expect: 'dependency-unreachable',
    rule: 'dependency-not-ready',
    capture: logged(
      'Neo4jError: Neo.TransientError.General.DatabaseUnavailable: The database is not currently available to serve your request, refer to the database logs for more details. Retrying your request at a later time may succeed.',
    ),
  },

  // A server bound loopback, in its own log format.
  {
    name: 'PostgreSQL left at listen_addresses = localhost',
    expect: 'port-binding',
    rule: 'server-bound-loopback-logged',
    capture: {
      service: 'db',
      logs: {
        db: [
          '2026-12-05 10:00:01.120 UTC [1] LOG:  starting PostgreSQL 16.4 on x86_64-pc-linux-gnu',
          '2026-12-05 10:00:01.123 UTC [1] LOG:  listening on IPv4 address "127.0.0.1", port 5432',
          '2026-12-05 10:00:01.124 UTC [1] LOG:  listening on IPv6 address "::1", port 5432',
          '2026-12-05 10:00:01.130 UTC [1] LOG:  listening on Unix socket "/var/run/postgresql/.s.PGSQL.5432"',
          '2026-12-05 10:00:01.140 UTC [1] LOG:  database system is ready to accept connections',
        ],
      },
    },
  },
  {
    name: 'MySQL 5.7 creating its socket on loopback',
    expect: 'port-binding',
    rule: 'server-bound-loopback-logged',
    capture: {
      service: 'mysql',
      logs: {
        mysql: [
          "2026-12-05T10:00:02.000000Z 0 [Note] Server hostname (bind-address): '127.0.0.1'; port: 3306",
          "2026-12-05T10:00:02.000001Z 0 [Note]   - '127.0.0.1' resolves to '127.0.0.1';",
          "2026-12-05T10:00:02.000002Z 0 [Note] Server socket created on IP: '127.0.0.1'.",
          "2026-12-05T10:00:02.100000Z 0 [Note] mysqld: ready for connections. Version: '5.7.44'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306",
        ],
      },
    },
  },
  {
    name: "Elasticsearch's HTTP transport on network.host's local default",
    expect: 'port-binding',
    rule: 'server-bound-loopback-logged',
    capture: {
      service: 'es',
      logs: {
        es: [
          '[2026-12-05T10:00:03,100][INFO ][o.e.t.TransportService   ] [es01] publish_address {127.0.0.1:9300}, bound_addresses {127.0.0.1:9300}',
          '[2026-12-05T10:00:03,456][INFO ][o.e.h.AbstractHttpServerTransport] [es01] publish_address {127.0.0.1:9200}, bound_addresses {127.0.0.1:9200}, {[::1]:9200}',
          '[2026-12-05T10:00:03,500][INFO ][o.e.n.Node               ] [es01] started',
        ],
      },
    },
  },
  {
    name: "a Gradio app on server_name's default",
    expect: 'port-binding',
    rule: 'server-bound-loopback-logged',
    capture: {
      service: 'demo',
      logs: {
        demo: [
          'Loading model weights from /models ...',
          'Running on local URL:  http://127.0.0.1:7860',
          'To create a public link, set `share=True` in `launch()`.',
        ],
      },
    },
  },

  // A port below 1024 refused.
  {
    name: 'Podman rootless publishing port 80',
    expect: 'port-binding',
    rule: 'privileged-port-denied',
    capture: {
      service: 'web',
      logs: {
        podman: [
          "Error: rootlessport cannot expose privileged port 80, you can add 'net.ipv4.ip_unprivileged_port_start=80' to /etc/sysctl.conf (currently 1024), or choose a larger port number (>= 1024): listen tcp 0.0.0.0:80: bind: permission denied",
        ],
      },
    },
  },
  {
    name: 'rootless Docker publishing port 443',
    expect: 'port-binding',
    rule: 'privileged-port-denied',
    capture: {
      service: 'proxy',
      logs: {
        compose: [
          ' Container proxy-1  Starting',
          "Error response from daemon: driver failed programming external connectivity on endpoint proxy-1 (9f3c2a): Error starting userland proxy: error while calling PortManager.AddPort(): cannot expose privileged port 443, you can add 'net.ipv4.ip_unprivileged_port_start=443' to /etc/sysctl.conf or set CAP_NET_BIND_SERVICE on rootlesskit binary, or choose a larger port number (>= 1024)",
        ],
      },
    },
  },
  {
    name: 'Uvicorn as a non-root user on port 80',
    expect: 'port-binding',
    rule: 'privileged-port-denied',
    capture: logged(
      'INFO:     Started server process [1]',
      'INFO:     Waiting for application startup.',
      'INFO:     Application startup complete.',
      "ERROR:    [Errno 13] error while attempting to bind on address ('0.0.0.0', 80): permission denied",
      'INFO:     Waiting for application shutdown.',
    ),
  },
  {
    name: "PHP's built-in server on port 80",
    expect: 'port-binding',
    rule: 'privileged-port-denied',
    capture: logged('[Sat Dec  5 10:00:00 2026] Failed to listen on 0.0.0.0:80 (reason: Permission denied)'),
  },
  {
    name: 'HAProxy as a non-root user on port 80',
    expect: 'port-binding',
    rule: 'privileged-port-denied',
    capture: logged(
      '[NOTICE]   (1) : haproxy version is 2.9.7',
      '[ALERT]    (1) : Starting frontend http-in: cannot bind socket (Permission denied) [0.0.0.0:80]',
      '[ALERT]    (1) : [haproxy.main()] Some protocols failed to start their listeners! Exiting.',
    ),
  },

  // A capacity provider strategy with no weight.
  {
    name: 'a cluster default strategy with every weight zero, from CloudFormation',
    expect: 'placement-capacity',
    rule: 'capacity-provider-invalid',
    capture: {
      service: 'web',
      stackEvents: [
        {
          LogicalResourceId: 'WebService',
          ResourceType: 'AWS::ECS::Service',
          ResourceStatus: 'CREATE_FAILED',
          ResourceStatusReason:
            'Resource handler returned message: "There are no capacity providers with a weight value greater than zero defined in the default capacity provider strategy. At least one capacity provider must have a weight value greater than zero specified." (Service: Ecs, Status Code: 400, Request ID: 5d1c)',
        },
      ],
    },
  },
  {
    name: 'a service strategy with every weight zero, from the AWS CLI',
    expect: 'placement-capacity',
    rule: 'capacity-provider-invalid',
    capture: logged(
      'An error occurred (InvalidParameterException) when calling the CreateService operation: At least one capacity provider must have a weight value greater than zero specified.',
    ),
  },
];

describe('diagnose phrasings (session 10, part x)', () => {
  itNamesEach(cases);

  it('the MongoDB driver refused at loopback stays the setting', () => {
    const f = diagnose(
      logged(
        'MongoNetworkError: failed to connect to server [localhost:27017] on first connect [MongoNetworkError: connect ECONNREFUSED 127.0.0.1:27017]',
      ),
    );
    assert.ok(!f.some((x) => x.rule === 'dependency-not-ready'), 'dependency-not-ready fired');
    assert.equal(f[0]!.category, 'config-env');
  });

  it('PostgreSQL listening on all interfaces is not read as a loopback bind', () => {
    const f = diagnose({
      logs: {
        db: [
          'LOG:  listening on IPv4 address "0.0.0.0", port 5432',
          'LOG:  listening on IPv6 address "::", port 5432',
          'LOG:  database system is ready to accept connections',
        ],
      },
    });
    assert.ok(
      !f.some((x) => x.rule === 'server-bound-loopback-logged'),
      'server-bound-loopback-logged fired',
    );
  });
});
