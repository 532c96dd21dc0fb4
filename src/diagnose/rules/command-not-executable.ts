import type { Rule } from '../types.js';

/*
 * The runtime found the entrypoint but may not execute it: Docker's `exec: "/entrypoint.sh": permission denied`,
 * runc's `exec /bin/entrypoint.sh: permission denied`, the older `exec user process caused "permission denied"`.
 */
const rule: Rule = {
  id: 'command-not-executable',
  category: 'config-env',
  match: [
    {
      in: ['containerReason', 'stoppedReason', 'serviceEvent', 'log', 'localField'],
      re: /\bexec(?::| user process caused:?)?\s+\\*"?(?<cmd>[^"\\\s]*?)\\*"?:?\s*\\*"?permission denied/,
    },
  ],
  cause:
    "The container's command or entrypoint {cmd|} cannot be executed (permission denied): the file is not marked executable in the image, or it is not a program.",
  fix: 'Make the entrypoint executable when building the image (`RUN chmod +x …` or `COPY --chmod=755`, and keep the execute bit in git), or run it through its interpreter (["sh", "/entrypoint.sh"]).',
  confidence: 0.85,
  beats: ['essential-exited-nonzero', 'local-exit-nonzero'],
  examples: {
    match: [
      [['containerReason', 'DockerStateError: [8] System error: exec: "./stocks.rb": permission denied']],
      [
        [
          'log',
          'runc create failed: unable to start container process: exec /bin/entrypoint.sh: permission denied: unknown.',
        ],
      ],
      [['log', 'standard_init_linux.go:190: exec user process caused "permission denied"']],
      [['log', 'starting container process caused "exec: \\"/entrypoint.sh\\": permission denied": unknown']],
    ],
    noMatch: [[['log', 'open /var/run/docker.sock: permission denied']]],
  },
};
export default rule;
