import type { Rule } from '../types.js';

/*
 * Another process holds the listen port. Besides glibc's `Address already in use` and each runtime's own words, musl
 * (Alpine and BusyBox images) says `Address in use`: nginx:alpine's `bind() … failed (98: Address in use)`, Redis's
 * `bind: Address in use`, Python's `[Errno 98] Address in use`, uvicorn's lower-cased `address in use`, BusyBox httpd.
 */
const rule: Rule = {
  id: 'port-in-use',
  category: 'port-binding',
  match: [
    {
      re: /listen EADDRINUSE:?[^\n]*?:(?<port>\d+)|:(?<port2>\d+):? [Aa]ddress already in use|EADDRINUSE|[Aa]ddress already in us|\b[Aa]ddress in use\b|\bAddrInUse\b|Bind for [\d.]+:(?<port3>\d+) failed: port is already allocated|port is already allocated|Connection in use: \('[^']*', (?<port4>\d+)\)|Only one usage of each socket address|[Pp]ort (?<port5>\d+) (?:was|is) already in use|Port (?<port6>\d+) is in use by another program|:eaddrinuse\b|The Tomcat connector configured to listen on port (?<port7>\d+) failed to start/,
    },
  ],
  cause:
    '{service} could not bind port {port,port2,port3,port4,port5,port6,port7|its listen port} because another process or container already listens there.',
  fix: 'Stop whatever holds the port (often a previous instance that did not exit, or another service configured with the same port), or give this service a free port and point its health check at it.',
  confidence: 0.88,
  beats: ['uncaught-exception', 'local-exit-nonzero'],
  examples: {
    match: [
      [['log', 'Error 500: listen EADDRINUSE: Address already in use 0.0.0.0:80']],
      [['log', 'posix_listen failed for address 0.0.0.0:33145: Address already in use']],
      [['log', 'Error: listen EADDRINUSE: address already in use :::7100']],
      [['log', "[ERROR] Connection in use: ('0.0.0.0', 8000)"]],
      [['log', 'Web server failed to start. Port 8080 was already in use.']],
      [
        [
          'log',
          'Port 5000 is in use by another program. Either identify and stop that program, or start the server with a different port.',
        ],
      ],
      [['log', '** (RuntimeError) failed to start Cowboy server: :eaddrinuse']],
      [
        [
          'log',
          'The Tomcat connector configured to listen on port 8080 failed to start. The port may already be in use or the connector may be misconfigured.',
        ],
      ],
      [['log', 'Error: Os { code: 98, kind: AddrInUse, message: "Address in use" }']],
      [['log', 'nginx: [emerg] bind() to 0.0.0.0:80 failed (98: Address in use)']],
      [['log', 'OSError: [Errno 98] Address in use']],
      [
        [
          'log',
          'bind: Only one usage of each socket address (protocol/network address/port) is normally permitted.',
        ],
      ],
    ],
    noMatch: [[['log', 'listening on 0.0.0.0:80']]],
  },
};
export default rule;
