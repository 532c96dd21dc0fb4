import type { Rule } from '../types.js';

/*
 * A health check or probe was refused at one port while the app's own log says it listens on another: the two
 * disagree on the port (a chart's or image's default, a port changed on one side only). Read from one log source,
 * either order, with the probe's words (kubelet's `probe failed: dial tcp …`, a health check's `Failed to connect to …
 * port P`, `ECONNREFUSED`) and a listen banner (`Listening on 0.0.0.0:80`, `listening on port 3000`). A refusal that is
 * not a probe's (a dependency's) is not compared.
 */
const PROBE = String.raw`(?:[Pp]robe failed|[Hh]ealth ?[Cc]heck\w*|Unhealthy)[^\n]{0,120}?(?:dial tcp|ECONNREFUSED|Failed to connect to|connect to) \[?[\w.:-]*?\]?(?::| port )`;
const LISTEN = String.raw`(?:[Ll]istening|[Ss]erving|[Ss]erver (?:started|running)|[Rr]unning) (?:on|at) (?:port )?(?:\S*?:)?`;
const re = new RegExp(
  String.raw`${PROBE}(?<probe>\d{2,5})\b[^]*?${LISTEN}(?!\k<probe>\b)(?<listen>\d{2,5})\b(?![.\d])` +
    String.raw`|${LISTEN}(?<listen2>\d{2,5})\b(?![.\d])[^]*?${PROBE}(?!\k<listen2>\b)(?<probe2>\d{2,5})\b`,
);

const rule: Rule = {
  id: 'probe-port-not-listened',
  category: 'port-binding',
  match: [{ in: ['log'], span: 12, re }],
  cause:
    "{service}'s health probe asks for port {probe,probe2} while the app says it listens on port {listen,listen2}: the probe and the app disagree on the port.",
  fix: 'Point the health check or probe at the port the app listens on, or make the app listen on the port the probe, the port mappings and the target group use.',
  confidence: 0.75,
  beats: [
    'probe-refused',
    'connection-refused',
    'health-nothing-listening',
    'local-unhealthy',
    'container-health-failed',
  ],
  examples: {
    match: [
      [
        [
          'log',
          'Warning  Unhealthy  kubelet  Startup probe failed: dial tcp 10.42.0.7:8080: connect: connection refused',
        ],
        ['log', 'INFO  EmbeddedJettyServer - >> Listening on 0.0.0.0:80'],
      ],
      [
        ['log', 'Server listening on port 3700'],
        [
          'log',
          'healthcheck: curl: (7) Failed to connect to localhost port 3000 after 0 ms: Connection refused',
        ],
      ],
    ],
    noMatch: [
      [
        [
          'log',
          'Warning  Unhealthy  kubelet  Liveness probe failed: dial tcp 10.42.0.7:8080: connect: connection refused',
        ],
        ['log', 'Listening on 0.0.0.0:8080'],
      ],
      [
        ['log', 'Error: connect ECONNREFUSED 127.0.0.1:5432'],
        ['log', 'Listening on port 3000'],
      ],
    ],
  },
};
export default rule;
