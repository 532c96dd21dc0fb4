import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'container-health-failed',
  category: 'health-check-command',
  match: [
    {
      // Also `docker ps`'s `Up 5 minutes (unhealthy)`, Compose's `running (unhealthy)`, autoheal's `found to be unhealthy`.
      re: /Task failed container health checks|failed container health checks|dependency failed to start: container \S+ is unhealthy|Container "?[\w.-]+"? is unhealthy|\bUp [^()\n]{1,40}\(unhealthy\)|\brunning \(unhealthy\)|found to be unhealthy|container health check failed/i,
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
      [
        [
          'log',
          'b11e7708  acme/api:1.4  "/entrypoint.sh"  2 minutes ago  Up 2 minutes (unhealthy)  8080/tcp  api',
        ],
      ],
      [
        [
          'log',
          'Container /web-1 (5a2688efdb04) found to be unhealthy - Restarting container now with 10s timeout',
        ],
      ],
    ],
    noMatch: [
      [['stoppedReason', 'Task failed ELB health checks in (target-group x)']],
      [
        [
          'log',
          'b11e7708  acme/api:1.4  "/entrypoint.sh"  2 minutes ago  Up 2 minutes (healthy)  8080/tcp  api',
        ],
      ],
    ],
  },
};
export default rule;
