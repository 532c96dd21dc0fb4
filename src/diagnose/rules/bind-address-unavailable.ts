import type { Rule } from '../types.js';

/*
 * The server was told to listen on an address the container does not have (a host's IP, an old task IP, a name that
 * resolves elsewhere), so the bind fails: Node's `listen EADDRNOTAVAIL`, Go's and Redis's `bind: cannot assign
 * requested address`, Java's `BindException: Cannot assign requested address`. An outbound connect that fails the
 * same way is not this (no bind or listen on the line).
 */
const rule: Rule = {
  id: 'bind-address-unavailable',
  category: 'port-binding',
  match: [
    {
      re: /(?<what>listen EADDRNOTAVAIL[^\n]{0,60}|(?:bind|listen(?:ing)?|BindException)[^\n]{0,80}[Cc]annot assign requested address)/,
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
    ],
    noMatch: [[['log', 'dial tcp [::1]:5432: connect: cannot assign requested address']]],
  },
};
export default rule;
