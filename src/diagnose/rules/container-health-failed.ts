import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'container-health-failed',
  category: 'health-check-command',
  match: [
    {
      re: /Task failed container health checks|failed container health checks|dependency failed to start: container \S+ is unhealthy|Container "?[\w.-]+"? is unhealthy/i,
    },
  ],
  cause: 'ECS replaced the task because the container health check in the task definition kept failing.',
  fix: 'Run the health check command by hand in a running container (ECS Exec) to see why it fails: a missing tool, a wrong port or path, or a start period shorter than the app needs.',
  confidence: 0.45,
  examples: {
    match: [
      [
        [
          'stackEvent',
          'deployment failed for service "app": TASK_DEACTIVATING Task failed container health checks',
        ],
      ],
    ],
    noMatch: [[['stoppedReason', 'Task failed ELB health checks in (target-group x)']]],
  },
};
export default rule;
