import type { Rule } from '../types.js';

/*
 * The app queried a table its database does not have (or created one that is already there): the schema and the code
 * disagree because the migrations never ran, ran against another database, or ran only in part. One meaning in every
 * driver's words: Postgres `relation "x" does not exist` / `UndefinedTable` / `DuplicateTable`, MySQL `Table 'db.x'
 * doesn't exist` / ER_NO_SUCH_TABLE, SQLite `no such table: x`, SQL Server `Invalid object name 'x'`, Oracle ORA-00942,
 * Prisma P2021, H2 `Table "X" not found`, ActiveRecord's `Could not find table 'x'` (Postgres leaves a qualified column `t.c` unquoted); a missing column is the same story one migration later.
 */
const rule: Rule = {
  id: 'schema-not-migrated',
  category: 'db-migration',
  match: [
    {
      re: /relation "(?<table>[^"]+)" does not exist|UndefinedTable|no such table:? (?<table2>[\w.]+)|Table '(?<table3>[^']+)' doesn't exist|ER_NO_SUCH_TABLE|Invalid object name '(?<table4>[^']+)'|ORA-00942|The table `(?<table5>[^`]+)` does not exist in the current database|Table "(?<table6>[^"]+)" not found|Could not find table '(?<table7>[^']+)'|(?:DuplicateTable: )?relation "(?<dup>[^"]+)" already exists|column "(?<column>[^"]+)" (?:of relation "[^"]+" )?does not exist|column (?<column4>\w+\.\w+) does not exist|Unknown column '(?<column2>[^']+)'|no such column:? (?<column3>[\w.]+)/,
    },
  ],
  // A migration run in the same output that failed has its own, more precise rules.
  against: [{ re: /Multiple head revisions|Can't locate revision|Validate failed|checksum mismatch/i }],
  cause:
    "{service}'s database schema does not match its code: table or column {table,table2,table3,table4,table5,table6,table7,dup,column,column2,column3,column4|it uses} is missing (or already exists), so the migrations have not run against this database (or ran only in part).",
  fix: 'Run the migrations against the database the service actually uses before it serves (a migrate step in the entrypoint or a one-off task: `manage.py migrate`, `alembic upgrade head`, `prisma migrate deploy`, `rails db:migrate`), and check that every app ships its migration files; if a half-applied run left tables behind, fix the recorded migration state first.',
  confidence: 0.75,
  beats: ['uncaught-exception', 'essential-exited-nonzero', 'local-exit-nonzero'],
  examples: {
    match: [
      [['log', 'django.db.utils.ProgrammingError: relation "main_visits" does not exist']],
      [['log', 'psycopg2.errors.UndefinedTable: relation "users" does not exist']],
      [['log', "Error: ER_NO_SUCH_TABLE: Table 'app.sessions' doesn't exist"]],
      [['log', 'sqlite3.OperationalError: no such table: auth_user']],
      [['log', "ActiveRecord::StatementInvalid: Could not find table 'active_storage_blobs'"]],
      [['log', 'psycopg2.errors.DuplicateTable: relation "tripapp_logentrylike" already exists']],
    ],
    noMatch: [[['log', 'Operations to perform: Apply all migrations: admin, auth']]],
  },
};
export default rule;
