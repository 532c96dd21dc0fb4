import type { Rule } from '../types.js';

/*
 * A server that creates its data directory on first start refuses one that already has files: a volume's mount point
 * used directly (ext4's `lost+found`), a volume kept from another version or image, files a previous failed start
 * left. The fix is where the volume is mounted or which directory the server is told to use (PGDATA on a
 * subdirectory, an empty volume), not the server: PostgreSQL's initdb (`directory "…" exists but is not empty`),
 * MySQL's `--initialize specified but the data directory has files in it`, git's `destination path '…' already exists
 * and is not an empty directory` in an init container cloning into a kept volume.
 */
const rule: Rule = {
  id: 'data-dir-not-empty',
  category: 'config-env',
  match: [
    {
      in: ['log', 'localField', 'stoppedReason', 'containerReason'],
      re: /initdb: (?:error: )?directory "(?<p1>[^"\n]+)" exists but is not empty|--initialize specified but the data directory has files in it|destination path '(?<p2>[^'\n]+)' already exists and is not an empty directory/,
    },
  ],
  cause:
    '{service} would not create its data directory in {p1,p2|a directory that already has files}: the directory it was given is not empty (a volume mount point with lost+found, or files from an earlier start or another version).',
  fix: 'Point the server at an empty directory: set PGDATA (or the datadir) to a subdirectory of the mount point, mount a fresh volume, or clear the stray files; an init container should clone only into an empty directory (or pull when the repository is already there).',
  confidence: 0.8,
  beats: ['uncaught-exception', 'essential-exited-nonzero', 'local-exit-nonzero'],
  examples: {
    match: [
      [['log', 'initdb: directory "/var/lib/postgresql/data" exists but is not empty']],
      [['log', 'initdb: error: directory "/var/lib/postgresql/data" exists but is not empty']],
      [
        [
          'log',
          '[ERROR] [MY-010457] [Server] --initialize specified but the data directory has files in it. Aborting.',
        ],
      ],
      [['log', "fatal: destination path '/workspace/site' already exists and is not an empty directory."]],
    ],
    noMatch: [
      [['log', 'PostgreSQL Database directory appears to contain a database; Skipping initialization']],
      [['log', 'initdb: warning: enabling "trust" authentication for local connections']],
    ],
  },
};
export default rule;
