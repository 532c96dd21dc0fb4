import type { Rule } from '../types.js';

/**
 * The local target reports a command check as `exit 127: /bin/sh: 1: prog: not found`. health-binary-missing knows
 * only the usual suspects (curl, wget, nc); on the health check's own output any missing program means the same.
 */
const rule: Rule = {
  id: 'local-health-command-not-found',
  category: 'health-check-command',
  match: [
    {
      in: ['healthOutput'],
      re: /^exit 127\b(?::.*?sh: (?:line \d+: |\d+: )?(?<bin>[^\s:]+): (?:command )?not found)?/,
    },
  ],
  cause:
    'The health check of {service} calls {bin|a program}, which does not exist where the check runs (exit 127), so the check fails even when the app is fine.',
  fix: 'Install {bin|the program} where the check runs, fix its name or path, or check without it: an http or tcp health check needs no tool at all.',
  confidence: 0.85,
  beats: ['local-unhealthy', 'health-exit-127'],
  examples: {
    match: [
      [['healthOutput', 'exit 127: /bin/sh: 1: grpc_health_probe: not found']],
      [['healthOutput', 'exit 127: sh: line 1: pg_isready: command not found']],
      [['healthOutput', 'exit 127']],
    ],
    noMatch: [
      [['healthOutput', 'exit 1: curl: (22) The requested URL returned error: 503']],
      [['log', 'exit 127: /bin/sh: 1: grpc_health_probe: not found']],
    ],
  },
};
export default rule;
