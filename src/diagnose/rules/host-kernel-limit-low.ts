import type { Rule } from '../types.js';

/*
 * A server that checks a kernel limit of the host at start and refuses to run below it: the limit is set on the host
 * (sysctl, ulimit) or granted to the container (`--cap-add IPC_LOCK`, `ulimits`, a pod's sysctls), not in the app, so
 * config-env. Elasticsearch's, OpenSearch's and SonarQube's bootstrap checks (`vm.max_map_count [65530] is too low`,
 * `max file descriptors […] is too low`, `memory locking requested … but memory is not locked`), Seastar's (ScyllaDB,
 * Redpanda) `Could not setup Async I/O` / `aio-max-nr`, Vault's and other Go servers' `failed to lock memory`, Node's
 * (webpack, chokidar, nodemon) `System limit for number of file watchers reached`; the inotify instance limit, which is
 * per user and so shared by every container running as the same uid (.NET's `user limit (128) on the number of inotify
 * instances`, watchdog's `inotify instance limit reached`, fsnotify's and systemd's `too many open files`). Redis' somaxconn and
 * overcommit_memory warnings are printed by healthy servers too and are left out.
 */
const rule: Rule = {
  id: 'host-kernel-limit-low',
  category: 'config-env',
  match: [
    {
      in: ['log', 'containerReason', 'stoppedReason', 'localField'],
      re: /(?<what>max virtual memory areas vm\.max_map_count \[\d+\] is too low|max file descriptors \[\d+\] for [\w-]+ process is too low|max number of threads \[\d+\] for user \[[^\]]*\] is too low|memory locking requested for [\w-]+ process but memory is not locked|Could not setup Async I\/O|not enough request capacity in \/proc\/sys\/fs\/aio-max-nr|[Ff]ailed to lock memory: cannot allocate memory|mlockall(?: failed)?: (?:Cannot allocate memory|Operation not permitted)|System limit for number of file watchers reached|inotify watch limit reached|number of inotify instances has been reached|inotify instance limit reached|failed to create fsnotify watcher: too many open files|Failed to allocate directory watch: Too many open files|inotify_init1?(?:\(\))?(?: failed)?: [Tt]oo many open files|forbidden sysctl: "[\w.]+")/,
    },
  ],
  cause:
    '{service} stopped at a kernel limit of the host or the container: {what}. The limit is raised on the host (sysctl, ulimit) or granted to the container, not in the app.',
  fix: 'Raise the limit where the container runs: `sysctl -w vm.max_map_count=262144` (or fs.aio-max-nr, fs.inotify.max_user_watches) on the host or node, `ulimits` (nofile, memlock) in the task definition or compose file, `--cap-add IPC_LOCK` for memory locking; where the host cannot be changed, turn the feature off in the app (e.g. `discovery.type=single-node`, `disable_mlock`, Seastar `--reactor-backend=epoll`).',
  confidence: 0.8,
  beats: [
    'essential-exited-nonzero',
    'local-exit-nonzero',
    'uncaught-exception',
    'runtime-heap-oom',
    'memory-not-enough',
  ],
  examples: {
    match: [
      [
        [
          'log',
          '[1]: max virtual memory areas vm.max_map_count [65530] is too low, increase to at least [262144]',
        ],
      ],
      [['log', 'Error initializing core: failed to lock memory: cannot allocate memory']],
      [
        [
          'log',
          'FATAL: Exception during startup, aborting: std::runtime_error (Could not setup Async I/O: Resource temporarily unavailable.',
        ],
      ],
      [['log', "Error: ENOSPC: System limit for number of file watchers reached, watch '/app/src'"]],
      [
        [
          'log',
          'System.IO.IOException: The configured user limit (128) on the number of inotify instances has been reached',
        ],
      ],
    ],
    noMatch: [
      [['log', 'error: "Read-only file system" setting key "vm.max_map_count"']],
      [['log', 'accept tcp [::]:8080: accept4: too many open files; retrying in 5ms']],
      [
        [
          'log',
          'WARNING: The TCP backlog setting of 511 cannot be enforced because /proc/sys/net/core/somaxconn is set to the lower value of 128.',
        ],
      ],
    ],
  },
};
export default rule;
