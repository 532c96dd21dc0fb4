import type { Rule } from '../types.js';

/** A variable reference that nothing substituted: `${DB_HOST}`, `$REDIS_HOST`, `%API_HOST%`, `{{ db_host }}`. */
const UNEXPANDED = String.raw`(?<ref>\$\{[\w.:-]+\}|\$[A-Z_][A-Z0-9_]*|%[A-Z_][A-Z0-9_]*%|\{\{\s*[\w.]+\s*\}\})`;

/*
 * A host name that is a variable reference nobody expanded: exec-form commands and env files pass `${DB_HOST}` on as
 * text, a template was never rendered, a Spring-style placeholder reached the client. Every resolver then fails on the
 * literal (Node's `getaddrinfo ENOTFOUND ${DB_HOST}`, Go's `lookup $DB_HOST: no such host`, libpq's `could not
 * translate host name "${POSTGRES_HOST}"`, Java's `UnknownHostException`, curl, MySQL, nginx's upstream), and no
 * dependency is named at all, so the fix is the setting, not the dependency.
 */
const rule: Rule = {
  id: 'host-unexpanded-variable',
  category: 'config-env',
  match: [
    {
      in: ['log', 'healthOutput', 'localField', 'stoppedReason', 'containerReason'],
      // One group name may occur once (Node 20), so the resolvers' prefixes come first and the reference after them.
      re: new RegExp(
        String.raw`(?:getaddrinfo (?:ENOTFOUND|EAI_AGAIN) |\blookup (?=\S+(?: on \S+)?: no such host)|could not translate host name "|UnknownHostException: |Could not resolve host:? |Unknown (?:MySQL |MariaDB )?server host '|host not found in upstream "|getaddrinfo for )` +
          UNEXPANDED,
      ),
    },
  ],
  cause:
    '{service} tried to resolve the host name {ref}: a variable reference that was never expanded, so the setting reached the client as literal text.',
  fix: 'Expand the variable before the client sees it: give the value itself in the service environment, run the command through a shell (`sh -c`) if it relies on $VARIABLE expansion, or render the template; then check the variable is set.',
  confidence: 0.85,
  beats: ['name-not-resolved', 'uncaught-exception'],
  examples: {
    match: [
      [['log', 'Error: getaddrinfo ENOTFOUND ${DB_HOST}']],
      [['log', 'dial tcp: lookup $REDIS_HOST: no such host']],
      [
        [
          'log',
          'psycopg2.OperationalError: could not translate host name "${POSTGRES_HOST}" to address: Name or service not known',
        ],
      ],
      [['log', 'java.net.UnknownHostException: ${db.host}']],
      [['log', "ERROR 2005 (HY000): Unknown MySQL server host '%DB_HOST%' (-2)"]],
      [
        [
          'log',
          'nginx: [emerg] host not found in upstream "${BACKEND_HOST}:8080" in /etc/nginx/conf.d/default.conf:5',
        ],
      ],
      [['healthOutput', 'curl: (6) Could not resolve host: {{ api_host }}']],
    ],
    noMatch: [
      [['log', 'Error: getaddrinfo ENOTFOUND postgres']],
      [['log', 'dial tcp: lookup db on 127.0.0.11:53: no such host']],
      [['log', 'resolved ${DB_HOST} to 10.0.0.5']],
    ],
  },
};
export default rule;
