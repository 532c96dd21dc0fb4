import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'segfault',
  category: 'app-crash',
  match: [
    {
      in: ['exitCode', 'log', 'containerReason', 'stoppedReason', 'localField'],
      // Each runtime's words: uWSGI's `got Segmentation Fault`, the kernel's `segfault at`, PHP-FPM's and nginx's
      // `exited on signal 11`, Apache's `exit signal Segmentation fault (11)`, Ruby's `[BUG] Segmentation fault`.
      re: /^139$|Segmentation [Ff]ault|SIGSEGV|signal=SIGSEGV|\bsegfault at [0-9a-f]+|(?:exited on|killed by|exit) signal 11\b/,
    },
  ],
  cause:
    'The process died of a segmentation fault (exit code 139): native code in the app or one of its native libraries crashed.',
  fix: 'Run the same image locally to reproduce, check native dependencies were built for this base image and CPU architecture, and capture a stack trace or core dump.',
  confidence: 0.7,
  examples: {
    match: [
      [['exitCode', '139']],
      [['log', 'Segmentation fault (core dumped)']],
      [['log', '!!! uWSGI process 12 got Segmentation Fault !!!']],
      [
        [
          'log',
          'WARNING: [pool www] child 31 exited on signal 11 (SIGSEGV - core dumped) after 2.5 seconds from start',
        ],
      ],
    ],
    noMatch: [[['exitCode', '1']]],
  },
};
export default rule;
