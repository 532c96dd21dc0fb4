import type { Rule } from '../types.js';

/*
 * A shell script in the image has Windows (CRLF) line endings, so the shell reads a stray carriage return on each
 * line: bash's `$'\r': command not found` and `syntax error near unexpected token $'\r'`, `set: line N: illegal
 * option -` (from `set -e\r`), a `^M` interpreter, env's `'bash\r': No such file`. The script is the image's, so the
 * fix is rebuilding it (app-crash), as for an entrypoint that cannot be run.
 */
const rule: Rule = {
  id: 'script-crlf-line-endings',
  category: 'app-crash',
  match: [
    {
      in: ['log', 'containerReason', 'stoppedReason', 'localField', 'healthOutput'],
      re: /(?<what>\$'\\r'|\\r['’]: No such file|\^M: (?:bad interpreter|not found|No such file)|with CRLF line terminators|\bset: [^\n]*?(?:[Ii]llegal option -|invalid option name)\s*$|\r: (?:command )?not found)/,
    },
  ],
  cause:
    "A script in {service}'s image has Windows (CRLF) line endings, so the shell reads a carriage return at the end of each line ({what}).",
  fix: 'Convert the script to LF line endings (`dos2unix`, or `* text=auto eol=lf` / `*.sh eol=lf` in .gitattributes before the files are checked out) and rebuild the image; `RUN sed -i "s/\\r$//" /entrypoint.sh` in the Dockerfile works around it.',
  confidence: 0.85,
  // A carriage return in the evidence says why the script could not be executed, whatever the runtime called it.
  beats: [
    'command-not-found',
    'essential-exited-nonzero',
    'local-exit-nonzero',
    'exec-format-error',
    'entrypoint-not-runnable',
  ],
  examples: {
    match: [
      [['log', '/config/entrypoint.sh: set: line 2: illegal option -']],
      [['log', "/docker-entrypoint.sh: line 3: $'\\r': command not found"]],
      [['log', '/bin/sh^M: bad interpreter: No such file or directory']],
      [['log', "/usr/bin/env: 'bash\\r': No such file or directory"]],
      [
        [
          'log',
          'entrypoint.sh: Bourne-Again shell script, ASCII text executable, with CRLF line terminators',
        ],
      ],
    ],
    noMatch: [[['log', 'sh: 1: set: Illegal option -o pipefail']], [['log', 'usage: run.sh [-v] [-p port]']]],
  },
};
export default rule;
