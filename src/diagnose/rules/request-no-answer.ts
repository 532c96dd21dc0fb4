import type { Rule } from '../types.js';
import { NETWORK_FACTS } from '../network-facts.js';

/*
 * A request that got through to its server and then had no answer in time: the connection was made, so no security
 * group, route or DNS stood in the way, and the wait is the server's (slow, overloaded, an incident) or the client's
 * own timeout (a tool release that shortened it). In each client's words for the read phase, not the connect phase:
 * Go's `Client.Timeout exceeded while awaiting headers` without `waiting for connection` and `timeout awaiting
 * response headers`, undici's `Headers Timeout Error`, urllib3's `Read timed out. (read timeout=…)`, Java's
 * `SocketTimeoutException: Read timed out`, curl's `Operation timed out after … with 0 bytes received`. AWS endpoints
 * (whose no-answer is the VPC's path) and health probes have their own rules; the task stated to have no way out
 * lowers it.
 */
const rule: Rule = {
  id: 'request-no-answer',
  category: 'other',
  match: [
    {
      in: ['log', 'stoppedReason', 'containerReason', 'serviceEvent', 'localField'],
      re: /(?<what>Client\.Timeout exceeded while awaiting headers|timeout awaiting response headers|Headers Timeout Error|UND_ERR_HEADERS_TIMEOUT|Read timed out\. \(read timeout=[\d.]+\)|SocketTimeoutException: Read timed out|Operation timed out after \d+ milliseconds with \d+ (?:out of -?\d+ )?bytes received)/,
      not: /waiting for connection|dial tcp|i\/o timeout|no such host|connection refused|proxyconnect|amazonaws\.com(?:\.cn)?\b|\.api\.aws\b|\b(?:probe|health ?check|healthcheck|liveness|readiness)\b/i,
    },
  ],
  cause:
    '{service} reached its server and then got no answer in time ({what}): the connection was made, so the wait is on the server side or in the client timeout, not the network path.',
  fix: "Check the server's status or load (an incident on its side passes), and whether a release of the client or proxy changed its timeout; raise the timeout or roll the tool back if so.",
  confidence: 0.45,
  against: [{ re: NETWORK_FACTS }],
  examples: {
    match: [
      [['log', 'Client.Timeout exceeded while awaiting headers']],
      [
        [
          'log',
          'Get "https://api.example.com/v1/items": context deadline exceeded (Client.Timeout exceeded while awaiting headers)',
        ],
      ],
      [
        [
          'log',
          'TypeError: fetch failed [cause]: HeadersTimeoutError: Headers Timeout Error code: UND_ERR_HEADERS_TIMEOUT',
        ],
      ],
      [
        [
          'log',
          "requests.exceptions.ReadTimeout: HTTPSConnectionPool(host='api.example.com', port=443): Read timed out. (read timeout=10)",
        ],
      ],
      [['log', 'java.net.SocketTimeoutException: Read timed out']],
      [['log', 'curl: (28) Operation timed out after 30001 milliseconds with 0 bytes received']],
    ],
    noMatch: [
      [
        [
          'log',
          'Get "https://api.example.com/": net/http: request canceled while waiting for connection (Client.Timeout exceeded while awaiting headers)',
        ],
      ],
      [
        [
          'log',
          'Post "https://sts.us-east-1.amazonaws.com/": context deadline exceeded (Client.Timeout exceeded while awaiting headers)',
        ],
      ],
      [
        [
          'log',
          'Liveness probe failed: Get "http://10.0.1.5:8080/health": context deadline exceeded (Client.Timeout exceeded while awaiting headers)',
        ],
      ],
      [['log', 'java.net.SocketTimeoutException: connect timed out']],
    ],
  },
};
export default rule;
