import type { EvidenceKind } from '../../core/evidence.js';
import type { Catalogue, CatalogueEntry } from './types.js';

/** Where an exit status or a signal is printed: the container's exit code field, logs, and the stop reasons. */
const EXIT_IN: readonly EvidenceKind[] = [
  'log',
  'exitCode',
  'containerReason',
  'stoppedReason',
  'localField',
];

/**
 * An exit status as the runtimes print it: the bare exit code field (ECS, `local.exitCode`), Docker's `Exited (137)`
 * and `exited with code 137`, Kubernetes' `Exit Code: 137`, Go's `exit status 137`, Python's `returned non-zero exit
 * status 137`, JSON `"ExitCode": 137`, and `exitCode=137`.
 */
function exitRe(n: number): RegExp {
  return new RegExp(
    [
      `^${n}$`,
      `exited with (?:exit )?code ${n}\\b`,
      `[Ee]xit (?:[Cc]ode|status|[Ss]tatus [Cc]ode):? ?${n}\\b`,
      `Exit Code:?\\s+${n}\\b`,
      `"?[Ee]xit_?[Cc]ode"?\\s*[:=]\\s*${n}\\b`,
      `Exited \\(${n}\\)`,
      `returned non-zero exit status ${n}\\b`,
      `terminated with (?:exit )?(?:code|status) ${n}\\b`,
      `exit(?:ed)? ${n}\\b(?! ?(?:ms|s|seconds|bytes)\\b)`,
    ].join('|'),
  );
}

type Exit = Omit<CatalogueEntry, 're' | 'in'> & { extra?: string };

const exit = ({ extra, ...e }: Exit): CatalogueEntry => {
  const base = exitRe(Number(e.code)).source;
  return { ...e, in: EXIT_IN, re: new RegExp(extra ? `${base}|${extra}` : base) };
};

/** The shell's and container runtimes' exit statuses: 126 and 127 from the shell, 128+n for a process killed by signal n. */
const exitStatus: Catalogue = {
  id: 'exit-status',
  tool: 'the POSIX shell',
  reference: 'https://www.gnu.org/software/bash/manual/html_node/Exit-Status.html',
  entries: [
    exit({
      code: '126',
      category: 'config-env',
      meaning:
        'the command was found but could not be run (not executable, a directory, or permission denied)',
      fix: 'Point the command or entrypoint at an executable file: chmod +x it in the image, do not run a directory or a file on a noexec mount, and check the task user may run it.',
      example: 'api-1 exited with code 126',
    }),
    exit({
      code: '127',
      category: 'config-env',
      meaning: 'the command was not found in PATH',
      fix: 'Fix the command or entrypoint in the task definition to name a program that exists in the image (full path, or install it in the image); a wrapper script may call a tool the image lacks.',
      example: 'worker-1 exited with code 127',
    }),
    exit({
      code: '137',
      extra: String.raw`(?:killed by|terminated by|exited on) signal 9\b`,
      category: 'resources-oom',
      meaning:
        'the process was killed with SIGKILL (128+9), most often by the out-of-memory killer at the memory limit',
      fix: 'Raise the container or task memory limit or lower what the process uses; if the orchestrator killed it after a stop timeout, let it handle SIGTERM and exit in time (stopTimeout).',
      example: 'Exit Code:    137',
    }),
    exit({
      code: '139',
      extra: String.raw`(?:killed by|terminated by|exited on) signal 11\b`,
      category: 'app-crash',
      meaning:
        'the process was killed by SIGSEGV (128+11), an invalid memory access in its code or a native library',
      fix: "Find the crash in the app or its native modules (a core dump or the runtime's crash report); rebuild native dependencies for the image's libc and base image, or pin the version that does not crash.",
      example: 'api-1 exited with code 139',
    }),
    exit({
      code: '134',
      extra: String.raw`(?:killed by|terminated by|exited on) signal 6\b`,
      category: 'app-crash',
      meaning:
        'the process aborted itself with SIGABRT (128+6), after a failed assertion, an uncaught C++ exception or heap corruption',
      fix: 'Read the line printed just before the abort (assertion, terminate called after throwing, double free) and fix that in the app or the native library; memory exhaustion in a native allocator shows up the same way.',
      example: "Command '['python', 'manage.py', 'run']' returned non-zero exit status 134.",
    }),
    exit({
      code: '143',
      extra: String.raw`(?:killed by|terminated by|exited on) signal 15\b`,
      category: 'other',
      meaning: 'the process was stopped from outside with SIGTERM (128+15)',
      fix: 'Look for who stopped it: a failing health check or load balancer check, a deployment replacing the task, scale-in, or a Spot interruption; the exit itself is the normal answer to SIGTERM.',
      example: 'Exited (143) 12 seconds ago',
    }),
    exit({
      code: '132',
      extra: String.raw`(?:killed by|terminated by|exited on) signal 4\b`,
      category: 'arch-mismatch',
      meaning: 'the process was killed by SIGILL (128+4), an instruction the CPU does not have',
      fix: 'Run on a CPU with the instruction set the binary was built for (AVX, x86-64-v2/v3, arm64 features), or build it for the host CPU generation and platform.',
      example: 'exit status 132',
    }),
    exit({
      code: '135',
      extra: String.raw`(?:killed by|terminated by|exited on) signal 7\b`,
      category: 'resources-oom',
      meaning:
        'the process was killed by SIGBUS (128+7), often a shared memory segment (/dev/shm) or memory-mapped file that ran out of space',
      fix: 'Enlarge /dev/shm for the container (sharedMemorySize, docker --shm-size) or the volume the mapped file lives on; a truncated mapped file is an app bug.',
      example: 'Exited (135) 3 minutes ago',
    }),
    exit({
      code: '136',
      extra: String.raw`(?:killed by|terminated by|exited on) signal 8\b`,
      category: 'app-crash',
      meaning:
        'the process was killed by SIGFPE (128+8), an arithmetic error such as an integer division by zero',
      fix: 'Fix the arithmetic in the app or native library the crash report names (division by zero, overflow).',
      example: 'worker-1 exited with code 136',
    }),
    exit({
      code: '152',
      extra: String.raw`(?:killed by|terminated by|exited on) signal 24\b`,
      category: 'resources-oom',
      meaning: 'the process was killed by SIGXCPU (128+24) after using up its CPU time limit',
      fix: 'Raise or remove the cpu ulimit (RLIMIT_CPU) of the container, or make the job use less CPU time.',
      example: 'exit status 152',
    }),
    exit({
      code: '153',
      extra: String.raw`(?:killed by|terminated by|exited on) signal 25\b`,
      category: 'resources-oom',
      meaning: 'the process was killed by SIGXFSZ (128+25) after writing past its file size limit',
      fix: 'Raise the fsize ulimit of the container, or rotate and split the files the process writes.',
      example: 'exit status 153',
    }),
  ],
};

type Signal = Omit<CatalogueEntry, 're' | 'in'> & { num: number; go: string; shell: string };

/**
 * A signal as runtimes name it: the SIG name (Go's `SIGSEGV: segmentation violation`, Node's `signal SIGKILL`,
 * Python's `Signals.SIGKILL`), Go's os/exec `signal: segmentation fault`, the shell's `Segmentation fault (core dumped)`
 * (alone on its line, or after `script: line 3:  7`) and `killed by signal 11`.
 */
const signal = ({ num, go, shell, ...e }: Signal): CatalogueEntry => ({
  ...e,
  in: ['log', 'containerReason', 'stoppedReason', 'localField'],
  re: new RegExp(
    [
      `(?<![\\w-])${e.code}(?![\\w-])`,
      `\\bsignal: ${go}\\b`,
      `^(?:[\\w.-]+\\s*\\|\\s*)?(?:[^\\n:]{1,80}: line \\d+:\\s+\\d+\\s+)?${shell}(?:\\s{2,}\\S[^\\n]*)?\\s*$`,
      `\\b${shell} \\(core dumped\\)`,
      `(?:killed by|terminated by|exited on|died (?:of|from|with)|received|caught) signal:? ${num}\\b`,
    ].join('|'),
  ),
});

const signals: Catalogue = {
  id: 'signal',
  tool: 'the Linux signal list',
  reference: 'https://man7.org/linux/man-pages/man7/signal.7.html',
  entries: [
    signal({
      code: 'SIGKILL',
      num: 9,
      go: 'killed',
      shell: 'Killed: 9',
      category: 'resources-oom',
      meaning: 'the process was killed outright, most often by the out-of-memory killer at the memory limit',
      fix: 'Raise the container or task memory limit or lower what the process uses; if it was killed after a stop timeout, let it exit on SIGTERM in time.',
      example: 'Error: Command failed with signal "SIGKILL"',
    }),
    signal({
      code: 'SIGSEGV',
      num: 11,
      go: 'segmentation fault',
      shell: 'Segmentation fault',
      category: 'app-crash',
      meaning: 'the process made an invalid memory access',
      fix: "Find the crash in the app or its native modules (the stack trace after the signal); rebuild native dependencies for the image's libc, or pin the version that does not crash.",
      example: '[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x6b7f2a]',
    }),
    signal({
      code: 'SIGABRT',
      num: 6,
      go: 'aborted',
      shell: 'Aborted',
      category: 'app-crash',
      meaning:
        'the process aborted itself after a failed check, an uncaught C++ exception or heap corruption',
      fix: 'Read the line printed just before the abort and fix that in the app or native library it names.',
      example: 'SIGABRT: abort',
    }),
    signal({
      code: 'SIGBUS',
      num: 7,
      go: 'bus error',
      shell: 'Bus error',
      category: 'resources-oom',
      meaning:
        'a memory access hit a mapped page with no backing, often a full /dev/shm or a truncated mapped file',
      fix: 'Enlarge /dev/shm for the container (sharedMemorySize, docker --shm-size) or the volume the mapped file lives on.',
      example: '[signal SIGBUS: bus error code=0x2 addr=0x7f3a2c000000 pc=0x46b2e1]',
    }),
    signal({
      code: 'SIGILL',
      num: 4,
      go: 'illegal instruction',
      shell: 'Illegal instruction',
      category: 'arch-mismatch',
      meaning: 'the CPU met an instruction it does not have',
      fix: 'Run on a CPU with the instruction set the binary needs (AVX, x86-64-v2/v3, arm64 features) or build it for the host CPU and platform.',
      example: 'SIGILL: illegal instruction',
    }),
    signal({
      code: 'SIGFPE',
      num: 8,
      go: 'floating point exception',
      shell: 'Floating point exception',
      category: 'app-crash',
      meaning: 'an arithmetic error such as an integer division by zero',
      fix: 'Fix the arithmetic in the app or native library the crash names.',
      example: 'Fatal Python error: Floating point exception; received signal SIGFPE',
    }),
    signal({
      code: 'SIGSYS',
      num: 31,
      go: 'bad system call',
      shell: 'Bad system call',
      category: 'other',
      meaning: 'a system call was refused by the seccomp profile or is unknown to the kernel',
      fix: 'Update the container runtime or its seccomp profile (old Docker or runc reject newer calls), or use a base image built for that runtime.',
      example: 'SIGSYS: bad system call',
    }),
    signal({
      code: 'SIGXCPU',
      num: 24,
      go: 'CPU time limit exceeded',
      shell: 'CPU time limit exceeded',
      category: 'resources-oom',
      meaning: 'the process used up its CPU time limit',
      fix: 'Raise or remove the cpu ulimit (RLIMIT_CPU) of the container, or make the job use less CPU time.',
      example: 'CPU time limit exceeded (core dumped)',
    }),
    signal({
      code: 'SIGXFSZ',
      num: 25,
      go: 'file size limit exceeded',
      shell: 'File size limit exceeded',
      category: 'resources-oom',
      meaning: 'the process wrote past its file size limit',
      fix: 'Raise the fsize ulimit of the container, or rotate and split the files the process writes.',
      example: 'File size limit exceeded (core dumped)',
    }),
    {
      code: 'SIGTERM',
      re: /\bsignal: terminated\b|(?:killed by|terminated by|exited on|died (?:of|from|with)) signal:? (?:15\b|SIGTERM\b)|\bwith signal "?SIGTERM\b|Signals\.SIGTERM\b/,
      in: ['log', 'containerReason', 'stoppedReason', 'localField'],
      category: 'other',
      meaning: 'the process was stopped from outside with SIGTERM',
      fix: 'Look for who stopped it: a failing health check or load balancer check, a deployment replacing the task, scale-in, or a Spot interruption.',
      example: 'Error: Command failed with signal "SIGTERM"',
    },
  ],
};

/** A sysexits.h status as printed: the EX_ name (Python's os.EX_*, Java launchers) or its number as an exit status. */
const sysexit = (e: Omit<CatalogueEntry, 're' | 'in'> & { num: number }): CatalogueEntry => {
  const { num, ...rest } = e;
  return { ...rest, in: EXIT_IN, re: new RegExp(`(?<![\\w-])${e.code}(?![\\w-])|${exitRe(num).source}`) };
};

const sysexits: Catalogue = {
  id: 'sysexits',
  tool: 'sysexits.h',
  reference: 'https://man.freebsd.org/cgi/man.cgi?query=sysexits&sektion=3',
  entries: [
    sysexit({
      code: 'EX_USAGE',
      num: 64,
      category: 'config-env',
      meaning: 'the command was used incorrectly (wrong arguments, a bad flag or syntax)',
      fix: 'Fix the command or its arguments in the task definition (the flags the program version accepts, quoting, a command given as one string).',
      example: 'app-1 exited with code 64',
    }),
    sysexit({
      code: 'EX_DATAERR',
      num: 65,
      category: 'config-env',
      meaning: 'the input data given was incorrect',
      fix: 'Fix the input the program was given (a file, setting or value it reads at start).',
      example: 'exit status 65',
    }),
    sysexit({
      code: 'EX_NOINPUT',
      num: 66,
      category: 'config-env',
      meaning: 'an input file did not exist or was not readable',
      fix: 'Point the setting at an input file that exists in the container, or mount it.',
      example: 'Exited (66) 4 seconds ago',
    }),
    sysexit({
      code: 'EX_NOUSER',
      num: 67,
      category: 'config-env',
      meaning: 'the user named does not exist',
      fix: 'Name a user that exists (the task user, or the one the program is told to use), or create it in the image.',
      example: 'exit status 67',
    }),
    sysexit({
      code: 'EX_NOHOST',
      num: 68,
      category: 'dependency-unreachable',
      meaning: 'the host name given does not exist',
      fix: "Use the dependency's exact host name and make sure it resolves from the task.",
      example: 'exit status 68',
    }),
    sysexit({
      code: 'EX_UNAVAILABLE',
      num: 69,
      category: 'dependency-unreachable',
      meaning: 'a service the program needs is unavailable',
      fix: 'Make sure the dependency is up and reachable before the program starts, and let it retry.',
      example: 'sendmail: fatal: exit status 69 (EX_UNAVAILABLE)',
    }),
    sysexit({
      code: 'EX_SOFTWARE',
      num: 70,
      category: 'app-crash',
      meaning: 'the program hit an internal software error',
      fix: 'Fix the error the program logged just before exiting, in its code or build.',
      example: 'worker-1 exited with code 70',
    }),
    sysexit({
      code: 'EX_OSFILE',
      num: 72,
      category: 'app-crash',
      meaning: 'a system file the program needs (such as /etc/passwd) is missing or has an error',
      fix: 'Add the missing system file or package to the image (a user in /etc/passwd, a CA bundle, a timezone file).',
      example: 'exit status 72',
    }),
    sysexit({
      code: 'EX_CANTCREAT',
      num: 73,
      category: 'config-env',
      meaning: 'an output file could not be created',
      fix: "Point the output at a writable path, or give the task's user write access to the directory or volume.",
      example: 'exit status 73',
    }),
    sysexit({
      code: 'EX_TEMPFAIL',
      num: 75,
      category: 'dependency-unreachable',
      meaning: 'a temporary failure; the program asks to be retried later',
      fix: 'Make sure the dependency the program waited on is up, and retry or restart with back-off.',
      example: 'exit status 75',
    }),
    sysexit({
      code: 'EX_NOPERM',
      num: 77,
      category: 'config-env',
      meaning: 'the program lacked permission for the operation',
      fix: "Give the task's user the permission the program needs (file ownership, capabilities), or run it as the right user.",
      example: 'exit status 77',
    }),
    sysexit({
      code: 'EX_CONFIG',
      num: 78,
      category: 'config-env',
      meaning: 'the program found an error in its configuration',
      fix: 'Fix the configuration the program logged as wrong (a setting, a config file, a host limit such as vm.max_map_count for Elasticsearch bootstrap checks).',
      example: 'elasticsearch-1 exited with code 78',
    }),
  ],
};

/**
 * Kubernetes' kubelet and scheduler reasons for a container or pod that does not run (`kubectl get pods` STATUS,
 * `kubectl describe` Reason and event reasons).
 */
const KUBE_IN: readonly EvidenceKind[] = [
  'log',
  'containerReason',
  'stoppedReason',
  'serviceEvent',
  'localField',
];
const kube = (e: Omit<CatalogueEntry, 'in'>): CatalogueEntry => ({ ...e, in: KUBE_IN });

const kubernetes: Catalogue = {
  id: 'kube-reason',
  tool: 'Kubernetes',
  reference: 'https://kubernetes.io/docs/tasks/debug/debug-application/debug-pods/',
  entries: [
    kube({
      code: 'CrashLoopBackOff',
      category: 'app-crash',
      meaning: 'the container keeps exiting and the kubelet waits longer before each restart',
      fix: "Read the previous run's logs (kubectl logs --previous) and its exit code, and fix why the process exits; CrashLoopBackOff itself only says that it does.",
      example: 'api-7d9f8b6c5-x2k4q   0/1     CrashLoopBackOff   5 (32s ago)   4m12s',
    }),
    kube({
      code: 'BackOff',
      re: /Back-off restarting failed container/,
      category: 'app-crash',
      meaning: 'the kubelet is backing off before restarting a container that keeps failing',
      fix: "Read the previous run's logs (kubectl logs --previous) and its exit code, and fix why the process exits.",
      example:
        'Warning  BackOff  12s (x6 over 1m)  kubelet  Back-off restarting failed container api in pod api-7d9f8b6c5-x2k4q',
    }),
    kube({
      code: 'ImagePullBackOff',
      category: 'image-pull',
      meaning: 'pulling the image failed and the kubelet waits before trying again',
      fix: 'Fix the image reference (registry, repository, tag) or the pull credentials (imagePullSecrets, the node role for ECR); the ErrImagePull event before it says which.',
      example: 'api-7d9f8b6c5-x2k4q   0/1     ImagePullBackOff   0          2m',
    }),
    kube({
      code: 'ErrImagePull',
      category: 'image-pull',
      meaning: 'the kubelet could not pull the image',
      fix: 'Fix the image reference (registry, repository, tag) or the pull credentials (imagePullSecrets, the node role for ECR); the message after it says whether the tag is missing or access was denied.',
      example: 'Warning  Failed  10s (x2 over 25s)  kubelet  Error: ErrImagePull',
    }),
    kube({
      code: 'ErrImageNeverPull',
      category: 'image-pull',
      meaning: 'the image is not on the node and the pull policy is Never',
      fix: 'Load the image onto the node or set imagePullPolicy to IfNotPresent or Always.',
      example:
        'Warning  ErrImageNeverPull  3s  kubelet  Container image "api:dev" is not present with pull policy of Never',
    }),
    kube({
      code: 'InvalidImageName',
      category: 'image-pull',
      meaning: 'the image reference cannot be parsed',
      fix: 'Fix the image reference: lower-case repository, one tag or digest, no stray spaces or unexpanded variables.',
      example: 'api-7d9f8b6c5-x2k4q   0/1     InvalidImageName   0          8s',
    }),
    kube({
      code: 'ImageInspectError',
      category: 'image-pull',
      meaning: 'the runtime could not inspect the pulled image',
      fix: 'Pull the image again (remove the broken copy on the node) and check the image was pushed completely for this platform.',
      example: 'api-7d9f8b6c5-x2k4q   0/1     ImageInspectError   0          40s',
    }),
    kube({
      code: 'RegistryUnavailable',
      category: 'network-sg',
      meaning: 'the registry could not be reached',
      fix: 'Let the nodes reach the registry (NAT gateway or VPC endpoints for ECR and S3, security group egress on 443, proxy settings).',
      example: 'api-7d9f8b6c5-x2k4q   0/1     RegistryUnavailable   0          1m',
    }),
    kube({
      code: 'CreateContainerConfigError',
      category: 'config-env',
      meaning:
        'the container config could not be built, usually a ConfigMap, Secret or key it references is missing',
      fix: 'Create the ConfigMap or Secret (and key) the pod spec references in the same namespace, or fix the reference; runAsNonRoot with an image that runs as root also lands here.',
      example: 'api-7d9f8b6c5-x2k4q   0/1     CreateContainerConfigError   0          20s',
    }),
    kube({
      code: 'CreateContainerError',
      category: 'config-env',
      meaning: 'the runtime could not create the container from its spec',
      fix: 'Read the message after it: a command or mount path that does not exist, a name conflict with a leftover container, or an invalid security setting in the pod spec.',
      example: 'api-7d9f8b6c5-x2k4q   0/1     CreateContainerError   0          30s',
    }),
    kube({
      code: 'RunContainerError',
      category: 'config-env',
      meaning: 'the runtime created the container but could not start its process',
      fix: 'Fix the command or entrypoint (a program missing from the image or not executable) or the mounts the message names.',
      example: 'api-7d9f8b6c5-x2k4q   0/1     RunContainerError   2 (10s ago)   40s',
    }),
    kube({
      code: 'StartError',
      category: 'config-env',
      meaning: 'the container process could not be started (containerd reports it as the terminated reason)',
      fix: 'Fix the command or entrypoint the message names (not found in $PATH, permission denied, no such file) or the mounts it cannot set up.',
      example:
        'Reason: StartError Message: failed to create containerd task: failed to create shim task: OCI runtime create failed: exec: "gunicorn": executable file not found in $PATH',
    }),
    kube({
      code: 'ContainerCannotRun',
      category: 'config-env',
      meaning: 'Docker could not run the container process',
      fix: 'Fix the command or entrypoint or the mounts the message names.',
      example:
        'Reason: ContainerCannotRun Message: OCI runtime create failed: container_linux.go:380: starting container process caused: exec: "/start.sh": permission denied',
    }),
    kube({
      code: 'PostStartHookError',
      category: 'config-env',
      meaning: "the container's postStart hook failed, so the container was killed",
      fix: 'Fix the postStart hook command in the pod spec (a program the image has, a command that exits 0).',
      example: 'api-7d9f8b6c5-x2k4q   0/1     PostStartHookError   1 (2s ago)   15s',
    }),
    kube({
      code: 'OOMKilled',
      category: 'resources-oom',
      meaning: 'the container was killed for going over its memory limit',
      fix: 'Raise the memory limit of the container or lower what the process uses (heap settings, worker count).',
      example: 'Last State:     Terminated   Reason:       OOMKilled   Exit Code:    137',
    }),
    kube({
      code: 'Evicted',
      re: /\bEvicted\b[^\n]*?(?:low on resource|exceeds? (?:its|the)|ephemeral|memory|disk|pressure)|\bStatus:\s+Failed\s+Reason:\s+Evicted\b|^\S+\s+0\/\d+\s+Evicted\s+/,
      category: 'resources-oom',
      meaning:
        'the kubelet evicted the pod because the node ran low on memory or disk, or the pod used more ephemeral storage than allowed',
      fix: 'Set memory and ephemeral-storage requests and limits that match use (logs and temp files count against ephemeral storage), or give the nodes more disk and memory.',
      example:
        'Warning  Evicted  1m  kubelet  The node was low on resource: ephemeral-storage. Container api was using 10854072Ki, which exceeds its request of 0.',
    }),
    kube({
      code: 'OutOfmemory',
      category: 'placement-capacity',
      meaning: 'the node the pod was bound to did not have the memory to admit it',
      fix: 'Lower the memory request or add node capacity (a larger instance type, more nodes in the group).',
      example: 'api-7d9f8b6c5-x2k4q   0/1     OutOfmemory   0          5s',
    }),
    kube({
      code: 'OutOfcpu',
      category: 'placement-capacity',
      meaning: 'the node the pod was bound to did not have the CPU to admit it',
      fix: 'Lower the CPU request or add node capacity (a larger instance type, more nodes in the group).',
      example:
        "Warning  OutOfcpu  5s  kubelet  Node didn't have enough resource: cpu, requested: 2000, used: 1500, capacity: 2000",
    }),
    kube({
      code: 'FailedScheduling',
      category: 'placement-capacity',
      meaning: 'the scheduler found no node that fits the pod',
      fix: "Read the predicates in the message: add nodes or capacity for the pod's requests, or relax its node selector, affinity, taints and tolerations.",
      example:
        'Warning  FailedScheduling  12s  default-scheduler  0/3 nodes are available: 3 Insufficient memory. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.',
    }),
    kube({
      code: 'FailedMount',
      category: 'config-env',
      meaning: 'a volume of the pod could not be mounted',
      fix: 'Create the Secret, ConfigMap or volume claim the pod references (same namespace, right name), or fix the volume source the message names.',
      example:
        'Warning  FailedMount  8s  kubelet  MountVolume.SetUp failed for volume "tls" : secret "api-tls" not found',
    }),
    kube({
      code: 'FailedCreatePodSandBox',
      category: 'other',
      meaning: "the pod's sandbox (its network namespace, set up by the CNI plugin) could not be created",
      fix: 'Look at the CNI plugin on the node (aws-node / VPC CNI logs, free IP addresses in the subnet, the node role policy for the CNI) and restart or replace the node.',
      example:
        'Warning  FailedCreatePodSandBox  5s  kubelet  Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "4c1b": plugin type="aws-cni" failed (add)',
    }),
    kube({
      code: 'NetworkNotReady',
      category: 'other',
      meaning: "the node's container network plugin is not ready",
      fix: 'Fix the CNI plugin on the node (its daemonset pod, its IAM policy) or replace the node.',
      example:
        'Warning  NetworkNotReady  3s  kubelet  network is not ready: container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady',
    }),
    kube({
      code: 'Unhealthy',
      re: /\bUnhealthy\b[^\n]*?(?:Liveness|Readiness|Startup) probe failed/,
      category: 'health-check-command',
      meaning: "the container's liveness, readiness or startup probe failed",
      fix: 'Make the probe match the app: its port, path and scheme, a command the image has, and initialDelaySeconds or a startupProbe long enough for start-up.',
      example:
        'Warning  Unhealthy  6s (x3 over 26s)  kubelet  Readiness probe failed: HTTP probe failed with statuscode: 404',
    }),
  ],
};

/**
 * The OCI distribution spec's registry error codes, as Docker, containerd and ECR print them: the upper-case code in a
 * JSON error body, or its lower-case message before the registry's own text (`manifest unknown: manifest unknown`).
 */
const OCI_IN: readonly EvidenceKind[] = [
  'log',
  'containerReason',
  'stoppedReason',
  'serviceEvent',
  'localField',
];
const oci = (e: Omit<CatalogueEntry, 'in'>): CatalogueEntry => ({ ...e, in: OCI_IN });

const ociRegistry: Catalogue = {
  id: 'oci-registry',
  tool: 'the OCI distribution spec',
  reference: 'https://github.com/opencontainers/distribution-spec/blob/main/spec.md#error-codes',
  entries: [
    oci({
      code: 'MANIFEST_UNKNOWN',
      re: /\bMANIFEST_UNKNOWN\b|\bmanifest unknown\b/,
      category: 'image-pull',
      meaning: 'the registry has no manifest for that tag or digest',
      fix: 'Push the tag the task asks for, or point the image at a tag or digest that exists in that repository (and region, for ECR).',
      example:
        'Error response from daemon: manifest for 123456789012.dkr.ecr.us-east-1.amazonaws.com/api:1.4.2 not found: manifest unknown: Requested image not found',
    }),
    oci({
      code: 'NAME_UNKNOWN',
      re: /\bNAME_UNKNOWN\b|\bname unknown: /,
      category: 'image-pull',
      meaning: 'the repository name is not known to the registry',
      fix: 'Create the repository or fix its name in the image reference (the account, region and repository of the registry it was pushed to).',
      example:
        "name unknown: The repository with name 'api' does not exist in the registry with id '123456789012'",
    }),
    oci({
      code: 'BLOB_UNKNOWN',
      re: /\bBLOB_UNKNOWN\b|\bblob unknown\b/,
      category: 'image-pull',
      meaning: 'a layer or config blob the manifest names is not in the registry',
      fix: 'Push the image again completely (a lifecycle policy or an interrupted push can leave a manifest without its layers).',
      example:
        'failed to copy: httpReadSeeker: failed open: unexpected status code 404 Not Found: blob unknown: blob unknown to registry',
    }),
    oci({
      code: 'UNAUTHORIZED',
      re: /"code"\s*:\s*"UNAUTHORIZED"|\bunauthorized: (?:authentication required|incorrect username or password|access to the requested resource is not authorized)/,
      category: 'image-pull',
      meaning: 'the registry needs authentication the pull did not give',
      fix: 'Give the pull working registry credentials (repositoryCredentials or imagePullSecrets, a fresh docker login); for ECR, the execution role and the registry login.',
      example:
        'Error response from daemon: Head "https://ghcr.io/v2/acme/api/manifests/1.4.2": unauthorized: authentication required',
    }),
    oci({
      code: 'DENIED',
      re: /"code"\s*:\s*"DENIED"|\bdenied: (?:requested access to the resource is denied|Your authorization token has expired|access forbidden)/,
      not: /is not authorized to perform/,
      category: 'image-pull',
      meaning: 'the registry refused access to the repository',
      fix: 'Check the image reference points at a repository these credentials may pull (spelling, private versus public, organisation), and log in again if the token expired.',
      example: 'denied: requested access to the resource is denied',
    }),
    oci({
      code: 'TOOMANYREQUESTS',
      re: /"code"\s*:\s*"TOOMANYREQUESTS"|\btoomanyrequests: /i,
      category: 'image-pull',
      meaning: 'the registry rate-limited the pulls',
      fix: 'Authenticate the pulls (Docker Hub credentials) or mirror the image to a private registry such as ECR (pull-through cache).',
      example:
        'toomanyrequests: You have reached your pull rate limit. You may increase the limit by authenticating and upgrading: https://www.docker.com/increase-rate-limit',
    }),
    oci({
      code: 'NAME_INVALID',
      re: /\bNAME_INVALID\b|\bname invalid: /,
      category: 'image-pull',
      meaning: 'the repository name is not valid',
      fix: 'Fix the repository part of the image reference (lower case, no stray characters or unexpanded variables).',
      example: 'name invalid: Invalid repository name',
    }),
    oci({
      code: 'TAG_INVALID',
      re: /\bTAG_INVALID\b|\btag invalid: /,
      category: 'image-pull',
      meaning: 'the tag is not valid, or the registry refuses to overwrite an immutable tag',
      fix: 'Use a valid tag (letters, digits, _ . - up to 128 characters) and a new tag for each push to an immutable repository.',
      example:
        "tag invalid: The image tag 'latest' already exists in the 'api' repository and cannot be overwritten because the repository is immutable.",
    }),
  ],
};

const catalogues: readonly Catalogue[] = [exitStatus, signals, sysexits, kubernetes, ociRegistry];
export default catalogues;
