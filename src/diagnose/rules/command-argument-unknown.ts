import type { Rule } from '../types.js';

/*
 * The container's command passes an option the program does not accept, so it prints its usage and exits: Go's flag
 * package (`flag provided but not defined: -listen`), cobra (`unknown flag: --addr`), argparse (`error: unrecognized
 * arguments: --port 80`), commander.js (`error: unknown option '--host'`), click (`Error: No such option: --bind`),
 * clap (`unexpected argument '--port' found`), the JVM (`Unrecognized option: --server.port=80`), getopt (`invalid
 * option -- 'p'`). Whether the flag was misspelt or the image's newer release dropped it, the fix is in the command.
 * An option and its value given as one list element (`command: ["-addr 0.0.0.0:8080"]`) reads the same way, as one
 * option nobody defined (`flag provided but not defined: -addr 0.0.0.0:8080`).
 * More parsers' words (session 11, part g): picocli's `Unknown option: '--x'`, yargs' `Unknown argument: x`, .NET
 * System.CommandLine's `Unrecognized command or argument '--x'`, Ruby OptionParser's `invalid option: --x`, clap 2's
 * `Found argument '--x' which wasn't expected`, CPython's `Unknown option: -Q`; and the runtime's own options, which
 * a release drops or renames (the JVM's `Unrecognized VM option 'UseConcMarkSweepGC'`, Node's `bad option` and `… is
 * not allowed in NODE_OPTIONS`), set in the command or in JAVA_TOOL_OPTIONS / NODE_OPTIONS. The AWS CLI and the Docker CLI saying so are the deploying tool's own version (client-too-old), not the service's.
 */
const rule: Rule = {
  id: 'command-argument-unknown',
  category: 'config-env',
  match: [
    {
      in: ['log', 'stoppedReason', 'containerReason', 'localField'],
      re: /(?<what>flag provided but not defined: -{1,2}[\w.-]+|unknown (?:shorthand )?flag:? '?-{1,2}[\w.-]+'?|error: unrecognized arguments?: [^\n]{1,80}|error: unknown option '-{1,2}[\w.-]+'|Error: No such option: -{1,2}[\w.-]+|unexpected argument '-{1,2}[\w.-]+' found|Unrecognized option: -{1,2}[\w.=-]+|invalid option -- '?\w'?|Unknown option: '?-{1,2}[\w.-]+'?|Unknown arguments?: [\w.-]+|Unrecognized command or argument '[^'\n]+'|invalid option: -{1,2}[\w.-]+|Found argument '-{1,2}[\w.-]+' which wasn't expected|Unrecognized VM option '[^'\n]+'|node: bad option: -{1,2}[\w.=-]+|-{1,2}[\w.=-]+ is not allowed in NODE_OPTIONS)/,
      not: /^(?:aws|docker|docker-compose|podman|kubectl|eksctl|copilot|terraform|sam|cdk):|\baws: error\b/,
    },
  ],
  cause:
    "{service}'s command passes an option its program does not accept ({what}), so it printed its usage and stopped.",
  fix: 'Correct the option in the task definition’s `command` (or the image’s CMD, or the runtime options in JAVA_TOOL_OPTIONS / NODE_OPTIONS), checking it against the help of the exact image version deployed: a newer release may have renamed or dropped it. An option and its value in one list element must be split into two elements, or joined with `=`.',
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
      [['log', "Unknown option: '--listen-port'"]],
      [['log', 'Unknown argument: prot']],
      [['log', "Unrecognized command or argument '--urls-http'."]],
      [['log', "optparse.rb:1636:in `complete': invalid option: --binding (OptionParser::InvalidOption)"]],
      [['log', "error: Found argument '--listen' which wasn't expected, or isn't valid in this context"]],
      [['log', "Unrecognized VM option 'UseConcMarkSweepGC'"]],
      [['log', 'node: --max_semi_space_size=64 is not allowed in NODE_OPTIONS']],
    ],
    noMatch: [
      [['log', 'docker: unknown flag: --platform']],
      [['log', 'Usage of /app/server:']],
      [['log', 'NODE_OPTIONS=--max-old-space-size=512']],
    ],
  },
};
export default rule;
