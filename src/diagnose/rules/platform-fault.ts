import type { Rule } from '../types.js';

/*
 * The ECS agent, Docker daemon or network plumbing on the host failed, not the service: Docker calls timing out under
 * an unresponsive daemon, an ENI that never attached or was never provisioned, a CNI plugin that could not set up the
 * task's network namespace (an engine that is not running at all is docker-engine-unreachable's), a Docker daemon that does not start, runc failing to set
 * up its own init process (`write init-p: broken pipe`, `can't get final child's PID from pipe`: a runc or kernel
 * mismatch after an upgrade), the init process the runtime injects itself missing (`--init` or ECS's initProcessEnabled:
 * `exec: "docker-init": executable file not found`, or `/sbin/init` hidden by a mount), a volume the runtime could not create an AWS-side transform returning garbage, a CI runner or
 * build agent lost under the job (GitHub's `lost communication with the server`, `The runner has received a shutdown
 * signal`, GitLab's `runner system failure`, Azure Pipelines' `We stopped hearing from agent`), the engine's storage driver unable to mount the
 * container's layers (Docker's and Podman's `creating overlay mount to …`, containerd's `failed to mount rootfs component`,
 * dockerd's `failed to mount overlay` / `error initializing graphdriver`: the host's kernel or backing filesystem). Nothing in the task definition causes these; they are named so a reader does not hunt
 * for a fault in the app, and so a generic rule does not claim them.
 */
const rule: Rule = {
  id: 'platform-fault',
  category: 'other',
  match: [
    {
      in: ['stoppedReason', 'containerReason', 'serviceEvent', 'log'],
      // A shim failure whose runc reason is the user's own program (not found, not executable) is that program's finding.
      // The init the runtime injects itself (`--init`, ECS's initProcessEnabled) is not the user's program.
      not: /exec:? (?!\\?"?(?:\/sbin\/|\/dev\/|\/usr\/bin\/)?(?:docker-)?init\\?")\\?"?[^\n]*?(?:executable file not found|permission denied|exec format error)/,
      re: /(?<what>DockerTimeoutError|creating overlay mount to [^\n]{0,160}|failed to mount overlay: [^\n]{0,60}|failed to mount rootfs component[^\n]{0,60}|error initializing graphdriver[^\n]{0,80}|lost communication with the server|There has been a runner system failure|We stopped hearing from agent|The runner has received a shutdown signal|CannotInspectContainerError|CannotStopContainerError|ENI [Aa]ttachment timeout|Timeout waiting for network interface provisioning|failed to setup network namespace|invoke eni plugin failed|status not recognized by ECS|runtime service failed|failed to create shim task|shim error: containerd-shim|error during hcsshim::System::\w+|Error starting daemon:|(?:write|read) init-p: (?:broken pipe|connection reset by peer)|can't get final child's PID from pipe|unable to create new parent process|failed to start daemon:|could not start (?:the )?(?:ECS )?[Aa]gent|CannotCreateVolumeError[^\n]*?containerd|Received malformed response from transform|"Reason":"AGENT"|Error loading previously saved state|exec: \\?"(?:\/sbin\/|\/dev\/|\/usr\/bin\/)?(?:docker-)?init\\?": (?:stat [^\n]*?: no such file or directory|executable file not found)|(?:investigating|experiencing) (?:increased|elevated) (?:API )?(?:error rates|latencies|failures))/,
    },
  ],
  cause:
    'The platform failed, not {service}: {what} comes from the ECS agent, the container runtime, the task networking on the instance or an AWS service itself.',
  fix: 'Retry the deployment; if it recurs, drain and replace the container instance (or update the ECS agent / AMI), and check the instance for disk, I/O or memory pressure that stalls the Docker daemon; for an error of the AWS service itself, check the AWS Health Dashboard and retry later.',
  confidence: 0.5,
  examples: {
    match: [
      [
        [
          'log',
          'Error response from daemon: error creating overlay mount to /var/lib/docker/overlay2/abc/merged: invalid argument',
        ],
      ],
      [['log', 'The hosted runner: GitHub Actions 12 lost communication with the server.']],
      [['log', 'There has been a runner system failure, please try again']],
      [['log', 'We stopped hearing from agent Hosted Agent. Verify the agent machine is running.']],
      [
        [
          'log',
          '[ERROR] could not start Agent: API error (500): {"message":"linux spec capabilities: unknown"}',
        ],
      ],
      [
        [
          'stoppedReason',
          'CannotCreateVolumeError: unable to copy contents to volume on host: containerd: failed to get image reference: context deadline exceeded',
        ],
      ],
      [['log', 'Reason: Received malformed response from transform AWS::Serverless-2016-10-31']],
      [
        [
          'stoppedReason',
          'DockerTimeoutError: Could not transition to created; timed out after waiting 4m0s',
        ],
      ],
      [['stoppedReason', 'Timeout waiting for network interface provisioning to complete.']],
      [
        [
          'log',
          'RunPodSandbox from runtime service failed: rpc error: code = DeadlineExceeded desc = context deadline exceeded',
        ],
      ],
      [
        [
          'log',
          'level=fatal msg="Error starting daemon: error initializing graphdriver: driver not supported"',
        ],
      ],
      [
        [
          'log',
          'OCI runtime create failed: container_linux.go:344: starting container process caused "process_linux.go:293: copying bootstrap data to pipe caused \\"write init-p: broken pipe\\"": unknown',
        ],
      ],
      [
        [
          'log',
          'OCI runtime create failed: container_linux.go:296: starting container process caused "exec: \\"docker-init\\": executable file not found in $PATH": unknown.',
        ],
      ],
    ],
    noMatch: [
      [['stoppedReason', 'Essential container in task exited']],
      [
        [
          'log',
          'Error response from daemon: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "--port": executable file not found in $PATH: unknown',
        ],
      ],
    ],
  },
};
export default rule;
