import type { Rule } from '../types.js';

/*
 * The container's command passes an option the program does not accept, so it prints its usage and exits: Go's flag
 * package (`flag provided but not defined: -listen`), cobra (`unknown flag: --addr`), argparse (`error: unrecognized
 * arguments: --port 80`), commander.js (`error: unknown option '--host'`), click (`Error: No such option: --bind`),
 * clap (`unexpected argument '--port' found`), the JVM (`Unrecognized option: --server.port=80`), getopt (`invalid
 * option -- 'p'`). Whether the flag was misspelt or the image's newer release dropped it, the fix is in the command.
 * An option and its value given as one list element (`command: ["-addr 0.0.0.0:8080"]`) reads the same way, as one
 * option nobody defined (`flag provided but not defined: -addr 0.0.0.0:8080`). The AWS CLI and the Docker CLI saying so are the deploying tool's own version (client-too-old), not the service's.
 */
const rule: Rule = {
  id: 'command-argument-unknown',
  category: 'config-env',
  match: [
    {
      in: ['log', 'stoppedReason', 'containerReason', 'localField'],
      re: /(?<what>flag provided but not defined: -{1,2}[\w.-]+|unknown (?:shorthand )?flag:? '?-{1,2}[\w.-]+'?|error: unrecognized arguments?: [^\n]{1,80}|error: unknown option '-{1,2}[\w.-]+'|Error: No such option: -{1,2}[\w.-]+|unexpected argument '-{1,2}[\w.-]+' found|Unrecognized option: -{1,2}[\w.=-]+|invalid option -- '?\w'?)/,
      not: /^(?:aws|docker|docker-compose|podman|kubectl|eksctl|copilot|terraform|sam|cdk):|\baws: error\b/,
    },
  ],
  cause:
    "{service}'s command passes an option its program does not accept ({what}), so it printed its usage and stopped.",
  fix: 'Correct the option in the task definition’s `command` (or the image’s CMD), checking it against the help of the exact image version deployed: a newer release may have renamed or dropped it. An option and its value in one list element must be split into two elements, or joined with `=`.',
  confidence: 0.6,
  beats: ['essential-exited-nonzero', 'uncaught-exception'],
  examples: {
    match: [
      [['log', 'flag provided but not defined: -listen-addr']],
      [['log', 'flag provided but not defined: -addr 0.0.0.0:8080']],
      [['log', 'Error: unknown flag: --http-port']],
      [['log', 'app.py: error: unrecognized arguments: --port 8080']],
      [['log', "error: unknown option '--hostname'"]],
      [['log', 'Unrecognized option: --server.port=8080']],
    ],
    noMatch: [[['log', 'docker: unknown flag: --platform']], [['log', 'Usage of /app/server:']]],
  },
};
export default rule;
