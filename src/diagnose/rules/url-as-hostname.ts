import type { Rule } from '../types.js';

/*
 * A whole connection URL was handed to a client where it expects only a host name (a `*_URL` variable read into a
 * `*_HOST` setting, or passed as `host=`), so the resolver is asked for a name like `redis://redis:6379/0`. The
 * dependency is fine and its name would resolve; the fix is which setting the URL goes in. redis-py (`Error -2
 * connecting to redis://…`), Node's resolver (`getaddrinfo ENOTFOUND postgres://…`), libpq / psycopg (`could not
 * translate host name "postgresql://…"`), Java (`UnknownHostException: jdbc:mysql://…`).
 */
const URL = String.raw`[a-z][a-z0-9+.:-]*:\/\/[^\s"']+`;
const rule: Rule = {
  id: 'url-as-hostname',
  category: 'config-env',
  match: [
    {
      in: ['log', 'localField', 'stoppedReason', 'containerReason'],
      re: new RegExp(
        String.raw`(?:Error -[23] connecting to |getaddrinfo (?:ENOTFOUND|EAI_AGAIN) |could not translate host name "|UnknownHostException: )(?<host>${URL})`,
        'i',
      ),
    },
  ],
  cause:
    '{service} was given a whole connection URL where its client expects only a host name, so it tried to resolve {host|the URL} as a name.',
  fix: 'Pass the URL to the client’s URL setting (e.g. `from_url`, `connectionString`, DATABASE_URL), or give the host setting only the host name (e.g. `redis`, `db`).',
  confidence: 0.85,
  beats: ['name-not-resolved', 'uncaught-exception', 'essential-exited-nonzero', 'local-exit-nonzero'],
  examples: {
    match: [
      [
        [
          'log',
          'redis.exceptions.ConnectionError: Error -2 connecting to redis://redis:6379/0:6379. Name or service not known.',
        ],
      ],
      [['log', 'Error: getaddrinfo ENOTFOUND postgres://app:secret@db:5432/app']],
      [
        [
          'log',
          'psycopg2.OperationalError: could not translate host name "postgresql://app@db:5432/app" to address: Name or service not known',
        ],
      ],
      [['log', 'java.net.UnknownHostException: jdbc:mysql://mysql:3306/app']],
    ],
    noMatch: [
      [
        [
          'log',
          'redis.exceptions.ConnectionError: Error -2 connecting to redis:6379. Name or service not known.',
        ],
      ],
      [['log', 'Error: getaddrinfo ENOTFOUND db']],
    ],
  },
};
export default rule;
