import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'command-not-found',
  category: 'config-env',
  match: [
    {
      in: ['containerReason', 'stoppedReason', 'serviceEvent', 'log', 'localField'],
      // `exec /path: no such file or directory` is the image's own program failing to load: entrypoint-not-runnable.
      // runc's `stat` of an absolute path the task or compose file names (a binary renamed in a newer image, a path
      // edited in the compose file) and crun's (Podman, CRI-O) words for both; docker-init and a shell are not the
      // user's command (platform-fault, the image's).
      re: /exec: \\?"(?<cmd>[^"\\]+)\\?": executable file not found|exec: \\?"(?<cmd2>\/(?!(?:usr\/)?s?bin\/(?:docker-)?init\\?"|dev\/init\\?"|(?:usr\/)?bin\/(?:ba|da|z|a)?sh\\?")[^"\\]+)\\?": stat [^\n]*?: no such file or directory|\bcrun: executable file `(?<cmd3>[^`]+)` not found/,
    },
  ],
  cause:
    "The container's command or entrypoint `{cmd,cmd2,cmd3}` does not exist in the image, so the container could not start.",
  fix: 'Fix `command` / `entryPoint` in the task definition (shell builtins and pipelines need ["sh", "-c", "…"]), or install that program in the image.',
  confidence: 0.85,
  examples: {
    match: [
      [
        [
          'containerReason',
          'OCI runtime create failed: container_linux.go:349: starting container process caused "exec: \\"exit\\": executable file not found in $PATH": unknown.',
        ],
      ],
      [
        [
          'log',
          'unable to start container process: exec: "/usr/bin/app-server": stat /usr/bin/app-server: no such file or directory: unknown',
        ],
      ],
      [['log', 'Error: crun: executable file `gunicorn` not found in $PATH: No such file or directory']],
    ],
    noMatch: [
      [['log', 'exec /usr/bin/java: exec format error']],
      [['log', 'exec: "/sbin/docker-init": stat /sbin/docker-init: no such file or directory: unknown']],
      [['log', 'exec: "/bin/sh": stat /bin/sh: no such file or directory: unknown']],
    ],
  },
};
export default rule;
