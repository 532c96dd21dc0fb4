import type { Rule } from '../types.js';

/*
 * A disk (or the shared-memory file system) ran full: the kernel's ENOSPC in each runtime's words (Node's `ENOSPC`,
 * Python's `[Errno 28]`, Java's `IOException`, nginx's `(28: …)`, Postgres' `DiskFull` / SQLSTATE 53100 for /dev/shm,
 * MySQL's `Errcode: 28`, containerd extracting a layer larger than the task's ephemeral storage), a quota exceeded,
 * or a scheduler evicting for ephemeral storage. The fix is more storage for the task (or less written to it), so it is
 * resources-oom whichever component printed it, a registry pull included. ENOSPC is also what Linux says when inotify
 * runs out of watches; that is not a disk.
 * Tools that say it without the errno: Windows' and .NET's `There is not enough space on the disk`, Elasticsearch's
 * `flood stage disk watermark` (it makes every index read-only), ClickHouse's `NOT_ENOUGH_SPACE`, Docker's
 * devicemapper `Thin Pool has N free data blocks`, PostgreSQL's hint `Check free disk space`.
 */
const rule: Rule = {
  id: 'disk-full',
  category: 'resources-oom',
  match: [
    {
      re: /(?<what>no space left on device|\bENOSPC\b|\[Errno 28\]|Errcode: 28|\bDiskFull\b|SQLSTATE 53100|disk quota exceeded|\bEDQUOT\b|low on resource: ephemeral-storage|ephemeral local storage usage exceeds|(?:disk|volume|filesystem) (?:is )?full\b|insufficient (?:disk|storage) space|not enough (?:free )?(?:disk|storage) space|not enough space on the disk|flood[- ]stage (?:disk )?watermark|\bNOT_ENOUGH_SPACE\b|Thin Pool has \d+ free data blocks|Check free disk space)/i,
      not: /file watchers|inotify|watch(?:es)? (?:limit|reached)/i,
    },
  ],
  cause: "{service} ran out of storage ({what}): the task's disk, volume or shared memory is full.",
  fix: "Give the task more storage (Fargate's `ephemeralStorage`, a larger EBS root volume, a bigger `shmSize` / `sharedMemorySize` for /dev/shm, a volume for data) or write less to it (logs and temporary files); for an image too large to extract, slim the image or raise the task's storage.",
  confidence: 0.8,
  beats: ['uncaught-exception', 'essential-exited-nonzero', 'local-exit-nonzero', 'worker-crashed'],
  examples: {
    match: [
      [['log', 'System.IO.IOException: There is not enough space on the disk.']],
      [
        [
          'log',
          'flood stage disk watermark [95%] exceeded on [node-1], all indices on this node will be marked read-only',
        ],
      ],
      [['log', 'Code: 243. DB::Exception: Cannot reserve 1.00 MiB, not enough space. (NOT_ENOUGH_SPACE)']],
      [['log', 'Error: ENOSPC: no space left on device, write']],
      [['log', "OSError: [Errno 28] No space left on device: '/tmp/upload.bin'"]],
      [
        [
          'log',
          'PG::DiskFull: ERROR: could not resize shared memory segment "/PostgreSQL.39" to 16777216 bytes',
        ],
      ],
      [
        [
          'stoppedReason',
          'CannotPullContainerError: failed to extract layer sha256:7c52: write /var/lib/containerd/x.pyc: no space left on device: unknown',
        ],
      ],
      [['serviceEvent', 'The node was low on resource: ephemeral-storage. Container app was using 12Gi.']],
    ],
    noMatch: [
      [['log', 'Error: ENOSPC: System limit for number of file watchers reached, watch /app/src']],
      [['log', 'disk usage 41% of 20 GiB']],
    ],
  },
};
export default rule;
