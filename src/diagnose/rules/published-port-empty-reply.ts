import type { Rule } from '../types.js';

/*
 * A client outside the container reaches the published port, Docker's proxy accepts, and the connection is then closed
 * with no reply: nothing inside listens on the container's external address (the server is bound to 127.0.0.1, or to
 * another port). curl's `(52) Empty reply from server` and `(56) Recv failure: Connection reset by peer`, browsers'
 * ERR_EMPTY_RESPONSE and "The connection was reset". Weak alone; a loopback listen line makes it strong.
 */
const rule: Rule = {
  id: 'published-port-empty-reply',
  category: 'port-binding',
  match: [
    {
      // A probe's output too: a health check that is answered by a proxy and then dropped has the same cause.
      in: ['log', 'healthOutput'],
      re: /(?<what>(?:curl: \(52\) )?Empty reply from server|curl: \(56\) Recv failure: Connection reset by peer|ERR_EMPTY_RESPONSE|ERR_CONNECTION_RESET|The connection was reset|didn[’']t send any data|Read error \(Connection reset by peer\)|error getting response: Connection reset by peer|Remote end closed connection without response|server closed the connection without sending any data)/,
    },
  ],
  cause:
    'Connections to the port published for {service} are accepted and then dropped ({what}): nothing inside the container listens on its external address at that port.',
  fix: 'Make the server bind 0.0.0.0 (not 127.0.0.1) on the container port that is mapped, and check the mapping names the port it actually listens on.',
  confidence: 0.45,
  beats: ['local-unhealthy', 'container-health-failed'],
  support: [
    { in: ['log'], re: /(?:listen|bound|serving|started)[^\n]{0,40}(?:127\.0\.0\.1|localhost|\[::1\]):\d+/i },
  ],
  examples: {
    match: [
      [['log', 'curl: (52) Empty reply from server']],
      [['log', 'This page isn’t working: ERR_EMPTY_RESPONSE']],
      [
        [
          'healthOutput',
          'HTTP request sent, awaiting response... Read error (Connection reset by peer) in headers.',
        ],
      ],
      [['healthOutput', 'http.client.RemoteDisconnected: Remote end closed connection without response']],
    ],
    noMatch: [[['log', 'curl: (7) Failed to connect to localhost port 8080: Connection refused']]],
  },
};
export default rule;
