import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'segfault',
  category: 'app-crash',
  match: [
    {
      in: ['exitCode', 'log', 'containerReason', 'stoppedReason', 'localField'],
      re: /^139$|Segmentation fault|SIGSEGV|signal=SIGSEGV/,
    },
  ],
  cause:
    'The process died of a segmentation fault (exit code 139): native code in the app or one of its native libraries crashed.',
  fix: 'Run the same image locally to reproduce, check native dependencies were built for this base image and CPU architecture, and capture a stack trace or core dump.',
  confidence: 0.7,
  examples: {
    match: [[['exitCode', '139']], [['log', 'Segmentation fault (core dumped)']]],
    noMatch: [[['exitCode', '1']]],
  },
};
export default rule;
