import type { Rule } from '../types.js';

/*
 * Compose waits for `depends_on: condition: service_healthy` only on a health check the Compose file defines or the
 * image declares; a dependency with neither can never be healthy, so Compose stops at once. The fix is in the check's
 * definition (add one to the dependency, or wait for `service_started`), not in either service. Compose v2's words
 * (`container X has no healthcheck configured`, `container for service "x" has no healthcheck configured`) and v1's
 * (`Service "x" is missing a healthcheck configuration`).
 */
const rule: Rule = {
  id: 'compose-health-condition-no-check',
  category: 'health-check-command',
  match: [
    {
      in: ['log', 'localField', 'serviceEvent'],
      re: /container (?:for service )?"?\/?(?<dep>[\w.-]+)"? has no healthcheck configured|[Ss]ervice "?(?<dep2>[\w.-]+)"? is missing a healthcheck configuration/,
    },
  ],
  cause:
    '{service} waits for {dep,dep2|a dependency} to be healthy, but {dep,dep2|that dependency} has no health check, so it can never become healthy and Compose gives up at once.',
  fix: 'Give {dep,dep2|the dependency} a `healthcheck:` in the Compose file (a HEALTHCHECK the image declares counts too), or wait for it with `condition: service_started` instead of `service_healthy`.',
  confidence: 0.8,
  beats: ['local-exit-nonzero', 'essential-exited-nonzero'],
  examples: {
    match: [
      [['log', 'dependency failed to start: container docker-kibana-1 has no healthcheck configured']],
      [['log', 'container for service "cdash" has no healthcheck configured']],
      [['log', 'ERROR: for web  Service "db" is missing a healthcheck configuration']],
    ],
    noMatch: [[['log', 'dependency failed to start: container db-1 is unhealthy']]],
  },
};
export default rule;
