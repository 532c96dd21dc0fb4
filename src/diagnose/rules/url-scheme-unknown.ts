import type { Rule } from '../types.js';

/*
 * A connection URL whose scheme the client does not take: the setting is written for another driver or an older
 * version. SQLAlchemy 1.4 dropped the `postgres://` alias (`Can't load plugin: sqlalchemy.dialects:postgres`), JDBC
 * and HikariCP want `jdbc:` in front (`No suitable driver found for postgres://…`, `Driver … claims to not accept
 * jdbcUrl`), dj-database-url and Prisma name the schemes they know, and Sequelize gets no dialect from an empty or
 * schemeless URL. setting-value-invalid holds the Redis and MongoDB wordings of the same meaning.
 */
const rule: Rule = {
  id: 'url-scheme-unknown',
  category: 'config-env',
  match: [
    {
      in: ['log', 'localField', 'stoppedReason', 'containerReason'],
      re: /(?<what>Can't load plugin: sqlalchemy\.dialects:postgres\b|No suitable driver found for (?!jdbc:)\S+|claims to not accept jdbcUrl, \S+|UnknownSchemeError[^\n]{0,80}|Scheme '[\w+]+:\/\/' is unknown|the URL must start with the protocol `[\w+]+:(?:\/\/)?`[^\n]{0,60}|Dialect needs to be explicitly supplied)/,
    },
  ],
  cause:
    '{service} was given a connection URL its client cannot use ({what}): the scheme belongs to another driver or an older version.',
  fix: 'Write the URL with the scheme this client expects (e.g. `postgresql://` for SQLAlchemy 1.4+, `jdbc:postgresql://` for JDBC) in the service’s environment, and redeploy.',
  confidence: 0.8,
  beats: ['uncaught-exception', 'essential-exited-nonzero', 'local-exit-nonzero'],
  examples: {
    match: [
      [['log', "sqlalchemy.exc.NoSuchModuleError: Can't load plugin: sqlalchemy.dialects:postgres"]],
      [['log', 'java.sql.SQLException: No suitable driver found for postgres://db:5432/app']],
      [
        [
          'log',
          'java.lang.RuntimeException: Driver org.postgresql.Driver claims to not accept jdbcUrl, postgresql://db:5432/app',
        ],
      ],
      [
        [
          'log',
          'Error: Error validating datasource `db`: the URL must start with the protocol `postgresql://` or `postgres://`.',
        ],
      ],
      [['log', "ValueError: Scheme 'postgress://' is unknown. Did you forget to register custom backend?"]],
      [['log', 'Error: Dialect needs to be explicitly supplied as of v4.0.0']],
    ],
    noMatch: [
      [['log', 'java.sql.SQLException: No suitable driver found for jdbc:postgresql://db:5432/app']],
      [['log', "sqlalchemy.exc.NoSuchModuleError: Can't load plugin: sqlalchemy.dialects:snowflake"]],
    ],
  },
};
export default rule;
