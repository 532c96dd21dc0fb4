import type { Rule } from '../types.js';

/*
 * A database server started on a data directory written by another version, which it will not open until the data
 * is upgraded (or the old version is started again): a new image tag over an old volume. Each server says so at
 * start: Postgres' `database files are incompatible with server` (a major version needs pg_upgrade or a dump),
 * MySQL 8's `Cannot boot server version … on data directory built by version …` (no downgrade), MySQL's and
 * MariaDB's InnoDB `Upgrade after a crash is not supported` (the old server must first shut down cleanly), MongoDB's
 * `UPGRADE PROBLEM: Found an invalid featureCompatibilityVersion` (the old version must raise it first). The fix is
 * the data's own upgrade path, a migration step, not the server's settings.
 * Apps that upgrade their data themselves one major version at a time say the same of a skipped step: Nextcloud's
 * `upgrading more than one major version is not supported` (its image) and `Updates between multiple major versions
 * and downgrades are unsupported` (occ), GitLab's `It is required to upgrade to the latest 16.x.x version first`,
 * Elasticsearch's `cannot upgrade a node from version [6.x] directly to version [8.x]` and its index `created with
 * version [6.x] but the minimum compatible version is [7.0.0]`, SonarQube's `Current version is too old. Please upgrade
 * to Long Term Support version firstly`.
 */
const rule: Rule = {
  id: 'data-dir-version-mismatch',
  category: 'db-migration',
  match: [
    {
      re: /(?<what>database files are incompatible with server|data directory was initialized by PostgreSQL version [\d.]+, which is not compatible|Cannot boot server version \d+ on data directory built by version \d+|Upgrade after a crash is not supported|UPGRADE PROBLEM: Found an invalid featureCompatibilityVersion|upgrading more than one major version is not supported|Updates between multiple major versions and downgrades are unsupported|It is required to upgrade to the latest [\w.]+ version first|cannot upgrade a node from version \[[^\]]+\] directly to version \[[^\]]+\]|was created with version \[[^\]]+\] but the minimum compatible version is \[[^\]]+\]|Current version is too old\. Please upgrade to Long Term Support version)/,
    },
  ],
  cause: '{service} was started on data written by another version and will not open or upgrade it ({what}).',
  fix: "Upgrade the data the way the server requires before switching images: pg_upgrade or a dump and restore for a Postgres major version, start the old MySQL/MariaDB version and shut it down cleanly (innodb_fast_shutdown=0) before the new one, raise MongoDB's featureCompatibilityVersion on the old version first; run each intermediate major version the app names (Nextcloud, GitLab, Elasticsearch, SonarQube) until its upgrade completes; or pin the image back to the version that wrote the volume.",
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
      [
        [
          'log',
          "Can't start Nextcloud because the version of the data (25.0.3.2) is more than one major version behind the docker image version (27.0.0.8) and upgrading more than one major version is not supported.",
        ],
      ],
      [
        [
          'log',
          'java.lang.IllegalStateException: cannot upgrade a node from version [7.10.0] directly to version [8.5.0], upgrade to version [7.17.0] first.',
        ],
      ],
    ],
    noMatch: [
      [['log', 'PostgreSQL Database directory appears to contain a database; Skipping initialization']],
      [['log', '[System] [MY-013381] [Server] Server upgrade from 80036 to 80400 has completed.']],
      [['log', 'Nextcloud was updated from 26.0.5 to 27.0.0 - running occ upgrade']],
    ],
  },
};
export default rule;
