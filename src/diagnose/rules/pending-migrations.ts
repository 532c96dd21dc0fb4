import type { Rule } from '../types.js';

/*
 * The database lacks schema changes the code expects, so the app or its migration step refuses to go on: migrations
 * written but not run (Rails, Django, Laravel, Alembic's `Target database is not up to date`), or a model changed with
 * no migration written for it, in each tool's words: EF Core's `PendingModelChangesWarning` (`has pending changes. Add
 * a new migration`), Django's `have changes that are not yet reflected in a migration`, Doctrine's `The database
 * schema is not in sync with the current mapping file`, Alembic's `alembic check` finding `New upgrade operations
 * detected`. Either way the fix is a migration, written or run, before the new version starts.
 * The same wait in the words of tools that check before they start: Airflow's wait-for-migrations (`There are still
 * unapplied migrations after 60 seconds`, an init container whose migration job never ran), Prisma's `migrate status`
 * (`Following migrations have not yet been applied:`), Phoenix's `PendingMigrationError` (`there are pending
 * migrations for repo`).
 */
const rule: Rule = {
  id: 'pending-migrations',
  category: 'db-migration',
  match: [
    {
      re: /ActiveRecord::PendingMigrationError|You have \d+ (?:unapplied|pending) migration|Database has unrun migrations|Migrations are pending|Target database is not up to date|PendingModelChangesWarning|has pending changes\. Add a new migration|have changes that are not yet reflected in a migration|database schema is not in sync with the current mapping file|New upgrade operations detected|still unapplied migrations after \d+ seconds|Following migrations? ha(?:ve|s) not yet been applied|PendingMigrationError\) there are pending migrations/i,
    },
  ],
  cause:
    'The app found schema changes the database does not have yet (migrations not applied, or a model change with no migration written) and refused to run against the old schema.',
  fix: 'Write the missing migration if the model changed (makemigrations, `dotnet ef migrations add`, doctrine:migrations:diff, alembic revision --autogenerate), then run the migrations as a one-off step before the new version starts (a migration task or job ahead of the service in the deploy order) and redeploy.',
  confidence: 0.7,
  examples: {
    match: [
      [['log', 'ActiveRecord::PendingMigrationError: Migrations are pending.']],
      [['log', 'You have 3 pending migrations:']],
      [['log', 'alembic.util.exc.CommandError: Target database is not up to date.']],
      [
        [
          'log',
          "The model for context 'AppDbContext' has pending changes. Add a new migration before updating the database.",
        ],
      ],
      [['log', "Your models in app(s): 'shop' have changes that are not yet reflected in a migration"]],
      [['log', '[ERROR] The database schema is not in sync with the current mapping file.']],
      [['log', 'TimeoutError: There are still unapplied migrations after 60 seconds.']],
      [['log', 'Following migrations have not yet been applied:']],
      [
        [
          'log',
          '** (Phoenix.Ecto.PendingMigrationError) there are pending migrations for repo: App.Repo. Try running `mix ecto.migrate`',
        ],
      ],
    ],
    noMatch: [
      [['log', 'No migrations to apply.']],
      [['log', 'All migrations have been successfully applied']],
    ],
  },
};
export default rule;
