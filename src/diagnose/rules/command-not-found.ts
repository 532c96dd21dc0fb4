import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'command-not-found',
  category: 'config-env',
  match: [
    {
      in: ['containerReason', 'stoppedReason', 'serviceEvent', 'log', 'localField'],
      // `exec /path: no such file or directory` is the image's own program failing to load: entrypoint-not-runnable.
      re: /exec: \\?"(?<cmd>[^"\\]+)\\?": executable file not found/,
    },
  ],
  cause:
    "The container's command or entrypoint `{cmd}` does not exist in the image, so the container could not start.",
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
    ],
    noMatch: [[['log', 'exec /usr/bin/java: exec format error']]],
  },
};
export default rule;
