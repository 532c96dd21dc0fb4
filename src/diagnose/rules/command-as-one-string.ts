import type { Rule } from '../types.js';

/*
 * The command was given as one string where a list of arguments was expected (`"command": ["backup -addr=…"]`,
 * CMD ["npm start"], a Kubernetes `command: ["python app.py"]`), so the runtime looks for one program whose name is the
 * whole line, spaces included. runc says `exec: "npm start": executable file not found in $PATH` or, for a name with a
 * slash, `stat backup -addr=…: no such file or directory`; crun says `executable file `npm start` not found`. The
 * space inside the program's name is what tells it from a program that is simply missing. A list that is not JSON
 * (CMD ['npm', 'start'] with single quotes) is run by a shell as text, which then looks for a program named `['npm',`
 * (`/bin/sh: 1: ['npm',: not found`). A program name holding a shell operator (`apt-get update && apt-get install …`) is
 * a shell line given as one argument, whether or not the runtime's verdict survived the stopped reason's cut.
 */
const rule: Rule = {
  id: 'command-as-one-string',
  category: 'config-env',
  match: [
    {
      in: ['containerReason', 'stoppedReason', 'serviceEvent', 'log', 'localField'],
      re: /exec: \\*"(?<cmd>[^"\\\s]+ [^"\\]+)\\*": (?:executable file not found|stat [^\n]*?: no such file or directory)|executable file [`'"](?<cmd2>[^`'"\s]+ [^`'"]+)[`'"] not found|\b(?:ba)?sh: (?:line )?\d*:? ?(?<cmd3>\[['"]?[\w./-]+['"]?,): (?:command )?not found|(?:starting container process caused|unable to start container process|oci runtime error|OCI runtime (?:create|exec) failed|\bcrun: )[^\n]*?(?:exec: \\*"|executable file [`'"])(?<cmd4>[^"\\\s`']+ [^"`'\n]*?(?:&&|\|\||[;|]))/,
    },
  ],
  cause:
    "{service}'s command reached the runtime as one string (or as a list that is not JSON), so it looked for a single program named `{cmd,cmd2,cmd3,cmd4}`.",
  fix: 'Split the command into a list, one argument per element (["backup", "-addr=…"], CMD ["npm", "start"]), or run it through a shell: ["sh", "-c", "…"].',
  confidence: 0.88,
  // The daemon wraps the runtime's error in `API error (404)`, which is not a missing image.
  beats: ['command-not-found', 'pull-manifest-not-found'],
  examples: {
    match: [
      [
        [
          'containerReason',
          'API error (404): oci runtime error: container_linux.go:247: starting container process caused "exec: \\"backup -addr=10.0.1.50:8500\\": stat backup -addr=10.0.1.50:8500: no such file or directory"',
        ],
      ],
      [
        [
          'log',
          'docker: Error response from daemon: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "npm start": executable file not found in $PATH: unknown.',
        ],
      ],
      [
        [
          'log',
          'Error: crun: executable file `python app.py` not found in $PATH: No such file or directory: OCI runtime attempted to invoke a command that was not found',
        ],
      ],
      [['log', "/bin/sh: 1: ['npm',: not found"]],
      [['log', '/bin/bash: line 1: [python,: command not found']],
    ],
    noMatch: [
      [['log', 'exec: "npm": executable file not found in $PATH']],
      [['log', '/bin/sh: 1: npm: not found']],
      [['stoppedReason', 'CannotPullContainerError: API error (404): repository app not found']],
    ],
  },
};
export default rule;
