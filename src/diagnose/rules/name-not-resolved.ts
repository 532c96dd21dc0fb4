import type { Rule } from '../types.js';

/** Every tool's words for a host name that did not resolve; `host…` groups hold the name where the line gives it. */
export const NAME_NOT_RESOLVED =
  /getaddrinfo (?:ENOTFOUND|EAI_AGAIN) (?<host>[\w.-]+)|connecting to (?<host2>[\w.-]+):\d+\. Name does not resolve|Name does not resolve|Name or service not known|Temporary failure in name resolution|UnknownHostException: (?<host3>[\w.-]+)|host not found in upstream "(?<host4>[\w.-]+)|lookup (?<host5>[\w.-]+)(?: on [\d.:[\]]+)?: no such host|could not translate host name "(?<host6>[\w.-]+)"|Could not resolve host:? (?<host7>[\w.-]+)|getaddrinfo failed|getaddrinfo for (?<host8>[\w.-]+) failed|No such host is known|nodename nor servname provided|failed to resolve broker hostname|Unknown (?:MySQL |MariaDB )?server host '(?<host9>[\w.-]+)'|\bnxdomain\b|DNS resolution failed for (?<host10>[\w.-]+)|Error -3 connecting to (?<host11>[\w.-]+):\d+\. Try again|gaierror: \[Errno -3\] Try again|failed to lookup address information|lookup (?<host12>[\w.-]+) on [\d.:[\]]+: server misbehaving|UnresolvedAddressException|\bbad address '(?<host13>[\w.-]+)'/;

const rule: Rule = {
  id: 'name-not-resolved',
  category: 'dependency-unreachable',
  match: [
    {
      // Node, redis-py, glibc, Java, nginx (`host not found in upstream`), Go (`lookup x: no such host`), libpq
      // (`could not translate host name`), curl, PHP and .NET each word a failed DNS lookup their own way; so do kombu
      // (`failed to resolve broker hostname`), libmysqlclient (`Unknown MySQL server host 'db'`), Erlang and Elixir
      // (`:nxdomain`) and Kafka's Java client (`DNS resolution failed for kafka`). musl (Alpine images) words a lookup
      // that got no answer `Try again` (redis-py's `Error -3 connecting to redis:6379. Try again.`, Python's
      // `gaierror: [Errno -3]`); Rust's resolver says `failed to lookup address information`, Go's resolver given
      // SERVFAIL `server misbehaving`, Java NIO `UnresolvedAddressException`, BusyBox's wget and nc `bad address 'x'`.
      re: NAME_NOT_RESOLVED,
    },
  ],
  cause:
    '{service} could not resolve the dependency host name {host,host2,host3,host4,host5,host6,host7,host8,host9,host10,host11,host12,host13|it was given}, so it never reached it.',
  fix: 'Check the dependency is deployed and registered under that name (Service Connect / Cloud Map namespace, or the exact RDS / ElastiCache endpoint) and that the VPC has DNS resolution and DNS hostnames enabled.',
  confidence: 0.6,
  beats: ['uncaught-exception'],
  examples: {
    match: [
      [
        [
          'log',
          'redis.exceptions.ConnectionError: Error -2 connecting to redis:6379. Name does not resolve.',
        ],
      ],
      [['log', 'Error: getaddrinfo ENOTFOUND postgres']],
      [['log', 'nginx: [emerg] host not found in upstream "app" in /etc/nginx/conf.d/nginx.conf:26']],
      [['log', 'dial tcp: lookup db on 127.0.0.11:53: no such host']],
      [['log', 'redis.exceptions.ConnectionError: Error -3 connecting to redis:6379. Try again.']],
      [['log', 'dial tcp: lookup loki on 127.0.0.11:53: server misbehaving']],
      [['log', 'dns error: failed to lookup address information: Try again']],
      [['log', "wget: bad address 'api'"]],
      [
        [
          'log',
          'consumer: Cannot connect to amqp://guest:**@rabbitmq:5672//: failed to resolve broker hostname.',
        ],
      ],
      [['log', "ERROR 2005 (HY000): Unknown MySQL server host 'mysql' (-2)"]],
      [['log', '** (DBConnection.ConnectionError) tcp connect (db:5432): non-existing domain - :nxdomain']],
      [
        [
          'log',
          'SQLSTATE[HY000] [2002] php_network_getaddresses: getaddrinfo for mysql failed: Name does not resolve',
        ],
      ],
    ],
    noMatch: [
      [['log', 'resolved redis to 10.0.0.4']],
      [['log', 'The execute command failed due to an internal error. Try again later.']],
    ],
  },
};
export default rule;
