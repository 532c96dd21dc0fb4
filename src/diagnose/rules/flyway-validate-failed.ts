import type { Rule } from '../types.js';

// Flyway's `checksum mismatch` and Liquibase's `changesets check sum … was: … but is now: …` say the same thing.
const rule: Rule = {
  id: 'flyway-validate-failed',
  category: 'db-migration',
  match: [
    {
      re: /Migration checksum mismatch for migration (?:version )?(?<version>[\w.]+)|FlywayValidateException|Validate failed: Migrations have failed validation|\d+ change ?sets? check ?sums?|CheckSum ?validation failed|(?<!\w)was: \d+:[0-9a-f]{16,} but is now: \d+:[0-9a-f]{16,}/i,
    },
  ],
  cause:
    'The migration tool refused to start because the checksum of an applied migration ({version|see the log}) no longer matches its file: it was edited after it ran, or a tool upgrade changed how checksums are computed.',
  fix: 'Revert the edit to the applied migration and put the change in a new migration; if the change is intended and harmless, reset the stored checksum (`flyway repair`, `liquibase clear-checksums`, or a `validCheckSum` on the changeset), then redeploy.',
  confidence: 0.9,
  beats: ['uncaught-exception', 'essential-exited-nonzero'],
  examples: {
    match: [
      [['log', 'ERROR: Validate failed: Migration checksum mismatch for migration version 1.8']],
      [['log', 'liquibase.exception.ValidationFailedException: Validation Failed: 1 changesets check sum']],
      [
        [
          'log',
          'db/changelog.xml::1::dev was: 8:0b5c2a4e3f1d9a7c6b5e4d3c2b1a0f9e but is now: 8:1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d',
        ],
      ],
    ],
    noMatch: [[['log', 'Successfully validated 12 migrations']]],
  },
};
export default rule;
