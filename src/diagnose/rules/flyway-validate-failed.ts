import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'flyway-validate-failed',
  category: 'db-migration',
  match: [
    {
      re: /Migration checksum mismatch for migration (?:version )?(?<version>[\w.]+)|FlywayValidateException|Validate failed: Migrations have failed validation/,
    },
  ],
  cause:
    'Flyway refused to start because the checksum of an applied migration ({version|see the log}) no longer matches its file: it was edited after it ran, or a Flyway upgrade changed how checksums are computed.',
  fix: 'Revert the edit to the applied migration and put the change in a new versioned migration; if the change is intended and harmless, run `flyway repair` against that database, then redeploy.',
  confidence: 0.9,
  beats: ['uncaught-exception', 'essential-exited-nonzero'],
  examples: {
    match: [[['log', 'ERROR: Validate failed: Migration checksum mismatch for migration version 1.8']]],
    noMatch: [[['log', 'Successfully validated 12 migrations']]],
  },
};
export default rule;
