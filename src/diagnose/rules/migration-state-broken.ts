import type { Rule } from '../types.js';

/*
 * The migration tool's own record of what ran is inconsistent, so it refuses to go on: golang-migrate's dirty
 * version, Django's inconsistent history or conflicting leaf nodes, Knex's lock or missing files, Flyway's failed
 * migration or schema without history, Prisma's P3005 / P3018, Alembic's out-of-date target, Laravel / PDO's missing
 * base table, EF Core's existing object. Each needs the state fixed, not the code.
 * A database that has applied migrations the running code does not know (an image older than its volume, a downgrade)
 * is the same disagreement read from the other side, in each tool's words: sql-migrate's `unknown migration in
 * database`, golang-migrate's `no migration found for version`, Flyway's `applied migration not resolved locally`,
 * Prisma's migrations `applied to the database but missing from the local migrations directory`, goose's `missing
 * migrations`, SeaORM's `applied but its file is missing`; Flyway before version 5 called its history table the
 * `metadata table`. Also sqlx's `migration N was previously applied but is missing in the resolved migrations` / `has
 * been modified`, Doctrine's `previously executed migrations in the database that are not registered migrations`,
 * Atlas' `checksum error in your migration directory`.
 */
const rule: Rule = {
  id: 'migration-state-broken',
  category: 'db-migration',
  match: [
    {
      re: /(?<what>Dirty database version \d+|no migration found for version \d+|InconsistentMigrationHistory|Conflicting migrations detected|Migration table is already locked|migration directory is corrupt|Detected failed migration to version [\w.]+|Found non-empty schema\(s\)[^\n]{0,60}(?:without|but no) (?:schema history|metadata) table|unknown migration in database|this migration has been applied but its file is missing|Detected applied migration not resolved locally|applied to the database but (?:are )?missing from the local migrations directory|found \d+ missing migrations|Error: P30(?:05|06|09|18)\b|Target database is not up to date|Base table or view not found|SQLSTATE\[42(?:S02|P01)\]|There is already an object named '[^']+' in the database|Table '[^']+' already exists|Duplicate column name '[^']+'|SequelizeDatabaseError: relation|QueryFailedError: relation|migration \d+ was previously applied but (?:is missing in the resolved migrations|has been modified)|previously executed migrations in the database that are not registered migrations|checksum error in your migration directory)/,
    },
  ],
  cause: "{service}'s database migrations and its database disagree ({what}), so it stopped before serving.",
  fix: 'Fix the migration state by hand first (clear the dirty flag or lock, resolve the failed or conflicting migration, baseline an existing schema), then run the migrations as a step before the service starts and redeploy.',
  confidence: 0.75,
  beats: ['uncaught-exception', 'essential-exited-nonzero', 'local-exit-nonzero'],
  examples: {
    match: [
      [
        [
          'log',
          'error: migration 20240101120000 was previously applied but is missing in the resolved migrations',
        ],
      ],
      [
        [
          'log',
          '[WARNING] You have 2 previously executed migrations in the database that are not registered migrations.',
        ],
      ],
      [['log', 'You have a checksum error in your migration directory.']],
      [['log', 'error: Dirty database version 16. Fix and force version.']],
      [
        [
          'log',
          'django.db.migrations.exceptions.InconsistentMigrationHistory: Migration admin.0001_initial is applied before its dependency',
        ],
      ],
      [['log', "SQLSTATE[42S02]: Base table or view not found: 1146 Table 'app.users' doesn't exist"]],
      [
        [
          'log',
          'Unable to create migration plan because of 20240101-add-users: unknown migration in database',
        ],
      ],
      [['log', 'ERROR: Validate failed: Detected applied migration not resolved locally: 3.1']],
      [
        [
          'log',
          'Found non-empty schema(s) `app` without metadata table! Use baseline() or set baselineOnMigrate to true',
        ],
      ],
    ],
    noMatch: [[['log', 'no change: database is up to date']]],
  },
};
export default rule;
