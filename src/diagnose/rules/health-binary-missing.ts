import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'health-binary-missing',
  category: 'health-check-command',
  match: [
    {
      in: ['healthOutput', 'log', 'containerReason', 'stoppedReason', 'localField'],
      re: /(?:(?:\/bin\/)?(?:ba)?sh: (?:line \d+: |\d+: )?|exec: \\?")(?<bin>curl|wget|nc|netcat)(?:\\?": executable file not found|: not found|: command not found)/,
    },
  ],
  cause:
    'The health check runs `{bin}`, which is not installed in the image, so the check fails even when the app itself is fine.',
  fix: 'Install {bin} in the image, or rewrite the health check with a tool the image has (BusyBox `wget -qO-` on Alpine, or the app runtime itself, e.g. `node -e` / `python -c` fetching the health URL).',
  confidence: 0.9,
  beats: ['command-not-found', 'health-exit-127', 'container-health-failed', 'local-unhealthy'],
  examples: {
    match: [
      [['healthOutput', '/bin/sh: 1: wget: not found']],
      [['healthOutput', '/bin/sh: wget: not found']],
      [
        [
          'healthOutput',
          'OCI runtime exec failed: exec failed: container_linux.go:370: starting container process caused: exec: "curl": executable file not found in $PATH: unknown',
        ],
      ],
    ],
    noMatch: [
      [
        [
          'containerReason',
          'starting container process caused "exec: \\"exit\\": executable file not found in $PATH": unknown.',
        ],
      ],
    ],
  },
};
export default rule;
