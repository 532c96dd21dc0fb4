import type { Rule } from '../types.js';

/*
 * One meaning in each server's words: the database accepts only encrypted connections and the client sent none.
 * PostgreSQL's pg_hba (`no pg_hba.conf entry … no encryption`), Azure's PostgreSQL (`SSL connection is required`),
 * MySQL's `require_secure_transport` (`Connections using insecure transport are prohibited`), CockroachDB (`SSL
 * connection required`), and an app's own `SSL required`.
 */
const rule: Rule = {
  id: 'db-ssl-required',
  category: 'config-env',
  match: [
    {
      re: /no pg_hba\.conf entry for host "(?<host>[^"]+)"[^\n]*(?:SSL off|no encryption)|\bSSL (?:connection )?(?:is )?required\b|Connections using insecure transport are prohibited/,
    },
  ],
  cause:
    "The database rejects {service}'s connection from {host|its address} because it is not encrypted and the server only accepts SSL (RDS PostgreSQL 15+ sets rds.force_ssl=1 by default; MySQL's require_secure_transport does the same).",
  fix: "Enable SSL in the client's connection settings (e.g. `sslmode=require` in DATABASE_URL, or `ssl: true` with the RDS CA bundle).",
  confidence: 0.85,
  examples: {
    match: [
      [
        [
          'log',
          'no pg_hba.conf entry for host "10.0.2.166", user "dbuser", database "core_dev", no encryption',
        ],
      ],
      [['log', 'FATAL:  SSL connection is required. Please specify SSL options and retry.']],
      [
        [
          'log',
          'ERROR 3159 (HY000): Connections using insecure transport are prohibited while --require_secure_transport=ON.',
        ],
      ],
      [['log', 'ERROR: node is running secure mode, SSL connection required']],
      [['log', 'Error connecting to database, SSL required']],
    ],
    noMatch: [
      [['log', 'DB_SSL=false: SSL is not required for local connections']],
      [
        [
          'log',
          'no pg_hba.conf entry for host "10.0.2.166", user "dbuser", database "core_dev", SSL encryption',
        ],
      ],
    ],
  },
};
export default rule;
