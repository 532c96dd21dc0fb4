import type { Rule } from '../types.js';

/*
 * A stack trace whose innermost frames are the migration tool checking its own history against the code, with the
 * error line cut off (a log tail, a truncated paste): the tool refused because the database's record of applied
 * migrations and the shipped migrations disagree, which a fix to the migration state, not to the program, resolves.
 * One meaning in each tool's frames: Django's `check_consistent_history(`, Alembic's revision map resolving a
 * revision, Flyway's `DbValidate` / `doValidate`, Liquibase's `ValidatingVisitor`, ActiveRecord's `check_pending!`.
 * A trace that says the database could not be reached at all is left to the reachability rules, and a full error line
 * is read by its own, stronger rule.
 */
const DJANGO =
  /\bcheck_consistent_history\(|django\/db\/migrations\/loader\.py", line \d+, in check_consistent_history/;
const ALEMBIC =
  /alembic\/script\/revision\.py", line \d+, in (?:_resolve_revision_number|get_revisions|_revision_for_ident)/;
const JAVA =
  /^\s*at (?:org\.flywaydb\.core\.(?:internal\.command\.DbValidate\.validate|Flyway\.doValidate)|liquibase\.changelog\.(?:ValidatingVisitor|DatabaseChangeLog\.validate))\b/;
const RUBY =
  /\/active_record\/migration\.rb:\d+:in [`'](?:[\w:#.]*?)(?:check_pending!|check_all_pending!|check_pending_migrations)'/;

const rule: Rule = {
  id: 'trace-in-migration-check',
  category: 'db-migration',
  match: [{ in: ['log'], re: new RegExp([DJANGO, ALEMBIC, JAVA, RUBY].map((r) => r.source).join('|')) }],
  unless: [
    {
      in: ['log'],
      re: /OperationalError|could not connect|Connection refused|ECONNREFUSED|timed? ?out|Communications link failure|Access denied for user|password authentication failed|Unknown database|could not translate host name|Name or service not known/i,
    },
  ],
  cause:
    "{service}'s migration tool stopped while checking the database's record of applied migrations against the code (the stack trace ends there): the two disagree, as after skipping a release, a downgrade or an edited migration.",
  fix: 'Read the migration state in the database (`showmigrations`, `alembic current`, `flyway info`, the history table) against the migrations the image ships; upgrade through the intermediate release or repair the recorded state, then redeploy.',
  confidence: 0.55,
  beats: ['uncaught-exception', 'essential-exited-nonzero', 'local-exit-nonzero'],
  examples: {
    match: [
      [
        ['log', 'Traceback (most recent call last):'],
        ['log', '    executor.loader.check_consistent_history(connection)'],
      ],
      [['log', '\tat org.flywaydb.core.internal.command.DbValidate.validate(DbValidate.java:164)']],
      [
        [
          'log',
          '  File "/usr/local/lib/python3.11/site-packages/alembic/script/revision.py", line 771, in _resolve_revision_number',
        ],
      ],
    ],
    noMatch: [
      [
        ['log', '    executor.loader.check_consistent_history(connection)'],
        ['log', 'django.db.utils.OperationalError: could not connect to server: Connection refused'],
      ],
      [['log', 'INFO org.flywaydb.core.internal.command.DbValidate - Successfully validated 4 migrations']],
    ],
  },
};
export default rule;
