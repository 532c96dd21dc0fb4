import type { Rule } from '../types.js';

/*
 * A migration lock left held by an instance killed mid-migration, in each tool's words: Liquibase's changelog lock,
 * Ghost's (knex-migrator's) `MigrationsAreLockedError`, golang-migrate's `can't acquire lock`, Prisma's advisory lock
 * timeout (P1002). The id keeps the first tool's name.
 */
const rule: Rule = {
  id: 'liquibase-lock',
  category: 'db-migration',
  match: [
    {
      re: /Waiting for changelog lock|Could not acquire change ?log lock|Database has migration lock|DATABASECHANGELOGLOCK|MigrationsAreLockedError|Migrations are running at the moment|can't acquire (?:the )?(?:database )?lock|Timed out trying to acquire a postgres advisory lock/,
    },
  ],
  cause:
    "Database migrations cannot run because a migration lock (Liquibase's, knex-migrator's, golang-migrate's or Prisma's) is still held, usually left behind by an earlier instance that was killed mid-migration.",
  fix: "Make sure no other instance is migrating, then release the stale lock (`liquibase releaseLocks`, the app's own release-locks command, `UPDATE DATABASECHANGELOGLOCK SET LOCKED=false`, or the lock row the message names) and redeploy; give migrations enough time before health checks kill the task.",
  confidence: 0.9,
  beats: ['pending-migrations', 'uncaught-exception'],
  examples: {
    match: [
      [['log', 'liquibase.lockservice - Waiting for changelog lock....']],
      [['log', 'liquibase.exception.LockException: Database has migration lock; cannot run migrations.']],
      [['log', 'NAME: MigrationsAreLockedError']],
      [['log', "error: timeout: can't acquire database lock"]],
    ],
    noMatch: [[['log', 'liquibase: update successful']]],
  },
};
export default rule;
