import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'liquibase-lock',
  category: 'db-migration',
  match: [
    {
      re: /Waiting for changelog lock|Could not acquire change ?log lock|Database has migration lock|DATABASECHANGELOGLOCK/,
    },
  ],
  cause:
    'Database migrations cannot run because a Liquibase lock is still held, usually left behind by an earlier instance that was killed mid-migration.',
  fix: "Make sure no other instance is migrating, then release the stale lock (`liquibase releaseLocks`, the app's own release-locks command, or `UPDATE DATABASECHANGELOGLOCK SET LOCKED=false`) and redeploy; give migrations enough time before health checks kill the task.",
  confidence: 0.9,
  beats: ['pending-migrations', 'uncaught-exception'],
  examples: {
    match: [
      [['log', 'liquibase.lockservice - Waiting for changelog lock....']],
      [['log', 'liquibase.exception.LockException: Database has migration lock; cannot run migrations.']],
    ],
    noMatch: [[['log', 'liquibase: update successful']]],
  },
};
export default rule;
