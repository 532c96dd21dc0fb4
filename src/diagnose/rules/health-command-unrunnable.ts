import type { Rule } from '../types.js';

/*
 * The health check's own program could not be run inside the container, whatever the program: a tool the image
 * lacks (`pgrep`, `dig`, a script path that moved), a script without the execute bit, a directory, a CMD-SHELL check in
 * an image with no shell (`exec: "/bin/sh": stat /bin/sh: no such file or directory`), or a whole command given as
 * one exec-form element. Read in the health output only, where whatever failed to start is the check.
 */
const rule: Rule = {
  id: 'health-command-unrunnable',
  category: 'health-check-command',
  match: [
    {
      in: ['healthOutput'],
      re: /exec: \\?"(?<cmd>[^"\\]+)\\?": (?:executable file not found|stat [^\n]*?no such file or directory|permission denied)|^-?(?:\/(?:usr\/)?bin\/)?(?:ba|da|a)?sh: (?:line )?(?:\d+: )?(?:(?<cmd2>[^\s:]+): )?(?:Permission denied|No such file or directory|(?:command )?not found|is a directory)|^(?<cmd3>\/\S+): (?:\S+: )?(?:Permission denied|is a directory|No such file or directory)/,
    },
  ],
  cause:
    "{service}'s health check command could not be run in the container ({cmd,cmd2,cmd3|its program}): the check fails on every probe whether or not the app is up.",
  fix: 'Give the health check a program the image has, at its real path and executable (`docker run --rm --entrypoint sh IMAGE -c "ls -l PATH"`): install the tool, chmod +x the script, use CMD exec form with one argument per element in an image without a shell.',
  confidence: 0.8,
  beats: [
    'local-unhealthy',
    'container-health-failed',
    'health-tool-unverified',
    'health-exit-127',
    'command-as-one-string',
  ],
  examples: {
    match: [
      [
        [
          'healthOutput',
          'OCI runtime exec failed: exec failed: unable to start container process: exec: "pgrep": executable file not found in $PATH',
        ],
      ],
      [['healthOutput', '/bin/sh: /app/docker/health_check.sh: Permission denied']],
      [['healthOutput', 'bash: /healthcheck.sh: No such file or directory']],
      [
        [
          'healthOutput',
          '/usr/local/bin/docker-healthcheck: /usr/local/bin/docker-healthcheck: is a directory',
        ],
      ],
    ],
    noMatch: [
      [['log', '/bin/sh: 1: /opt/app/start.sh: not found']],
      [['healthOutput', 'curl: (7) Failed to connect to localhost port 8080: Connection refused']],
    ],
  },
};
export default rule;
