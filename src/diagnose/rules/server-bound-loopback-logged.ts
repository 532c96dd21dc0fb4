import type { Rule } from '../types.js';

/*
 * Servers that print the address they bound in their own format rather than a `Listening on URL` banner: PostgreSQL's
 * `listening on IPv4 address "127.0.0.1", port 5432` (listen_addresses left at localhost), MySQL's `Server socket
 * created on IP: '127.0.0.1'` and 8.0's `Server hostname (bind-address): '127.0.0.1'` / X Plugin's `Bind-address:
 * '127.0.0.1'`, Elasticsearch's HTTP transport `bound_addresses {127.0.0.1:9200}` (network.host left at _local_) and
 * Gradio's `Running on local URL: http://127.0.0.1:7860` (server_name's default). Inside a container that address is
 * reachable from nowhere else, so the other containers and the load balancer are refused while the server runs: the
 * fix is the server's listen address. MongoDB's `Listening on 127.0.0.1` is left out: the official image's init phase
 * binds loopback on purpose before it restarts on all interfaces. Servers that print a loopback URL while bound
 * everywhere (Jupyter's and Streamlit's `Local URL`) say nothing of the bind and are not read.
 */
const LOOP = String.raw`(?:127\.0\.0\.1|::1|\[::1\]|localhost)`;
const rule: Rule = {
  id: 'server-bound-loopback-logged',
  category: 'port-binding',
  match: [
    {
      in: ['log'],
      re: new RegExp(
        [
          String.raw`listening on IPv[46] address "(?<addr>${LOOP})", port (?<port>\d+)`,
          String.raw`Server socket created on IP: '(?<addr2>${LOOP})'`,
          String.raw`[Bb]ind-address\)?: '(?<addr3>${LOOP})'(?:;| port:?) ?(?<port3>\d+)?`,
          String.raw`HttpServerTransport[^\n]*?bound_addresses \{(?<addr4>${LOOP}):(?<port4>\d+)\}`,
          String.raw`Running on local URL:\s+https?:\/\/(?<addr5>${LOOP}):(?<port5>\d+)`,
        ].join('|'),
      ),
    },
  ],
  // A process run on the host is reached from the same host, where loopback is exactly right.
  unless: [{ in: ['origin'], re: /^local$/ }],
  cause:
    'The server reports that it bound {addr,addr2,addr3,addr4,addr5} (port {port,port3,port4,port5|in its configuration}), which accepts connections only from inside its own container, so other containers, the port mapping and the load balancer are refused.',
  fix: 'Make the server listen on all interfaces: PostgreSQL `listen_addresses = \'*\'`, MySQL `bind-address = 0.0.0.0`, Elasticsearch `network.host: 0.0.0.0` (or `http.host`), Gradio `server_name="0.0.0.0"` (GRADIO_SERVER_NAME).',
  confidence: 0.7,
  beats: ['dependency-not-ready', 'connection-refused'],
  examples: {
    match: [
      [['log', '2026-12-05 10:00:01.123 UTC [1] LOG:  listening on IPv4 address "127.0.0.1", port 5432']],
      [['log', "2026-12-05T10:00:02.000000Z 0 [Note] Server socket created on IP: '127.0.0.1'."]],
      [
        [
          'log',
          "2026-12-05T10:00:02.1Z 0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Server hostname (bind-address): '127.0.0.1'; port: 3306",
        ],
      ],
      [
        [
          'log',
          '[2026-12-05T10:00:03,456][INFO ][o.e.h.AbstractHttpServerTransport] [es01] publish_address {127.0.0.1:9200}, bound_addresses {127.0.0.1:9200}, {[::1]:9200}',
        ],
      ],
      [['log', 'Running on local URL:  http://127.0.0.1:7860']],
    ],
    noMatch: [
      [['log', '2026-12-05 10:00:01.123 UTC [1] LOG:  listening on IPv4 address "0.0.0.0", port 5432']],
      [['log', "2026-12-05T10:00:02.000000Z 0 [Note] Server socket created on IP: '::'."]],
      [
        [
          'log',
          '[o.e.h.AbstractHttpServerTransport] [es01] publish_address {172.18.0.2:9200}, bound_addresses {0.0.0.0:9200}',
        ],
      ],
      [['log', 'Running on local URL:  http://0.0.0.0:7860']],
      [
        ['origin', 'local'],
        ['log', 'LOG:  listening on IPv4 address "127.0.0.1", port 5432'],
      ],
    ],
  },
};
export default rule;
