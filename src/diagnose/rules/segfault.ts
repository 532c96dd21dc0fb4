import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'segfault',
  category: 'app-crash',
  match: [
    {
      in: ['exitCode', 'log', 'containerReason', 'stoppedReason', 'localField'],
      // Each runtime's words: uWSGI's `got Segmentation Fault`, the kernel's `segfault at`, PHP-FPM's and nginx's
      // `exited on signal 11`, Apache's `exit signal Segmentation fault (11)`, Ruby's `[BUG] Segmentation fault`; the
      // exit code 139 as Compose (`exited with code 139`), kubectl (`Exit Code: 139`), `docker ps` (`Exited (139)`)
      // and Go's os/exec (`exit status 139`) report it.
      re: /^139$|exited with code 139\b|exit (?:code|status):? ?139\b|Exit Code:?\s+139\b|ExitCode"?:\s*139\b|Exited \(139\)|Segmentation [Ff]ault|SIGSEGV|signal=SIGSEGV|\bsegfault at [0-9a-f]+|(?:exited on|killed by|exit) signal 11\b/,
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
      [['log', 'worker-1 exited with code 139']],
      [['log', '      Exit Code:    139']],
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
