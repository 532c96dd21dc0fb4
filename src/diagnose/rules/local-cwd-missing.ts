import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'local-cwd-missing',
  category: 'config-env',
  match: [
    {
      in: ['localField', 'log'],
      re: /could not start \S+: working folder (?<dir>.+?) does not exist/,
    },
  ],
  cause: '{service} could not be launched: its working folder {dir} does not exist.',
  fix: "Create the folder or correct local.cwd (relative to the stack file's folder); `convoy verify` checks this before deploying.",
  confidence: 0.9,
  beats: ['local-exit-nonzero'],
  examples: {
    match: [[['localField', 'message=could not start node: working folder /srv/app/api does not exist']]],
    noMatch: [[['log', 'working folder cleaned up']]],
  },
};
export default rule;
