import type { Rule } from '../types.js';

/*
 * A health probe run by hand or by a script (so its output lands in the log, not the health output) that resolved
 * `localhost` to ::1 and was refused: BusyBox wget prints `Connecting to localhost:P ([::1]:P)` and does not fall back
 * to 127.0.0.1, and Node's http client before v20 says `connect ECONNREFUSED ::1:P`. The app listens on IPv4 only, so
 * the check's host is what is wrong (health-localhost-ipv6 reads the same in the health output).
 */
const rule: Rule = {
  id: 'probe-localhost-ipv6-refused',
  category: 'health-check-command',
  match: [
    {
      in: ['log', 'healthOutput', 'localField'],
      span: 3,
      re: /Connecting to localhost:(?<port>\d+) \(\[::1\]:\d+\)\s+(?:wget: )?can't connect to remote host(?: \(::1\))?: Connection refused|(?:[Hh]ealth|probe|liveness|readiness)[^\n]{0,80}connect ECONNREFUSED ::1:(?<port2>\d+)/,
    },
  ],
  cause:
    "{service}'s health probe asks for localhost, which in the container resolves to the IPv6 address ::1 first, and was refused at port {port,port2|its port}: the app listens on IPv4 only.",
  fix: 'Probe 127.0.0.1 instead of localhost in the health check (or make the app listen on :: as well, e.g. `listen [::]:PORT` in nginx or HOST=:: for Node).',
  confidence: 0.72,
  beats: [
    'connection-refused',
    'health-nothing-listening',
    'local-unhealthy',
    'container-health-failed',
    'health-tool-unverified',
  ],
  examples: {
    match: [
      [
        ['log', 'Connecting to localhost:6167 ([::1]:6167)'],
        ['log', "wget: can't connect to remote host: Connection refused"],
      ],
      [['log', 'healthcheck.js: request failed: Error: connect ECONNREFUSED ::1:3000']],
    ],
    noMatch: [
      [
        ['log', 'Connecting to 127.0.0.1:6167 (127.0.0.1:6167)'],
        ['log', "wget: can't connect to remote host (127.0.0.1): Connection refused"],
      ],
      [['log', 'Error: connect ECONNREFUSED ::1:5432 at TCPConnectWrap.afterConnect']],
    ],
  },
};
export default rule;
