import type { Rule } from '../types.js';

/*
 * The third way a database connection's TLS settings and the server disagree (beside db-ssl-required and
 * db-ssl-not-offered): the client verifies the server's certificate and has no CA that signed it (RDS's and Azure's
 * CAs, a self-signed certificate on a private server). The fix is in the connection settings: the CA file the client
 * is given, or the mode that says what to verify. Only database clients' own words, so a general `x509: certificate
 * signed by unknown authority` (an image without CA certificates) stays out. SQL Server's SqlClient (`The certificate
 * chain was issued by an authority that is not trusted`, since Encrypt defaults to true), mssql-jdbc (`could not
 * establish a secure connection to SQL Server by using Secure Sockets Layer (SSL) encryption`), libpq with
 * `sslmode=verify-ca` / `verify-full` (`root certificate file "…" does not exist`), pgjdbc (`Could not open SSL root
 * certificate file`), the MySQL client (`SSL connection error: … certificate verify failed`).
 */
const rule: Rule = {
  id: 'db-tls-untrusted',
  category: 'config-env',
  match: [
    {
      in: ['log', 'localField', 'stoppedReason', 'containerReason'],
      re: /(?<what>The certificate chain was issued by an authority that is not trusted|could not establish a secure connection to SQL Server by using Secure Sockets Layer \(SSL\) encryption|root certificate file "[^"\n]+" does not exist|Could not open SSL root certificate file [^\n]{0,80}|SSL connection error: [^\n]{0,60}certificate verify failed)/,
    },
  ],
  cause:
    "{service}'s database client verifies the server's TLS certificate and does not trust the authority that signed it ({what}).",
  fix: "Give the client the CA that signed the database's certificate (e.g. the RDS CA bundle, via sslrootcert / the driver's CA option) or set its connection to encrypt without verifying the chain (TrustServerCertificate=true, sslmode=require) where that is acceptable.",
  confidence: 0.8,
  beats: ['uncaught-exception', 'essential-exited-nonzero', 'local-exit-nonzero', 'runtime-fatal-banner'],
  examples: {
    match: [
      [
        [
          'log',
          'Microsoft.Data.SqlClient.SqlException (0x80131904): A connection was successfully established with the server, but then an error occurred during the login process. (provider: SSL Provider, error: 0 - The certificate chain was issued by an authority that is not trusted.)',
        ],
      ],
      [
        [
          'log',
          'com.microsoft.sqlserver.jdbc.SQLServerException: The driver could not establish a secure connection to SQL Server by using Secure Sockets Layer (SSL) encryption. Error: "PKIX path building failed".',
        ],
      ],
      [
        [
          'log',
          'psql: error: connection to server at "db.example.internal" (10.0.3.9), port 5432 failed: root certificate file "/root/.postgresql/root.crt" does not exist',
        ],
      ],
    ],
    noMatch: [
      [['log', 'Get "https://api.example.com/v1": x509: certificate signed by unknown authority']],
      [['log', 'FATAL:  SSL connection is required. Please specify SSL options and retry.']],
    ],
  },
};
export default rule;
