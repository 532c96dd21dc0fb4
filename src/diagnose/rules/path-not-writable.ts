import type { Rule } from '../types.js';

/*
 * The process may not write (or read) a path of its own: a data, log or cache directory whose owner or mode does not
 * let the image's non-root user in (a bind mount or volume owned by root, an image upgrade that changed the uid), an
 * SELinux label the container may not use, or a read-only root file system with no volume mounted there. The fix is in
 * the mount's ownership or the task's user and volumes, so config-env whatever the runtime: Node's `EACCES: permission
 * denied, mkdir '…'` / `EROFS`, Go's `open /…: permission denied`, Python's `PermissionError: [Errno 13]`, the JVM's
 * `java.nio.file.AccessDeniedException` and `FileNotFoundException … (Permission denied)`, coreutils' and BusyBox's
 * `mkdir: cannot create directory`, nginx's `mkdir() "…" failed (13: Permission denied)`, Grafana's `is not writable`,
 * Symfony's `Unable to create the "cache" directory (…)`, Monolog's and PHP streams' `Failed to open stream: Permission
 * denied`, Go's `mkdir data: permission denied` for a relative default path.
 * A port (`bind`), an entrypoint (`exec`) and the Docker socket are other causes and left out; so is a health check's
 * own output file (the health output is not read).
 */
const PATH = String.raw`['"]?/[^\s'"]*['"]?`;
const rule: Rule = {
  id: 'path-not-writable',
  category: 'config-env',
  match: [
    {
      in: ['log', 'containerReason', 'stoppedReason'],
      re: new RegExp(
        [
          // Node: EACCES / EPERM / EROFS with the syscall and the path
          String.raw`\b(?:EACCES: permission denied|EPERM: operation not permitted|EROFS: read-only file system), (?:mkdir|open|scandir|rename|unlink|rmdir|copyfile|chmod|chown|symlink|access|utime|lchown) (?<p1>'/[^']*')`,
          // Go's os.PathError (not exec, not the Docker socket)
          String.raw`\b(?:open|mkdir|mkdirall|create|remove|rename|chmod|chown|lchown|openat|unlinkat|mkdirat) (?<p2>/(?![^\s:]*docker\.sock)[^\s:]*): (?:permission denied|read-only file system|operation not permitted)`,
          // Python
          String.raw`\b(?:PermissionError|OSError|IOError): \[Errno (?:13|30|1)\] (?:Permission denied|Read-only file system|Operation not permitted): (?<p3>'/[^']*')`,
          // JVM
          String.raw`java\.nio\.file\.(?:AccessDeniedException|ReadOnlyFileSystemException): (?<p4>/\S*)|FileNotFoundException: (?<p5>/\S*) \((?:Permission denied|Read-only file system)\)|FileSystemException: (?<p6>/\S*): Read-only file system`,
          // coreutils / BusyBox
          String.raw`\b(?:mkdir|touch|cp|mv|ln|install|chmod|chown|ls|rm): (?:changing (?:ownership|permissions) of|(?:cannot|can't) (?:create directory|create regular file|touch|open|open directory|create|remove|change (?:permissions|ownership) of)) (?<p7>${PATH}): (?:Permission denied|Read-only file system|Operation not permitted)`,
          // nginx / Apache style
          String.raw`\b(?:mkdir|open)\(\) (?<p8>"/[^"]*") failed \((?:13: Permission denied|30: Read-only file system)\)`,
          // a shell redirect in an entrypoint script
          String.raw`: line \d+: (?<p11>/[^\s:]+): (?:Permission denied|Read-only file system)`,
          // servers that say it in words
          String.raw`(?<p9>'/[^']*'|"/[^"]*") is not writable`,
          // Go's PathError on a relative path (a data directory left at its default, relative to the working directory)
          String.raw`\b(?:open|mkdir|mkdirall|create) \\?"?(?![^\s:]*docker\.sock)(?<p12>[\w.][\w.-]*(?:/[\w.-]+)*): permission denied`,
          // PHP: Symfony's kernel, Monolog's stream, fopen / file_put_contents
          String.raw`Unable to (?:create|write in) the (?:"\w+" |\w+ )?directory \((?<p13>/[^)]*)\)`,
          String.raw`The stream or file (?<p14>"/[^"]*") could not be opened[^\n]{0,40}: [Ff]ailed to open stream: Permission denied`,
          String.raw`\b\w+\((?<p15>/[^)]*)\): [Ff]ailed to open stream: Permission denied`,
        ].join('|'),
      ),
    },
  ],
  cause:
    '{service} could not write {p1,p2,p3,p4,p5,p6,p7,p8,p9,p11,p12,p13,p14,p15|a path it needs}: the user the container runs as may not write there (owner or mode of a bind mount or volume, an SELinux label, or a read-only root file system).',
  fix: "Give the container's user write access to that path: chown the host directory or volume to the image's uid (or set the pod's fsGroup / runAsUser), relabel an SELinux bind mount (`:z`/`:Z`), or mount a writable volume there when the root file system is read-only.",
  confidence: 0.6,
  beats: ['essential-exited-nonzero', 'local-exit-nonzero', 'uncaught-exception', 'iam-not-authorized'],
  examples: {
    match: [
      [['log', "Error: EACCES: permission denied, mkdir '/home/node/.cache/app'"]],
      [['log', "write error: can't open new logfile: open /srv/logs/app.log: permission denied"]],
      [['log', "PermissionError: [Errno 13] Permission denied: '/data/db.sqlite'"]],
      [['log', 'java.nio.file.AccessDeniedException: /var/lib/app/index']],
      [['log', "mkdir: cannot create directory '/var/lib/grafana/plugins': Permission denied"]],
      [['log', 'nginx: [emerg] mkdir() "/var/cache/nginx/client_temp" failed (13: Permission denied)']],
      [['log', "GF_PATHS_DATA='/var/lib/grafana' is not writable."]],
      [['log', "OSError: [Errno 30] Read-only file system: '/app/.cache'"]],
      [['log', 'msg="Unable to create data directory" err="mkdir data: permission denied"']],
      [['log', 'RuntimeException: Unable to create the cache directory (/var/www/html/var/cache/prod)']],
    ],
    noMatch: [
      [['log', 'open /var/run/docker.sock: permission denied']],
      [['log', 'exec /docker-entrypoint.sh: permission denied']],
      [['log', 'open docker.sock: permission denied']],
      [['log', 'nginx: [emerg] bind() to 0.0.0.0:80 failed (13: Permission denied)']],
      [['log', 'software.amazon.awssdk.services.ssm.model.AccessDeniedException: User is not authorized']],
    ],
  },
};
export default rule;
