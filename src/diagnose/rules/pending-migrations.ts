import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'pending-migrations',
  category: 'db-migration',
  match: [
    {
      re: /ActiveRecord::PendingMigrationError|You have \d+ (?:unapplied|pending) migration|Database has unrun migrations|Migrations are pending|Target database is not up to date/i,
    },
  ],
  cause:
    'The app found database migrations that have not been applied and refused to run against the old schema.',
  fix: 'Run the migrations as a one-off step before the new version starts (a migration task or job ahead of the service in the deploy order), then redeploy.',
  confidence: 0.7,
  examples: {
    match: [
      [['log', 'ActiveRecord::PendingMigrationError: Migrations are pending.']],
      [['log', 'You have 3 pending migrations:']],
      [['log', 'alembic.util.exc.CommandError: Target database is not up to date.']],
    ],
    noMatch: [[['log', 'No migrations to apply.']]],
  },
};
export default rule;
