import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AMBIGUITY_SETS } from '../../src/diagnose/ambiguity.js';
import { diagnose } from '../../src/diagnose/index.js';
import { itNamesEach, logged, stopped, type PhrasingCase } from './phrasing-cases.js';

/*
 * Session 10, part y: the top three, continuing part r. Places two and three only; the first finding of every case is
 * what it was before. Written from how each registry, client library and runtime words it (not copied from the
 * corpus), with routine lines around.
 */

const registryRefused: readonly PhrasingCase[] = [
  {
    name: "Docker's pull access denied",
    expect: 'image-pull',
    rule: 'pull-access-denied',
    capture: stopped(
      "CannotPullContainerError: Error response from daemon: pull access denied for acme/worker, repository does not exist or may require 'docker login': denied: requested access to the resource is denied",
    ),
  },
  {
    name: "Docker Hub's manifest unknown for a withdrawn tag",
    expect: 'image-pull',
    rule: 'pull-manifest-not-found',
    capture: stopped(
      'CannotPullContainerError: Error response from daemon: manifest for library/node:14-alpine3.11 not found: manifest unknown: manifest unknown',
    ),
  },
  {
    name: "containerd's reference not found",
    expect: 'image-pull',
    rule: 'pull-manifest-not-found',
    capture: stopped(
      'CannotPullContainerError: ref pull has been retried 1 time(s): failed to resolve reference "docker.io/acme/api:2.3.1": docker.io/acme/api:2.3.1: not found',
    ),
  },
  {
    name: "Compose's pull of a missing tag",
    expect: 'image-pull',
    rule: 'pull-manifest-not-found',
    capture: logged(
      ' Network app_default  Created',
      ' api Pulling',
      'Error response from daemon: manifest for ghcr.io/acme/api:v9.9.9 not found: manifest unknown',
    ),
  },
];

const loopbackRefused: readonly PhrasingCase[] = [
  {
    name: "Node's ECONNREFUSED at 127.0.0.1",
    expect: 'config-env',
    rule: 'loopback-dependency-refused',
    capture: logged(
      'connecting to database',
      'Error: connect ECONNREFUSED 127.0.0.1:5432',
      '    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16)',
    ),
  },
  {
    name: "libpq's refusal at localhost",
    expect: 'config-env',
    rule: 'loopback-dependency-refused',
    capture: logged(
      'psycopg2.OperationalError: connection to server at "localhost" (127.0.0.1), port 5432 failed: Connection refused',
      '\tIs the server running on that host and accepting TCP/IP connections?',
    ),
  },
  {
    name: "Go's dial to the loopback address",
    expect: 'config-env',
    rule: 'loopback-dependency-refused',
    capture: logged(
      'level=info msg="connecting to redis"',
      'level=fatal msg="redis ping failed" err="dial tcp 127.0.0.1:6379: connect: connection refused"',
    ),
  },
];

const notReady: readonly PhrasingCase[] = [
  {
    name: "MySQL's client still connecting (115)",
    expect: 'dependency-unreachable',
    rule: 'dependency-not-ready',
    capture: logged("Mysql2::Error::ConnectionError: Can't connect to MySQL server on 'db' (115)"),
  },
  {
    name: "Prisma's P1001",
    expect: 'dependency-unreachable',
    rule: 'dependency-not-ready',
    capture: logged(
      'Prisma schema loaded from prisma/schema.prisma',
      "Error: P1001: Can't reach database server at `orders-db.internal:5432`",
    ),
  },
  {
    name: "the MongoDB driver's server selection timeout",
    expect: 'dependency-unreachable',
    rule: 'dependency-not-ready',
    capture: logged(
      'MongoServerSelectionError: Server selection timed out after 30000 ms',
      '    at Timeout._onTimeout (/app/node_modules/mongodb/lib/sdam/topology.js:278:38)',
    ),
  },
  {
    name: "JDBC's communications link failure",
    expect: 'dependency-unreachable',
    rule: 'dependency-not-ready',
    capture: logged(
      'HikariPool-1 - Starting...',
      'com.mysql.cj.jdbc.exceptions.CommunicationsException: Communications link failure',
      'The last packet sent successfully to the server was 0 milliseconds ago.',
    ),
  },
];

function readsAsItsSet(cases: readonly PhrasingCase[], family: string): void {
  const set = AMBIGUITY_SETS.find((s) => s.family === family);
  for (const c of cases) {
    it(`${c.name}: the other readings of ${family} follow the signature`, () => {
      assert.ok(set, family);
      const findings = diagnose(c.capture);
      const three = findings.slice(0, 3).map((f) => f.category);
      const signatures = findings.filter((f) => f.rule !== undefined).length;
      // Every reading is in the top three unless another signature took a place first.
      if (signatures === 1)
        for (const category of set.categories)
          assert.ok(three.includes(category), `${category} not in ${three.join(', ')}`);
      const neighbours = findings.filter((f) => f.cause.startsWith('A neighbour to check'));
      assert.ok(neighbours.length > 0);
      for (const n of neighbours) assert.ok(n.confidence <= 0.04 && n.rule === undefined);
    });
  }
}

describe('session 10 part y: a pull the registry refused', () => {
  itNamesEach(registryRefused);
  readsAsItsSet(registryRefused, 'a pull the registry refused');
  it('keeps the network reading for a pull that never reached the registry', () => {
    const findings = diagnose(
      stopped(
        'CannotPullContainerError: Error response from daemon: Get "https://123456789012.dkr.ecr.us-east-1.amazonaws.com/v2/": net/http: request canceled while waiting for connection (Client.Timeout exceeded while awaiting headers)',
      ),
    );
    assert.ok(findings.slice(0, 3).some((f) => f.category === 'network-sg'));
  });
});

describe('session 10 part y: a refused connection to the loopback address', () => {
  itNamesEach(loopbackRefused);
  readsAsItsSet(loopbackRefused, 'a refused connection to the loopback address');
});

describe('session 10 part y: a dependency that did not take the connection', () => {
  itNamesEach(notReady);
  readsAsItsSet(notReady, 'a dependency that did not take the connection');
});
