import type { Rule } from '../types.js';

/*
 * One meaning, the phrasings of the schedulers around ECS: no node or instance has room for the task. Kubernetes
 * (`0/5 nodes are available: 3 Insufficient cpu`, older `No nodes are available that match all of the following
 * predicates:: Insufficient memory`, `failed to fit in any node`), Nomad (`Resources exhausted on 2 nodes`,
 * `Dimension "memory" exhausted`), Docker Swarm (`no suitable node (insufficient resources on 1 node)`, classic
 * Swarm's `Unable to find a node that satisfies the following conditions`). ECS's own sentences have their rules.
 */
const rule: Rule = {
  id: 'scheduler-no-fit',
  category: 'placement-capacity',
  match: [
    {
      in: ['log', 'serviceEvent', 'stoppedReason', 'stackEvent'],
      span: 2,
      re: /(?<what>\d+\/\d+ nodes are available:[^\n]{0,160}|No nodes are available that match all of the following predicates:?:? [^\n]{0,120}|failed to fit in any node|Resources exhausted on \d+ nodes?|Dimension "[\w ]+" exhausted on \d+ nodes?|no suitable node \([^)]{0,120}\)?|Unable to find a node that satisfies the following conditions[^\n]{0,80}|no resources available to schedule container|pod didn't trigger scale-up[^\n]{0,120}|Constraint "[^"]{1,120}":? \d+ nodes? excluded by filter|no available container instances)/,
    },
  ],
  cause: 'The scheduler found no node with room for {service}: {what}.',
  fix: 'Add capacity (more or larger nodes / instances), lower the CPU and memory the task reserves, or relax its placement constraints so more nodes qualify.',
  confidence: 0.82,
  beats: ['uncaught-exception', 'essential-exited-nonzero', 'local-exit-nonzero'],
  examples: {
    match: [
      [['log', 'Constraint "${attr.kernel.name} = linux": 2 nodes excluded by filter']],
      [
        [
          'log',
          'Warning  FailedScheduling  12s  default-scheduler  0/3 nodes are available: 3 Insufficient memory.',
        ],
      ],
      [['log', '    * Dimension "cpu" exhausted on 2 nodes']],
      [
        [
          'log',
          'web.1  nginx:1.25  Running  Pending 2 minutes ago  "no suitable node (insufficient resources on 2 nodes)"',
        ],
      ],
    ],
    noMatch: [[['log', 'Successfully assigned default/web-5d9 to node-2']]],
  },
};
export default rule;
