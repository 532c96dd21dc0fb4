import type { Rule } from '../types.js';

/*
 * The reverse of db-ssl-required: the client insists on an encrypted connection and the database server offers
 * none (a compose or private-network Postgres / MySQL started without certificates). The fix is on the client's
 * side, in its connection settings (`sslmode=disable` / `ssl: false` for a server on a private network, or a server
 * with SSL turned on), so it is a setting, not the server being down. lib/pq (`SSL is not enabled on the server`),
 * libpq / psycopg (`server does not support SSL, but SSL was required`), node-postgres (`The server does not support
 * SSL connections`), pgjdbc (`The server does not support SSL.`), Rust's drivers and Prisma (`server does not support
 * TLS`), asyncpg (`rejected SSL upgrade`), the MySQL client and mysql2 (`SSL is required but the server doesn't support
 * it`, `Server does not support secure connnection`).
 */
const rule: Rule = {
  id: 'db-ssl-not-offered',
  category: 'config-env',
  match: [
    {
      in: ['log', 'localField', 'stoppedReason', 'containerReason'],
      re: /(?<what>\bSSL is not enabled on the server|\bserver does not support (?:SSL|TLS)\b[^\n]{0,40}|\bThe server does not support SSL\b[^\n]{0,20}|\brejected SSL upgrade|SSL is required but the server doesn'?t support it|Server does not support secure conn+ection)/i,
    },
  ],
  cause:
    "{service}'s database client requires an encrypted connection, but the database server does not offer SSL/TLS ({what}).",
  fix: 'Match the client to the server: for a database on a private network without certificates set `sslmode=disable` (or `ssl: false`, `?sslmode=disable` in DATABASE_URL, the app’s SSL-mode variable); otherwise enable SSL on the server.',
  confidence: 0.85,
  beats: [
    'uncaught-exception',
    'essential-exited-nonzero',
    'local-exit-nonzero',
    'runtime-fatal-banner',
    // The MySQL client's `SSL is required but the server doesn't support it` also holds db-ssl-required's words.
    'db-ssl-required',
  ],
  examples: {
    match: [
      [['log', 'panic: pq: SSL is not enabled on the server']],
      [
        [
          'log',
          'psycopg2.OperationalError: connection to server at "db" (172.18.0.2), port 5432 failed: server does not support SSL, but SSL was required',
        ],
      ],
      [['log', 'Error: The server does not support SSL connections']],
      [['log', 'org.postgresql.util.PSQLException: The server does not support SSL.']],
      [
        [
          'log',
          "ERROR 2026 (HY000): SSL connection error: SSL is required but the server doesn't support it",
        ],
      ],
    ],
    noMatch: [
      [['log', 'FATAL:  SSL connection is required. Please specify SSL options and retry.']],
      [['log', 'LOG:  SSL is not enabled; set ssl = on in postgresql.conf to accept encrypted connections']],
    ],
  },
};
export default rule;
