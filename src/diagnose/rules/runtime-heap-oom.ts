import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'runtime-heap-oom',
  category: 'resources-oom',
  match: [
    {
      re: /JavaScript heap out of memory|java\.lang\.OutOfMemoryError|\bMemoryError\b|fatal error: runtime: out of memory|Cannot allocate memory/,
    },
  ],
  cause: "The app's runtime ran out of heap memory and the process died.",
  fix: "Give the task more memory and size the runtime's heap to it (NODE_OPTIONS=--max-old-space-size, -XX:MaxRAMPercentage), or fix the memory growth.",
  confidence: 0.85,
  beats: ['uncaught-exception', 'essential-exited-nonzero', 'local-exit-nonzero'],
  examples: {
    match: [
      [
        [
          'log',
          'FATAL ERROR: Ineffective mark-compacts near heap limit Allocation failed - JavaScript heap out of memory',
        ],
      ],
    ],
    noMatch: [[['stoppedReason', 'OutOfMemoryError: Container killed due to memory usage']]],
  },
};
export default rule;
