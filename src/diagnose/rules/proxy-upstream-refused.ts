import type { Rule } from '../types.js';

/*
 * A reverse proxy in front of the service was refused by its upstream: the service is up (the proxy reached its
 * address) but nothing listens on that address and port, because the app binds loopback or another port than the
 * proxy targets. nginx (`connect() failed (111: Connection refused) while connecting to upstream`), Envoy and App Mesh
 * (`upstream connect error or disconnect/reset before headers. reset reason: connection failure`), Caddy and Traefik
 * (a reverse proxy's `dial tcp …: connect: connection refused`).
 */
const rule: Rule = {
  id: 'proxy-upstream-refused',
  category: 'port-binding',
  match: [
    {
      in: ['log'],
      re: /(?:Connection refused\)? while connecting to upstream|upstream connect error or disconnect\/reset before headers\. reset reason: connection (?:failure|refused)|(?:reverse_?proxy|traefik|proxy error)[^\n]*?dial tcp (?<addr>[\w.:[\]-]+:\d+): connect: connection refused)/i,
    },
  ],
  cause:
    'The proxy in front of {service} was refused by its upstream {addr|}: the app is not listening on the address and port the proxy sends to.',
  fix: 'Make the app listen on 0.0.0.0 (not localhost) on exactly the port the proxy targets, or point the proxy at the port the app really listens on.',
  confidence: 0.6,
  beats: ['connection-refused'],
  examples: {
    match: [
      [
        [
          'log',
          '2024/01/02 10:00:00 [error] 29#29: *1 connect() failed (111: Connection refused) while connecting to upstream, client: 10.0.0.5, upstream: "http://172.17.0.3:8000/"',
        ],
      ],
      [
        [
          'log',
          'upstream connect error or disconnect/reset before headers. reset reason: connection failure',
        ],
      ],
    ],
    noMatch: [[['log', 'Error: connect ECONNREFUSED 10.0.0.7:5432']]],
  },
};
export default rule;
