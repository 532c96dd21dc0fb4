import type { Rule } from '../types.js';

/*
 * A database server started on a data directory written by another version, which it will not open until the data
 * is upgraded (or the old version is started again): a new image tag over an old volume. Each server says so at
 * start: Postgres' `database files are incompatible with server` (a major version needs pg_upgrade or a dump),
 * MySQL 8's `Cannot boot server version … on data directory built by version …` (no downgrade), MySQL's and
 * MariaDB's InnoDB `Upgrade after a crash is not supported` (the old server must first shut down cleanly), MongoDB's
 * `UPGRADE PROBLEM: Found an invalid featureCompatibilityVersion` (the old version must raise it first). The fix is
 * the data's own upgrade path, a migration step, not the server's settings.
 */
const rule: Rule = {
  id: 'data-dir-version-mismatch',
  category: 'db-migration',
  match: [
    {
      re: /(?<what>database files are incompatible with server|data directory was initialized by PostgreSQL version [\d.]+, which is not compatible|Cannot boot server version \d+ on data directory built by version \d+|Upgrade after a crash is not supported|UPGRADE PROBLEM: Found an invalid featureCompatibilityVersion)/,
    },
  ],
  cause:
    "{service}'s database server was started on a data directory written by another version and will not open it ({what}).",
  fix: "Upgrade the data the way the server requires before switching images: pg_upgrade or a dump and restore for a Postgres major version, start the old MySQL/MariaDB version and shut it down cleanly (innodb_fast_shutdown=0) before the new one, raise MongoDB's featureCompatibilityVersion on the old version first; or pin the image back to the version that wrote the volume.",
  confidence: 0.8,
  beats: ['essential-exited-nonzero', 'local-exit-nonzero'],
  examples: {
    match: [
      [['log', '2025-05-02 08:00:01.000 UTC [1] FATAL:  database files are incompatible with server']],
      [
        [
          'log',
          '[ERROR] [MY-013171] [InnoDB] Cannot boot server version 80036 on data directory built by version 80400. Downgrade is not supported',
        ],
      ],
      [
        [
          'log',
          '[ERROR] InnoDB: Upgrade after a crash is not supported. The redo log was created with MariaDB 10.5.4.',
        ],
      ],
      [['log', 'UPGRADE PROBLEM: Found an invalid featureCompatibilityVersion document']],
    ],
    noMatch: [
      [['log', 'PostgreSQL Database directory appears to contain a database; Skipping initialization']],
      [['log', '[System] [MY-013381] [Server] Server upgrade from 80036 to 80400 has completed.']],
    ],
  },
};
export default rule;
