import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/diagnose/index.js';
import { itNamesEach, type PhrasingCase } from './phrasing-cases.js';

/*
 * Config-env told apart from a dependency down by what the failure says about the address: a request a container
 * sent to its own loopback (HTTP clients that name the URL, mail servers), and a host name that is a variable
 * reference nobody expanded. Written from how each client words it, with routine lines around the evidence.
 */
const cases: readonly PhrasingCase[] = [
  {
    name: "node-fetch's request to the API at 127.0.0.1 from the frontend container",
    expect: 'config-env',
    rule: 'loopback-request-refused',
    capture: {
      service: 'web',
      logs: {
        web: [
          'ready - started server on 0.0.0.0:3000',
          'FetchError: request to http://localhost:4000/graphql failed, reason: connect ECONNREFUSED 127.0.0.1:4000',
          '    at ClientRequest.<anonymous> (/app/node_modules/node-fetch/lib/index.js:1491:11)',
        ],
      },
    },
  },
  {
    name: "Go's HTTP client calling another service at localhost",
    expect: 'config-env',
    rule: 'loopback-request-refused',
    capture: {
      logs: {
        gateway: [
          'level=info msg="starting gateway" port=8080',
          'level=error msg="upstream call failed" err="Post \\"http://127.0.0.1:9000/v1/orders\\": dial tcp 127.0.0.1:9000: connect: connection refused"',
        ],
      },
    },
  },
  {
    name: "Python requests' connection pool refused at localhost",
    expect: 'config-env',
    rule: 'loopback-request-refused',
    capture: {
      logs: {
        worker: [
          'Starting worker pid 7',
          "requests.exceptions.ConnectionError: HTTPConnectionPool(host='127.0.0.1', port=5000): Max retries exceeded with url: /predict (Caused by NewConnectionError('<urllib3.connection.HTTPConnection object at 0x7f2c>: Failed to establish a new connection: [Errno 111] Connection refused'))",
        ],
      },
    },
  },
  {
    name: "Spring's RestTemplate to another service at localhost",
    expect: 'config-env',
    rule: 'loopback-request-refused',
    capture: {
      logs: {
        orders: [
          'Tomcat started on port(s): 8080 (http)',
          'org.springframework.web.client.ResourceAccessException: I/O error on POST request for "http://localhost:8081/payments": Connection refused; nested exception is java.net.ConnectException: Connection refused',
        ],
      },
    },
  },
  {
    name: "Ruby's Net::HTTP to an API at localhost",
    expect: 'config-env',
    rule: 'loopback-request-refused',
    capture: {
      logs: {
        rails: [
          'Puma starting in single mode...',
          'Errno::ECONNREFUSED: Failed to open TCP connection to localhost:9200 (Connection refused - connect(2) for "localhost" port 9200)',
        ],
      },
    },
  },
  {
    name: "Guzzle's libcurl refused at localhost",
    expect: 'config-env',
    rule: 'loopback-request-refused',
    capture: {
      logs: {
        php: [
          '[05-Dec-2026 10:00:00] NOTICE: ready to handle connections',
          'GuzzleHttp\\Exception\\ConnectException: cURL error 7: Failed to connect to localhost port 8080 after 0 ms: Connection refused',
        ],
      },
    },
  },
  {
    name: "nodemailer sending through a mail catcher at the container's loopback",
    expect: 'config-env',
    rule: 'loopback-request-refused',
    capture: {
      logs: {
        app: [
          'Listening on :3000',
          'Error: connect ECONNREFUSED 127.0.0.1:1025',
          '    at TCPConnectWrap.afterConnect',
        ],
      },
    },
  },
  {
    name: "Symfony Mailer's SMTP at localhost",
    expect: 'config-env',
    rule: 'loopback-request-refused',
    capture: {
      logs: {
        app: [
          'Symfony\\Component\\Mailer\\Exception\\TransportException: Connection could not be established with host "localhost:587": stream_socket_client(): Unable to connect to localhost:587 (Connection refused)',
        ],
      },
    },
  },
  {
    name: "Node's resolver given ${DB_HOST} as text",
    expect: 'config-env',
    rule: 'host-unexpanded-variable',
    capture: {
      logs: { api: ['Connecting to database...', 'Error: getaddrinfo ENOTFOUND ${DB_HOST}'] },
    },
  },
  {
    name: "Go's resolver given $REDIS_HOST as text",
    expect: 'config-env',
    rule: 'host-unexpanded-variable',
    capture: {
      logs: { cache: ['dial tcp: lookup $REDIS_HOST on 127.0.0.11:53: no such host'] },
    },
  },
  {
    name: 'libpq given an unexpanded host',
    expect: 'config-env',
    rule: 'host-unexpanded-variable',
    capture: {
      logs: {
        app: [
          'psycopg2.OperationalError: could not translate host name "${POSTGRES_HOST}" to address: Name or service not known',
        ],
      },
    },
  },
  {
    name: 'nginx given an unrendered template upstream',
    expect: 'config-env',
    rule: 'host-unexpanded-variable',
    capture: {
      logs: {
        proxy: [
          'nginx: [emerg] host not found in upstream "${BACKEND}:8080" in /etc/nginx/conf.d/default.conf:12',
        ],
      },
    },
  },
];

/** Captures whose shape (the containers they show) decides between the setting and the dependency. */
const structural: readonly PhrasingCase[] = [
  {
    name: 'a Compose log where the name looked up is no container shown (a typo)',
    expect: 'config-env',
    rule: 'host-names-no-container',
    capture: {
      service: 'web',
      logs: {
        compose: [
          'Attaching to shop-db-1, shop-web-1',
          'db-1   | LOG:  database system is ready to accept connections',
          'web-1  | django.db.utils.OperationalError: could not translate host name "databse" to address: Name or service not known',
        ],
      },
    },
  },
  {
    name: 'Compose logs per container where the broker looked up is none of them (an old name)',
    expect: 'config-env',
    rule: 'host-names-no-container',
    capture: {
      service: 'worker',
      logs: {
        worker: [
          'consumer: Cannot connect to amqp://guest:**@rabbit:5672//: [Errno -2] Name or service not known',
          'dial tcp: lookup rabbit on 127.0.0.11:53: no such host',
        ],
        rabbitmq: ['Server startup complete; 4 plugins started.'],
      },
    },
  },
  {
    name: 'an upstream that is a container shown exiting',
    expect: 'dependency-unreachable',
    rule: 'name-not-resolved',
    capture: {
      service: 'nginx',
      logs: {
        compose: [
          'php exited with code 0',
          'nginx  | nginx: [emerg] host not found in upstream "php" in /etc/nginx/conf.d/default.conf:16',
        ],
      },
    },
  },
];

describe('config-env from the address a connection failure names (session 9, part e)', () => {
  itNamesEach(cases);
  itNamesEach(structural);

  it('a request refused at a Docker bridge address stays a dependency not up', () => {
    const top = diagnose({
      logs: {
        web: [
          'FetchError: request to http://api:4000/x failed, reason: connect ECONNREFUSED 172.18.0.4:4000',
        ],
      },
    })[0]!;
    assert.equal(top.category, 'dependency-unreachable');
  });

  it('a sidecar sharing the task loopback (Dapr) is not read as a wrong setting', () => {
    const f = diagnose({
      logs: {
        app: [
          'Get "http://localhost:3500/v1.0/state/store": dial tcp 127.0.0.1:3500: connect: connection refused',
        ],
      },
    });
    assert.ok(!f.some((x) => x.rule === 'loopback-request-refused'));
  });

  it('a local process calling a peer on 127.0.0.1 is not told to change the address', () => {
    const f = diagnose({
      local: { exitCode: 1, logs: ['AxiosError: connect ECONNREFUSED 127.0.0.1:4000'] },
    });
    assert.ok(!f.some((x) => x.rule === 'loopback-request-refused'));
  });

  it('the app shown answering at loopback lowers the reading below its base confidence', () => {
    const f = diagnose({
      logs: {
        app: [
          'Connected to http://localhost:4000',
          'FetchError: request to http://localhost:4000/x failed, reason: connect ECONNREFUSED 127.0.0.1:4000',
        ],
      },
    });
    const hit = f.find((x) => x.rule === 'loopback-request-refused');
    assert.ok(!hit || hit.confidence < 0.7);
  });

  it('a service name that did not resolve reads as the host setting first, then the dependency', () => {
    const f = diagnose({ logs: { api: ['Error: getaddrinfo ENOTFOUND postgres'] } });
    assert.deepEqual(
      f.slice(0, 2).map((x) => x.category),
      ['config-env', 'dependency-unreachable'],
    );
  });

  it('a container shown in the capture under the name looked up raises the dependency reading', () => {
    const alone = diagnose({ logs: { web: ['Error: getaddrinfo ENOTFOUND redis'] } })[0]!;
    const shown = diagnose({
      service: 'web',
      logs: { web: ['Error: getaddrinfo ENOTFOUND redis'], redis: ['Restarting (1) 3 seconds ago'] },
    })[0]!;
    assert.equal(shown.category, 'dependency-unreachable');
    assert.ok(shown.confidence > alone.confidence, `${shown.confidence} vs ${alone.confidence}`);
  });

  it('with only the failing service in the capture, an unresolved name is the lookup rules alone', () => {
    const f = diagnose({ service: 'app', logs: { app: ['Error: getaddrinfo ENOTFOUND redis'] } });
    assert.deepEqual(
      f.slice(0, 2).map((x) => x.rule),
      ['host-setting-not-resolved', 'name-not-resolved'],
    );
    assert.ok(!f.some((x) => x.rule === 'host-names-no-container'));
  });

  it('a Compose project prefix still names the container looked up', () => {
    const f = diagnose({
      service: 'web',
      logs: {
        compose: ['Container myapp-postgres-1  Started', 'web-1  | Error: getaddrinfo ENOTFOUND postgres'],
      },
    });
    assert.ok(!f.some((x) => x.rule === 'host-names-no-container'));
  });

  it('a lookup failure no signature knows still names the setting and the dependency after `other`', () => {
    const f = diagnose({ service: 'app', logs: { app: ['Error -2 connecting to cache42:6379'] } });
    const near = f.slice(0, 3).map((x) => x.category);
    assert.ok(near.includes('dependency-unreachable') && near.includes('config-env'), near.join(', '));
  });
});
