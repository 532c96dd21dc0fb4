import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'db-ssl-required',
  category: 'config-env',
  match: [{ re: /no pg_hba\.conf entry for host "(?<host>[^"]+)"[^\n]*(?:SSL off|no encryption)/ }],
  cause:
    "PostgreSQL rejects {service}'s connection from {host} because it is not encrypted and the server only accepts SSL (RDS PostgreSQL 15+ sets rds.force_ssl=1 by default).",
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
    ],
    noMatch: [
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
