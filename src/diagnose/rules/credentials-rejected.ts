import type { Rule } from '../types.js';

/*
 * The dependency is up and answered, but it refused the user name or password the service was given: a credential in
 * the environment (or secret) is wrong, stale or meant for another database. PostgreSQL (`password authentication
 * failed for user`), MySQL / MariaDB (`Access denied for user ... (using password: YES)`), Redis (`NOAUTH`,
 * `WRONGPASS`), MongoDB (`Authentication failed`), Kafka (`SASL authentication failed`), RabbitMQ (`ACCESS_REFUSED`).
 * AWS's own credentials are aws-credentials-missing; a secret ECS could not fetch is secrets-iam.
 */
const rule: Rule = {
  id: 'credentials-rejected',
  category: 'config-env',
  match: [
    {
      in: ['log', 'healthOutput', 'localField', 'stoppedReason', 'containerReason'],
      re: /(?<what>password authentication failed for user "?[^"\s]*"?|Access denied for user '[^']*'@'[^']*' \(using password: (?:YES|NO)\)|NOAUTH Authentication required|WRONGPASS invalid username-password pair|MongoServerError: Authentication failed|SASL authentication failed|ACCESS_REFUSED - Login was refused)/,
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
    ],
    noMatch: [[['log', 'connection authorized: user=app database=app']]],
  },
};
export default rule;
