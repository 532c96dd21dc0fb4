import type { Rule } from '../types.js';

/*
 * health-command-unrunnable read outside the health output: a probe's command that could not be started, reported
 * where the platform logs it. Only an exec into a running container prints these prefixes, never the container's main
 * process (that is `OCI runtime create failed`), so the command that failed is the check's: Docker's `OCI runtime exec
 * failed: exec failed: …`, containerd's `failed to exec in container: failed to start exec`, and the kubelet's
 * `Liveness probe failed:` / `Readiness probe errored:` in pod events. A shell-form check in an image with no shell
 * (`exec: "/bin/sh": stat /bin/sh: no such file or directory`), a script without the execute bit and a tool the image
 * lacks all read the same; health-binary-missing keeps the named tools it knows.
 */
const rule: Rule = {
  id: 'probe-exec-unrunnable',
  category: 'health-check-command',
  match: [
    {
      in: ['log', 'serviceEvent', 'containerReason', 'stoppedReason', 'localField'],
      re: /(?:OCI runtime exec failed|failed to exec in container|(?:Liveness|Readiness|Startup) probe (?:failed|errored))[^\n]*?exec: \\?"(?<cmd>[^"\\]+)\\?": (?:executable file not found|stat [^\n]*?no such file or directory|permission denied)/,
    },
  ],
  cause:
    "{service}'s health check command could not be started in the container ({cmd}): the probe fails every time whether or not the app is up.",
  fix: 'Give the probe a program the image has, at its real path and executable: an exec-form command (`["/app/healthcheck"]`) in an image without a shell, `chmod +x` on a script, or an HTTP/TCP probe instead of an exec one.',
  confidence: 0.8,
  beats: [
    'command-not-executable',
    'command-not-found',
    'command-as-one-string',
    'local-unhealthy',
    'container-health-failed',
    'health-tool-unverified',
    'health-exit-127',
  ],
  examples: {
    match: [
      [
        [
          'serviceEvent',
          'Liveness probe failed: OCI runtime exec failed: exec failed: unable to start container process: exec: "/bin/sh": stat /bin/sh: no such file or directory: unknown',
        ],
      ],
      [
        [
          'log',
          'Warning  Unhealthy  kubelet  Readiness probe errored: rpc error: code = Unknown desc = failed to exec in container: failed to start exec "4f1c": OCI runtime exec failed: exec failed: unable to start container process: exec: "/app/ready.sh": permission denied: unknown',
        ],
      ],
    ],
    noMatch: [
      [
        [
          'stoppedReason',
          'CannotStartContainerError: Error response from daemon: OCI runtime create failed: runc create failed: unable to start container process: exec: "/bin/sh": stat /bin/sh: no such file or directory: unknown',
        ],
      ],
    ],
  },
};
export default rule;
