import type { Rule } from '../types.js';

/*
 * The database server is up and answers, but has no database by the name the client asked for: Postgres' `FATAL:
 * database "app" does not exist`, MySQL's `Unknown database 'app'` (1049), SQL Server's `Cannot open database "app"
 * requested by the login`. The name in the setting is wrong, or the image created the database only on its first start
 * and the volume predates the setting. A `pg_isready -U user` health check without `-d` asks for a database named after
 * the user, so the server logs the same line for a check that is only noisy: that points at the check instead.
 */
const rule: Rule = {
  id: 'database-name-unknown',
  category: 'config-env',
  match: [
    {
      in: ['log', 'stoppedReason', 'containerReason', 'localField'],
      re: /(?<what>FATAL:\s+database "(?<db>[^"]+)" does not exist|Unknown database '(?<db2>[^']+)'|Cannot open database "(?<db3>[^"]+)" requested by the login)/,
    },
  ],
  against: [{ in: ['healthCheck', 'log'], re: /pg_isready(?![^\n]*\s(?:-d|--dbname)\b)/ }],
  cause:
    '{service} asked its database server for a database named {db,db2,db3|in its setting}, which the server does not have ({what}).',
  fix: 'Set the database name the service uses (DB_NAME / DATABASE_URL) to one the server has, or create it: images such as postgres and mysql create POSTGRES_DB / MYSQL_DATABASE only on their first start with an empty volume.',
  confidence: 0.6,
  beats: ['essential-exited-nonzero', 'uncaught-exception'],
  examples: {
    match: [
      [['log', 'psycopg2.OperationalError: FATAL:  database "orders" does not exist']],
      [['log', "SQLSTATE[HY000] [1049] Unknown database 'laravel'"]],
      [['log', 'Cannot open database "Shop" requested by the login. The login failed.']],
    ],
    noMatch: [[['log', 'FATAL:  role "postgres" does not exist']]],
  },
};
export default rule;
