import type { Rule } from '../types.js';

/*
 * The server was told to listen on an address the container does not have (a host's IP, an old task IP, a name that
 * resolves elsewhere), so the bind fails: Node's `listen EADDRNOTAVAIL`, Go's and Redis's `bind: cannot assign
 * requested address`, Java's `BindException: Cannot assign requested address`; musl's words for the same errno in Alpine and BusyBox
 * images (`bind() … failed (99: Address not available)` from nginx, Redis's `bind: Address not available`, Python's
 * `[Errno 99] Address not available`, uvicorn's lower-cased `address not available`), and a runtime that prints the
 * errno a line or two below the bind that raised it (Rust's anyhow chain `failed to bind …` / `Caused by: Cannot assign
 * requested address (os error 99)`, a Python traceback ending in `socket.bind`). The same errno in other words: the
 * BSD/macOS libc's `can't assign requested address`, MySQL's capitalised `Bind on TCP/IP port: …`, Ruby's errno before
 * its `bind(2)`, Erlang's `eaddrnotavail` atom from a Ranch or RabbitMQ listener. An outbound connect that fails the
 * same way is not this (no bind or listen before it).
 */
const rule: Rule = {
  id: 'bind-address-unavailable',
  category: 'port-binding',
  match: [
    {
      span: 4,
      re: /(?<what>listen EADDRNOTAVAIL[^\n]{0,60}|(?:[Bb]ind|listen(?:ing)?|BindException)[^\n]{0,80}(?:[Cc]an(?:not|'t) assign requested address|[Aa]ddress not available|kind: AddrNotAvailable)|[Cc]an(?:not|'t) assign requested address - bind\(2\)[^\n]{0,60}|(?:[Ll]istener|:ranch_tcp:listen)[^\n]{0,160}\beaddrnotavail\b[^\n]{0,40})/,
    },
  ],
  cause: '{service} was configured to listen on an address its container does not have: {what}.',
  fix: 'Listen on 0.0.0.0 (or ::) rather than a specific IP or host name, or fix the host setting that names the address.',
  confidence: 0.82,
  beats: ['uncaught-exception', 'essential-exited-nonzero', 'local-exit-nonzero'],
  examples: {
    match: [
      [['log', 'Error: listen EADDRNOTAVAIL: address not available 192.168.1.10:3000']],
      [['log', 'listen tcp 10.0.0.5:8080: bind: cannot assign requested address']],
      [
        [
          'log',
          'Could not create server TCP listening socket 10.1.2.3:6379: bind: Cannot assign requested address',
        ],
      ],
      [['log', 'nginx: [emerg] bind() to 192.168.1.20:80 failed (99: Address not available)']],
      [
        ['log', 'Error: failed to bind TcpListener to 172.31.5.9:3000'],
        ['log', 'Caused by:'],
        ['log', '    Cannot assign requested address (os error 99)'],
      ],
      [
        [
          'log',
          "[ERROR] [MY-010262] [Server] Can't start server: Bind on TCP/IP port: Cannot assign requested address",
        ],
      ],
      [['log', "listen tcp 192.168.64.5:8080: bind: can't assign requested address"]],
      [['log', 'Cannot assign requested address - bind(2) for "10.0.3.17" port 3000 (Errno::EADDRNOTAVAIL)']],
      [['log', 'Failed to start TCP listener [10.0.3.17]:5672, error: eaddrnotavail']],
    ],
    noMatch: [
      [['log', 'dial tcp [::1]:5432: connect: cannot assign requested address']],
      [
        [
          'log',
          'redis.exceptions.ConnectionError: Error 99 connecting to localhost:6379. Address not available.',
        ],
      ],
      [['log', "dial tcp 127.0.0.1:5432: connect: can't assign requested address"]],
    ],
  },
};
export default rule;
