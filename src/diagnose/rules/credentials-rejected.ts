import type { Rule } from '../types.js';

/*
 * The dependency is up and answered, but it refused the user name or password the service was given: a credential in
 * the environment (or secret) is wrong, stale or meant for another database. PostgreSQL (`password authentication
 * failed for user`), MySQL / MariaDB (`Access denied for user ... (using password: YES)`), Redis (`NOAUTH`,
 * `WRONGPASS`, and before ACLs `ERR invalid password`), MongoDB (the server's `AuthenticationFailed` as every driver
 * relays it: Node's `MongoServerError`, PyMongo's `'codeName': 'AuthenticationFailed'`, the Go and Java drivers'
 * `(AuthenticationFailed)`, Java's `MongoSecurityException`), Kafka (`SASL authentication failed`, the Java client's
 * `SaslAuthenticationException` / `invalid credentials with SASL mechanism`), RabbitMQ (`ACCESS_REFUSED`, Go amqp's
 * `username or password not allowed`, pika's `ProbableAuthenticationError`), SQL Server (`Login failed for user`, but
 * not `Server is in script upgrade mode`: that server is not ready yet), Oracle (`ORA-01017`), Elasticsearch (`unable to
 * authenticate user [elastic]`).
 * AWS's own credentials are aws-credentials-missing; a secret ECS could not fetch is secrets-iam.
 */
const rule: Rule = {
  id: 'credentials-rejected',
  category: 'config-env',
  match: [
    {
      in: ['log', 'healthOutput', 'localField', 'stoppedReason', 'containerReason'],
      re: /(?<what>password authentication failed for user "?[^"\s]*"?|Access denied for user '[^']*'@'[^']*' \(using password: (?:YES|NO)\)|NOAUTH Authentication required|WRONGPASS invalid username-password pair|MongoServerError: Authentication failed|SASL authentication failed|ACCESS_REFUSED - Login was refused|\(AuthenticationFailed\)[^\n]{0,40}|'codeName': 'AuthenticationFailed'|codeName: 'AuthenticationFailed'|MongoSecurityException: Exception authenticating|Login failed for user '[^'\n]*'(?!\.? Reason: Server is in script upgrade mode)|ORA-01017: invalid username\/password|SaslAuthenticationException[^\n]{0,80}|due to invalid credentials with SASL mechanism \S+|username or password not allowed|ProbableAuthenticationError|unable to authenticate user \[[^\]\n]*\]|ERR invalid password)/,
    },
  ],
  cause: '{service} reached its dependency, which refused the credentials it was given ({what}).',
  fix: 'Check the user name and password the service is configured with (its environment or the secret behind it) against what the database or broker expects, and that they name the right database; redeploy after correcting them.',
  confidence: 0.75,
  beats: ['uncaught-exception', 'essential-exited-nonzero', 'local-exit-nonzero'],
  examples: {
    match: [
      [['log', 'psycopg2.OperationalError: FATAL:  password authentication failed for user "app"']],
      [['log', "ERROR 1045 (28000): Access denied for user 'app'@'10.0.1.5' (using password: YES)"]],
      [['log', 'ReplyError: NOAUTH Authentication required.']],
      [['log', "Microsoft.Data.SqlClient.SqlException (0x80131904): Login failed for user 'sa'."]],
      [['log', 'java.sql.SQLException: ORA-01017: invalid username/password; logon denied']],
      [
        [
          'log',
          "pymongo.errors.OperationFailure: Authentication failed., full error: {'ok': 0.0, 'errmsg': 'Authentication failed.', 'code': 18, 'codeName': 'AuthenticationFailed'}",
        ],
      ],
      [['log', 'Exception (403) Reason: "username or password not allowed"']],
    ],
    noMatch: [
      [['log', 'connection authorized: user=app database=app']],
      [['log', 'Successfully authenticated with kafka/172.18.0.4']],
    ],
  },
};
export default rule;
