import type { Rule } from '../types.js';

/*
 * The schema migration run at start-up failed: Alembic / Flask-Migrate (`Multiple head revisions are present`,
 * `Can't locate revision identified by`), a migration step reporting failure, or a migration tool that cannot find its
 * configuration in the image. A migration that failed because it could not connect at all (refused, timed out, no such
 * host, in any client's words) is left to the reachability rules: the database was not there, the migrations are fine.
 */
const rule: Rule = {
  id: 'migration-tool-failed',
  category: 'db-migration',
  match: [
    {
      re: /(?<what>Multiple head revisions are present|Can't locate revision identified by '?(?<rev>\w+)|alembic\.util\.exc\.\w+|No 'script_location' key found|database migration failed|Migration (?:\S+ )?failed|migrations? (?:failed|could not be applied))/i,
      not: /Connection refused|ECONNREFUSED|could not connect|Can't connect|Connection timed out|ETIMEDOUT|i\/o timeout|no such host|ENOTFOUND|Name or service not known/i,
    },
  ],
  cause: "{service}'s database migration failed at start-up ({what}), so the service stopped before serving.",
  fix: 'Fix the migration history (merge the heads with `alembic merge heads`, restore or stamp the missing revision) or ship the migration files and configuration in the image, then redeploy; run the migration by hand to see its full output.',
  confidence: 0.85,
  beats: ['uncaught-exception', 'essential-exited-nonzero', 'local-exit-nonzero'],
  examples: {
    match: [
      [['log', "FAILED: Multiple head revisions are present for given argument 'head'"]],
      [['log', "ERROR [alembic.util.messaging] Can't locate revision identified by '821203926422'"]],
    ],
    noMatch: [
      [['log', 'INFO  [alembic.runtime.migration] Running upgrade  -> 1a2b, init']],
      [['log', 'migration failed: dial tcp 172.18.0.2:5432: connect: connection refused']],
      [['log', 'Migration failed: Error: connect ECONNREFUSED 172.18.0.3:5432']],
      [
        [
          'log',
          'Database migration failed: (psycopg2.OperationalError) could not connect to server: Connection refused',
        ],
      ],
    ],
  },
};
export default rule;
