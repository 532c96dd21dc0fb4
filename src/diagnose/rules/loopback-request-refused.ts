import type { Rule } from '../types.js';

/** This container itself, as a client writes it in a URL or host field. */
const LOOP = '(?:localhost|127\\.0\\.0\\.1|\\[?::1\\]?)';
/** Mail servers an app sends through: SMTP, submission, SMTPS, and the development catchers (MailHog, Mailpit). */
const MAIL_PORT = '(?:25|465|587|1025|2525)';

/*
 * An outbound request the app made to a peer it addressed as itself: an HTTP client that names the URL it asked for
 * (node-fetch's `request to http://127.0.0.1:3000/api failed`, axios, Go's `Get "http://localhost:8080/…"`, Spring's
 * `I/O error on GET request for "http://localhost…"`, urllib3's `HTTPConnectionPool(host='localhost', …)`, Ruby's
 * `Failed to open TCP connection to localhost:3000`, libcurl inside PHP's Guzzle, .NET's HttpClient), or a mail server
 * at loopback. Refused at loopback inside a container means the peer (another service, the mail catcher) is not in this
 * container, so the address setting or its default is what is wrong. Sidecars that share the task's loopback by design
 * (Dapr, Envoy, the X-Ray daemon, an OpenTelemetry collector, Fluentd, StatsD) are left out: a refusal there is the
 * sidecar not up. The hand-run `curl: (7)` and health-check output are the listen address's rules, not this one.
 */
const rule: Rule = {
  id: 'loopback-request-refused',
  category: 'config-env',
  match: [
    {
      in: ['log', 'stoppedReason', 'containerReason', 'localField'],
      span: 2,
      re: new RegExp(
        '^(?=.*?(?:ECONNREFUSED|[Cc]onnection refused|ConnectionRefused|actively refused|Failed to connect to|Connection could not be established))' +
          '(?=.*?(?:' +
          [
            `request to https?://${LOOP}[:/]`,
            `\\b(?:GET|POST|PUT|PATCH|DELETE|HEAD|Get|Post|Put|Patch|Delete|Head) (?:request for )?\\\\?"https?://${LOOP}[:/]`,
            `HTTPS?ConnectionPool\\(host='${LOOP}'`,
            `Failed to open TCP connection to ${LOOP}:`,
            `cURL error 7: Failed to connect to ${LOOP} port`,
            `(?:AxiosError|HttpRequestException)\\b.*?${LOOP}:\\d+`,
            `${LOOP}[:#]${MAIL_PORT}\\b`,
            `Connection could not be established with host "?${LOOP}`,
          ].join('|') +
          '))',
      ),
      not: /[:#](?:3500|3501|50001|9901|1500[01]|1502[01]|2000|431[78]|24224|8125)\b|while connecting to upstream/,
    },
  ],
  // Locally, 127.0.0.1 is where the peer may well run.
  unless: [{ in: ['origin'], re: /^local$/ }],
  support: [{ in: ['env'], re: /^\w*(?:HOST|URL|URI|ADDR\w*|ENDPOINT)=\S*(?:localhost|127\.0\.0\.1)/i }],
  // Something shown answering at loopback in this capture (the app's own server, an earlier connection) contradicts
  // "nothing of the kind runs here": then the peer went away, which is a dependency down.
  against: [
    {
      in: ['log', 'localField'],
      re: /\b(?:[Cc]onnected to|[Cc]onnection established (?:to|with)|[Ll]istening (?:on|at)|running (?:on|at)) (?:https?:\/\/)?(?:localhost|127\.0\.0\.1|\[::1\])/,
    },
  ],
  cause:
    '{service} was refused sending a request to another service at its own loopback address — inside a container that is the container itself, where that service does not run.',
  fix: 'Give {service} the other service’s real address (its Compose service name, Service Connect / Cloud Map name or load balancer) in the URL or host setting it uses, instead of localhost or 127.0.0.1.',
  confidence: 0.7,
  beats: ['connection-refused'],
  examples: {
    match: [
      [
        [
          'log',
          'FetchError: request to http://127.0.0.1:3000/api failed, reason: connect ECONNREFUSED 127.0.0.1:3000',
        ],
      ],
      [['log', 'Error: connect ECONNREFUSED 127.0.0.1:1025']],
      [['log', 'Get "http://localhost:8081/users": dial tcp 127.0.0.1:8081: connect: connection refused']],
      [
        [
          'log',
          "requests.exceptions.ConnectionError: HTTPConnectionPool(host='localhost', port=8000): Max retries exceeded with url: /api (Caused by NewConnectionError('<urllib3.connection.HTTPConnection object at 0x7f>: Failed to establish a new connection: [Errno 111] Connection refused'))",
        ],
      ],
      [
        [
          'log',
          'org.springframework.web.client.ResourceAccessException: I/O error on GET request for "http://localhost:8082/orders": Connection refused',
        ],
      ],
      [
        [
          'log',
          'Failed to open TCP connection to localhost:3000 (Connection refused - connect(2) for "localhost" port 3000)',
        ],
      ],
      [
        [
          'log',
          'GuzzleHttp\\Exception\\ConnectException: cURL error 7: Failed to connect to localhost port 8000: Connection refused',
        ],
      ],
      [['log', 'AxiosError: connect ECONNREFUSED 127.0.0.1:4000']],
      [
        [
          'log',
          'Connection could not be established with host "localhost:25": stream_socket_client(): unable to connect to localhost:25 (Connection refused)',
        ],
      ],
    ],
    noMatch: [
      [['log', 'curl: (7) Failed to connect to localhost port 8080: Connection refused']],
      [
        [
          'healthOutput',
          'FetchError: request to http://localhost:3000/health failed, reason: connect ECONNREFUSED',
        ],
      ],
      [
        [
          'log',
          'FetchError: request to http://api:3000/x failed, reason: connect ECONNREFUSED 172.18.0.4:3000',
        ],
      ],
      [
        [
          'log',
          'Get "http://localhost:3500/v1.0/state": dial tcp 127.0.0.1:3500: connect: connection refused',
        ],
      ],
      [
        ['origin', 'local'],
        ['log', 'AxiosError: connect ECONNREFUSED 127.0.0.1:4000'],
      ],
    ],
  },
};
export default rule;
