import type { Rule } from '../types.js';

/*
 * The server was told to listen on an IPv6 address (`[::]`, `::`, `::1`) where the container or host has IPv6 turned
 * off, so the bind fails: nginx's `socket() [::]:80 failed (97: Address family not supported by protocol)`, Node's
 * `listen EAFNOSUPPORT`, Go's `socket: address family not supported by protocol`, Python's `[Errno 97]`, Java's
 * `Protocol family unavailable`, gunicorn's `Can't connect to ('::', 8000)`. The listen address is the fix.
 */
const rule: Rule = {
  id: 'listen-ipv6-unavailable',
  category: 'port-binding',
  match: [
    {
      in: ['log', 'containerReason', 'stoppedReason', 'localField'],
      re: /(?<what>(?:socket|bind|listen)\S*[^\n]{0,60}(?:\(97: |\[Errno 97\] |: )?[Aa]ddress family not supported by protocol|listen EAFNOSUPPORT[^\n]{0,40}|Can't connect to \('::1?', \d+\)|Protocol family unavailable|\[Errno 97\] Address family not supported by protocol)/,
    },
  ],
  cause:
    '{service} was configured to listen on an IPv6 address, but IPv6 is not available in its container or host ({what}).',
  fix: 'Listen on 0.0.0.0 instead of :: (drop nginx `listen [::]:PORT`, set the bind address setting to 0.0.0.0), or enable IPv6 for the container network.',
  confidence: 0.82,
  beats: ['uncaught-exception', 'essential-exited-nonzero', 'local-exit-nonzero', 'connection-refused'],
  examples: {
    match: [
      [['log', 'nginx: [emerg] socket() [::]:80 failed (97: Address family not supported by protocol)']],
      [['log', "[2022-10-09 13:46:13 +0200] [704] [ERROR] Can't connect to ('::', 8000)"]],
      [['log', 'Error: listen EAFNOSUPPORT: address family not supported :::3000']],
      [['log', 'listen tcp6 [::]:8080: socket: address family not supported by protocol']],
    ],
    noMatch: [[['log', "[ERROR] Connection in use: ('localhost', 8000)"]]],
  },
};
export default rule;
