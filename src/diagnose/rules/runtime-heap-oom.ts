import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'runtime-heap-oom',
  category: 'resources-oom',
  match: [
    {
      // Each runtime's words: Node, the JVM, Python, Go, libc, PHP's memory_limit, C++'s bad_alloc, Ruby's
      // NoMemoryError, .NET's OutOfMemoryException, Redis refusing writes at maxmemory; Rust's allocator (`memory
      // allocation of N bytes failed`, then an abort, which is why it beats native-abort), the BEAM's `eheap_alloc:
      // Cannot allocate N bytes of memory`, GHC's `out of memory (requested N bytes)`, V8's `Fatal process out of
      // memory`, Go's `fatal error: out of memory` without the `runtime:` prefix.
      re: /JavaScript heap out of memory|memory allocation of \d+ bytes failed|Cannot allocate \d+ bytes of memory|out of memory \(requested \d+ bytes\)|Fatal process (?:out of memory|OOM)\b|fatal error: out of memory|java\.lang\.OutOfMemoryError|\bMemoryError\b|fatal error: runtime: out of memory|Cannot allocate memory|Allowed memory size of \d+ bytes exhausted|std::bad_alloc|\bNoMemoryError\b|failed to allocate memory|System\.OutOfMemoryException|OOM command not allowed when used memory/,
    },
  ],
  cause:
    "The app's runtime ran out of memory (its heap, or the limit it was given) and the process died or refused work.",
  fix: "Give the task more memory and size the runtime's heap to it (NODE_OPTIONS=--max-old-space-size, -XX:MaxRAMPercentage, PHP's memory_limit, Redis' maxmemory), or fix the memory growth.",
  confidence: 0.85,
  beats: ['uncaught-exception', 'essential-exited-nonzero', 'local-exit-nonzero', 'native-abort'],
  examples: {
    match: [
      [['log', 'memory allocation of 17179869184 bytes failed']],
      [['log', 'eheap_alloc: Cannot allocate 6801972 bytes of memory (of type "heap").']],
      [['log', 'worker: out of memory (requested 1048576 bytes)']],
      [['log', '# Fatal process out of memory: Zone']],
      [
        [
          'log',
          'PHP Fatal error:  Allowed memory size of 134217728 bytes exhausted (tried to allocate 20480 bytes)',
        ],
      ],
      [['log', "terminate called after throwing an instance of 'std::bad_alloc'"]],
      [
        [
          'log',
          "Unhandled exception. System.OutOfMemoryException: Exception of type 'System.OutOfMemoryException' was thrown.",
        ],
      ],
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
