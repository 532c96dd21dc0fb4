import type { Rule } from '../types.js';

/*
 * The client says only that it was refused (Rust's `ConnectionRefused`, a bare `Connection refused`), but the
 * container environment sets a dependency address to localhost: combined, the evidence points at the setting.
 */
const rule: Rule = {
  id: 'refused-with-loopback-setting',
  category: 'config-env',
  match: [
    {
      in: ['log', 'stoppedReason', 'containerReason', 'localField'],
      re: /ECONNREFUSED|[Cc]onnection refused|ConnectionRefused|refused/,
    },
    {
      in: ['env'],
      re: /^(?<var>\w*(?:HOST|URL|URI|ADDR\w*|SERVERS?|BROKERS?))=\S*?(?<addr>localhost|127\.0\.0\.1)/i,
    },
  ],
  unless: [{ in: ['origin'], re: /^local$/ }],
  cause:
    '{service} was refused by a dependency while its environment sets {var} to {addr} — inside a container that is the container itself.',
  fix: 'Set {var} to the dependency’s real address (its service name, DNS name or endpoint) instead of {addr}.',
  confidence: 0.8,
  beats: ['connection-refused'],
  examples: {
    match: [
      [
        [
          'log',
          'Error { kind: Connect, cause: Some(Os { code: 111, kind: ConnectionRefused, message: "Connection refused" }) }',
        ],
        ['env', 'POSTGRESQL_URI=postgres://postgres@localhost:5433'],
      ],
    ],
    noMatch: [
      [
        ['log', 'Connection refused'],
        ['env', 'DB_HOST=db.internal'],
      ],
    ],
  },
};
export default rule;
