import type { Rule } from '../types.js';

/*
 * A command written as a shell line (`NODE_ENV=dev node app.js`) was run without a shell, so the variable assignment
 * became the program or its first argument: Node's `Cannot find module '/app/NODE_ENV=dev'`, Python's `can't open
 * file '/app/DEBUG=1'`, runc's `exec: "NODE_ENV=production": executable file not found`, Ruby's `No such file or
 * directory -- RAILS_ENV=production`, Java's `Could not find or load main class SPRING_PROFILES_ACTIVE=prod`. The
 * variable belongs in the environment, not in the command.
 */
const rule: Rule = {
  id: 'env-assignment-as-command',
  category: 'config-env',
  match: [
    {
      in: ['log', 'localField', 'stoppedReason', 'containerReason'],
      re: /(?:Cannot find module '[^'\n]*?\/|can't open file '[^'\n]*?\/?|exec: \\?"|No such file or directory -- |Could not find or load main class |executable file `)(?<assign>[A-Z][A-Z0-9_]*=[^'"\\`\s/]*)/,
    },
  ],
  cause:
    "{service}'s command starts with the variable assignment `{assign}`, which was run as a program or script because no shell reads the command.",
  fix: 'Move `{assign}` into the service\'s environment in the spec / task definition and keep only the program and its arguments in the command (or run the line through ["sh", "-c", "…"]).',
  confidence: 0.88,
  beats: [
    'node-module-not-found',
    'python-module-not-found',
    'uncaught-exception',
    'command-not-found',
    'entrypoint-not-runnable',
  ],
  examples: {
    match: [
      [['log', "Error: Cannot find module '/usr/src/app/NODE_ENV=dev'"]],
      [['log', "python: can't open file '/app/DEBUG=1': [Errno 2] No such file or directory"]],
      [
        [
          'containerReason',
          'CannotStartContainerError: Error response from daemon: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "NODE_ENV=production": executable file not found in $PATH: unknown',
        ],
      ],
      [['log', 'Error: Could not find or load main class SPRING_PROFILES_ACTIVE=prod']],
    ],
    noMatch: [
      [['log', "Error: Cannot find module '/usr/src/app/server.js'"]],
      [['log', 'NODE_ENV=production node server.js']],
    ],
  },
};
export default rule;
