import type { Rule } from '../types.js';

/*
 * Evidence from structure rather than from a message: the container health check runs curl or wget, and the container
 * went unhealthy. Slim, Alpine and distroless images often lack both, and ECS keeps no output of a check that could
 * not run, so this is often all there is to see. Output showing the tool ran (an HTTP status, curl's progress meter,
 * wget's "Connecting to") contradicts it.
 */
const rule: Rule = {
  id: 'health-tool-unverified',
  category: 'health-check-command',
  match: [
    { in: ['healthCheck'], re: /(?:^|[\s"[,])(?<bin>curl|wget)\b/ },
    {
      in: ['healthStatus', 'stoppedReason', 'serviceEvent', 'deployment', 'localField'],
      re: /^unhealthy$|failed container health checks|health=unhealthy/i,
    },
  ],
  against: [
    {
      in: ['healthOutput'],
      re: /HTTP\/\d|% Total|^Connecting to |curl: \(\d+\)|wget: (?:server returned|can't connect)/,
    },
    // In an app's log, only the tool's own output counts: a server's access line ("GET / HTTP/1.1" 200) is routine.
    {
      in: ['log'],
      re: /^[<\s]*HTTP\/\d(?:\.\d)? \d{3}|% Total|^Connecting to |curl: \(\d+\)|wget: (?:server returned|can't connect)/,
    },
  ],
  cause:
    'The container health check runs `{bin}` and the container went unhealthy; slim, Alpine and distroless images often do not include {bin}, and a check that cannot run leaves no other trace.',
  fix: 'Check that the image has {bin} (`docker run --rm --entrypoint sh IMAGE -c "command -v {bin}"`); install it in the Dockerfile, or probe with something the image has (BusyBox `wget -qO-`, or `node -e` / `python -c` fetching the health URL).',
  confidence: 0.6,
  beats: ['container-health-failed', 'local-unhealthy'],
  examples: {
    match: [
      [
        ['healthCheck', '["CMD-SHELL","curl -f http://127.0.0.1:80/ || exit 1"]'],
        ['healthStatus', 'UNHEALTHY'],
      ],
    ],
    noMatch: [
      [
        ['healthCheck', '["CMD-SHELL","curl -f http://127.0.0.1:80/ || exit 1"]'],
        ['healthStatus', 'HEALTHY'],
      ],
    ],
  },
};
export default rule;
