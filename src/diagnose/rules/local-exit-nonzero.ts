import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'local-exit-nonzero',
  category: 'app-crash',
  match: [
    { in: ['origin'], re: /^local$/ },
    { in: ['exitCode'], re: /^(?<code>[1-9]\d*)$/ },
  ],
  cause: '{service} exited with code {code} before it became ready.',
  fix: 'Read the last log lines in the evidence for the error it printed, and run its command by hand with the same environment to reproduce.',
  confidence: 0.35,
  examples: {
    match: [
      [
        ['origin', 'local'],
        ['exitCode', '1'],
      ],
    ],
    noMatch: [
      [
        ['origin', 'aws'],
        ['exitCode', '1'],
      ],
    ],
  },
};
export default rule;
