import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'health-binary-missing',
  category: 'health-check-command',
  match: [
    {
      in: ['healthOutput', 'log', 'containerReason', 'stoppedReason', 'localField'],
      re: /(?:(?:\/bin\/)?(?:ba|a|z)?sh: (?:line \d+: |\d+: )?|exec: \\?")(?<bin>curl|wget|nc|ncat|netcat|pgrep|pidof|grpc_health_probe|pg_isready|redis-cli|mysqladmin)(?:\\?": executable file not found|: not found|: command not found)|zsh: command not found: (?<bin2>curl|wget|nc|pgrep)\b|["'‘](?<bin3>curl|wget)["'’] is not recognized as (?:an internal or external command|the name of a cmdlet)|env: [‘'](?<bin4>curl|wget)['’]: No such file/,
    },
  ],
  cause:
    'The health check runs `{bin,bin2,bin3,bin4}`, which is not installed in the image, so the check fails even when the app itself is fine.',
  fix: 'Install {bin,bin2,bin3,bin4} in the image, or rewrite the health check with a tool the image has (BusyBox `wget -qO-` on Alpine, or the app runtime itself, e.g. `node -e` / `python -c` fetching the health URL).',
  confidence: 0.9,
  beats: ['command-not-found', 'health-exit-127', 'container-health-failed', 'local-unhealthy'],
  examples: {
    match: [
      [['healthOutput', '/bin/sh: 1: wget: not found']],
      [['healthOutput', '/bin/sh: wget: not found']],
      [
        [
          'healthOutput',
          'OCI runtime exec failed: exec failed: unable to start container process: exec: "pgrep": executable file not found in $PATH',
        ],
      ],
      [['healthOutput', 'zsh: command not found: curl']],
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
