import type { Catalogue, CatalogueEntry } from './types.js';

/*
 * SQL databases' documented error codes as their servers, clients, drivers and ORMs print them. A bare SQLSTATE or
 * error number is too short to stand alone, so each entry's `re` names the text the clients put around it
 * (`SQLSTATE[42P01]`, `(SQLSTATE 28P01)`, `code: '28P01'`, `ERROR 1045 (28000)`, `(1045, "…`, `Msg 18456`…).
 */

type Entry = Omit<CatalogueEntry, 're'> & { re: RegExp };

/**
 * A PostgreSQL SQLSTATE: as drivers print the code (`SQLSTATE[…]`, `(SQLSTATE …)`, `code: '…'`, Hibernate's
 * `SQLState: …`, Npgsql's `(0x80004005): …:`, a verbose server log's `FATAL:  …:`), as Postgrex prints it with its
 * condition name (`FATAL 28P01 (invalid_password)`), or as psycopg, Ruby's pg and asyncpg name its exception class.
 */
function pg(code: string, condition: string, cls: string): RegExp {
  return new RegExp(
    `(?:(?:SQLSTATE|SQLState|SQL State|sqlstate)(?:\\[|:? ?|=)|\\b[Cc]ode"?[=:] ?['"]?|\\(0x[0-9A-Fa-f]+\\): )${code}\\b|(?:ERROR|FATAL|PANIC):\\s+${code}:|\\b${code} \\(${condition}\\)|(?:psycopg2?\\.errors\\.|PG::|asyncpg\\.exceptions\\.)${cls}(?:Error)?\\b`,
  );
}

/**
 * A MySQL or MariaDB error number as the clients print it: the mysql CLI's `ERROR 1045 (28000):`, Go's
 * `Error 1045 (28000):` / `Error 1045:`, PDO's `[1045]`, PyMySQL and mysqlclient's `(1045, "…`, Node's
 * `errno: 1045` and its symbolic `ER_…` code, Hibernate's `SQL Error: 1045,`, phpMyAdmin's `#1045 -`, and the
 * server log's `[MY-…]`.
 */
function my(num: string, symbol: string, text?: string): RegExp {
  return new RegExp(
    `(?:\\bERROR ${num} \\(|\\bError ${num}(?: \\(|:)|\\] \\[${num}\\]|\\(${num}, ['"]|\\berrno:? ${num}\\b|\\bSQL Error: ${num},|SQLSTATE\\[\\w+\\]: [^:\\n]+: ${num}\\b|\\b[Ee]rror [Cc]ode:? ${num}\\b|#${num} - )|\\b${symbol}\\b${text ? `|${text}` : ''}`,
  );
}

/** A SQL Server error number: sqlcmd's `Msg 18456,`, the error log's `Error: 18456,`, .NET's `Error Number:18456,`, ODBC's `(18456)`. */
function mss(num: string, text?: string): RegExp {
  return new RegExp(
    `(?:\\bMsg ${num},|\\bError: ${num},|\\bError Number: ?${num}\\b|\\(${num}\\) \\(SQL\\w+\\)|\\.\\)? \\(${num}\\)(?:$|['"]|,)|\\bSQL Server error ${num}\\b|\\bNumber=${num}\\b)${text ? `|${text}` : ''}`,
  );
}

const postgresEntries: Entry[] = [
  {
    code: '28P01',
    category: 'config-env',
    meaning: 'invalid_password: the password for the database user was rejected',
    fix: 'Set the password the service uses (its DATABASE_URL or DB_PASSWORD secret) to the database user’s real password, or reset the user’s password to match.',
    re: pg('28P01', 'invalid_password', 'InvalidPassword'),
    example: 'FATAL: password authentication failed for user "app" (SQLSTATE 28P01)',
  },
  {
    code: '28000',
    category: 'config-env',
    meaning:
      'invalid_authorization_specification: the server refused the login (no pg_hba.conf entry for the host, user or database, or the role may not log in)',
    fix: 'Connect with a user the server accepts from this address: correct the user name, allow the client address and SSL mode in pg_hba.conf (or the RDS parameter group), or grant LOGIN to the role.',
    re: pg('28000', 'invalid_authorization_specification', 'InvalidAuthorizationSpecification'),
    example:
      'psycopg2.errors.InvalidAuthorizationSpecification: FATAL:  no pg_hba.conf entry for host "10.0.3.17", user "app", database "orders", no encryption',
  },
  {
    code: '3D000',
    category: 'config-env',
    meaning: 'invalid_catalog_name: the database named in the connection does not exist',
    fix: 'Point the connection setting at a database that exists on the server (check the name in DATABASE_URL or DB_NAME), or create the database before the service starts.',
    re: pg('3D000', 'invalid_catalog_name', 'InvalidCatalogName'),
    example: '** (Postgrex.Error) FATAL 3D000 (invalid_catalog_name) database "shop_prod" does not exist',
  },
  {
    code: '3F000',
    category: 'db-migration',
    meaning: 'invalid_schema_name: the schema the query names does not exist yet',
    fix: 'Run the migration that creates the schema before the service starts, or correct the schema (search_path) the service is configured to use.',
    re: pg('3F000', 'invalid_schema_name', 'InvalidSchemaName'),
    example: 'ERROR: schema "billing" does not exist (SQLSTATE 3F000)',
  },
  {
    code: '08001',
    category: 'dependency-unreachable',
    meaning:
      'sqlclient_unable_to_establish_sqlconnection: the client could not open a connection to the server',
    fix: 'Make sure the database is up and accepting connections at the configured host and port before the service starts; if the host or port is wrong, correct the connection setting instead.',
    re: pg('08001', 'sqlclient_unable_to_establish_sqlconnection', 'SqlclientUnableToEstablishSqlconnection'),
    example: 'o.h.engine.jdbc.spi.SqlExceptionHelper : SQL Error: 0, SQLState: 08001',
  },
  {
    code: '08006',
    category: 'dependency-unreachable',
    meaning: 'connection_failure: the connection to the database server failed or was lost',
    fix: 'Check that the database is running and reachable at the configured address (and that the service waits for it); the text after the code says whether it refused, timed out or rejected the login.',
    re: pg('08006', 'connection_failure', 'ConnectionFailure'),
    example:
      'SQLSTATE[08006] [7] could not connect to server: Connection refused Is the server running on host "postgres" (172.18.0.2) and accepting TCP/IP connections on port 5432?',
  },
  {
    code: '42501',
    category: 'config-env',
    meaning: 'insufficient_privilege: the database user lacks a privilege on the table, schema or database',
    fix: 'Grant the service’s database user the privilege it needs (for example GRANT USAGE, CREATE ON SCHEMA public, which PostgreSQL 15 no longer gives by default), or connect as the owning user.',
    re: pg('42501', 'insufficient_privilege', 'InsufficientPrivilege'),
    example: 'SQLSTATE[42501]: Insufficient privilege: 7 ERROR:  permission denied for schema public',
  },
  {
    code: '42P01',
    category: 'db-migration',
    meaning: 'undefined_table: a table the query uses does not exist',
    fix: 'Run the schema migrations against this database before (or as part of) the deployment, and check the service points at the migrated database and schema.',
    re: pg('42P01', 'undefined_table', 'UndefinedTable'),
    example: 'ERROR: relation "users" does not exist (SQLSTATE 42P01)',
  },
  {
    code: '42703',
    category: 'db-migration',
    meaning: 'undefined_column: a column the query uses does not exist',
    fix: 'Apply the migration that adds the column before the new code runs (migrate first, then deploy), or roll the code back to match the schema.',
    re: pg('42703', 'undefined_column', 'UndefinedColumn'),
    example: '** (Postgrex.Error) ERROR 42703 (undefined_column) column u0.locale does not exist',
  },
  {
    code: '42P07',
    category: 'db-migration',
    meaning: 'duplicate_table: a migration tried to create a table that already exists',
    fix: 'Reconcile the migration history with the schema: mark the migration as applied (baseline or fake it) or drop the stray table, then rerun the migrations.',
    re: pg('42P07', 'duplicate_table', 'DuplicateTable'),
    example: 'SQLSTATE[42P07]: Duplicate table: 7 ERROR:  relation "migrations" already exists',
  },
  {
    code: '42701',
    category: 'db-migration',
    meaning: 'duplicate_column: a migration tried to add a column that already exists',
    fix: 'Reconcile the migration history with the schema (mark the migration applied or remove the column added by hand), then rerun the migrations.',
    re: pg('42701', 'duplicate_column', 'DuplicateColumn'),
    example: 'ERROR: column "tenant_id" of relation "orders" already exists (SQLSTATE 42701)',
  },
  {
    code: '42883',
    category: 'db-migration',
    meaning: 'undefined_function: a function the query calls does not exist (often an extension not created)',
    fix: 'Create the extension or function in a migration (for example CREATE EXTENSION "uuid-ossp" or pgcrypto) before the code runs.',
    re: pg('42883', 'undefined_function', 'UndefinedFunction'),
    example: 'ERROR: function uuid_generate_v4() does not exist (SQLSTATE 42883)',
  },
  {
    code: '58P01',
    category: 'config-env',
    meaning:
      'undefined_file: the server could not find a file it needs, usually an extension not installed in its image',
    fix: 'Run the database from an image that ships the extension (for example postgis/postgis or pgvector/pgvector) or install it there, or drop the extension from the migrations.',
    re: new RegExp(
      `${pg('58P01', 'undefined_file', 'UndefinedFile').source}|could not open extension control file "[^"\\n]+"`,
    ),
    example:
      'ERROR:  could not open extension control file "/usr/share/postgresql/16/extension/vector.control": No such file or directory',
  },
  {
    code: '25006',
    category: 'config-env',
    meaning:
      'read_only_sql_transaction: a write was sent to a read-only server (a replica or reader endpoint)',
    fix: 'Point the service’s write connection at the primary (the cluster’s writer endpoint), not a read replica or reader endpoint.',
    re: pg('25006', 'read_only_sql_transaction', 'ReadOnlySqlTransaction'),
    example: 'psycopg2.errors.ReadOnlySqlTransaction: cannot execute INSERT in a read-only transaction',
  },
  {
    code: '53000',
    category: 'resources-oom',
    meaning: 'insufficient_resources: the server ran short of a resource (memory, shared memory, locks)',
    fix: 'Give the database more resources (a larger instance class or container memory, a bigger shm_size for a containerised PostgreSQL) or lower the settings that consume them.',
    re: pg('53000', 'insufficient_resources', 'InsufficientResources'),
    example:
      'ERROR: could not resize shared memory segment "/PostgreSQL.1450" to 8388608 bytes: No space left on device (SQLSTATE 53000)',
  },
  {
    code: '53100',
    category: 'resources-oom',
    meaning: 'disk_full: the database server ran out of disk space',
    fix: 'Enlarge the database’s storage (allocated storage or the data volume) or free space on it.',
    re: pg('53100', 'disk_full', 'DiskFull'),
    example: 'ERROR: could not extend file "base/16384/16397": No space left on device (SQLSTATE 53100)',
  },
  {
    code: '53200',
    category: 'resources-oom',
    meaning: 'out_of_memory: the database server ran out of memory',
    fix: 'Give the database more memory (instance class or container limit) or lower work_mem, shared_buffers and max_connections.',
    re: pg('53200', 'out_of_memory', 'OutOfMemory'),
    example: 'ERROR:  53200: out of memory',
  },
  {
    code: '53300',
    category: 'config-env',
    meaning: 'too_many_connections: the server has no connection slots left',
    fix: 'Lower the service’s pool size times its task count below the server’s max_connections (or put a pooler such as PgBouncer or RDS Proxy in front), or raise max_connections.',
    re: pg('53300', 'too_many_connections', 'TooManyConnections'),
    example: 'FATAL: sorry, too many clients already (SQLSTATE 53300)',
  },
  {
    code: '53400',
    category: 'config-env',
    meaning: 'configuration_limit_exceeded: a configured server limit was exceeded',
    fix: 'Raise the server setting the message names (for example max_locks_per_transaction or max_prepared_transactions) or change the workload that exceeds it.',
    re: pg('53400', 'configuration_limit_exceeded', 'ConfigurationLimitExceeded'),
    example:
      'ERROR: out of shared memory HINT: You might need to increase max_locks_per_transaction. (SQLSTATE 53400)',
  },
  {
    code: '57P01',
    category: 'dependency-unreachable',
    meaning: 'admin_shutdown: the server ended the connection because it is shutting down or restarting',
    fix: 'Let the service retry its connections and wait for the database to be back (a failover, restart or the image’s init-time server); if the database keeps restarting, fix the database.',
    re: pg('57P01', 'admin_shutdown', 'AdminShutdown'),
    example: 'psycopg2.errors.AdminShutdown: terminating connection due to administrator command',
  },
  {
    code: '57P02',
    category: 'dependency-unreachable',
    meaning: 'crash_shutdown: the server ended the connection because another server process crashed',
    fix: 'Let the service reconnect; find why the database crashed (its own log, often memory) and fix it there.',
    re: pg('57P02', 'crash_shutdown', 'CrashShutdown'),
    example: 'FATAL: terminating connection because of crash of another server process (SQLSTATE 57P02)',
  },
  {
    code: '57P03',
    category: 'dependency-unreachable',
    meaning: 'cannot_connect_now: the server is starting up or in recovery and does not take connections yet',
    fix: 'Wait for the database to be ready before starting the service (a health-gated dependency or a connection retry at start-up).',
    re: pg('57P03', 'cannot_connect_now', 'CannotConnectNow'),
    example: 'asyncpg.exceptions.CannotConnectNowError: the database system is starting up',
  },
  {
    code: 'F0000',
    category: 'config-env',
    meaning: 'config_file_error: the server’s configuration file has errors',
    fix: 'Correct the postgresql.conf or pg_hba.conf the database container is given (the line the log names), or remove the bad setting from its command.',
    re: new RegExp(
      `${pg('F0000', 'config_file_error', 'ConfigFileError').source}|configuration file "[^"\\n]+" contains errors`,
    ),
    example: 'FATAL:  configuration file "/var/lib/postgresql/data/postgresql.conf" contains errors',
  },
];

const postgres: Catalogue = {
  id: 'sqlstate-pg',
  tool: 'PostgreSQL',
  reference: 'https://www.postgresql.org/docs/current/errcodes-appendix.html',
  entries: postgresEntries,
};

const mysqlEntries: Entry[] = [
  {
    code: '1040',
    category: 'config-env',
    meaning: 'ER_CON_COUNT_ERROR: the server has too many connections',
    fix: 'Lower the service’s pool size times its task count below the server’s max_connections (or add a proxy such as RDS Proxy), or raise max_connections.',
    re: my('1040', 'ER_CON_COUNT_ERROR'),
    example: 'SQLSTATE[08004] [1040] Too many connections',
  },
  {
    code: '1044',
    category: 'config-env',
    meaning: 'ER_DBACCESS_DENIED_ERROR: the user may not use that database',
    fix: 'GRANT the service’s database user privileges on the database it connects to, or point it at the database the user owns.',
    re: my('1044', 'ER_DBACCESS_DENIED_ERROR'),
    example: "ERROR 1044 (42000): Access denied for user 'app'@'%' to database 'orders'",
  },
  {
    code: '1045',
    category: 'config-env',
    meaning: 'ER_ACCESS_DENIED_ERROR: the user name or password was rejected',
    fix: 'Set the user and password the service uses (its DATABASE_URL or DB_USER/DB_PASSWORD secret) to credentials the server accepts for this client host.',
    re: my('1045', 'ER_ACCESS_DENIED_ERROR'),
    example:
      "pymysql.err.OperationalError: (1045, \"Access denied for user 'app'@'10.0.2.14' (using password: YES)\")",
  },
  {
    code: '1049',
    category: 'config-env',
    meaning: 'ER_BAD_DB_ERROR: the database named in the connection does not exist',
    fix: 'Point the connection at an existing database (the name in DATABASE_URL or DB_NAME) or create the database before the service starts.',
    re: my('1049', 'ER_BAD_DB_ERROR'),
    example: "SQLSTATE[HY000] [1049] Unknown database 'laravel'",
  },
  {
    code: '1130',
    category: 'config-env',
    meaning: 'ER_HOST_NOT_PRIVILEGED: the user may not connect from this client host',
    fix: "Create or grant the database user for the service's address (for example 'app'@'%' or the VPC range), not only for localhost.",
    re: my('1130', 'ER_HOST_NOT_PRIVILEGED'),
    example: "ERROR 1130 (HY000): Host '172.17.0.1' is not allowed to connect to this MySQL server",
  },
  {
    code: '1129',
    category: 'dependency-unreachable',
    meaning: 'ER_HOST_IS_BLOCKED: the server blocks this host after too many connection errors',
    fix: 'Unblock the host on the database (FLUSH HOSTS or mysqladmin flush-hosts) and raise max_connect_errors; stop whatever opens and drops connections (often a TCP health check aimed at the database).',
    re: my('1129', 'ER_HOST_IS_BLOCKED'),
    example:
      "Error 1129: Host '10.0.1.23' is blocked because of many connection errors; unblock with 'mysqladmin flush-hosts'",
  },
  {
    code: '1146',
    category: 'db-migration',
    meaning: 'ER_NO_SUCH_TABLE: a table the query uses does not exist',
    fix: 'Run the schema migrations against this database before the new code serves traffic, and check the service points at the migrated database.',
    re: my('1146', 'ER_NO_SUCH_TABLE'),
    example: "Error 1146 (42S02): Table 'shop.orders' doesn't exist",
  },
  {
    code: '1054',
    category: 'db-migration',
    meaning: 'ER_BAD_FIELD_ERROR: a column the query uses does not exist',
    fix: 'Apply the migration that adds the column before the new code runs, or roll the code back to match the schema.',
    re: my('1054', 'ER_BAD_FIELD_ERROR'),
    example: "SQLSTATE[42S22]: Column not found: 1054 Unknown column 'deleted_at' in 'where clause'",
  },
  {
    code: '1050',
    category: 'db-migration',
    meaning: 'ER_TABLE_EXISTS_ERROR: a migration tried to create a table that already exists',
    fix: 'Reconcile the migration history with the schema (mark the migration applied or drop the stray table), then rerun the migrations.',
    re: my('1050', 'ER_TABLE_EXISTS_ERROR'),
    example: "SQLSTATE[42S01]: Base table or view already exists: 1050 Table 'users' already exists",
  },
  {
    code: '1060',
    category: 'db-migration',
    meaning: 'ER_DUP_FIELDNAME: a migration tried to add a column that already exists',
    fix: 'Reconcile the migration history with the schema (mark the migration applied or remove the hand-added column), then rerun the migrations.',
    re: my('1060', 'ER_DUP_FIELDNAME'),
    example: "ERROR 1060 (42S21): Duplicate column name 'tenant_id'",
  },
  {
    code: '1142',
    category: 'config-env',
    meaning: 'ER_TABLEACCESS_DENIED_ERROR: the user lacks a privilege on the table',
    fix: 'GRANT the service’s database user the privilege the statement needs on that table (or use the migration user for schema changes).',
    re: my('1142', 'ER_TABLEACCESS_DENIED_ERROR'),
    example: "ERROR 1142 (42000): CREATE command denied to user 'app'@'10.0.1.5' for table 'sessions'",
  },
  {
    code: '1227',
    category: 'config-env',
    meaning:
      'ER_SPECIFIC_ACCESS_DENIED_ERROR: the statement needs a privilege the user lacks (SUPER, SYSTEM_VARIABLES_ADMIN…)',
    fix: 'Remove the statement that needs the privilege (DEFINER clauses, SET GLOBAL) or, on RDS, set the option through the parameter group (for example log_bin_trust_function_creators).',
    re: my('1227', 'ER_SPECIFIC_ACCESS_DENIED_ERROR'),
    example:
      'ERROR 1227 (42000) at line 18: Access denied; you need (at least one of) the SUPER privilege(s) for this operation',
  },
  {
    code: '1251',
    category: 'config-env',
    meaning:
      'ER_NOT_SUPPORTED_AUTH_MODE: the client does not support the authentication plugin the server asks for',
    fix: 'Use a client library that supports caching_sha2_password, or set the user to mysql_native_password (ALTER USER … IDENTIFIED WITH mysql_native_password).',
    re: my('1251', 'ER_NOT_SUPPORTED_AUTH_MODE'),
    example:
      'Error: ER_NOT_SUPPORTED_AUTH_MODE: Client does not support authentication protocol requested by server; consider upgrading MySQL client',
  },
  {
    code: '1290',
    category: 'config-env',
    meaning:
      'ER_OPTION_PREVENTS_STATEMENT: the server runs with --read-only (a replica or reader endpoint) and refuses the write',
    fix: 'Point the service’s write connection at the primary (the cluster’s writer endpoint), not a replica or reader endpoint.',
    re: my('1290', 'ER_OPTION_PREVENTS_STATEMENT'),
    example:
      'ERROR 1290 (HY000): The MySQL server is running with the --read-only option so it cannot execute this statement',
  },
  {
    code: '1203',
    category: 'config-env',
    meaning: "ER_TOO_MANY_USER_CONNECTIONS: the user is over its 'max_user_connections'",
    fix: 'Lower the service’s pool size times its task count below the user’s max_user_connections, or raise the limit.',
    re: my('1203', 'ER_TOO_MANY_USER_CONNECTIONS'),
    example: "ERROR 1203 (42000): User app already has more than 'max_user_connections' active connections",
  },
  {
    code: '1698',
    category: 'config-env',
    meaning:
      'ER_ACCESS_DENIED_NO_PASSWORD_ERROR: the user authenticates by socket or plugin and may not log in with a password',
    fix: 'Connect as a user created for password logins (not root with auth_socket), or change the user’s authentication plugin.',
    re: my('1698', 'ER_ACCESS_DENIED_NO_PASSWORD_ERROR'),
    example: "ERROR 1698 (28000): Access denied for user 'root'@'localhost'",
  },
  {
    code: '1862',
    category: 'config-env',
    meaning: 'ER_MUST_CHANGE_PASSWORD_LOGIN: the user’s password has expired',
    fix: 'Reset the user’s password (ALTER USER … IDENTIFIED BY …, or PASSWORD EXPIRE NEVER for a service account) and update the service’s secret.',
    re: my('1862', 'ER_MUST_CHANGE_PASSWORD_LOGIN'),
    example:
      'ERROR 1862 (HY000): Your password has expired. To log in you must change it using a client that supports expired passwords.',
  },
  {
    code: '3118',
    category: 'config-env',
    meaning: 'ER_ACCOUNT_HAS_BEEN_LOCKED: the user account is locked',
    fix: 'Unlock the account (ALTER USER … ACCOUNT UNLOCK) or connect as another user.',
    re: my('3118', 'ER_ACCOUNT_HAS_BEEN_LOCKED'),
    example: "ERROR 3118 (HY000): Access denied for user 'app'@'10.0.1.9'. Account is locked.",
  },
  {
    code: '3159',
    category: 'config-env',
    meaning: 'ER_SECURE_TRANSPORT_REQUIRED: the server requires TLS and the client connected without it',
    fix: 'Enable TLS in the service’s connection settings (ssl-mode=REQUIRED, sslmode, useSSL=true) with the server’s CA bundle.',
    re: my('3159', 'ER_SECURE_TRANSPORT_REQUIRED'),
    example:
      'ERROR 3159 (HY000): Connections using insecure transport are prohibited while --require_secure_transport=ON.',
  },
  {
    code: '1021',
    category: 'resources-oom',
    meaning: 'ER_DISK_FULL: the server’s disk is full',
    fix: 'Enlarge or free the database’s storage (allocated storage or the data volume).',
    re: my('1021', 'ER_DISK_FULL'),
    example: 'ERROR 1021 (HY000): Disk full (/tmp/#sql_1_0.MAI); waiting for someone to free some space...',
  },
  {
    code: '1114',
    category: 'resources-oom',
    meaning: 'ER_RECORD_FILE_FULL: the table is full (its storage or tmp space ran out)',
    fix: 'Enlarge the database’s storage or tmp space (or raise the temp table limits) so the table can grow.',
    re: my('1114', 'ER_RECORD_FILE_FULL'),
    example: "ERROR 1114 (HY000): The table 'events' is full",
  },
  {
    code: '1041',
    category: 'resources-oom',
    meaning: 'ER_OUT_OF_RESOURCES: the server is out of memory',
    fix: 'Give the database more memory or lower its buffer and connection settings.',
    re: my('1041', 'ER_OUT_OF_RESOURCES'),
    example:
      "ERROR 1041 (HY000): Out of memory; check if mysqld or some other process uses all available memory; if not, you may have to use 'ulimit' to allow mysqld to use more memory",
  },
  {
    code: '1053',
    category: 'dependency-unreachable',
    meaning: 'ER_SERVER_SHUTDOWN: the server is shutting down',
    fix: 'Let the service reconnect once the database is back; if the database keeps shutting down, fix the database.',
    re: my('1053', 'ER_SERVER_SHUTDOWN'),
    example: 'Error 1053 (08S01): Server shutdown in progress',
  },
  {
    code: '2002',
    category: 'config-env',
    meaning:
      'CR_CONNECTION_ERROR: the client tried the local server through its Unix socket (the host is localhost or unset)',
    fix: 'Set the database host to the database’s address (a name or IP, not localhost, which makes the client use the local socket); if the host is right, the database is not up yet.',
    re: my('2002', 'CR_CONNECTION_ERROR', "Can't connect to local (?:MySQL|MariaDB) server through socket"),
    example:
      "ERROR 2002 (HY000): Can't connect to local MySQL server through socket '/var/run/mysqld/mysqld.sock' (2)",
  },
  {
    code: '2003',
    category: 'dependency-unreachable',
    meaning: 'CR_CONN_HOST_ERROR: the client could not connect to the server at that host and port',
    fix: 'Start the database first and gate the service on it; if it is up, check the host and port the service uses.',
    re: my('2003', 'CR_CONN_HOST_ERROR'),
    example:
      "pymysql.err.OperationalError: (2003, \"Can't connect to MySQL server on 'mysql' ([Errno 111] Connection refused)\")",
  },
  {
    code: '2005',
    category: 'dependency-unreachable',
    meaning: 'CR_UNKNOWN_HOST: the server’s host name did not resolve',
    fix: 'Check the database host name the service uses resolves from its network (service discovery name, RDS endpoint, VPC DNS), and that the database exists.',
    re: my('2005', 'CR_UNKNOWN_HOST'),
    example: "ERROR 2005 (HY000): Unknown MySQL server host 'db.internal' (-2)",
  },
  {
    code: '2006',
    category: 'dependency-unreachable',
    meaning: 'CR_SERVER_GONE_ERROR: the server closed the connection',
    fix: 'Check the database is up and not restarting; have the pool recycle connections before wait_timeout, and raise max_allowed_packet if large statements trigger it.',
    re: my('2006', 'CR_SERVER_GONE_ERROR'),
    example: "(2006, 'MySQL server has gone away')",
  },
  {
    code: '2013',
    category: 'dependency-unreachable',
    meaning: 'CR_SERVER_LOST: the connection to the server was lost (during the handshake or a query)',
    fix: 'Check the database is up and reachable on that port; if it is lost at "reading initial communication packet", the port answers but is not a ready MySQL server (or a proxy or firewall cuts it).',
    re: my('2013', 'CR_SERVER_LOST'),
    example:
      "ERROR 2013 (HY000): Lost connection to MySQL server at 'reading initial communication packet', system error: 0",
  },
  {
    code: '2026',
    category: 'config-env',
    meaning: 'CR_SSL_CONNECTION_ERROR: the TLS connection to the server failed',
    fix: 'Match the service’s TLS settings to the server: give it the server’s CA bundle (for RDS, the region’s global bundle) or the TLS version and mode the server supports.',
    re: my('2026', 'CR_SSL_CONNECTION_ERROR'),
    example:
      'ERROR 2026 (HY000): SSL connection error: error:0A000086:SSL routines::certificate verify failed',
  },
  {
    code: '2059',
    category: 'config-env',
    meaning:
      'CR_AUTH_PLUGIN_CANNOT_LOAD: the client cannot load the authentication plugin the user is set to',
    fix: 'Use a client that supports caching_sha2_password, or switch the user to mysql_native_password.',
    re: my('2059', 'CR_AUTH_PLUGIN_CANNOT_LOAD'),
    example:
      '(2059, "Authentication plugin \'caching_sha2_password\' cannot be loaded: /usr/lib/mysql/plugin/caching_sha2_password.so: cannot open shared object file")',
  },
  {
    code: '2061',
    category: 'config-env',
    meaning:
      'CR_AUTH_PLUGIN_ERR: the authentication plugin failed, usually caching_sha2_password asking for a secure connection',
    fix: 'Connect with TLS, or allow the client to fetch the server’s RSA key (get-server-public-key / allowPublicKeyRetrieval=true), or switch the user to mysql_native_password.',
    re: my('2061', 'CR_AUTH_PLUGIN_ERR'),
    example:
      "ERROR 2061 (HY000): Authentication plugin 'caching_sha2_password' reported error: Authentication requires secure connection.",
  },
  {
    code: 'MY-010457',
    category: 'config-env',
    meaning: 'the server was told to initialize a data directory that already has files in it',
    fix: 'Mount an empty volume for a first start, or mount the existing data directory without asking the server to initialize it (remove --initialize, or the stray lost+found / files on the volume).',
    re: /\bMY-010457\b|--initialize specified but the data directory has files in it/,
    example:
      '2024-05-31T09:03:06.125526Z 0 [ERROR] [MY-010457] [Server] --initialize specified but the data directory has files in it. Aborting.',
  },
  {
    code: 'MY-011011',
    category: 'config-env',
    meaning: 'the server found no valid data directory at its datadir',
    fix: 'Mount the volume that holds the database’s data at the configured datadir, or let the image initialize an empty one.',
    re: /\bMY-011011\b|Failed to find valid data directory/,
    example:
      '2022-09-18T14:53:30.058326Z 1 [ERROR] [MY-011011] [Server] Failed to find valid data directory.',
  },
];

const mysql: Catalogue = {
  id: 'mysql',
  tool: 'MySQL/MariaDB',
  reference: 'https://dev.mysql.com/doc/mysql-errors/8.0/en/',
  entries: mysqlEntries,
};

const mssqlEntries: Entry[] = [
  {
    code: '18456',
    category: 'config-env',
    meaning: 'the login failed (wrong user name or password, or SQL authentication is off)',
    fix: 'Set the user and password the service uses to a login the server accepts (and enable SQL Server authentication if it is Windows-only).',
    re: mss('18456'),
    example:
      "pyodbc.InterfaceError: ('28000', \"[28000] [Microsoft][ODBC Driver 18 for SQL Server][SQL Server]Login failed for user 'sa'. (18456) (SQLDriverConnect)\")",
  },
  {
    code: '4060',
    category: 'config-env',
    meaning:
      'the database requested by the login cannot be opened (it does not exist or the login has no access)',
    fix: 'Point the connection string’s Database/Initial Catalog at an existing database the login may use, or create it before the service starts.',
    re: mss('4060'),
    example:
      'Microsoft.Data.SqlClient.SqlException (0x80131904): Cannot open database "Orders" requested by the login. The login failed. Error Number:4060,State:1,Class:11',
  },
  {
    code: '4064',
    category: 'config-env',
    meaning: 'the login’s default database cannot be opened',
    fix: 'Name the database in the connection string, or fix the login’s default database.',
    re: mss('4064', 'Cannot open user default database\\. Login failed'),
    example:
      'Msg 4064, Level 11, State 1, Server mssql, Line 1 Cannot open user default database. Login failed.',
  },
  {
    code: '18452',
    category: 'config-env',
    meaning: 'the login is from an untrusted domain and cannot be used with integrated authentication',
    fix: 'Use SQL Server authentication (User ID and Password) from the container, or set up Kerberos for it; remove Integrated Security/Trusted_Connection from the connection string.',
    re: mss(
      '18452',
      'The login is from an untrusted domain and cannot be used with (?:Integrated|Windows) authentication',
    ),
    example:
      'Login failed. The login is from an untrusted domain and cannot be used with Integrated authentication. (18452) (SQLDriverConnect)',
  },
  {
    code: '18470',
    category: 'config-env',
    meaning: 'the login is disabled',
    fix: 'Enable the login (ALTER LOGIN … ENABLE) or connect with another one.',
    re: mss('18470', "Login failed for user '[^'\\n]*'\\. Reason: The account is disabled"),
    example: "Login failed for user 'sa'. Reason: The account is disabled. (18470) (SQLDriverConnect)",
  },
  {
    code: '18486',
    category: 'config-env',
    meaning: 'the login is locked out after failed attempts',
    fix: 'Unlock the login (ALTER LOGIN … WITH PASSWORD … UNLOCK) and fix the password the service uses.',
    re: mss('18486', 'because the account is currently locked out'),
    example:
      "Error: 18486, Severity: 14, State: 1. Login failed for user 'app' because the account is currently locked out.",
  },
  {
    code: '18487',
    category: 'config-env',
    meaning: 'the login’s password has expired',
    fix: 'Reset the login’s password (or set CHECK_EXPIRATION = OFF for a service login) and update the service’s secret.',
    re: mss('18487', "Login failed for user '[^'\\n]*'\\. Reason: The password of the account has expired"),
    example:
      "Msg 18487, Level 14, State 1 Login failed for user 'app'. Reason: The password of the account has expired.",
  },
  {
    code: '17809',
    category: 'config-env',
    meaning: 'the server has reached its maximum number of user connections',
    fix: 'Lower the service’s pool size times its task count, or raise the server’s user connections setting.',
    re: mss('17809', "the maximum number of '\\d+' user connections has already been reached"),
    example:
      "Error: 17809, Severity: 20, State: 1. Could not connect because the maximum number of '100' user connections has already been reached.",
  },
  {
    code: '18401',
    category: 'dependency-unreachable',
    meaning: 'the server is in script upgrade mode and accepts only administrators',
    fix: 'Wait for the server to finish its upgrade scripts before the service connects (gate it on the database’s health).',
    re: mss('18401'),
    example:
      "Msg 18401, Level 14, State 1 Login failed for user 'app'. Reason: Server is in script upgrade mode.",
  },
  {
    code: '233',
    category: 'dependency-unreachable',
    meaning:
      'a connection was established but the server ended it during login (no process on the other end of the pipe)',
    fix: 'Check the server is fully started and accepting logins (not at its connection limit); if it persists, match the client’s encryption settings to the server.',
    re: mss('233', 'error: 233 - No process is on the other end of the pipe'),
    example:
      'A connection was successfully established with the server, but then an error occurred during the login process. (provider: Shared Memory Provider, error: 0 - No process is on the other end of the pipe.) (233)',
  },
  {
    code: '0x274D',
    category: 'dependency-unreachable',
    meaning: 'the ODBC driver’s TCP connection was refused (Windows socket error 10061)',
    fix: 'Start SQL Server first and gate the service on it; if it is up, check the host and port (1433) the service uses.',
    re: /TCP Provider: (?:Error code 0x274D\b|No connection could be made because the target machine actively refused it)|\(10061\)/,
    example: 'Sqlcmd: Error: Microsoft ODBC Driver 18 for SQL Server : TCP Provider: Error code 0x274D.',
  },
  {
    code: '0x2749',
    category: 'dependency-unreachable',
    meaning:
      'the ODBC driver’s socket is not connected (Windows socket error 10057), usually because the server did not take the connection',
    fix: 'Make sure SQL Server is up and listening on the configured host and port before the service connects.',
    re: /TCP Provider: Error code 0x2749\b/,
    example:
      'Sqlcmd: Error: Microsoft ODBC Driver 17 for SQL Server : TCP Provider: Error code 0x2749. Login timeout expired.',
  },
  {
    code: 'error: 26',
    category: 'config-env',
    meaning: 'the client could not locate the named server or instance',
    fix: 'Use host,port in the connection string instead of an instance name (SQL Browser does not run in containers), and check the host name.',
    re: /error: 26 - Error Locating Server\/Instance Specified/,
    example:
      'A network-related or instance-specific error occurred while establishing a connection to SQL Server. (provider: SQL Network Interfaces, error: 26 - Error Locating Server/Instance Specified)',
  },
  {
    code: '40613',
    category: 'dependency-unreachable',
    meaning: 'the Azure SQL database is not currently available',
    fix: 'Retry the connection after a short delay (the database is moving or resuming); if it persists, check the database’s state.',
    re: mss('40613', "Database '[^'\\n]+' on server '[^'\\n]+' is not currently available"),
    example:
      "Database 'orders' on server 'prod-sql' is not currently available. Please retry the connection later. (40613)",
  },
  {
    code: '40615',
    category: 'network-sg',
    meaning: 'the server’s firewall does not allow the client’s IP address',
    fix: 'Add a firewall rule (or a private endpoint/VNet rule) on the database server for the service’s egress address.',
    re: mss('40615', "Client with IP address '[\\d.]+' is not allowed to access the server"),
    example:
      "Cannot open server 'prod-sql' requested by the login. Client with IP address '52.14.3.9' is not allowed to access the server. (40615)",
  },
  {
    code: '208',
    category: 'db-migration',
    meaning: 'invalid object name: a table or view the query uses does not exist',
    fix: 'Run the schema migrations against this database before the code runs, and check the service points at the migrated database.',
    re: mss('208'),
    example: "Msg 208, Level 16, State 1, Line 1 Invalid object name 'dbo.Orders'.",
  },
  {
    code: '207',
    category: 'db-migration',
    meaning: 'invalid column name: a column the query uses does not exist',
    fix: 'Apply the migration that adds the column before the new code runs, or roll the code back.',
    re: mss('207', "Invalid column name '[^'\\n]+'"),
    example: "Microsoft.Data.SqlClient.SqlException (0x80131904): Invalid column name 'TenantId'.",
  },
  {
    code: '2714',
    category: 'db-migration',
    meaning: 'a migration tried to create an object that already exists',
    fix: 'Reconcile the migration history with the schema (mark the migration applied or drop the stray object), then rerun the migrations.',
    re: mss('2714'),
    example: "Msg 2714, Level 16, State 6, Line 1 There is already an object named 'Users' in the database.",
  },
  {
    code: '229',
    category: 'config-env',
    meaning: 'a permission was denied on the object for the login’s user',
    fix: 'GRANT the service’s database user the permission the statement needs, or connect as a user that has it.',
    re: mss('229', "The \\w+ permission was denied on the object '[^'\\n]+'"),
    example:
      "Msg 229, Level 14, State 5, Line 1 The SELECT permission was denied on the object 'Orders', database 'Shop', schema 'dbo'.",
  },
  {
    code: '916',
    category: 'config-env',
    meaning: 'the login cannot access the database under its security context (no user mapped in it)',
    fix: 'Create a user for the login in that database (CREATE USER … FOR LOGIN …) and grant it the roles it needs.',
    re: mss('916', 'is not able to access the database "[^"\\n]+" under the current security context'),
    example:
      'Msg 916, Level 14, State 1 The server principal "app" is not able to access the database "Orders" under the current security context.',
  },
  {
    code: '1105',
    category: 'resources-oom',
    meaning: 'the filegroup is full: the database could not allocate space',
    fix: 'Enlarge the database’s storage or let its files grow (autogrowth, max size), or free space.',
    re: mss(
      '1105',
      "Could not allocate space for object '[^'\\n]+'[^\\n]*because the '[^'\\n]+' filegroup is full",
    ),
    example:
      "Msg 1105, Level 17, State 2 Could not allocate space for object 'dbo.Events' in database 'Shop' because the 'PRIMARY' filegroup is full.",
  },
  {
    code: '9002',
    category: 'resources-oom',
    meaning: 'the database’s transaction log is full',
    fix: 'Give the log room to grow (storage, max size), back up or truncate it, or end the long transaction holding it.',
    re: mss('9002', "The transaction log for database '[^'\\n]+' is full"),
    example:
      "Error: 9002, Severity: 17, State: 4. The transaction log for database 'Shop' is full due to 'LOG_BACKUP'.",
  },
  {
    code: '701',
    category: 'resources-oom',
    meaning: 'there is insufficient system memory in the resource pool',
    fix: 'Give SQL Server more memory (container limit, instance size, max server memory) or reduce the workload.',
    re: mss('701', "There is insufficient system memory in resource pool '[^'\\n]+'"),
    example:
      "Msg 701, Level 17, State 123 There is insufficient system memory in resource pool 'default' to run this query.",
  },
];

const mssql: Catalogue = {
  id: 'mssql',
  tool: 'SQL Server',
  reference:
    'https://learn.microsoft.com/en-us/sql/relational-databases/errors-events/database-engine-events-and-errors',
  entries: mssqlEntries,
};

const oracle: Catalogue = {
  id: 'oracle',
  tool: 'Oracle Database',
  reference: 'https://docs.oracle.com/en/error-help/db/',
  entries: [
    {
      code: 'ORA-01017',
      category: 'config-env',
      meaning: 'invalid username/password; logon denied',
      fix: 'Set the user and password the service uses to the database account’s real credentials (passwords are case-sensitive).',
      example: 'java.sql.SQLException: ORA-01017: invalid username/password; logon denied',
    },
    {
      code: 'ORA-01005',
      category: 'config-env',
      meaning: 'a null password was given; logon denied',
      fix: 'Give the service the database password (the secret or variable it reads is empty or unset).',
      example: 'cx_Oracle.DatabaseError: ORA-01005: null password given; logon denied',
    },
    {
      code: 'ORA-01045',
      category: 'config-env',
      meaning: 'the user lacks CREATE SESSION privilege; logon denied',
      fix: 'GRANT CREATE SESSION to the service’s database user.',
      example: 'ORA-01045: user APP lacks CREATE SESSION privilege; logon denied',
    },
    {
      code: 'ORA-28000',
      category: 'config-env',
      meaning: 'the account is locked',
      fix: 'Unlock the account (ALTER USER … ACCOUNT UNLOCK) and fix the password that locked it out.',
      example: 'ORA-28000: the account is locked',
    },
    {
      code: 'ORA-28001',
      category: 'config-env',
      meaning: 'the password has expired',
      fix: 'Reset the user’s password (or give the service account a profile without expiry) and update the service’s secret.',
      example: 'ORA-28001: the password has expired',
    },
    {
      code: 'ORA-28040',
      category: 'config-env',
      meaning: 'no matching authentication protocol between client and server',
      fix: 'Use a client library that supports the server’s password verifier, or relax SQLNET.ALLOWED_LOGON_VERSION_SERVER on the database.',
      example: 'java.sql.SQLException: ORA-28040: No matching authentication protocol',
    },
    {
      code: 'ORA-12154',
      category: 'config-env',
      meaning: 'TNS could not resolve the connect identifier',
      fix: 'Use a full connect descriptor or Easy Connect string (host:port/service) in the service’s settings, or ship the tnsnames.ora that defines the alias and set TNS_ADMIN.',
      example: 'ORA-12154: TNS:could not resolve the connect identifier specified',
    },
    {
      code: 'ORA-12162',
      category: 'config-env',
      meaning: 'TNS net service name is incorrectly specified',
      fix: 'Give the connection a correct service name or connect descriptor (and set ORACLE_SID where a local connection expects it).',
      example: 'ORA-12162: TNS:net service name is incorrectly specified',
    },
    {
      code: 'ORA-12514',
      category: 'config-env',
      meaning: 'the listener does not know the requested service name',
      fix: 'Connect with the service name the database registers (check it with lsnrctl services; for RDS, the DB name); if the database is still starting, wait for it to register.',
      example: 'ORA-12514: TNS:listener does not currently know of service requested in connect descriptor',
    },
    {
      code: 'ORA-12505',
      category: 'config-env',
      meaning: 'the listener does not know the SID given in the connect descriptor',
      fix: 'Connect with the right SID, or use the service name form (host:port/service) instead of host:port:SID.',
      example: 'ORA-12505, TNS:listener does not currently know of SID given in connect descriptor',
    },
    {
      code: 'ORA-12541',
      category: 'dependency-unreachable',
      meaning: 'there is no listener at the address',
      fix: 'Start the database (and its listener) first and gate the service on it; if it is up, check the host and port (1521).',
      example: 'ORA-12541: TNS:no listener',
    },
    {
      code: 'ORA-12543',
      category: 'dependency-unreachable',
      meaning: 'the destination host is unreachable',
      fix: 'Check the database host is up and routable from the service.',
      example: 'ORA-12543: TNS:destination host unreachable',
    },
    {
      code: 'ORA-12545',
      category: 'dependency-unreachable',
      meaning: 'connect failed because the target host or object does not exist',
      fix: 'Check the database host name resolves from the service’s network and is spelled right in its settings.',
      example: 'ORA-12545: Connect failed because target host or object does not exist',
    },
    {
      code: 'ORA-12170',
      category: 'network-sg',
      meaning: 'TNS connect timeout: nothing answered at the address in time',
      fix: 'Allow the service to reach the database port (security group ingress on 1521 from the service, routes, NACLs); if the network is open, the database is not up.',
      example: 'ORA-12170: TNS:Connect timeout occurred',
    },
    {
      code: 'ORA-12537',
      category: 'dependency-unreachable',
      meaning: 'TNS connection closed by the server side',
      fix: 'Check the database and its listener are up and accepting sessions (not at their process limit).',
      example: 'ORA-12537: TNS:connection closed',
    },
    {
      code: 'ORA-12516',
      category: 'config-env',
      meaning:
        'the listener could not find an available handler (the database is at its processes or sessions limit)',
      fix: 'Lower the service’s pool size times its task count, or raise the database’s PROCESSES and SESSIONS parameters.',
      example: 'ORA-12516: TNS:listener could not find available handler with matching protocol stack',
    },
    {
      code: 'ORA-12519',
      category: 'config-env',
      meaning: 'no appropriate service handler found (the database is at its processes limit)',
      fix: 'Lower the service’s pool size times its task count, or raise the database’s PROCESSES parameter.',
      example: 'ORA-12519, TNS:no appropriate service handler found',
    },
    {
      code: 'ORA-12528',
      category: 'dependency-unreachable',
      meaning: 'all appropriate instances are blocking new connections (starting up or restricted)',
      fix: 'Wait for the database to finish starting (or leave restricted mode) before the service connects.',
      example: 'ORA-12528: TNS:listener: all appropriate instances are blocking new connections',
    },
    {
      code: 'ORA-01033',
      category: 'dependency-unreachable',
      meaning: 'ORACLE initialization or shutdown in progress',
      fix: 'Gate the service on the database being open (its health check) and retry the connection at start-up.',
      example: 'ORA-01033: ORACLE initialization or shutdown in progress',
    },
    {
      code: 'ORA-01034',
      category: 'dependency-unreachable',
      meaning: 'ORACLE not available: the instance is not started',
      fix: 'Start the database instance before the service connects; if it fails to start, fix the database.',
      example: 'ORA-01034: ORACLE not available',
    },
    {
      code: 'ORA-27101',
      category: 'dependency-unreachable',
      meaning: 'the shared memory realm does not exist: the instance is not running',
      fix: 'Start the database instance (or connect to the right ORACLE_SID) before the service connects.',
      example: 'ORA-27101: shared memory realm does not exist',
    },
    {
      code: 'ORA-01109',
      category: 'dependency-unreachable',
      meaning: 'the database is not open',
      fix: 'Open the database (or the pluggable database) before the service connects.',
      example: 'ORA-01109: database not open',
    },
    {
      code: 'ORA-03113',
      category: 'dependency-unreachable',
      meaning: 'end-of-file on the communication channel: the server side ended the session',
      fix: 'Check the database is up and not restarting or crashing (its alert log); have the pool validate connections.',
      example: 'ORA-03113: end-of-file on communication channel',
    },
    {
      code: 'ORA-00018',
      category: 'config-env',
      meaning: 'the maximum number of sessions was exceeded',
      fix: 'Lower the service’s pool size times its task count, or raise the SESSIONS parameter.',
      example: 'ORA-00018: maximum number of sessions exceeded',
    },
    {
      code: 'ORA-00020',
      category: 'config-env',
      meaning: 'the maximum number of processes was exceeded',
      fix: 'Lower the service’s pool size times its task count, or raise the PROCESSES parameter.',
      example: 'ORA-00020: maximum number of processes (300) exceeded',
    },
    {
      code: 'ORA-01031',
      category: 'config-env',
      meaning: 'insufficient privileges',
      fix: 'GRANT the service’s database user the privilege the statement needs.',
      example: 'ORA-01031: insufficient privileges',
    },
    {
      code: 'ORA-01950',
      category: 'config-env',
      meaning: 'the user has no privileges (quota) on the tablespace',
      fix: 'Give the user a quota on the tablespace (ALTER USER … QUOTA UNLIMITED ON …).',
      example: "ORA-01950: no privileges on tablespace 'USERS'",
    },
    {
      code: 'ORA-00942',
      category: 'db-migration',
      meaning: 'the table or view does not exist',
      fix: 'Run the schema migrations against this database (and schema) before the code runs, or grant the user access to the owner’s table.',
      example: 'ORA-00942: table or view does not exist',
    },
    {
      code: 'ORA-00955',
      category: 'db-migration',
      meaning: 'the name is already used by an existing object',
      fix: 'Reconcile the migration history with the schema (mark the migration applied or drop the stray object).',
      example: 'ORA-00955: name is already used by an existing object',
    },
    {
      code: 'ORA-01653',
      category: 'resources-oom',
      meaning: 'unable to extend a table in its tablespace',
      fix: 'Add space to the tablespace (a datafile, autoextend, more allocated storage).',
      example: 'ORA-01653: unable to extend table APP.EVENTS by 1024 in tablespace USERS',
    },
    {
      code: 'ORA-01652',
      category: 'resources-oom',
      meaning: 'unable to extend a temp segment in its tablespace',
      fix: 'Add space to the temporary tablespace or make the query need less.',
      example: 'ORA-01652: unable to extend temp segment by 128 in tablespace TEMP',
    },
    {
      code: 'ORA-01536',
      category: 'resources-oom',
      meaning: 'the user’s space quota for the tablespace is exceeded',
      fix: 'Raise the user’s quota on the tablespace or free space in it.',
      example: "ORA-01536: space quota exceeded for tablespace 'USERS'",
    },
    {
      code: 'ORA-04031',
      category: 'resources-oom',
      meaning: 'unable to allocate shared memory',
      fix: 'Give the database more memory (SGA, shared pool, instance size).',
      example:
        'ORA-04031: unable to allocate 4160 bytes of shared memory ("shared pool","unknown object","sga heap(1,0)","kglsim object batch")',
    },
    {
      code: 'ORA-00257',
      category: 'resources-oom',
      meaning:
        'archiver error: the archive log destination is full, so only internal connections are allowed',
      fix: 'Free or enlarge the archive log destination (or the recovery area) so the archiver can run.',
      example: 'ORA-00257: archiver error. Connect internal only, until freed.',
    },
    {
      code: 'ORA-29024',
      category: 'config-env',
      meaning: 'certificate validation failure on the TLS connection',
      fix: 'Give the client the wallet or CA certificate that signed the server’s certificate.',
      example: 'ORA-29024: Certificate validation failure',
    },
    {
      code: 'ORA-28759',
      category: 'config-env',
      meaning: 'failure to open the wallet file',
      fix: 'Mount the wallet at the path the connection names (WALLET_LOCATION, TNS_ADMIN) and make it readable by the service’s user.',
      example: 'ORA-28759: failure to open file',
    },
  ],
};

const oracleClients: Catalogue = {
  id: 'oracle-client',
  tool: 'the Oracle client drivers',
  reference: 'https://python-oracledb.readthedocs.io/en/latest/user_guide/troubleshooting.html',
  entries: [
    {
      code: 'DPI-1047',
      category: 'app-crash',
      meaning: 'the driver cannot locate the Oracle Client library it needs (thick mode)',
      fix: 'Install Oracle Instant Client in the image (with libaio) and put it on the library path, or use the driver’s thin mode.',
      example:
        'DPI-1047: Cannot locate a 64-bit Oracle Client library: "libclntsh.so: cannot open shared object file: No such file or directory"',
    },
    {
      code: 'DPY-3010',
      category: 'config-env',
      meaning: 'the database version is not supported by the driver in thin mode',
      fix: 'Enable thick mode (init_oracle_client with Instant Client in the image) for this database version, or upgrade the database.',
      example:
        'oracledb.exceptions.NotSupportedError: DPY-3010: connections to this database server version are not supported by python-oracledb in thin mode',
    },
    {
      code: 'NJS-138',
      category: 'config-env',
      meaning: 'the database version is not supported by node-oracledb in thin mode',
      fix: 'Enable thick mode (initOracleClient with Instant Client in the image) for this database version, or upgrade the database.',
      example:
        'Error: NJS-138: connections to this database server version are not supported by node-oracledb in Thin mode',
    },
  ],
};

const sqlite: Catalogue = {
  id: 'sqlite',
  tool: 'SQLite',
  reference: 'https://www.sqlite.org/rescode.html',
  entries: [
    {
      code: 'SQLITE_CANTOPEN',
      category: 'config-env',
      meaning: 'unable to open the database file (its directory is missing or not writable)',
      fix: 'Point the database path at a directory that exists in the container and is writable by the service’s user (a mounted volume, not a read-only root filesystem).',
      re: /\bSQLITE_CANTOPEN\b|sqlite3\.OperationalError: unable to open database file/,
      example: 'Error: SQLITE_CANTOPEN: unable to open database file',
    },
    {
      code: 'SQLITE_READONLY',
      category: 'config-env',
      meaning: 'attempt to write a readonly database (the file or its directory is read-only)',
      fix: 'Make the database file and its directory writable by the service’s user (volume permissions, not a read-only root filesystem).',
      re: /\bSQLITE_READONLY\w*\b|attempt to write a readonly database/,
      example: 'Error: SQLITE_READONLY: attempt to write a readonly database',
    },
    {
      code: 'SQLITE_BUSY',
      category: 'config-env',
      meaning: 'the database file is locked by another connection or process',
      fix: 'Give each task its own database file or one writer (not several tasks sharing a file over EFS or NFS), set a busy timeout, or move to a server database.',
      re: /\bSQLITE_BUSY\b|sqlite3\.OperationalError: database is locked/,
      example: 'Error: SQLITE_BUSY: database is locked',
    },
    {
      code: 'SQLITE_FULL',
      category: 'resources-oom',
      meaning: 'the database or disk is full',
      fix: 'Enlarge or free the volume the database file is on.',
      re: /\bSQLITE_FULL\b|database or disk is full/,
      example: 'Error: SQLITE_FULL: database or disk is full',
    },
    {
      code: 'SQLITE_NOTADB',
      category: 'config-env',
      meaning: 'the file opened is not a database (or is encrypted with another key)',
      fix: 'Point the database path at the real database file, or give the right encryption key.',
      re: /\bSQLITE_NOTADB\b|file is (?:encrypted or is )?not a database/,
      example: 'Error: SQLITE_NOTADB: file is not a database',
    },
    {
      code: 'SQLITE_CORRUPT',
      category: 'other',
      meaning: 'the database disk image is malformed',
      fix: 'Restore the database file from a backup (or rebuild it); keep it off network file systems that break SQLite locking.',
      re: /\bSQLITE_CORRUPT\b|database disk image is malformed/,
      example: 'Error: SQLITE_CORRUPT: database disk image is malformed',
    },
    {
      code: 'SQLITE_PERM',
      category: 'config-env',
      meaning: 'access permission denied on the database file',
      fix: 'Make the database file readable and writable by the service’s user.',
      example:
        'org.sqlite.SQLiteException: [SQLITE_PERM] Access permission denied (access permission denied)',
    },
    {
      code: 'SQLITE_ERROR',
      category: 'db-migration',
      meaning: 'no such table or column: the schema was not created',
      fix: 'Run the migrations (or schema creation) against the database file the service opens before it starts.',
      re: /\bSQLITE_ERROR\]?:? (?:SQL error or missing database \()?no such (?:table|column)/,
      example: 'Error: SQLITE_ERROR: no such table: users',
    },
  ],
};

const odbc: Catalogue = {
  id: 'odbc',
  tool: 'ODBC',
  reference: 'https://learn.microsoft.com/en-us/sql/odbc/reference/appendixes/appendix-a-odbc-error-codes',
  entries: [
    {
      code: '01000',
      category: 'app-crash',
      meaning: "the driver manager can't open the ODBC driver library (it is not installed in the image)",
      fix: 'Install the ODBC driver the connection string names in the image (for example msodbcsql18 with unixODBC), or name the driver that is installed.',
      re: /\[01000\][^\n]*Can't open lib '[^'\n]+'|Can't open lib '[^'\n]+' : file not found/,
      example:
        "pyodbc.Error: ('01000', \"[01000] [unixODBC][Driver Manager]Can't open lib 'ODBC Driver 17 for SQL Server' : file not found (0) (SQLDriverConnect)\")",
    },
    {
      code: 'IM002',
      category: 'app-crash',
      meaning: 'data source name not found and no default driver specified (the driver is not registered)',
      fix: 'Install and register the ODBC driver in the image (odbcinst.ini), and name it exactly in the connection string.',
      re: /\bIM002\b/,
      example:
        "pyodbc.InterfaceError: ('IM002', '[IM002] [unixODBC][Driver Manager]Data source name not found and no default driver specified (0) (SQLDriverConnect)')",
    },
    {
      code: '08S01',
      category: 'dependency-unreachable',
      meaning: 'communication link failure with the database server',
      fix: 'Check the database is up and reachable at the configured host and port, and that the service waits for it at start-up.',
      re: /(?:SQLSTATE|SQLState|SQL State)(?:\[|:? ?|=)08S01\b|\[08S01\]|\('08S01'/,
      example: 'o.h.engine.jdbc.spi.SqlExceptionHelper : SQL Error: 0, SQLState: 08S01',
    },
    {
      code: '42S02',
      category: 'db-migration',
      meaning: 'base table or view not found',
      fix: 'Run the schema migrations against this database before the code runs.',
      re: /(?:SQLSTATE|SQLState|SQL State)(?:\[|:? ?|=)42S02\b|\[42S02\]|\('42S02'|\b\d+ \(42S02\)/,
      example: "SQLSTATE[42S02]: Base table or view not found: 1146 Table 'app.jobs' doesn't exist",
    },
    {
      code: '42S22',
      category: 'db-migration',
      meaning: 'column not found',
      fix: 'Apply the migration that adds the column before the new code runs, or roll the code back.',
      re: /(?:SQLSTATE|SQLState|SQL State)(?:\[|:? ?|=)42S22\b|\[42S22\]|\('42S22'|\b\d+ \(42S22\)/,
      example:
        "[42S22] [Microsoft][ODBC Driver 18 for SQL Server][SQL Server]Invalid column name 'TenantId'. (207)",
    },
  ],
};

const prisma: Catalogue = {
  id: 'prisma',
  tool: 'Prisma',
  reference: 'https://www.prisma.io/docs/orm/reference/error-reference',
  entries: [
    [
      'P1000',
      'config-env',
      'authentication failed against the database server: the credentials are not valid',
      'Set the user and password in DATABASE_URL to credentials the database accepts (URL-encode special characters).',
      'Error: P1000: Authentication failed against database server at `db`, the provided database credentials for `postgres` are not valid.',
    ],
    [
      'P1001',
      'dependency-unreachable',
      "can't reach the database server at the host and port",
      'Start the database first and gate the service on it; if it is up, check the host and port in DATABASE_URL.',
      "Error: P1001: Can't reach database server at `postgres`:`5432`",
    ],
    [
      'P1003',
      'config-env',
      'the database named in the URL does not exist',
      'Point DATABASE_URL at an existing database, or create it (prisma migrate deploy does not create databases on every provider).',
      'Error: P1003: Database `shop` does not exist on the database server at `db:5432`.',
    ],
    [
      'P1010',
      'config-env',
      'the user was denied access on the database',
      'GRANT the database user in DATABASE_URL access to the database, or use a user that has it.',
      'Error: P1010: User `app` was denied access on the database `shop.public`',
    ],
    [
      'P1011',
      'config-env',
      'error opening a TLS connection',
      'Match the TLS settings in DATABASE_URL to the server (sslmode, sslcert, the CA bundle).',
      'Error: P1011: Error opening a TLS connection: bad certificate format',
    ],
    [
      'P1013',
      'config-env',
      'the database connection string is invalid',
      'Correct DATABASE_URL (scheme, host, port, URL-encoded password).',
      'Error: P1013: The provided database string is invalid. invalid port number in database URL.',
    ],
    [
      'P1017',
      'dependency-unreachable',
      'the server has closed the connection',
      'Check the database is up and not restarting, and that the connection limit and TLS settings match the server.',
      'Error: P1017: Server has closed the connection.',
    ],
    [
      'P2021',
      'db-migration',
      'the table does not exist in the current database',
      'Run prisma migrate deploy against this database before the service starts.',
      "Invalid `prisma.user.findMany()` invocation: The table `public.User` does not exist in the current database. code: 'P2021'",
    ],
    [
      'P2022',
      'db-migration',
      'the column does not exist in the current database',
      'Run prisma migrate deploy before the new code runs.',
      "Invalid `prisma.order.create()` invocation: The column `tenantId` does not exist in the current database. code: 'P2022'",
    ],
  ].map(([code, category, meaning, fix, example]) => ({
    code: code!,
    category: category as CatalogueEntry['category'],
    meaning: meaning!,
    fix: fix!,
    re: new RegExp(`(?:Error:? |[Ee]rror ?[Cc]ode:? ?['"]?|\\b[Cc]ode:? ?['"]?)${code}\\b`),
    example: example!,
  })),
};

const sequelize: Catalogue = {
  id: 'sequelize',
  tool: 'Sequelize',
  reference: 'https://sequelize.org/api/v6/identifiers#errors',
  entries: [
    {
      code: 'SequelizeConnectionRefusedError',
      category: 'dependency-unreachable',
      meaning: 'the database refused the connection',
      fix: 'Start the database first and gate the service on it; if it is up, check the host and port Sequelize is given.',
      example: 'SequelizeConnectionRefusedError: connect ECONNREFUSED 10.0.2.31:5432',
    },
    {
      code: 'SequelizeAccessDeniedError',
      category: 'config-env',
      meaning: 'the database denied access (wrong credentials or no privilege)',
      fix: 'Set the user and password Sequelize uses to credentials the database accepts.',
      example: "SequelizeAccessDeniedError: Access denied for user 'app'@'10.0.2.14' (using password: YES)",
    },
    {
      code: 'SequelizeHostNotFoundError',
      category: 'dependency-unreachable',
      meaning: 'the database host name did not resolve',
      fix: 'Check the database host name resolves from the service’s network and is spelled right in its settings.',
      example: 'SequelizeHostNotFoundError: getaddrinfo ENOTFOUND mysql-primary',
    },
    {
      code: 'SequelizeHostNotReachableError',
      category: 'dependency-unreachable',
      meaning: 'the database host is not reachable',
      fix: 'Check the database host is up and routable from the service.',
      example: 'SequelizeHostNotReachableError: connect EHOSTUNREACH 10.0.3.9:3306',
    },
    {
      code: 'SequelizeInvalidConnectionError',
      category: 'config-env',
      meaning: 'the connection parameters are invalid (for example the database does not exist)',
      fix: 'Correct the database name, host and options Sequelize is given.',
      example: 'SequelizeInvalidConnectionError: database "shop" does not exist',
    },
  ],
};

const pgbouncer: Catalogue = {
  id: 'pgbouncer',
  tool: 'PgBouncer',
  reference: 'https://www.pgbouncer.org/config.html',
  entries: [
    {
      code: 'unsupported startup parameter',
      category: 'config-env',
      meaning: 'the client sent a startup parameter PgBouncer does not pass on',
      fix: 'Add the parameter to ignore_startup_parameters in PgBouncer’s settings (for example extra_float_digits, search_path), or stop the client sending it.',
      re: /unsupported startup parameter(?: in options)?: [\w.]+/,
      example: 'ERROR: unsupported startup parameter: extra_float_digits',
    },
    {
      code: 'server login has been failing',
      category: 'config-env',
      meaning:
        'PgBouncer’s own login to the database server keeps failing, so it refuses clients for a while',
      fix: 'Fix the credentials PgBouncer uses for the server (its auth_file, auth_user or the user in its database line) to match the database.',
      re: /server login has been failing, try again later \(server_login_retry\)/,
      example: 'FATAL: server login has been failing, try again later (server_login_retry)',
    },
    {
      code: 'pgbouncer cannot connect to server',
      category: 'dependency-unreachable',
      meaning: 'PgBouncer could not connect to the database server behind it',
      fix: 'Start the database behind PgBouncer and check the host and port in PgBouncer’s [databases] section.',
      re: /\bpgbouncer cannot connect to server\b/,
      example: 'ERROR: pgbouncer cannot connect to server',
    },
  ],
};

const catalogues: readonly Catalogue[] = [
  postgres,
  mysql,
  mssql,
  oracle,
  oracleClients,
  sqlite,
  odbc,
  prisma,
  sequelize,
  pgbouncer,
];
export default catalogues;
