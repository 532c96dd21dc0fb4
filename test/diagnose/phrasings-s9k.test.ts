import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/diagnose/index.js';
import { itNamesEach, type PhrasingCase } from './phrasing-cases.js';

/*
 * Session 9 part k: a client of a well-known server turned away at a port that server does not listen on by default
 * (the port in the setting is wrong), and a load balancer's or orchestrator's checker answered 400 by the app's host
 * validation; a database that takes only encrypted connections, in each server's words. Written from how each tool
 * words it, with routine lines around the evidence.
 */
const cases: readonly PhrasingCase[] = [
  {
    name: "MongoDB's driver closed at a non-default port on loopback",
    expect: 'config-env',
    rule: 'refused-at-unusual-port',
    capture: {
      service: 'bot',
      logs: {
        bot: [
          '> node index.js',
          'Connected to Redis',
          'MongoServerSelectionError: connection <monitor> to 127.0.0.1:4101 closed',
          '    at Timeout._onTimeout (/usr/src/app/node_modules/mongodb/lib/sdam/topology.js:284:38)',
        ],
      },
    },
  },
  {
    name: "Google's health checker answered 400 in an nginx access log",
    expect: 'config-env',
    rule: 'host-not-allowed',
    capture: {
      service: 'web',
      logs: {
        web: [
          '[2024-03-12 10:01:00 +0000] [1] [INFO] Booting worker with pid: 8',
          '35.191.2.17 - - [12/Mar/2024:10:01:02 +0000] "GET /healthz HTTP/1.1" 400 143 "-" "GoogleHC/1.0"',
        ],
      },
    },
  },
  {
    name: "a kubelet probe answered 400 by the app's host check",
    expect: 'config-env',
    rule: 'host-not-allowed',
    capture: {
      service: 'web',
      logs: {
        web: [
          '10.244.1.1 - - [12/Mar/2024:10:01:02 +0000] "GET /ready HTTP/1.1" 400 0 "-" "kube-probe/1.29"',
        ],
      },
    },
  },
  {
    name: 'Azure PostgreSQL refusing a connection without SSL',
    expect: 'config-env',
    rule: 'db-ssl-required',
    capture: {
      service: 'api',
      logs: {
        api: [
          'Starting api on :8080',
          'FATAL:  SSL connection is required. Please specify SSL options and retry.',
        ],
      },
    },
  },
  {
    name: "MySQL's require_secure_transport refusing a plain connection",
    expect: 'config-env',
    rule: 'db-ssl-required',
    capture: {
      service: 'worker',
      logs: {
        worker: [
          'worker booting',
          'ERROR 3159 (HY000): Connections using insecure transport are prohibited while --require_secure_transport=ON.',
        ],
      },
    },
  },
  {
    name: 'CockroachDB in secure mode refusing a plain connection',
    expect: 'config-env',
    rule: 'db-ssl-required',
    capture: {
      service: 'app',
      logs: {
        app: ['connecting to cockroach', 'ERROR: node is running secure mode, SSL connection required'],
      },
    },
  },
];

describe('diagnose phrasings, session 9 part k', () => {
  itNamesEach(cases);

  for (const [client, line] of [
    [
      'Predis',
      'production.ERROR: Connection refused [tcp://redis:4623] (Predis\\Connection\\ConnectionException(code: 111))',
    ],
    ['ioredis', '[ioredis] Unhandled error event: Error: connect ECONNREFUSED 10.0.3.7:6390'],
    ['redis-py', 'redis.exceptions.ConnectionError: Error 111 connecting to cache:7000. Connection refused.'],
    [
      'PyMySQL',
      "pymysql.err.OperationalError: (2003, \"Can't connect to MySQL server on 'db:3307' ([Errno 111] Connection refused)\")",
    ],
    [
      'Celery over AMQP',
      'consumer: Cannot connect to amqp://guest:**@rabbitmq:15672//: [Errno 111] Connection refused.',
    ],
  ] as const)
    it(`${client} refused at a non-default port keeps the setting in the top three`, () => {
      const f = diagnose({ service: 'app', logs: { app: ['starting app', line] } });
      // Session 10 part o: a host named for its server (redis, db, rabbitmq) puts the setting first; an IP or another
      // name (`cache`) leaves it under the refusal.
      const named = /[/'@](?:redis|db|rabbitmq):\d/.test(line);
      assert.equal(f[0]!.category, named ? 'config-env' : 'dependency-unreachable', f[0]!.cause);
      assert.ok(
        f.slice(0, 3).some((x) => x.rule === 'refused-at-unusual-port'),
        f.map((x) => x.rule).join(', '),
      );
    });

  it('a refusal at the default port is no sign of a wrong port', () => {
    const f = diagnose({ logs: { app: ['Error 111 connecting to redis:6379. Connection refused.'] } });
    assert.ok(!f.some((x) => x.rule === 'refused-at-unusual-port'));
  });

  it('a file and line number in the log prefix is not an address', () => {
    const f = diagnose({
      logs: {
        worker: [
          'ERROR [consumer.py:493] - consumer: Cannot connect to amqp://guest:**@127.0.0.1:5672//: Connection refused',
        ],
      },
    });
    assert.ok(!f.some((x) => x.rule === 'refused-at-unusual-port'));
  });

  it('a checker answered 400 beside a scheme mismatch reads as the scheme, not the host list', () => {
    const f = diagnose({
      service: 'web',
      services: [
        {
          serviceName: 'web',
          events: [
            { message: '(service web) (task 1a2b) failed ELB health checks in (target-group tg-web)' },
          ],
        },
      ],
      logs: {
        web: [
          '10.0.1.9 - - "GET /health HTTP/1.1" 400 255 "-" "ELB-HealthChecker/2.0"',
          '400 Bad Request: The plain HTTP request was sent to HTTPS port',
        ],
      },
    });
    assert.equal(f[0]!.rule, 'health-scheme-mismatch', f.map((x) => x.rule).join(', '));
  });
});
