import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'essential-exited-nonzero',
  category: 'app-crash',
  match: [
    { in: ['stoppedReason'], re: /Essential container in task exited/ },
    // 137 and 139 are signals (OOM kill, segfault) that other rules explain better.
    { in: ['exitCode'], re: /^(?<code>[1-9]\d*)$/, not: /^13[79]$/ },
  ],
  cause:
    'The essential container exited by itself with code {code}, so ECS stopped the task: the app failed rather than being killed.',
  fix: "Read the container's last log lines (CloudWatch Logs for the task) for the error it printed at exit, and reproduce with the same image, command and environment.",
  confidence: 0.4,
  examples: {
    match: [
      [
        ['stoppedReason', 'Essential container in task exited'],
        ['exitCode', '1'],
      ],
    ],
    noMatch: [
      [
        ['stoppedReason', 'Essential container in task exited'],
        ['exitCode', '137'],
      ],
    ],
  },
};
export default rule;
