import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'host-port-mapped-twice',
  category: 'port-binding',
  match: [{ re: /host port '?(?<port>\d+)'? is mapped multiple times/i }],
  cause: 'Two port mappings in the task claim the same host port {port}, so ECS rejects the task definition.',
  fix: 'Give each container its own host port, or drop the fixed hostPort (awsvpc mode, or hostPort 0 for dynamic mapping behind a load balancer).',
  confidence: 0.88,
  examples: {
    match: [
      [
        [
          'log',
          "ERROR: Service:AmazonECS, Code:ClientException, Message:TCP host port '3000' is mapped multiple times in task.",
        ],
      ],
    ],
    noMatch: [[['log', 'port 3000 mapped']]],
  },
};
export default rule;
