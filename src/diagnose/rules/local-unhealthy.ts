import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'local-unhealthy',
  category: 'health-check-command',
  match: [{ in: ['healthStatus', 'localField'], re: /^(?:reason=)?unhealthy$/ }],
  cause: '{service} kept running but its health check kept failing.',
  fix: "Run the service's health check by hand against the running process and compare its output with what the check expects (port, path, status code).",
  confidence: 0.3,
  examples: { match: [[['healthStatus', 'unhealthy']]], noMatch: [[['healthStatus', 'healthy']]] },
};
export default rule;
