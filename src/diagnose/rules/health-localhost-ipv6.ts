import type { Rule } from '../types.js';

/*
 * The health check probes `localhost`, which inside many images (Alpine/musl, BusyBox wget) resolves to ::1 first,
 * while the app listens on IPv4 only: refused on every probe although the app serves traffic. BusyBox wget does not
 * fall back to 127.0.0.1.
 */
const rule: Rule = {
  id: 'health-localhost-ipv6',
  category: 'health-check-command',
  match: [
    { in: ['healthOutput'], re: /[Cc]onnection refused|ECONNREFUSED/ },
    // Node's http client before v20 takes ::1 and does not fall back: `connect ECONNREFUSED ::1:3000`.
    { in: ['healthCheck', 'healthOutput'], re: /\blocalhost\b|\[::1\]|(?<![\w:])::1:\d+/ },
  ],
  cause:
    'The health check probes localhost, which in this image resolves to the IPv6 address ::1 first, while the app listens on IPv4 only: every probe is refused although the app is up.',
  fix: 'Probe 127.0.0.1 instead of localhost in the health check (or make the app listen on :: as well).',
  confidence: 0.7,
  beats: ['health-nothing-listening', 'local-unhealthy'],
  examples: {
    match: [
      [
        ['healthOutput', 'Connecting to localhost:3000 ([::1]:3000)'],
        ['healthOutput', "wget: can't connect to remote host: Connection refused"],
      ],
    ],
    noMatch: [
      [
        ['healthOutput', 'Connecting to 127.0.0.1:3000 (127.0.0.1:3000)'],
        ['healthOutput', "wget: can't connect to remote host (127.0.0.1): Connection refused"],
      ],
    ],
  },
};
export default rule;
