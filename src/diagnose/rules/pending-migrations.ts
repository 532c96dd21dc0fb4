import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'pending-migrations',
  category: 'db-migration',
  match: [
    {
      re: /ActiveRecord::PendingMigrationError|You have \d+ unapplied migration|Database has unrun migrations|Migrations are pending/i,
    },
  ],
  cause:
    'The app found database migrations that have not been applied and refused to run against the old schema.',
  fix: 'Run the migrations as a one-off step before the new version starts (a migration task or job ahead of the service in the deploy order), then redeploy.',
  confidence: 0.7,
  examples: {
    match: [[['log', 'ActiveRecord::PendingMigrationError: Migrations are pending.']]],
    noMatch: [[['log', 'No migrations to apply.']]],
  },
};
export default rule;
