import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'oom-killed',
  category: 'resources-oom',
  match: [
    {
      // The platform's words: ECS, the kubelet (OOMKilled, an eviction for memory), the kernel, the ECS agent, and
      // platforms that say the container exceeded its memory limit; systemd's `killed by the OOM killer`, Nomad's `OOM
      // Killed`, Cloud Run's and App Runner's `Memory limit of 512 MiB exceeded`, Heroku's R14 / R15 memory quota.
      re: /OutOfMemoryError: Container killed due to memory usage|OOMKilled|killed by the OOM killer|\bOOM Killed\b|Memory limit of [\d.]+ ?\w+ exceeded|\bR1[45] \(Memory quota (?:vastly )?exceeded\)|Out of memory: Killed process|oom-kill|died due to OOM|Memory cgroup out of memory|low on resource: memory|exceeded (?:its |the )?memory limit|memory limit exceeded|OOM-?killed/i,
    },
  ],
  cause: 'The container used more memory than its limit and the kernel killed it.',
  fix: 'Raise the container memory limit and the task size, or bring the app under the limit (e.g. cap the JVM or Node heap below the container limit); check the memory graph for steady growth that points to a leak.',
  confidence: 0.92,
  beats: ['exit-137', 'essential-exited-nonzero', 'uncaught-exception', 'local-exit-nonzero'],
  examples: {
    match: [
      [['log', 'api.service: A process of this unit has been killed by the OOM killer.']],
      [['log', 'Memory limit of 512 MiB exceeded with 530 MiB used. Consider increasing the memory limit.']],
      [['log', 'Error R14 (Memory quota exceeded)']],
      [
        [
          'serviceEvent',
          'Evicted: The node was low on resource: memory. Container app was using 1Gi, which exceeds its request of 512Mi.',
        ],
      ],
      [['log', 'Error R14 (Memory quota exceeded); Container app exceeded memory limit']],
      [['stoppedReason', 'OutOfMemoryError: Container killed due to memory usage']],
      [['log', 'DockerGoClient: process within container 3f2a (name: "ecs-web-1") died due to OOM']],
    ],
    noMatch: [[['log', 'java.lang.OutOfMemoryError: Java heap space']]],
  },
};
export default rule;
