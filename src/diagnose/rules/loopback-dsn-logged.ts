import type { Rule } from '../types.js';
import { LOOPBACK_DSN } from './loopback-dsn-failed.js';

/*
 * The connection string is not in the failure but elsewhere in what the service printed: the settings it starts with
 * (Tomcat's `Command line argument: -DdataSource.url=jdbc:mysql://127.0.0.1:3306/app`, Spring's or Django's settings
 * dump, an entrypoint echoing DATABASE_URL), and a later line says a connection could not be made, in the client's own
 * words (JDBC's `Communications link failure`, refused, timed out, could not connect). Together: the client was told to
 * reach its database, cache or broker at the container's own loopback, as in loopback-dsn-failed.
 */
const rule: Rule = {
  id: 'loopback-dsn-logged',
  category: 'config-env',
  match: [
    { in: ['log', 'localField'], re: new RegExp(LOOPBACK_DSN) },
    {
      in: ['log', 'stoppedReason', 'containerReason', 'localField'],
      re: /Communications link failure|[Cc]onnection refused|ECONNREFUSED|ETIMEDOUT|[Cc]onnection timed out|[Cc]ould not connect to|[Ff]ailed to connect to|[Uu]nable to connect to|[Cc]an't connect to|[Cc]annot connect to|[Cc]onnection attempt failed|could not be established/,
    },
  ],
  // Locally, 127.0.0.1 is where a dependency may well run; only a container's own loopback is always wrong.
  unless: [{ in: ['origin'], re: /^local$/ }],
  cause:
    '{service} is configured to reach its database, cache or broker at {dsn} — {host} inside a container is the container itself — and its connection then failed.',
  fix: "Set the connection string (the -D property, environment variable or settings file that holds {dsn}) to the dependency's real address: its service name, DNS name or endpoint.",
  // Below loopback-dsn-failed, which names the same mistake from one line when the failure quotes the string itself.
  confidence: 0.64,
  beats: ['dependency-not-ready', 'connection-refused', 'uncaught-exception', 'essential-exited-nonzero'],
  examples: {
    match: [
      [
        [
          'log',
          'INFO [main] org.apache.catalina.startup.VersionLoggerListener.log Command line argument: -DdataSource.url=jdbc:mysql://127.0.0.1:3306/app',
        ],
        ['log', 'com.mysql.cj.jdbc.exceptions.CommunicationsException: Communications link failure'],
      ],
      [
        ['log', 'Using DATABASE_URL=postgres://app:***@localhost:5432/app'],
        ['log', 'psycopg2.OperationalError: could not connect to server: Connection refused'],
      ],
    ],
    noMatch: [
      [
        ['log', 'Command line argument: -DdataSource.url=jdbc:mysql://db:3306/app'],
        ['log', 'com.mysql.cj.jdbc.exceptions.CommunicationsException: Communications link failure'],
      ],
      [['log', '[main] INFO DbSupportFactory - Database: jdbc:mysql://localhost/flyway (MySQL 5.6)']],
    ],
  },
};
export default rule;
