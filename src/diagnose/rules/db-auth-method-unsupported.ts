import type { Rule } from '../types.js';

/*
 * The database asks for a password scheme the client cannot speak: MySQL 8's default `caching_sha2_password` met by
 * an older PHP / Node / C client, PostgreSQL 14's `scram-sha-256` met by an old libpq, pgjdbc or lib/pq. The
 * password is not wrong and the server is up; the fix is a setting on one side (the server's default authentication
 * plugin / password_encryption, the user's auth method) or a newer client driver. PHP mysqlnd (`The server requested
 * authentication method unknown to the client`), Node's mysql (`ER_NOT_SUPPORTED_AUTH_MODE`, `Client does not support
 * authentication protocol requested by server`), libmysqlclient (`Authentication plugin 'caching_sha2_password'
 * cannot be loaded`), Go's MySQL driver (`this authentication plugin is not supported`), libpq (`authentication method
 * 10 not supported`), pgjdbc (`The authentication type 10 is not supported`), lib/pq (`unknown authentication
 * response: 10`). PgBouncer between them says `server login failed: wrong password type` when its auth_type (or the
 * password in its userlist) is md5 and the server stores scram-sha-256, as every client relays it.
 */
const rule: Rule = {
  id: 'db-auth-method-unsupported',
  category: 'config-env',
  match: [
    {
      in: ['log', 'localField', 'stoppedReason', 'containerReason'],
      re: /(?<what>The server requested authentication method unknown to the client[^\n]{0,40}|ER_NOT_SUPPORTED_AUTH_MODE|Client does not support authentication protocol requested by server|Authentication plugin '[\w-]+' (?:cannot be loaded|is not supported|reported error)|this authentication plugin is not supported|authentication method 10 not supported|The authentication type 10 is not supported|unknown authentication response: 10|server login failed: wrong password type|cannot do SCRAM authentication: wrong password type)/i,
    },
  ],
  cause:
    "{service}'s database client cannot use the authentication method the server asks for ({what}), typically MySQL 8's caching_sha2_password or PostgreSQL's scram-sha-256 with an older driver.",
  fix: 'Either upgrade the client driver, or configure the server for a method the client knows (MySQL: `--default-authentication-plugin=mysql_native_password` or `ALTER USER … IDENTIFIED WITH mysql_native_password`; PostgreSQL: `password_encryption = md5` and reset the password), then redeploy.',
  confidence: 0.8,
  beats: [
    'uncaught-exception',
    'essential-exited-nonzero',
    'local-exit-nonzero',
    'credentials-rejected',
    // libmysqlclient names the plugin's .so it could not open; the library is not what is missing from the image.
    'shared-library-missing',
  ],
  examples: {
    match: [
      [['log', 'SQLSTATE[HY000] [2054] The server requested authentication method unknown to the client']],
      [['log', 'FATAL:  server login failed: wrong password type']],
      [
        [
          'log',
          'Error: ER_NOT_SUPPORTED_AUTH_MODE: Client does not support authentication protocol requested by server; consider upgrading MySQL client',
        ],
      ],
      [
        [
          'log',
          "ERROR 2059 (HY000): Authentication plugin 'caching_sha2_password' cannot be loaded: /usr/lib/mysql/plugin/caching_sha2_password.so: cannot open shared object file: No such file or directory",
        ],
      ],
      [['log', 'psql: error: authentication method 10 not supported']],
      [['log', 'org.postgresql.util.PSQLException: The authentication type 10 is not supported.']],
    ],
    noMatch: [
      [['log', "Access denied for user 'app'@'172.18.0.3' (using password: YES)"]],
      [['log', 'FATAL:  password authentication failed for user "app"']],
    ],
  },
};
export default rule;
