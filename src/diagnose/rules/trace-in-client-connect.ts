import type { Rule } from '../types.js';

/*
 * A stack trace whose innermost frames are a database or broker client opening its connection, with the error line
 * itself cut off (a log tail, a truncated paste): the program died while dialling its dependency, which is what a
 * dependency not up yet looks like, not a bug in the program. One meaning in each runtime's frames: Python's
 * `site-packages/psycopg2/…`, `pika.BlockingConnection(`, `redis.Redis(`, `MongoClient(`; Java's
 * `at org.postgresql.core.v3.ConnectionFactoryImpl.openConnectionImpl`, `at com.mysql.cj.jdbc.ConnectionImpl.createNewIO`,
 * `at com.rabbitmq.client.ConnectionFactory.newConnection`; Ruby's `pg/connection.rb … in 'connect_start'` and
 * `mysql2/client.rb … in 'connect'`. A loopback address in the capture is left to the setting rules (the address is
 * the mistake there), and any error line that says more is read by its own, stronger rule.
 */
const PYTHON_FRAME =
  /File "[^"]*\/(?:site|dist)-packages\/(?:psycopg2?|pika|redis|pymongo|MySQLdb|pymysql|mysql\/connector|kafka|kombu|amqp|asyncpg|aiomysql|aio_pika|aiokafka|cassandra|elasticsearch)\/[^"]*", line \d+, in (?:__init__|connect|_connect|create_connection|_create_connection|connect_tcp|get_connection|_get_conn|_connect_to_server|_retry_connect|_adapter_connect|_select_server|_create_pool|_get_connection|bootstrap_connected|check_version)\b/;
const PYTHON_CALL =
  /^\s*(?:\w+\s*=\s*)?(?:(?:psycopg2?|pymysql|MySQLdb|asyncpg|aiomysql)\.connect|pika\.BlockingConnection|redis\.(?:Strict)?Redis|(?:pymongo\.)?MongoClient|Kafka(?:Producer|Consumer|AdminClient))\(/;
const JAVA_FRAME =
  /^\s*at (?:org\.postgresql\.core\.v3\.ConnectionFactoryImpl\.openConnectionImpl|org\.postgresql\.core\.PGStream\.<init>|com\.mysql\.cj\.(?:jdbc\.ConnectionImpl\.(?:createNewIO|connectOneTryOnly)|protocol\.StandardSocketFactory\.connect)|org\.mariadb\.jdbc\.client\.impl\.ConnectionHelper\.connectSocket|com\.rabbitmq\.client\.ConnectionFactory\.newConnection|redis\.clients\.jedis\.(?:Connection|DefaultJedisSocketFactory)\.(?:connect|createSocket)|com\.mongodb\.internal\.connection\.SocketStream\.open)\b/;
const RUBY_FRAME =
  /\/gems\/(?:pg|mysql2|redis|redis-client|bunny|mongo)-[\d.]+\/lib\/[^:]+:\d+:in [`'](?:[\w:#.]*?)(?:connect_start|async_connect|new_connect|connect|establish_connection|start)'/;

const rule: Rule = {
  id: 'trace-in-client-connect',
  category: 'dependency-unreachable',
  match: [
    {
      in: ['log'],
      re: new RegExp([PYTHON_FRAME, PYTHON_CALL, JAVA_FRAME, RUBY_FRAME].map((r) => r.source).join('|')),
    },
  ],
  unless: [{ in: ['log'], re: /\b(?:localhost|127\.0\.0\.1)\b|\[?::1\]?[:\s]/ }],
  cause:
    "{service} died inside its database or broker client's connection set-up (the stack trace ends there): the dependency was not accepting connections when {service} started.",
  fix: 'Start the dependency first and gate {service} on its health (a readiness check, depends_on with service_healthy, or a retry at start-up); if it never comes up, fix the dependency itself.',
  confidence: 0.55,
  beats: ['uncaught-exception', 'essential-exited-nonzero', 'local-exit-nonzero'],
  examples: {
    match: [
      [
        ['log', 'Traceback (most recent call last):'],
        ['log', '  File "/usr/lib64/python2.7/site-packages/psycopg2/pool.py", line 156, in __init__'],
      ],
      [['log', '    connection = pika.BlockingConnection(pika.ConnectionParameters(']],
      [['log', '  File "/usr/local/lib/python3.11/site-packages/redis/connection.py", line 707, in connect']],
      [
        [
          'log',
          '\tat org.postgresql.core.v3.ConnectionFactoryImpl.openConnectionImpl(ConnectionFactoryImpl.java:319)',
        ],
      ],
      [['log', '\tat com.rabbitmq.client.ConnectionFactory.newConnection(ConnectionFactory.java:1225)']],
      [['log', "/usr/local/bundle/gems/pg-1.5.4/lib/pg/connection.rb:695:in `connect_start'"]],
    ],
    noMatch: [
      [
        ['log', 'Traceback (most recent call last):'],
        ['log', '  File "/app/views.py", line 12, in index'],
      ],
      [
        [
          'log',
          '  File "/usr/local/lib/python3.10/site-packages/psycopg2/__init__.py", line 122, in connect',
        ],
        ['log', 'psycopg2.OperationalError: connection to server at "localhost" (::1), port 5432 failed'],
      ],
      [['log', '\tat org.postgresql.jdbc.PgStatement.executeQuery(PgStatement.java:224)']],
    ],
  },
};
export default rule;
