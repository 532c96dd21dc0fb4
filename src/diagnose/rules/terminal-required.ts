import type { Rule } from '../types.js';

/*
 * A command that needs an interactive terminal was run where there is none (CI, a pipeline step, a cron job, a script
 * with stdin redirected): Docker's `the input device is not a TTY` for `-it`, `cannot attach stdin to a TTY-enabled
 * container because stdin is not a terminal`, the SSM session plugin's `Cannot perform start session: EOF` (also
 * under `aws ecs execute-command`), sudo's `a terminal is required`, gpg's `cannot open '/dev/tty'`, Inquirer's prompts
 * in a non-TTY environment. The service is not at fault; the runner has to provide a terminal or the command must not
 * ask for one. ssh's `Pseudo-terminal will not be allocated` and stty's `Inappropriate ioctl` are left out: they are
 * warnings that routine logs carry.
 */
const rule: Rule = {
  id: 'terminal-required',
  category: 'other',
  match: [
    {
      in: ['log', 'localField', 'healthOutput'],
      re: /(?<what>the input device is not a TTY|cannot attach stdin to a TTY-enabled container because stdin is not a terminal|Cannot perform start session: EOF|sudo: a terminal is required to read the password|gpg: cannot open '\/dev\/tty': No such device or address|Prompts can not be meaningfully rendered in non-TTY environments)/i,
    },
  ],
  cause: 'A command for {service} needed an interactive terminal and was run without one ({what}).',
  fix: 'Run it without asking for a terminal (drop `-t` / `-it`, pass `--non-interactive` or input on stdin), or give the runner a pseudo-terminal (`script -q -c …`, `unbuffer`, `ssh -t`).',
  confidence: 0.5,
  examples: {
    match: [
      [['log', 'the input device is not a TTY']],
      [['log', 'cannot attach stdin to a TTY-enabled container because stdin is not a terminal']],
      [['log', 'Cannot perform start session: EOF']],
      [['log', "gpg: cannot open '/dev/tty': No such device or address"]],
      [['log', 'Error: Prompts can not be meaningfully rendered in non-TTY environments']],
      [
        [
          'log',
          'sudo: a terminal is required to read the password; either use the -S option to read from standard input',
        ],
      ],
    ],
    noMatch: [
      [['log', 'An error occurred (TargetNotConnectedException) when calling the ExecuteCommand operation']],
      [['log', 'Starting session with SessionId: ecs-execute-command-0123456789abcdef']],
      [['log', 'Pseudo-terminal will not be allocated because stdin is not a terminal.']],
      [['log', "stty: 'standard input': Inappropriate ioctl for device"]],
    ],
  },
};
export default rule;
