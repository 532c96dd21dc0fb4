import type { Rule } from '../types.js';

/** The local target could not launch the service at all: spawn failed before any code of the app ran. */
const rule: Rule = {
  id: 'local-command-not-found',
  category: 'config-env',
  match: [
    {
      in: ['localField', 'log'],
      re: /could not start (?<cmd>\S+): spawn \S+ (?<code>ENOENT|EACCES)/,
    },
  ],
  cause:
    "{service}'s command {cmd} could not be launched ({code}): it is not on PATH, not a file under the service's cwd, or not executable.",
  fix: 'Correct local.command (a path with "/" is relative to cwd), install the program, or make the file executable (chmod +x); `convoy verify` checks this before deploying.',
  confidence: 0.9,
  beats: ['local-exit-nonzero'],
  examples: {
    match: [
      [['localField', 'message=could not start node20: spawn node20 ENOENT']],
      [['log', '--- convoy: could not start ./run.sh: spawn ./run.sh EACCES ---']],
    ],
    noMatch: [[['log', 'could not start worker: connection refused']]],
  },
};
export default rule;
