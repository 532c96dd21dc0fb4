import type { Catalogue } from './types.js';

/*
 * Exception and error class names, one catalogue per runtime or library, as each prints them in a stack trace or a
 * fatal line. Written from the runtimes' own exception references; the category is where the fix usually goes, and
 * matches the hand-written rule of the same meaning where there is one.
 */

/** The JVM's standard exceptions (java.base, java.sql), as a stack trace prints them. */
const jvm: Catalogue = {
  id: 'jvm',
  tool: 'the JVM',
  reference: 'https://docs.oracle.com/en/java/javase/21/docs/api/java.base/module-summary.html',
  entries: [
    {
      code: 'UnknownHostException',
      category: 'dependency-unreachable',
      meaning: 'the IP address of a host could not be determined',
      fix: 'Check the host name the service is given (JDBC URL, broker or API host) is spelled right and that the dependency is deployed and registered under it (Service Connect, Cloud Map, the exact RDS or ElastiCache endpoint), with DNS resolution enabled in the VPC.',
      example: 'Caused by: java.net.UnknownHostException: postgres.internal: Name or service not known',
    },
    {
      code: 'ConnectException',
      category: 'dependency-unreachable',
      meaning:
        'a socket could not connect to the remote address and port, typically refused because nothing listens there',
      fix: 'Make sure the dependency at that address is running and listening on that port before the service starts (a container dependency or a retry); if the address is 127.0.0.1 or localhost, point the setting at the dependency host instead.',
      not: /timed out/i,
      example: 'Caused by: java.net.ConnectException: Connection refused',
    },
    {
      code: 'BindException',
      category: 'port-binding',
      meaning:
        'a socket could not be bound to the local address and port, typically because the port is in use or the address cannot be assigned',
      fix: 'Listen on a free port and on 0.0.0.0 (server.port, server.address); do not run two processes on one port, and run as root or above port 1024 for a low port.',
      example: 'Caused by: java.net.BindException: Address already in use',
    },
    {
      code: 'SocketTimeoutException',
      category: 'other',
      meaning: 'a socket connect or read timed out without an answer',
      fix: "A timeout alone does not show where the traffic stops: check that the dependency's security group allows this service on that port and the subnets route to it (the network), then that the dependency is up and answering in time.",
      example: 'Caused by: java.net.SocketTimeoutException: Connect timed out',
    },
    {
      code: 'NoRouteToHostException',
      category: 'dependency-unreachable',
      meaning:
        'the remote host cannot be reached, typically because of an intervening firewall or a router that is down',
      fix: 'Check the dependency host is up at that address, then that security groups, network ACLs and routes let this service reach it.',
      example: 'Caused by: java.net.NoRouteToHostException: No route to host (Host unreachable)',
    },
    {
      code: 'OutOfMemoryError',
      category: 'resources-oom',
      meaning:
        'the JVM could not allocate an object (heap, metaspace, direct memory or native threads are exhausted)',
      fix: 'Raise the task or container memory and size the heap to it (-XX:MaxRAMPercentage or -Xmx below the limit); for unable to create native thread raise the nproc ulimit or use fewer threads.',
      example: 'Exception in thread "main" java.lang.OutOfMemoryError: Java heap space',
    },
    {
      code: 'UnsupportedClassVersionError',
      category: 'app-crash',
      meaning: 'a class file was compiled for a newer Java release than the runtime running it',
      fix: 'Build and run on the same Java release: use a runtime base image at least as new as the JDK that compiled the app, or compile with --release for the older runtime.',
      example:
        'Error: LinkageError occurred while loading main class com.example.App: java.lang.UnsupportedClassVersionError: com/example/App has been compiled by a more recent version of the Java Runtime (class file version 65.0), this version of the Java Runtime only recognizes class file versions up to 61.0',
    },
    {
      code: 'ClassNotFoundException',
      category: 'app-crash',
      meaning: 'no definition for a class with the given name could be found on the classpath',
      fix: "Package the jar that holds the class into the image (a fat jar or the dependency's scope) and check the main class or driver class name setting is spelled right.",
      example: 'Caused by: java.lang.ClassNotFoundException: org.postgresql.Driver',
    },
    {
      code: 'NoClassDefFoundError',
      category: 'app-crash',
      meaning: 'a class present at compile time could not be found or initialised at run time',
      fix: 'Put the missing library on the runtime classpath (the image build copies all dependency jars) and build against the same versions the image runs.',
      example: 'Exception in thread "main" java.lang.NoClassDefFoundError: org/slf4j/LoggerFactory',
    },
    {
      code: 'SSLHandshakeException',
      category: 'config-env',
      meaning: 'the client and server could not negotiate the desired level of security',
      fix: 'Match the TLS settings of client and server (protocol versions, cipher suites, the server name the client asks for); if the certificate is not trusted, add its CA to the truststore the app is given.',
      not: /PKIX path building failed/,
      example: 'javax.net.ssl.SSLHandshakeException: Received fatal alert: handshake_failure',
    },
    {
      code: 'SSLPeerUnverifiedException',
      category: 'config-env',
      meaning:
        "the peer's identity could not be verified, typically a host name that the certificate does not name",
      fix: "Connect with the host name the server's certificate is issued for (the endpoint's DNS name, not an IP or alias), or fix the certificate.",
      example:
        "javax.net.ssl.SSLPeerUnverifiedException: Certificate for <db.internal> doesn't match any of the subject alternative names: [mydb.abc123.eu-west-1.rds.amazonaws.com]",
    },
    {
      code: 'java.nio.file.AccessDeniedException',
      category: 'config-env',
      meaning: 'file system access was denied, typically by file permissions',
      fix: 'Give the user the container runs as write access to that path (chown it in the image or mount a writable volume there), or point the setting at a writable path.',
      example: 'Caused by: java.nio.file.AccessDeniedException: /app/logs/application.log',
    },
    {
      code: 'NoSuchFileException',
      category: 'config-env',
      meaning: 'a file the app tried to open does not exist',
      fix: 'Point the setting at the path where the file is (or mount or copy it there in the image).',
      example: 'Caused by: java.nio.file.NoSuchFileException: /config/application.yml',
    },
    {
      code: 'FileNotFoundException',
      category: 'config-env',
      not: /System\.IO\.FileNotFoundException|Could not load file or assembly/,
      meaning: 'a file with the given path does not exist or could not be opened',
      fix: 'Point the setting at a path that exists in the container and that the container user can open, or mount or copy the file there.',
      example: 'java.io.FileNotFoundException: /etc/app/keystore.p12 (No such file or directory)',
    },
    {
      code: 'MalformedURLException',
      category: 'config-env',
      meaning: 'a URL could not be parsed or has no known protocol',
      fix: 'Set the URL setting to a full, valid URL with its scheme (http://, https://, jdbc:…) and no unexpanded variable.',
      example: 'Caused by: java.net.MalformedURLException: no protocol: ${API_URL}/v1',
    },
    {
      code: 'URISyntaxException',
      category: 'config-env',
      meaning: 'a string could not be parsed as a URI',
      fix: 'Fix the URI setting: a valid scheme and host, with special characters in passwords percent-encoded.',
      example:
        'Caused by: java.net.URISyntaxException: Illegal character in authority at index 11: postgres://user:p@ss@db:5432/app',
    },
    {
      code: 'UnsatisfiedLinkError',
      category: 'app-crash',
      meaning: 'the JVM could not find or load a native library the app needs',
      fix: 'Install the native library in the image (or use a base image that has it, e.g. glibc rather than musl) and set java.library.path to where it is.',
      not: /wrong ELF class|wrong machine|incompatible architecture/,
      example:
        'Exception in thread "main" java.lang.UnsatisfiedLinkError: no netty_transport_native_epoll in java.library.path',
    },
    {
      code: 'ExceptionInInitializerError',
      category: 'app-crash',
      meaning: 'an exception occurred in a static initializer',
      fix: 'Read the cause under it; fix the class initialisation (often a library that does not support this Java release, or a missing resource in the jar).',
      example: 'Exception in thread "main" java.lang.ExceptionInInitializerError',
    },
    {
      code: 'StackOverflowError',
      category: 'app-crash',
      meaning: 'the app recursed too deeply and overflowed a thread stack',
      fix: 'Fix the unbounded recursion in the code (a cyclic bean or mapping); raise -Xss only if the depth is legitimate.',
      example: 'Exception in thread "main" java.lang.StackOverflowError',
    },
    {
      code: 'InaccessibleObjectException',
      category: 'app-crash',
      meaning:
        'reflective access was refused by the module system, typically a library older than the Java release running it',
      fix: 'Upgrade the library to a release that supports this Java version, run on the Java release it supports, or add the --add-opens flag it needs.',
      example:
        'java.lang.reflect.InaccessibleObjectException: Unable to make field private final java.lang.Class java.lang.invoke.SerializedLambda.capturingClass accessible: module java.base does not "opens java.lang.invoke" to unnamed module @5a2e4553',
    },
    {
      code: 'SQLTransientConnectionException',
      category: 'dependency-unreachable',
      meaning:
        'a database connection could not be obtained, though a retry might succeed (a pool timed out waiting for one)',
      fix: 'Check the database is up and accepting connections from this service and that the pool can reach it; if it is up, raise the pool timeout or its connection limit.',
      example:
        'java.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not available, request timed out after 30000ms.',
    },
    {
      code: 'SQLInvalidAuthorizationSpecException',
      category: 'config-env',
      meaning: 'the database rejected the authorization (user name or password)',
      fix: "Set the database user and password the service is given to the database's real credentials (the secret's keys, the env var names).",
      example:
        "java.sql.SQLInvalidAuthorizationSpecException: (conn=12) Access denied for user 'app'@'10.0.1.23' (using password: YES)",
    },
    {
      code: 'Could not find or load main class',
      category: 'app-crash',
      meaning: 'the java launcher found no main class of that name on the classpath',
      fix: 'Build the jar with its Main-Class manifest (or the boot loader) and copy it into the image, and start it with the class name and classpath the build produced.',
      example: 'Error: Could not find or load main class com.example.Application',
    },
    {
      code: 'Unsupported or unrecognized SSL message',
      category: 'config-env',
      meaning: 'the client spoke TLS to a server port that answered in plain text',
      fix: 'Use the plain scheme or port for that endpoint (http://, sslmode off) or turn TLS on at the server; check the port is the TLS one.',
      example: 'javax.net.ssl.SSLException: Unsupported or unrecognized SSL message',
    },
    {
      code: 'CommunicationsException',
      category: 'dependency-unreachable',
      meaning: 'MySQL Connector/J lost or could not open the link to the server',
      fix: 'Make sure MySQL is up and reachable at the host and port in the JDBC URL from this service before it starts (its security group, the endpoint).',
      example: 'com.mysql.cj.jdbc.exceptions.CommunicationsException: Communications link failure',
    },
    {
      code: 'Public Key Retrieval is not allowed',
      category: 'config-env',
      meaning: 'the driver may not fetch the server RSA key that caching_sha2_password needs without TLS',
      fix: 'Add allowPublicKeyRetrieval=true to the JDBC URL, or connect with TLS (sslMode=REQUIRED).',
      example: 'java.sql.SQLNonTransientConnectionException: Public Key Retrieval is not allowed',
    },
  ],
};

/** Spring Boot's start-up failures, as its failure analyzers and stack traces print them. */
const spring: Catalogue = {
  id: 'spring',
  tool: 'Spring Boot',
  reference:
    'https://docs.spring.io/spring-boot/reference/features/spring-application.html#features.spring-application.startup-failure',
  entries: [
    {
      code: 'PortInUseException',
      category: 'port-binding',
      meaning: 'the embedded web server could not start because its port is already in use',
      fix: 'Give server.port a port no other process in the task uses, or stop the other listener.',
      example: 'org.springframework.boot.web.server.PortInUseException: Port 8080 is already in use',
    },
    {
      code: 'DataSourceBeanCreationException',
      category: 'config-env',
      meaning:
        'no DataSource could be configured: no url was set and no embedded database is on the classpath',
      fix: 'Set spring.datasource.url (SPRING_DATASOURCE_URL) in the task, or activate the profile that sets it.',
      example:
        'Caused by: org.springframework.boot.autoconfigure.jdbc.DataSourceProperties$DataSourceBeanCreationException: Failed to determine a suitable driver class',
    },
    {
      code: 'ConfigDataResourceNotFoundException',
      category: 'config-env',
      meaning: 'a config data location given to spring.config.import or spring.config.location was not found',
      fix: 'Point spring.config.import or location at a file or source that exists in the container, or mark it optional:.',
      example:
        "org.springframework.boot.context.config.ConfigDataResourceNotFoundException: Config data resource 'file [/config/application-prod.yml]' via location 'file:/config/application-prod.yml' does not exist",
    },
    {
      code: 'InvalidConfigurationPropertyValueException',
      category: 'config-env',
      meaning: 'a configuration property has an invalid value',
      fix: 'Correct the named property (env var or application file) to a value it accepts.',
      example:
        "org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException: Property spring.profiles.active with value 'prod,' is invalid",
    },
    {
      code: 'ConfigurationPropertiesBindException',
      category: 'config-env',
      meaning:
        'external configuration could not be bound to a properties class (wrong type or failed validation)',
      fix: 'Give the named property a value of the right type and format in the env vars or application file.',
      example:
        "org.springframework.boot.context.properties.ConfigurationPropertiesBindException: Error creating bean with name 'appProperties': Could not bind properties to 'AppProperties' : prefix=app, ignoreInvalidFields=false, ignoreUnknownFields=true",
    },
    {
      code: 'MissingRequiredPropertiesException',
      category: 'config-env',
      meaning: 'properties marked as required are not set',
      fix: 'Set the named properties (as env vars or in the application file) in the task definition.',
      example:
        'org.springframework.core.env.MissingRequiredPropertiesException: The following properties were declared as required but could not be resolved: [DB_URL]',
    },
    {
      code: 'PlaceholderResolutionException',
      category: 'config-env',
      meaning: 'a placeholder in a property value names a property or env var that is not set',
      fix: 'Set the env var or property the placeholder names in the task definition, or give the placeholder a default.',
      re: /PlaceholderResolutionException|Could not resolve placeholder '[\w.-]+'/,
      example:
        'java.lang.IllegalArgumentException: Could not resolve placeholder \'DB_PASSWORD\' in value "${DB_PASSWORD}"',
    },
  ],
};

/** HikariCP, the JDBC connection pool most JVM services use. */
const hikari: Catalogue = {
  id: 'hikari',
  tool: 'HikariCP',
  reference: 'https://github.com/brettwooldridge/HikariCP#frequently-used',
  entries: [
    {
      code: 'PoolInitializationException',
      category: 'dependency-unreachable',
      meaning:
        'the pool could not open its first connection to the database within initializationFailTimeout',
      fix: 'Make sure the database is up and reachable from this service before it starts; the cause below it says whether the credentials or URL are wrong instead.',
      example:
        'com.zaxxer.hikari.pool.HikariPool$PoolInitializationException: Failed to initialize pool: Connection to db:5432 refused.',
    },
  ],
};

/** Flyway and Liquibase, the JVM's migration tools. */
const flyway: Catalogue = {
  id: 'flyway',
  tool: 'Flyway',
  reference:
    'https://javadoc.io/doc/org.flywaydb/flyway-core/latest/org/flywaydb/core/api/FlywayException.html',
  entries: [
    {
      code: 'FlywayValidateException',
      category: 'db-migration',
      meaning:
        'the applied migrations differ from the resolved ones (a changed checksum, a missing or pending migration)',
      fix: 'Restore the applied migration files unchanged, or run flyway repair for a deliberate change; do not edit a migration after it ran.',
      example:
        'org.flywaydb.core.api.exception.FlywayValidateException: Validate failed: Migrations have failed validation',
    },
    {
      code: 'FlywayMigrateException',
      category: 'db-migration',
      meaning: 'a migration script failed while being applied',
      fix: 'Fix the failing migration script (the SQL error under it), clean up what it half applied and run flyway repair before redeploying.',
      example:
        'org.flywaydb.core.internal.command.DbMigrate$FlywayMigrateException: Migration V3__add_orders.sql failed',
    },
  ],
};

const liquibase: Catalogue = {
  id: 'liquibase',
  tool: 'Liquibase',
  reference: 'https://docs.liquibase.com/concepts/tracking-tables/databasechangeloglock-table.html',
  entries: [
    {
      code: 'LockException',
      category: 'db-migration',
      meaning: 'the migration could not acquire the change log lock another run still holds',
      fix: 'Let the other migration finish, or if none runs clear the stale lock (liquibase releaseLocks, or reset DATABASECHANGELOGLOCK).',
      re: /liquibase\.exception\.LockException/,
      example:
        'liquibase.exception.LockException: Could not acquire change log lock.  Currently locked by 10.0.1.5 (10.0.1.5) since 3/4/25, 9:12 AM',
    },
  ],
};

/** Python's built-in exceptions, and the OSError forms it prints with an errno number but no errno name. */
const python: Catalogue = {
  id: 'python',
  tool: 'Python',
  reference: 'https://docs.python.org/3/library/exceptions.html',
  entries: [
    {
      code: 'ModuleNotFoundError',
      category: 'app-crash',
      meaning: 'an import could not locate the module',
      fix: 'Install the package into the image the service runs (requirements file, the same virtualenv or site-packages in the final stage) and check the module path and working directory.',
      example: "ModuleNotFoundError: No module named 'flask'",
    },
    {
      code: 'ImportError',
      category: 'app-crash',
      meaning: 'an import statement could not load a module or a name from it',
      fix: 'Install matching package versions in the image (pin them), and the native libraries a compiled module needs.',
      example:
        "ImportError: cannot import name 'url_quote' from 'werkzeug.urls' (/usr/local/lib/python3.11/site-packages/werkzeug/urls.py)",
    },
    {
      code: 'PermissionError',
      category: 'config-env',
      meaning: 'an operation was refused for lack of access rights, such as file system permissions',
      fix: 'Give the container user access to that path (chown in the image, a writable volume) or point the setting at a writable path.',
      example: "PermissionError: [Errno 13] Permission denied: '/app/static/cache'",
    },
    {
      code: 'FileNotFoundError',
      category: 'config-env',
      meaning: 'a file or directory was requested but does not exist',
      fix: 'Point the setting at a path that exists in the container, or mount or copy the file there.',
      example: "FileNotFoundError: [Errno 2] No such file or directory: '/run/secrets/db_password'",
    },
    {
      code: 'ConnectionRefusedError',
      category: 'dependency-unreachable',
      meaning: 'a connection attempt was refused by the peer',
      fix: 'Make sure the dependency is running and listening on that host and port before the service connects (a container dependency or retries); a localhost address means the host setting is missing.',
      example: 'ConnectionRefusedError: [Errno 111] Connection refused',
    },
    {
      code: 'gaierror',
      category: 'dependency-unreachable',
      meaning: 'getaddrinfo could not resolve the host name',
      fix: 'Check the host name setting and that the dependency is registered under it (Service Connect, Cloud Map, the exact managed endpoint), with VPC DNS enabled.',
      example: 'socket.gaierror: [Errno -2] Name or service not known',
    },
    {
      code: 'KeyError',
      category: 'config-env',
      meaning:
        'a mapping key was not found; an upper-case key is an environment variable os.environ does not have',
      fix: 'Set that environment variable in the task definition (or its secret), or read it with a default.',
      re: /KeyError: '[A-Z][A-Z0-9_]{2,}'/,
      example: "KeyError: 'DATABASE_URL'",
    },
    {
      code: 'MemoryError',
      category: 'resources-oom',
      meaning: 'an operation ran out of memory',
      fix: 'Raise the task or container memory, or make the work use less (smaller batches, fewer workers).',
      example: 'MemoryError',
    },
    {
      code: 'RecursionError',
      category: 'app-crash',
      meaning: 'the maximum recursion depth was exceeded',
      fix: 'Fix the unbounded recursion in the code (often a setting or property that refers to itself).',
      example: 'RecursionError: maximum recursion depth exceeded while calling a Python object',
    },
    {
      code: 'SSLCertVerificationError',
      category: 'app-crash',
      meaning: "certificate validation failed: the server's certificate chain does not lead to a trusted CA",
      fix: "Put a CA bundle in the image (ca-certificates, certifi) and, for a private CA such as RDS's, add it to the bundle the client uses.",
      not: /self[- ]signed|Hostname mismatch|has expired/,
      example:
        'ssl.SSLCertVerificationError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate (_ssl.c:1006)',
    },
    {
      code: '[Errno 98]',
      category: 'port-binding',
      meaning: 'the address is already in use',
      fix: 'Bind a port no other process in the task uses (one server per port, workers share the one master socket).',
      re: /\[Errno 98\] Address already in use/,
      example: 'OSError: [Errno 98] Address already in use',
    },
    {
      code: '[Errno 99]',
      category: 'port-binding',
      meaning: 'the requested address cannot be assigned on this host',
      fix: 'Bind 0.0.0.0 (or the task address), not an address from another host or network.',
      re: /\[Errno 99\] Cannot assign requested address/,
      example: 'OSError: [Errno 99] Cannot assign requested address',
    },
    {
      code: '[Errno 101]',
      category: 'network-sg',
      meaning: 'the network is unreachable: no route to it',
      fix: "Give the task's subnet a route to that network (a NAT gateway or internet gateway for the internet, a VPC endpoint for an AWS service); for an IPv6 address, use IPv4 or enable IPv6 in the subnet.",
      re: /\[Errno 101\] Network is unreachable/,
      example: 'OSError: [Errno 101] Network is unreachable',
    },
    {
      code: '[Errno 113]',
      category: 'dependency-unreachable',
      meaning: 'no route to the host',
      fix: 'Check the dependency host is up at that address, then that security groups, network ACLs and routes let this service reach it.',
      re: /\[Errno 113\] No route to host/,
      example: 'OSError: [Errno 113] No route to host',
    },
    {
      code: '[Errno 24]',
      category: 'resources-oom',
      meaning: 'the process has too many open files',
      fix: 'Raise the nofile ulimit in the task definition (ulimits) or close files and connections the code leaks.',
      re: /\[Errno 24\] Too many open files/,
      example: "OSError: [Errno 24] Too many open files: '/app/data/index'",
    },
    {
      code: '[Errno 12]',
      category: 'resources-oom',
      meaning: 'memory could not be allocated',
      fix: 'Raise the task or container memory, or run fewer or lighter processes.',
      re: /\[Errno 12\] Cannot allocate memory/,
      example: 'OSError: [Errno 12] Cannot allocate memory',
    },
    {
      code: '[Errno 30]',
      category: 'config-env',
      meaning: 'the file system is read-only',
      fix: 'Mount a writable volume at the path the app writes (or turn off readonlyRootFilesystem), or point the setting at /tmp.',
      re: /\[Errno 30\] Read-only file system/,
      example: "OSError: [Errno 30] Read-only file system: '/app/logs'",
    },
    {
      code: '[Errno 28]',
      category: 'resources-oom',
      meaning: 'no space is left on the device',
      fix: 'Free or enlarge the volume the service writes to (ephemeral storage, the mounted volume, /tmp), or write less to it.',
      re: /\[Errno 28\] No space left on device/,
      example: "OSError: [Errno 28] No space left on device: '/tmp/upload-1f2e'",
    },
    {
      code: '[Errno 8]',
      category: 'arch-mismatch',
      meaning: 'the kernel could not execute the file: it is built for another CPU architecture',
      fix: "Build the image or binary for the task's architecture (docker buildx --platform) or run the task on the architecture it targets.",
      re: /\[Errno 8\] Exec format error/,
      example: "OSError: [Errno 8] Exec format error: '/usr/local/bin/helper'",
    },
    {
      code: '[Errno -2]',
      category: 'dependency-unreachable',
      meaning: 'the host name is not known to the resolver',
      fix: 'Check the host name setting and that the dependency is registered under it (Service Connect, Cloud Map, the exact endpoint).',
      re: /\[Errno -2\] Name or service not known/,
      example:
        "urllib3.exceptions.NameResolutionError: Failed to resolve 'api.internal' ([Errno -2] Name or service not known)",
    },
    {
      code: 'WRONG_VERSION_NUMBER',
      category: 'config-env',
      meaning: 'the client spoke TLS to a port that answered in plain text',
      fix: 'Use the plain scheme for that endpoint (http://, redis://) or the TLS port, or turn TLS on at the server.',
      re: /\[SSL: WRONG_VERSION_NUMBER\]/,
      example: 'ssl.SSLError: [SSL: WRONG_VERSION_NUMBER] wrong version number (_ssl.c:1006)',
    },
  ],
};

/** Django's configuration and migration exceptions. */
const django: Catalogue = {
  id: 'django',
  tool: 'Django',
  reference: 'https://docs.djangoproject.com/en/5.0/ref/exceptions/',
  entries: [
    {
      code: 'ImproperlyConfigured',
      category: 'config-env',
      meaning: 'Django is somehow improperly configured, such as a missing or invalid setting',
      fix: 'Set the setting it names (SECRET_KEY, DATABASES, DJANGO_SETTINGS_MODULE) through the task environment.',
      example: 'django.core.exceptions.ImproperlyConfigured: The SECRET_KEY setting must not be empty.',
    },
    {
      code: 'DisallowedHost',
      category: 'config-env',
      meaning: 'the Host header of a request is not in ALLOWED_HOSTS',
      fix: "Add the load balancer's or health check's host name (or the task IP) to ALLOWED_HOSTS.",
      example:
        "django.core.exceptions.DisallowedHost: Invalid HTTP_HOST header: '10.0.1.23:8000'. You may need to add '10.0.1.23' to ALLOWED_HOSTS.",
    },
    {
      code: 'InconsistentMigrationHistory',
      category: 'db-migration',
      meaning: 'a migration is applied before one of its dependencies',
      fix: 'Repair the django_migrations table so dependencies are applied first (apply the missing one, or fake it if its changes exist), then migrate.',
      example:
        "django.db.migrations.exceptions.InconsistentMigrationHistory: Migration admin.0001_initial is applied before its dependency accounts.0001_initial on database 'default'.",
    },
  ],
};

/** SQLAlchemy's connection-URL exceptions. */
const sqlalchemy: Catalogue = {
  id: 'sqlalchemy',
  tool: 'SQLAlchemy',
  reference: 'https://docs.sqlalchemy.org/en/20/core/exceptions.html',
  entries: [
    {
      code: 'NoSuchModuleError',
      category: 'config-env',
      meaning: 'the dialect named by the URL scheme is not found (postgres:// instead of postgresql://)',
      fix: 'Use the scheme SQLAlchemy knows in the database URL (postgresql://, postgresql+psycopg2://, mysql+pymysql://) and install the driver it names.',
      example: "sqlalchemy.exc.NoSuchModuleError: Can't load plugin: sqlalchemy.dialects:postgres",
    },
    {
      code: 'ArgumentError',
      category: 'config-env',
      meaning: 'the database URL could not be parsed',
      fix: 'Set the database URL to a full valid URL (scheme, host, database), with special characters in the password percent-encoded.',
      re: /sqlalchemy\.exc\.ArgumentError: Could not parse/,
      example: "sqlalchemy.exc.ArgumentError: Could not parse SQLAlchemy URL from string ''",
    },
  ],
};

/** botocore, the AWS SDK for Python, for failures before any AWS error code (those are in the AWS catalogue). */
const botocore: Catalogue = {
  id: 'botocore',
  tool: 'botocore',
  reference: 'https://boto3.amazonaws.com/v1/documentation/api/latest/guide/error-handling.html',
  entries: [
    {
      code: 'NoCredentialsError',
      category: 'secrets-iam',
      meaning: 'no AWS credentials were found in the credential chain',
      fix: 'Give the task a task role (taskRoleArn) so the SDK gets credentials from the container credentials endpoint; do not rely on keys or instance metadata.',
      example: 'botocore.exceptions.NoCredentialsError: Unable to locate credentials',
    },
    {
      code: 'PartialCredentialsError',
      category: 'config-env',
      meaning: 'only part of a set of credentials was found (an access key without its secret)',
      fix: 'Set both AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY or neither, and prefer the task role.',
      example:
        'botocore.exceptions.PartialCredentialsError: Partial credentials found in env, missing: AWS_SECRET_ACCESS_KEY',
    },
    {
      code: 'NoRegionError',
      category: 'config-env',
      meaning: 'no region was configured for the client',
      fix: 'Set AWS_REGION or AWS_DEFAULT_REGION in the task, or pass region_name to the client.',
      example: 'botocore.exceptions.NoRegionError: You must specify a region.',
    },
    {
      code: 'ProfileNotFound',
      category: 'config-env',
      meaning: 'the named config profile does not exist',
      fix: 'Unset AWS_PROFILE in the task (the task role needs no profile) or ship the config file that defines it.',
      example: 'botocore.exceptions.ProfileNotFound: The config profile (prod) could not be found',
    },
    {
      code: 'EndpointConnectionError',
      category: 'network-sg',
      meaning: 'the client could not connect to the AWS endpoint URL',
      fix: 'Give the task a way out to the AWS endpoint: a NAT gateway or public IP, or a VPC endpoint for the service, with security groups allowing 443; check the region in the URL is right.',
      example:
        'botocore.exceptions.EndpointConnectionError: Could not connect to the endpoint URL: "https://secretsmanager.eu-west-1.amazonaws.com/"',
    },
    {
      code: 'ConnectTimeoutError',
      category: 'network-sg',
      meaning: 'connecting to the AWS endpoint timed out',
      fix: "Give the task's subnets a route to the AWS endpoint (a NAT gateway, a public IP, or a VPC endpoint) and let its security group out on 443.",
      example:
        'botocore.exceptions.ConnectTimeoutError: Connect timeout on endpoint URL: "https://sts.amazonaws.com/"',
    },
    {
      code: 'CredentialRetrievalError',
      category: 'secrets-iam',
      meaning: 'the credential provider failed to fetch credentials',
      fix: "Check the role the provider uses can be assumed by this task (trust policy) and that the provider's endpoint is reachable.",
      example:
        'botocore.exceptions.CredentialRetrievalError: Error when retrieving credentials from container-role: Error retrieving metadata: Received non 200 response (404) from ECS metadata',
    },
  ],
};

/** psycopg, PostgreSQL's Python driver: its DB-API exception for connection failures. */
const psycopg: Catalogue = {
  id: 'psycopg',
  tool: 'psycopg',
  reference: 'https://www.psycopg.org/docs/module.html#exceptions',
  entries: [
    {
      code: 'psycopg2.OperationalError',
      category: 'dependency-unreachable',
      meaning:
        'the connection to the database server failed (it is not running, not accepting connections or not reachable)',
      fix: 'Make sure the database is up and accepts connections from this service before it starts; when the message names a password or database, fix those settings instead.',
      re: /psycopg2?\.OperationalError: (?:connection to server|could not connect to server|server closed the connection)/,
      not: /password authentication failed|does not exist|no pg_hba\.conf entry|SSL/,
      example:
        'psycopg2.OperationalError: connection to server at "10.0.2.15", port 5432 failed: Connection refused',
    },
  ],
};

/** redis-py's exceptions. */
const redispy: Catalogue = {
  id: 'redis-py',
  tool: 'redis-py',
  reference: 'https://redis-py.readthedocs.io/en/stable/exceptions.html',
  entries: [
    {
      code: 'redis.exceptions.ConnectionError',
      category: 'dependency-unreachable',
      meaning: 'the client could not connect to the Redis server',
      fix: 'Make sure Redis is running and reachable at that host and port from this service (the cache endpoint, its security group); a localhost address means the host setting is missing.',
      not: /Name (?:or service not known|does not resolve)|Try again/,
      example: 'redis.exceptions.ConnectionError: Error 111 connecting to redis:6379. Connection refused.',
    },
    {
      code: 'redis.exceptions.AuthenticationError',
      category: 'config-env',
      meaning: 'the server rejected the password or user the client sent',
      fix: "Set the Redis password or AUTH token (and user) the service is given to the server's.",
      example: 'redis.exceptions.AuthenticationError: invalid username-password pair or user is disabled.',
    },
  ],
};

/** Gunicorn, the Python WSGI server, about its workers. */
const gunicorn: Catalogue = {
  id: 'gunicorn',
  tool: 'Gunicorn',
  reference: 'https://docs.gunicorn.org/en/stable/faq.html',
  entries: [
    {
      code: 'Worker failed to boot',
      category: 'app-crash',
      meaning: 'a worker exited while loading the application, so the arbiter shut down',
      fix: 'Read the traceback above it (an import or app factory error) and fix the app module or the WSGI path given to gunicorn.',
      example: "gunicorn.errors.HaltServer: <HaltServer 'Worker failed to boot.' 3>",
    },
    {
      code: 'Perhaps out of memory?',
      category: 'resources-oom',
      meaning: 'a worker was killed by SIGKILL, most often by the out-of-memory killer',
      fix: 'Raise the task or container memory, or run fewer workers (--workers) or lighter ones.',
      re: /was sent SIGKILL! Perhaps out of memory\?/,
      example:
        '[2025-03-04 10:12:01 +0000] [1] [ERROR] Worker (pid:42) was sent SIGKILL! Perhaps out of memory?',
    },
  ],
};

/** pydantic's settings validation. */
const pydantic: Catalogue = {
  id: 'pydantic',
  tool: 'pydantic',
  reference: 'https://docs.pydantic.dev/latest/errors/validation_errors/',
  entries: [
    {
      code: 'ValidationError',
      category: 'config-env',
      meaning:
        'settings read from the environment failed validation (a field is missing or of the wrong type)',
      fix: 'Set the named fields as env vars in the task definition with values of the right type.',
      re: /ValidationError: \d+ validation errors? for \w*(?:Settings|Config)\b/,
      example: 'pydantic_core._pydantic_core.ValidationError: 2 validation errors for Settings',
    },
  ],
};

/** .NET's exceptions, as an unhandled exception or a host start-up failure prints them. */
const dotnet: Catalogue = {
  id: 'dotnet',
  tool: '.NET',
  reference: 'https://learn.microsoft.com/en-us/dotnet/api/system.exception',
  entries: [
    {
      code: 'SocketException (111)',
      category: 'dependency-unreachable',
      meaning: 'the connection was refused: nothing listens at that address and port',
      fix: 'Make sure the dependency is running and listening there before the service connects; a localhost address means the host setting is missing.',
      re: /SocketException \((?:111|10061|0x8000?4005)\): Connection refused/,
      example: 'System.Net.Sockets.SocketException (111): Connection refused',
    },
    {
      code: 'SocketException (98)',
      category: 'port-binding',
      meaning: 'the address is already in use',
      fix: 'Listen on a port no other process in the task uses (ASPNETCORE_URLS, ASPNETCORE_HTTP_PORTS).',
      re: /SocketException \((?:98|10048)\): Address already in use/,
      example: 'System.Net.Sockets.SocketException (98): Address already in use',
    },
    {
      code: 'SocketException (13)',
      category: 'port-binding',
      meaning: 'binding was refused: a non-root user cannot listen below port 1024',
      fix: 'Listen on a port above 1024 (ASPNETCORE_HTTP_PORTS=8080, the default since .NET 8) and map it, or run as root.',
      re: /SocketException \(13\): Permission denied/,
      example: 'System.Net.Sockets.SocketException (13): Permission denied',
    },
    {
      code: 'SocketException (00000005',
      category: 'dependency-unreachable',
      meaning: 'the host name could not be resolved',
      fix: 'Check the host name in the connection string and that the dependency is registered under it (Service Connect, Cloud Map, the exact managed endpoint).',
      re: /SocketException \((?:00000005, 0xFFFDFFFF|0xFFFDFFFF|11001)\): (?:Name or service not known|No such host is known)/,
      example: 'System.Net.Sockets.SocketException (00000005, 0xFFFDFFFF): Name or service not known',
    },
    {
      code: 'HttpRequestException',
      category: 'dependency-unreachable',
      meaning: 'an HTTP request failed because the connection to the server was refused',
      fix: 'Make sure the service it calls is up at that address; a localhost address means the URL setting is missing.',
      re: /HttpRequestException: Connection refused \(/,
      example: 'System.Net.Http.HttpRequestException: Connection refused (orders-api:8080)',
    },
    {
      code: 'FileNotFoundException',
      category: 'app-crash',
      meaning: 'an assembly the app references could not be found',
      fix: 'Publish the app with all its dependencies into the image (dotnet publish output, the right runtime image such as aspnet rather than runtime).',
      re: /FileNotFoundException: Could not load file or assembly/,
      example:
        "System.IO.FileNotFoundException: Could not load file or assembly 'Microsoft.Extensions.Hosting, Version=8.0.0.0, Culture=neutral, PublicKeyToken=adb9793829ddae60'. The system cannot find the file specified.",
    },
    {
      code: 'FileLoadException',
      category: 'app-crash',
      meaning: 'an assembly was found but could not be loaded (a version mismatch)',
      fix: 'Build and publish against consistent package versions and the runtime version the image runs.',
      example:
        "System.IO.FileLoadException: Could not load file or assembly 'Newtonsoft.Json, Version=13.0.0.0'. The located assembly's manifest definition does not match the assembly reference.",
    },
    {
      code: 'BadImageFormatException',
      category: 'arch-mismatch',
      meaning:
        'the file image of an assembly or native library is not valid for this process (built for another architecture)',
      fix: "Publish for the task's architecture (-r linux-x64 or linux-arm64) or run the task on the architecture the build targets (runtimePlatform cpuArchitecture).",
      example:
        "System.BadImageFormatException: Could not load file or assembly 'Native.Interop'. An attempt was made to load a program with an incorrect format.",
    },
    {
      code: 'DllNotFoundException',
      category: 'app-crash',
      meaning: 'a native library the app calls could not be found',
      fix: 'Install the native library in the image (apt-get install it, e.g. libgdiplus or libicu) or use a base image that has it.',
      example:
        "System.DllNotFoundException: Unable to load shared library 'libgdiplus' or one of its dependencies.",
    },
    {
      code: 'OutOfMemoryException',
      category: 'resources-oom',
      meaning: 'there is not enough memory to continue the execution of the program',
      fix: 'Raise the task or container memory (the GC sizes its heap to the container limit) or lower what the app holds.',
      example: "System.OutOfMemoryException: Exception of type 'System.OutOfMemoryException' was thrown.",
    },
    {
      code: 'InvalidOperationException',
      category: 'config-env',
      meaning: 'the connection string the app needs was not set',
      fix: 'Set the connection string in the task environment (ConnectionStrings__Default or the name the app reads).',
      re: /InvalidOperationException: (?:The ConnectionString property has not been initialized|No connection string named)/,
      example: 'System.InvalidOperationException: The ConnectionString property has not been initialized.',
    },
    {
      code: 'UnauthorizedAccessException',
      category: 'config-env',
      meaning: 'the operating system denied access to a path',
      fix: 'Give the container user (app, uid 1654 in .NET 8 images) access to that path, or point the setting at a writable path or volume.',
      example: "System.UnauthorizedAccessException: Access to the path '/app/keys' is denied.",
    },
    {
      code: 'IOException',
      category: 'port-binding',
      meaning: 'Kestrel failed to bind to its address because the address is already in use',
      fix: 'Give the app one listen URL on a port nothing else in the task uses (ASPNETCORE_URLS or Kestrel endpoints, not both).',
      re: /IOException: Failed to bind to address/,
      example: 'System.IO.IOException: Failed to bind to address http://[::]:8080: address already in use.',
    },
    {
      code: 'AuthenticationException',
      category: 'config-env',
      meaning:
        'the remote certificate was rejected by the validation procedure (an untrusted chain or a name it does not cover)',
      fix: 'Connect with the host name the certificate names, and trust its CA in the image (the RDS bundle, TrustServerCertificate only for tests).',
      re: /AuthenticationException: The remote certificate is invalid/,
      example:
        'System.Security.Authentication.AuthenticationException: The remote certificate is invalid according to the validation procedure: RemoteCertificateNameMismatch, RemoteCertificateChainErrors',
    },
    {
      code: 'TypeInitializationException',
      category: 'app-crash',
      meaning: 'a static constructor of a type threw',
      fix: 'Read the inner exception and fix the type initialisation (often a native library or a setting read at load).',
      example:
        "System.TypeInitializationException: The type initializer for 'Npgsql.TypeMapping.GlobalTypeMapper' threw an exception.",
    },
    {
      code: 'PlatformNotSupportedException',
      category: 'app-crash',
      meaning: 'a feature the code uses does not run on this platform (Linux)',
      fix: 'Replace the Windows-only API or package in the code with a cross-platform one.',
      example:
        'System.PlatformNotSupportedException: System.Drawing.Common is not supported on this platform.',
    },
    {
      code: 'OptionsValidationException',
      category: 'config-env',
      meaning: 'configured options failed validation at start-up',
      fix: 'Set the named configuration values (env vars with __ between sections) to valid values in the task.',
      example:
        "Microsoft.Extensions.Options.OptionsValidationException: DataAnnotation validation failed for 'DatabaseOptions' members: 'Host' with the error: 'The Host field is required.'.",
    },
    {
      code: 'SocketException (99)',
      category: 'port-binding',
      meaning: 'the requested address cannot be assigned on this host',
      fix: 'Listen on 0.0.0.0 or [::] (http://+:8080) rather than an address from another host.',
      re: /SocketException \(99\): Cannot assign requested address/,
      example: 'System.Net.Sockets.SocketException (99): Cannot assign requested address',
    },
  ],
};

/** .NET's database clients: Npgsql, SqlClient and MySqlConnector. */
const dotnetdb: Catalogue = {
  id: 'dotnet-db',
  tool: 'a .NET database client',
  reference: 'https://learn.microsoft.com/en-us/dotnet/api/microsoft.data.sqlclient.sqlexception',
  entries: [
    {
      code: 'NpgsqlException',
      category: 'dependency-unreachable',
      meaning: 'Npgsql failed to connect to the PostgreSQL server',
      fix: 'Make sure PostgreSQL is up and reachable from this service at that host and port (its security group, the endpoint in the connection string).',
      re: /NpgsqlException \(0x80004005\): (?:Failed to connect to|Exception while connecting)/,
      example: 'Npgsql.NpgsqlException (0x80004005): Failed to connect to 10.0.3.21:5432',
    },
    {
      code: 'SqlException',
      category: 'dependency-unreachable',
      meaning:
        'a network-related or instance-specific error occurred while establishing a connection to SQL Server',
      fix: 'Make sure SQL Server is up and reachable at the server in the connection string (host,port; its security group allows this service on 1433).',
      re: /SqlException \(0x80131904\): A network-related or instance-specific error/,
      example:
        'Microsoft.Data.SqlClient.SqlException (0x80131904): A network-related or instance-specific error occurred while establishing a connection to SQL Server.',
    },
    {
      code: 'Error Number:18456',
      category: 'config-env',
      meaning: 'SQL Server rejected the login',
      fix: 'Set the user and password in the connection string to a login the server has (and that is enabled for SQL authentication).',
      example: 'Error Number:18456,State:1,Class:14',
    },
    {
      code: 'Error Number:4060',
      category: 'config-env',
      meaning: 'SQL Server cannot open the database the login requested',
      fix: 'Set the database in the connection string to one that exists and that the login may open (or create it first).',
      example: 'Error Number:4060,State:1,Class:11',
    },
    {
      code: 'MySqlException',
      category: 'dependency-unreachable',
      meaning: 'MySqlConnector could not connect to any of the MySQL hosts',
      fix: 'Make sure MySQL is up and reachable from this service at the server and port in the connection string.',
      re: /MySqlException \(0x80004005\): Unable to connect to any of the specified MySQL hosts/,
      example:
        'MySqlConnector.MySqlException (0x80004005): Unable to connect to any of the specified MySQL hosts.',
    },
    {
      code: 'certificate chain was issued by an authority that is not trusted',
      category: 'config-env',
      meaning: "the client encrypts by default and does not trust the SQL Server certificate's issuer",
      fix: "Trust the server's CA in the image (the RDS bundle), or set TrustServerCertificate=True or Encrypt=False in the connection string where that is acceptable.",
      example:
        'Microsoft.Data.SqlClient.SqlException (0x80131904): A connection was successfully established with the server, but then an error occurred during the login process. (provider: SSL Provider, error: 0 - The certificate chain was issued by an authority that is not trusted.)',
    },
  ],
};

/** Go's standard library errors, as net, net/http, crypto/x509 and the runtime print them. */
const go: Catalogue = {
  id: 'go',
  tool: 'Go',
  reference: 'https://pkg.go.dev/std',
  entries: [
    {
      code: 'x509: certificate signed by unknown authority',
      category: 'app-crash',
      meaning: "the server's certificate chain does not lead to a root in the system pool",
      fix: 'Put CA certificates in the image (apk add ca-certificates, or copy /etc/ssl/certs/ca-certificates.crt into a scratch or distroless stage); add a private CA to that bundle.',
      example:
        'Get "https://api.example.com/v1": tls: failed to verify certificate: x509: certificate signed by unknown authority',
    },
    {
      code: 'x509: failed to load system roots',
      category: 'app-crash',
      meaning: 'no system root certificates could be found in the image',
      fix: 'Copy a CA bundle into the image (/etc/ssl/certs/ca-certificates.crt) or embed golang.org/x/crypto/x509roots/fallback.',
      example: 'x509: failed to load system roots and no roots provided',
    },
    {
      code: 'x509: certificate is valid for',
      category: 'config-env',
      meaning: 'the certificate does not name the host the client connected to',
      fix: "Connect with a host name the certificate names (the endpoint's DNS name, not an IP or an alias), or set the TLS server name.",
      example:
        'tls: failed to verify certificate: x509: certificate is valid for *.abc123.eu-west-1.rds.amazonaws.com, not db.internal',
    },
    {
      code: 'context deadline exceeded',
      category: 'network-sg',
      meaning: 'a call to an AWS endpoint got no answer before its deadline',
      fix: "Give the task's subnets a way to that endpoint: a NAT gateway or public IP, or a VPC endpoint (ecr.api, ecr.dkr, S3, secretsmanager, ssm, logs) with a security group allowing 443.",
      re: /amazonaws\.com.*context deadline exceeded/,
      example:
        'RequestError: send request failed caused by: Post "https://ssm.eu-west-1.amazonaws.com/": dial tcp 10.0.0.12:443: context deadline exceeded',
    },
    {
      code: 'net/http: TLS handshake timeout',
      category: 'network-sg',
      meaning: 'the TLS handshake with the server did not finish in time',
      fix: 'Check the egress path to that host (NAT gateway, proxy, VPC endpoint, security group on 443); a path that opens TCP but stalls points at a proxy or MTU.',
      example: 'Get "https://registry-1.docker.io/v2/": net/http: TLS handshake timeout',
    },
    {
      code: 'http: server gave HTTP response to HTTPS client',
      category: 'config-env',
      meaning: 'the client spoke TLS to a server that answered in plain HTTP',
      fix: 'Use http:// for that endpoint in the setting, or turn TLS on at the server.',
      example: 'Get "https://metrics:9090/api": http: server gave HTTP response to HTTPS client',
    },
    {
      code: 'bind: address already in use',
      category: 'port-binding',
      meaning: 'the listen address and port are already in use',
      fix: 'Listen on a port no other process in the task uses.',
      example: 'listen tcp :8080: bind: address already in use',
    },
    {
      code: 'bind: permission denied',
      category: 'port-binding',
      meaning: 'a non-root process may not listen below port 1024',
      fix: 'Listen above 1024 and map the port, or give the binary CAP_NET_BIND_SERVICE or run as root.',
      example: 'listen tcp :80: bind: permission denied',
    },
    {
      code: 'bind: cannot assign requested address',
      category: 'port-binding',
      meaning: 'the listen address does not belong to this host',
      fix: 'Listen on 0.0.0.0 (an empty host, :8080) rather than an address from another host.',
      example: 'listen tcp 192.168.1.10:8080: bind: cannot assign requested address',
    },
    {
      code: 'connect: connection refused',
      category: 'dependency-unreachable',
      meaning: 'the connection was refused: nothing listens at that address and port',
      fix: 'Make sure the dependency is running and listening there before the service dials it; a 127.0.0.1 address means the host setting is missing.',
      example: 'dial tcp 10.0.4.9:5432: connect: connection refused',
    },
    {
      code: 'connect: network is unreachable',
      category: 'network-sg',
      meaning: 'there is no route to that network',
      fix: "Give the task's subnet a route there (a NAT or internet gateway, a VPC endpoint); for an IPv6 address, prefer IPv4 or enable IPv6.",
      example: 'dial tcp [2600:1f18::5]:443: connect: network is unreachable',
    },
    {
      code: 'connect: no route to host',
      category: 'dependency-unreachable',
      meaning: 'the host at that address cannot be reached',
      fix: 'Check the dependency is up at that address, then that security groups, network ACLs and routes let this service reach it.',
      example: 'dial tcp 10.0.7.33:6379: connect: no route to host',
    },
    {
      code: 'no such host',
      category: 'dependency-unreachable',
      meaning: 'the resolver found no address for the host name',
      fix: 'Check the host name setting and that the dependency is registered under it (Service Connect, Cloud Map, the exact endpoint).',
      re: /lookup [\w.-]+(?: on [\d.:[\]]+)?: no such host/,
      example: 'dial tcp: lookup postgres on 10.0.0.2:53: no such host',
    },
    {
      code: 'fatal error: runtime: out of memory',
      category: 'resources-oom',
      meaning: 'the Go runtime could not get memory from the operating system',
      fix: 'Raise the task or container memory, or set GOMEMLIMIT below the limit and lower what the program holds.',
      example: 'fatal error: runtime: out of memory',
    },
    {
      code: 'invalid memory address or nil pointer dereference',
      category: 'app-crash',
      meaning: 'the program dereferenced a nil pointer',
      fix: 'Fix the nil dereference at the top frame of the trace (often a client or config value used before it was set or after an error was ignored).',
      example: 'panic: runtime error: invalid memory address or nil pointer dereference',
    },
    {
      code: 'fork/exec',
      category: 'arch-mismatch',
      meaning: 'the binary could not be executed: it is built for another CPU architecture',
      fix: "Build the image for the task's architecture (GOARCH, docker buildx --platform linux/amd64 or linux/arm64) or run the task on the architecture it targets.",
      re: /fork\/exec [^\s:]+: exec format error/,
      example: 'fork/exec /usr/local/bin/app: exec format error',
    },
  ],
};

/** Ruby's Errno classes and core exceptions, as an uncaught exception prints them: message (Class). */
const ruby: Catalogue = {
  id: 'ruby',
  tool: 'Ruby',
  reference: 'https://docs.ruby-lang.org/en/3.3/Errno.html',
  entries: [
    {
      code: 'Errno::ECONNREFUSED',
      category: 'dependency-unreachable',
      meaning: 'the connection was refused: nothing listens at that address and port',
      fix: 'Make sure the dependency is running and listening there before the service connects; a localhost address means the host setting is missing.',
      example:
        'Failed to open TCP connection to 10.0.2.8:9200 (Connection refused - connect(2) for "10.0.2.8" port 9200) (Errno::ECONNREFUSED)',
    },
    {
      code: 'Errno::EADDRINUSE',
      category: 'port-binding',
      meaning: 'the address is already in use',
      fix: 'Listen on a port no other process in the task uses; remove a stale server.pid or a second server on the same port.',
      example: 'Address already in use - bind(2) for "0.0.0.0" port 3000 (Errno::EADDRINUSE)',
    },
    {
      code: 'Errno::EADDRNOTAVAIL',
      category: 'port-binding',
      meaning: 'the requested address cannot be assigned on this host',
      fix: 'Bind 0.0.0.0 rather than an address from another host.',
      example: 'Cannot assign requested address - bind(2) for "10.0.0.5" port 3000 (Errno::EADDRNOTAVAIL)',
    },
    {
      code: 'Errno::EACCES',
      category: 'config-env',
      meaning: 'permission to a file or directory was denied',
      fix: 'Give the container user access to that path (chown in the image, a writable volume for tmp and log) or point the setting elsewhere.',
      not: /bind\(2\)/,
      example: 'Permission denied @ rb_sysopen - /app/tmp/pids/server.pid (Errno::EACCES)',
    },
    {
      code: 'Errno::ENOENT',
      category: 'config-env',
      meaning: 'a file or directory does not exist',
      fix: 'Point the setting at a file that exists in the container, or mount or copy it there.',
      example: 'No such file or directory @ rb_sysopen - /app/config/database.yml (Errno::ENOENT)',
    },
    {
      code: 'Errno::EHOSTUNREACH',
      category: 'dependency-unreachable',
      meaning: 'no route to the host',
      fix: 'Check the dependency is up at that address, then that security groups, network ACLs and routes let this service reach it.',
      example: 'No route to host - connect(2) for "10.0.9.4" port 5432 (Errno::EHOSTUNREACH)',
    },
    {
      code: 'Errno::ENETUNREACH',
      category: 'network-sg',
      meaning: 'the network is unreachable',
      fix: "Give the task's subnet a route to that network (NAT or internet gateway, VPC endpoint), or use IPv4 for an IPv6 address.",
      example: 'Network is unreachable - connect(2) for "2600:1f18::5" port 443 (Errno::ENETUNREACH)',
    },
    {
      code: 'SocketError',
      category: 'dependency-unreachable',
      // Node's undici also names a SocketError (other side closed): only Ruby's getaddrinfo failure counts.
      re: /getaddrinfo: [^()]*\(SocketError\)|SocketError: getaddrinfo/,
      meaning: 'the host name could not be resolved',
      fix: 'Check the host name setting and that the dependency is registered under it (Service Connect, Cloud Map, the exact endpoint).',
      example: 'getaddrinfo: Name or service not known (SocketError)',
    },
    {
      code: 'LoadError',
      category: 'app-crash',
      meaning: 'a file or library required could not be loaded',
      fix: 'Install the gem or native library in the image (bundle install in the final stage, BUNDLE_WITHOUT not dropping it) and check the require path.',
      example: 'cannot load such file -- nokogiri/nokogiri (LoadError)',
    },
    {
      code: 'NoMemoryError',
      category: 'resources-oom',
      meaning: 'memory allocation failed',
      fix: 'Raise the task or container memory, or run fewer workers or threads.',
      example: 'failed to allocate memory (NoMemoryError)',
    },
    {
      code: 'KeyError',
      category: 'config-env',
      meaning: 'ENV.fetch found no environment variable of that name',
      fix: 'Set that environment variable in the task definition (or its secret).',
      re: /key not found: "[A-Z][A-Z0-9_]{2,}" \(KeyError\)/,
      example: 'key not found: "DATABASE_URL" (KeyError)',
    },
  ],
};

/** Bundler, Rails, and Ruby's database and cache clients. */
const rails: Catalogue = {
  id: 'rails',
  tool: 'Rails',
  reference: 'https://api.rubyonrails.org/classes/ActiveRecord/ActiveRecordError.html',
  entries: [
    {
      code: 'Bundler::GemNotFound',
      category: 'app-crash',
      meaning: 'a gem in the Gemfile.lock is not installed',
      fix: 'Run bundle install in the image stage the app runs from (with the same BUNDLE_PATH and groups), for the platform in the lock file.',
      example: 'Could not find nokogiri-1.16.2-x86_64-linux in locally installed gems (Bundler::GemNotFound)',
    },
    {
      code: 'ActiveRecord::PendingMigrationError',
      category: 'db-migration',
      meaning: 'migrations are pending against the database',
      fix: 'Run bin/rails db:migrate (or db:prepare) before the app starts, as a one-off task or the entrypoint.',
      example:
        'Migrations are pending. To resolve this issue, run: bin/rails db:migrate RAILS_ENV=production (ActiveRecord::PendingMigrationError)',
    },
    {
      code: 'ActiveRecord::NoDatabaseError',
      category: 'config-env',
      meaning: 'the database named in the configuration does not exist',
      fix: 'Set the database name in DATABASE_URL or database.yml to one that exists, or create it (bin/rails db:prepare).',
      example: 'We could not find your database: app_production. (ActiveRecord::NoDatabaseError)',
    },
    {
      code: 'ActiveRecord::ConnectionNotEstablished',
      category: 'dependency-unreachable',
      meaning: 'a connection to the database could not be established',
      fix: 'Make sure the database is up and reachable at the host in DATABASE_URL; a socket path or localhost means the host setting is missing.',
      example:
        'connection to server at "10.0.2.15", port 5432 failed: Connection refused (ActiveRecord::ConnectionNotEstablished)',
    },
    {
      code: 'PG::ConnectionBad',
      category: 'dependency-unreachable',
      meaning: 'the PostgreSQL connection could not be opened',
      fix: 'Make sure PostgreSQL is up and reachable at the host in DATABASE_URL before the app starts; a socket path means the host is missing.',
      not: /password authentication failed|does not exist|no pg_hba\.conf entry/,
      example:
        'connection to server at "10.0.2.15", port 5432 failed: Connection refused (PG::ConnectionBad)',
    },
    {
      code: 'Mysql2::Error::ConnectionError',
      category: 'dependency-unreachable',
      meaning: 'the MySQL connection could not be opened',
      fix: 'Make sure MySQL is up and reachable at the configured host and port before the app starts.',
      not: /Access denied|Unknown database/,
      example: "Can't connect to MySQL server on 'db' (111) (Mysql2::Error::ConnectionError)",
    },
    {
      code: 'Redis::CannotConnectError',
      category: 'dependency-unreachable',
      meaning: 'the Redis client could not connect to the server',
      fix: 'Make sure Redis is up and reachable at REDIS_URL from this service; 127.0.0.1 means the URL is missing.',
      example: 'Error connecting to Redis on 10.0.5.4:6379 (Errno::ECONNREFUSED) (Redis::CannotConnectError)',
    },
    {
      code: 'ActiveSupport::MessageEncryptor::InvalidMessage',
      category: 'config-env',
      meaning: 'encrypted data (credentials or cookies) could not be decrypted with the key given',
      fix: 'Give the task the master key the credentials file was encrypted with (RAILS_MASTER_KEY) for that environment.',
      example: 'ActiveSupport::MessageEncryptor::InvalidMessage',
    },
    {
      code: 'ActiveSupport::EncryptedFile::MissingKeyError',
      category: 'config-env',
      meaning: 'the key to decrypt the encrypted credentials is missing',
      fix: 'Set RAILS_MASTER_KEY in the task (from a secret) or ship config/master.key.',
      example:
        "Missing encryption key to decrypt file with. Ask your team for your master key and write it to /app/config/master.key or put it in the ENV['RAILS_MASTER_KEY']. (ActiveSupport::EncryptedFile::MissingKeyError)",
    },
    {
      code: 'secret_key_base',
      category: 'config-env',
      meaning: 'no secret_key_base is set for the environment',
      fix: 'Set SECRET_KEY_BASE (or RAILS_MASTER_KEY for credentials that hold it) in the task.',
      re: /Missing `secret_key_base` for '\w+' environment/,
      example:
        "Missing `secret_key_base` for 'production' environment, set this string with `bin/rails credentials:edit` (ArgumentError)",
    },
  ],
};

/** Node.js's error codes (error.code), and its fatal heap message. */
const node: Catalogue = {
  id: 'node',
  tool: 'Node.js',
  reference: 'https://nodejs.org/api/errors.html#nodejs-error-codes',
  entries: [
    {
      code: 'ERR_MODULE_NOT_FOUND',
      category: 'app-crash',
      meaning: 'an ES module could not be resolved',
      fix: 'Install the package into the image (npm ci in the stage that runs, without --omit=dev for a runtime need) and import built files with their extension.',
      example:
        "Error [ERR_MODULE_NOT_FOUND]: Cannot find package 'express' imported from /app/dist/server.js",
    },
    {
      code: 'MODULE_NOT_FOUND',
      category: 'app-crash',
      meaning: 'a CommonJS module could not be found by require',
      fix: 'Install the package or copy the built file into the image, and check the start command points at the built entry file.',
      example: "  code: 'MODULE_NOT_FOUND',",
    },
    {
      code: 'ERR_REQUIRE_ESM',
      category: 'app-crash',
      meaning: 'require() was used on an ES module',
      fix: 'Pin the dependency to its last CommonJS release, use import(), or build the app as ESM (or run Node 22+ which can require ESM).',
      example:
        'Error [ERR_REQUIRE_ESM]: require() of ES Module /app/node_modules/node-fetch/src/index.js from /app/dist/index.js not supported.',
    },
    {
      code: 'ERR_OSSL_EVP_UNSUPPORTED',
      category: 'app-crash',
      meaning:
        'OpenSSL 3 refused an algorithm the build tool uses (webpack 4 or an old react-scripts on Node 17+)',
      fix: 'Upgrade the build tool, or build with the Node release it supports (or NODE_OPTIONS=--openssl-legacy-provider in the build stage).',
      example: "  code: 'ERR_OSSL_EVP_UNSUPPORTED'",
    },
    {
      code: 'ERR_INVALID_URL',
      category: 'config-env',
      meaning: 'a URL could not be parsed',
      fix: 'Set the URL setting to a full, valid URL with its scheme, and no unexpanded variable; percent-encode special characters in passwords.',
      example: 'TypeError [ERR_INVALID_URL]: Invalid URL',
    },
    {
      code: 'ERR_SOCKET_BAD_PORT',
      category: 'config-env',
      meaning: 'the port given is not a valid port number',
      fix: 'Set PORT (or the port setting) to a number from 0 to 65535.',
      example:
        "RangeError [ERR_SOCKET_BAD_PORT]: options.port should be >= 0 and < 65536. Received type string ('${PORT}').",
    },
    {
      code: 'ERR_UNKNOWN_FILE_EXTENSION',
      category: 'app-crash',
      meaning: 'Node was asked to run a file type it does not know, such as .ts',
      fix: 'Compile TypeScript in the image build and start the emitted .js, or start through the loader (tsx) the project uses.',
      example: 'TypeError [ERR_UNKNOWN_FILE_EXTENSION]: Unknown file extension ".ts" for /app/src/index.ts',
    },
    {
      code: 'ERR_PACKAGE_PATH_NOT_EXPORTED',
      category: 'app-crash',
      meaning: 'a package subpath is not exported by its exports field',
      fix: 'Import a subpath the package exports, or pin the package version the code was written for.',
      example:
        'Error [ERR_PACKAGE_PATH_NOT_EXPORTED]: Package subpath \'./lib/utils\' is not defined by "exports" in /app/node_modules/uuid/package.json',
    },
    {
      code: 'ERR_UNSUPPORTED_DIR_IMPORT',
      category: 'app-crash',
      meaning: 'an ES module import named a directory',
      fix: 'Import the file (./lib/index.js), or build with a bundler that resolves directories.',
      example:
        "Error [ERR_UNSUPPORTED_DIR_IMPORT]: Directory import '/app/dist/routes' is not supported resolving ES modules imported from /app/dist/server.js",
    },
    {
      code: 'ERR_DLOPEN_FAILED',
      category: 'app-crash',
      meaning: 'a native addon could not be loaded',
      fix: 'Install or rebuild the native modules inside the image (npm ci there, not copied node_modules from another OS), with the libraries they link.',
      not: /invalid ELF header|wrong ELF class|Exec format error/,
      example: "  code: 'ERR_DLOPEN_FAILED'",
    },
    {
      code: 'ERR_TLS_CERT_ALTNAME_INVALID',
      category: 'config-env',
      meaning: "the server's certificate does not name the host the client connected to",
      fix: "Connect with a host name the certificate names (the endpoint's DNS name, not an IP or alias).",
      example:
        "Error [ERR_TLS_CERT_ALTNAME_INVALID]: Hostname/IP does not match certificate's altnames: Host: db.internal. is not in the cert's altnames: DNS:*.abc.eu-west-1.rds.amazonaws.com",
    },
    {
      code: 'SELF_SIGNED_CERT_IN_CHAIN',
      category: 'config-env',
      meaning: "the server's chain ends in a self-signed CA the client does not trust",
      fix: 'Give the client that CA (NODE_EXTRA_CA_CERTS, or the ssl.ca option, e.g. the RDS bundle) rather than disabling verification.',
      example: "  code: 'SELF_SIGNED_CERT_IN_CHAIN'",
    },
    {
      code: 'DEPTH_ZERO_SELF_SIGNED_CERT',
      category: 'config-env',
      meaning: 'the server presents a self-signed certificate',
      fix: 'Give the client that certificate as a trusted CA (NODE_EXTRA_CA_CERTS, ssl.ca), or connect to an endpoint with a trusted certificate.',
      example: "  code: 'DEPTH_ZERO_SELF_SIGNED_CERT'",
    },
    {
      code: 'JavaScript heap out of memory',
      category: 'resources-oom',
      meaning: 'V8 reached its heap limit',
      fix: 'Raise the task memory and --max-old-space-size to fit in it (about 75 percent of the limit), or find what the process holds.',
      example: 'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory',
    },
    {
      code: 'ERR_SSL_WRONG_VERSION_NUMBER',
      category: 'config-env',
      meaning: 'the client spoke TLS to a port that answered in plain text',
      fix: 'Use the plain scheme for that endpoint (http://, redis://) or the TLS port, or turn TLS on at the server.',
      example: "  code: 'ERR_SSL_WRONG_VERSION_NUMBER'",
    },
    {
      code: 'ERR_IMPORT_ATTRIBUTE_MISSING',
      category: 'app-crash',
      meaning: 'a JSON module was imported without the type attribute this Node release requires',
      fix: 'Import JSON with the type json import attribute (with, not assert) or build for the Node release the image runs.',
      example:
        'TypeError [ERR_IMPORT_ATTRIBUTE_MISSING]: Module "file:///app/package.json" needs an import attribute of "type: json"',
    },
  ],
};

/** Prisma's schema and migration codes (its connection codes are in sql.ts). */
const prisma: Catalogue = {
  id: 'prisma-migrate',
  tool: 'Prisma',
  reference: 'https://www.prisma.io/docs/orm/reference/error-reference',
  entries: [
    {
      code: 'P1012',
      category: 'config-env',
      meaning: 'the schema failed validation, typically an environment variable it names is not set',
      fix: 'Set the variable the datasource names (DATABASE_URL) in the task, in the container that runs prisma too.',
      re: /\bP1012\b|Environment variable not found: \w+\./,
      example: 'error: Environment variable not found: DATABASE_URL.',
    },
    {
      code: 'P3009',
      category: 'db-migration',
      meaning: 'migrate found failed migrations in the target database',
      fix: 'Resolve the failed migration (prisma migrate resolve --rolled-back or --applied after fixing the database), then deploy again.',
      re: /\bP3009\b|migrate found failed migrations in the target database/,
      example: 'Error: P3009',
    },
    {
      code: 'P3005',
      category: 'db-migration',
      meaning: 'the database schema is not empty and has no migration history to deploy onto',
      fix: 'Baseline the existing database (prisma migrate resolve --applied for the initial migration), then deploy.',
      re: /\bP3005\b|The database schema is not empty/,
      example:
        'Error: P3005 The database schema is not empty. Read more about how to baseline an existing production database',
    },
    {
      code: 'P3018',
      category: 'db-migration',
      meaning: 'a migration failed to apply',
      fix: 'Fix the failing migration SQL, mark it rolled back (prisma migrate resolve), and deploy again.',
      re: /\bP3018\b|A migration failed to apply/,
      example:
        'Error: P3018 A migration failed to apply. New migrations cannot be applied before the error is recovered from.',
    },
  ],
};

/** PHP's fatal errors and extension failures. */
const php: Catalogue = {
  id: 'php',
  tool: 'PHP',
  reference: 'https://www.php.net/manual/en/language.errors.php',
  entries: [
    {
      code: 'Allowed memory size',
      category: 'resources-oom',
      meaning: 'the script exceeded memory_limit',
      fix: 'Raise memory_limit (php.ini or PHP_MEMORY_LIMIT) within the container memory, or make the script hold less.',
      re: /Allowed memory size of \d+ bytes exhausted/,
      example:
        'PHP Fatal error:  Allowed memory size of 134217728 bytes exhausted (tried to allocate 20480 bytes) in /var/www/html/vendor/laravel/framework/src/Illuminate/Support/Collection.php on line 1201',
    },
    {
      code: 'Class not found',
      category: 'app-crash',
      meaning: 'a class could not be loaded by the autoloader',
      fix: 'Run composer install (and composer dump-autoload -o) in the image build, and check the namespace and file name match for PSR-4 on a case-sensitive file system.',
      re: /(?:Uncaught )?Error: Class "[\w\\]+" not found|Class '[\w\\]+' not found/,
      example:
        'PHP Fatal error:  Uncaught Error: Class "App\\Providers\\AppServiceProvider" not found in /var/www/html/vendor/laravel/framework/src/Illuminate/Foundation/ProviderRepository.php:206',
    },
    {
      code: 'Failed opening required',
      category: 'app-crash',
      meaning: 'a required file, typically vendor/autoload.php, does not exist',
      fix: 'Run composer install in the image build (and do not let a volume or .dockerignore hide vendor/).',
      example:
        "PHP Fatal error:  Uncaught Error: Failed opening required '/var/www/html/vendor/autoload.php' (include_path='.:/usr/local/lib/php') in /var/www/html/public/index.php:5",
    },
    {
      code: 'could not find driver',
      category: 'app-crash',
      meaning: 'the PDO driver for the database is not installed in PHP',
      fix: 'Install the extension in the image (docker-php-ext-install pdo_mysql or pdo_pgsql).',
      re: /PDOException: could not find driver|could not find driver \(Connection: \w+/,
      example:
        'PHP Fatal error:  Uncaught PDOException: could not find driver in /var/www/html/src/Db.php:12',
    },
    {
      code: 'Call to undefined function',
      category: 'app-crash',
      meaning: 'a function is not defined, typically one from a PHP extension the image lacks',
      fix: 'Install the extension that provides it in the image (docker-php-ext-install mysqli, gd, intl…) or fix the call.',
      re: /Call to undefined function (?:mysqli_|pg_|gd|imagecreate|curl_|mb_|intl|bcadd|sodium_)\w*\(\)/,
      example:
        'PHP Fatal error:  Uncaught Error: Call to undefined function mysqli_connect() in /var/www/html/db.php:4',
    },
    {
      code: 'php_network_getaddresses',
      category: 'dependency-unreachable',
      meaning: 'the host name could not be resolved',
      fix: 'Check the host setting (DB_HOST, REDIS_HOST) and that the dependency is registered under that name.',
      example:
        'SQLSTATE[HY000] [2002] php_network_getaddresses: getaddrinfo for mysql failed: Name or service not known',
    },
  ],
};

/** Laravel's start-up failures. */
const laravel: Catalogue = {
  id: 'laravel',
  tool: 'Laravel',
  reference: 'https://laravel.com/docs/11.x/configuration',
  entries: [
    {
      code: 'MissingAppKeyException',
      category: 'config-env',
      meaning: 'no application encryption key has been specified',
      fix: 'Set APP_KEY in the task (base64:… from php artisan key:generate --show, from a secret).',
      example:
        'Illuminate\\Encryption\\MissingAppKeyException: No application encryption key has been specified.',
    },
    {
      code: 'could not be opened in append mode',
      category: 'config-env',
      meaning: 'the log file under storage could not be opened for writing',
      fix: 'Make storage/ and bootstrap/cache writable by the PHP user (chown www-data in the image), or log to stderr (LOG_CHANNEL=stderr).',
      example:
        'The stream or file "/var/www/html/storage/logs/laravel.log" could not be opened in append mode: Failed to open stream: Permission denied',
    },
    {
      code: 'Please provide a valid cache path',
      category: 'config-env',
      meaning: 'the compiled view cache directory does not exist or is not writable',
      fix: 'Create storage/framework/views, cache and sessions in the image and make them writable by the PHP user.',
      example: 'InvalidArgumentException: Please provide a valid cache path.',
    },
  ],
};

/** Symfony's environment variable processor. */
const symfony: Catalogue = {
  id: 'symfony',
  tool: 'Symfony',
  reference: 'https://symfony.com/doc/current/configuration/env_var_processors.html',
  entries: [
    {
      code: 'EnvNotFoundException',
      category: 'config-env',
      meaning: 'an environment variable the configuration uses is not set',
      fix: 'Set the named variable in the task definition (or .env.local.php in the image).',
      re: /EnvNotFoundException|Environment variable not found: "[A-Z][A-Z0-9_]*"/,
      example:
        'Symfony\\Component\\DependencyInjection\\Exception\\EnvNotFoundException: Environment variable not found: "DATABASE_URL".',
    },
  ],
};

/** Erlang/OTP's inet POSIX error atoms, as Erlang and Elixir print them. */
const erlang: Catalogue = {
  id: 'erlang',
  tool: 'Erlang/OTP',
  reference: 'https://www.erlang.org/doc/apps/kernel/inet.html',
  entries: [
    {
      code: ':econnrefused',
      category: 'dependency-unreachable',
      meaning: 'the connection was refused: nothing listens at that address and port',
      fix: 'Make sure the dependency is running and listening there before the service connects; localhost means the host setting is missing.',
      re: /:econnrefused\b|\{error,\s*econnrefused\}/,
      example:
        '** (DBConnection.ConnectionError) tcp connect (10.0.2.15:5432): connection refused - :econnrefused',
    },
    {
      code: ':nxdomain',
      category: 'dependency-unreachable',
      meaning: 'the host name does not exist in DNS',
      fix: 'Check the host setting and that the dependency is registered under that name (Service Connect, Cloud Map, the exact endpoint).',
      re: /:nxdomain\b|\{error,\s*nxdomain\}/,
      example: '** (DBConnection.ConnectionError) tcp connect (db:5432): non-existing domain - :nxdomain',
    },
    {
      code: ':eaddrinuse',
      category: 'port-binding',
      meaning: 'the address is already in use',
      fix: 'Listen on a port no other process in the task uses (PORT for Phoenix, the node distribution port).',
      re: /:eaddrinuse\b|\{error,\s*eaddrinuse\}/,
      example:
        '** (RuntimeError) Running MyAppWeb.Endpoint with Bandit 1.5.0 at http failed, port 4000 already in use - :eaddrinuse',
    },
    {
      code: ':ehostunreach',
      category: 'dependency-unreachable',
      meaning: 'there is no route to the host',
      fix: 'Check the dependency is up at that address, then that security groups, network ACLs and routes let this service reach it.',
      re: /:ehostunreach\b|\{error,\s*ehostunreach\}/,
      example:
        '** (DBConnection.ConnectionError) tcp connect (10.0.9.4:5432): host is unreachable - :ehostunreach',
    },
    {
      code: ':enetunreach',
      category: 'network-sg',
      meaning: 'the network is unreachable',
      fix: "Give the task's subnet a route to that network (NAT or internet gateway, VPC endpoint), or use IPv4 for an IPv6 address.",
      re: /:enetunreach\b|\{error,\s*enetunreach\}/,
      example: 'tcp connect (api.example.com:443): network is unreachable - :enetunreach',
    },
    {
      code: 'eheap_alloc',
      category: 'resources-oom',
      meaning: 'the Erlang VM could not allocate heap memory and aborted',
      fix: 'Raise the task or container memory, or bound what the processes hold (mailboxes, ETS tables).',
      example: 'eheap_alloc: Cannot allocate 3280272216 bytes of memory (of type "heap").',
    },
  ],
};

/** Elixir's exceptions and the ones of its database layer. */
const elixir: Catalogue = {
  id: 'elixir',
  tool: 'Elixir',
  reference: 'https://hexdocs.pm/elixir/Kernel.html#raise/2',
  entries: [
    {
      code: 'DBConnection.ConnectionError',
      category: 'dependency-unreachable',
      meaning: 'the connection pool could not connect to, or keep a connection to, the database',
      fix: 'Make sure the database is up and reachable at the host in DATABASE_URL from this service before it starts, and size the pool to what the database accepts.',
      not: /password authentication failed|does not exist|:nxdomain/,
      example:
        '** (DBConnection.ConnectionError) connection not available and request was dropped from queue after 2000ms.',
    },
    {
      code: 'UndefinedFunctionError',
      category: 'app-crash',
      meaning: 'a function was called that is not defined or whose module is not available in the release',
      fix: 'Include the module in the release (its application in extra_applications or deps, not Mix at run time), or fix the call.',
      example: '** (UndefinedFunctionError) function Mix.env/0 is undefined (module Mix is not available)',
    },
    {
      code: 'System.EnvError',
      category: 'config-env',
      meaning: 'System.fetch_env! found no environment variable of that name',
      fix: 'Set the named variable in the task definition (or its secret).',
      example:
        '** (System.EnvError) could not fetch environment variable "SECRET_KEY_BASE" because it is not set',
    },
    {
      code: 'RuntimeError',
      category: 'config-env',
      meaning: 'config/runtime.exs found a required environment variable missing',
      fix: 'Set the named variable in the task definition (or its secret).',
      re: /\(RuntimeError\) environment variable [A-Z][A-Z0-9_]* is missing/,
      example: '** (RuntimeError) environment variable DATABASE_URL is missing.',
    },
  ],
};

/** Rust's std::io::ErrorKind names, as an unwrap or expect panic prints the error. */
const rust: Catalogue = {
  id: 'rust',
  tool: "Rust's standard library",
  reference: 'https://doc.rust-lang.org/std/io/enum.ErrorKind.html',
  entries: [
    {
      code: 'AddrInUse',
      category: 'port-binding',
      meaning: 'a socket address could not be bound because it is in use elsewhere',
      fix: 'Listen on a port no other process in the task uses.',
      re: /kind: AddrInUse\b/,
      example:
        'called `Result::unwrap()` on an `Err` value: Os { code: 98, kind: AddrInUse, message: "Address already in use" }',
    },
    {
      code: 'AddrNotAvailable',
      category: 'port-binding',
      meaning: 'a nonexistent interface was requested or the address is not local',
      fix: 'Bind 0.0.0.0 rather than an address from another host.',
      re: /kind: AddrNotAvailable\b/,
      example:
        'called `Result::unwrap()` on an `Err` value: Os { code: 99, kind: AddrNotAvailable, message: "Cannot assign requested address" }',
    },
    {
      code: 'ConnectionRefused',
      category: 'dependency-unreachable',
      meaning: 'the connection was refused by the remote server',
      fix: 'Make sure the dependency is running and listening there before the service connects; localhost means the host setting is missing.',
      re: /kind: ConnectionRefused\b/,
      example: 'Error: Os { code: 111, kind: ConnectionRefused, message: "Connection refused" }',
    },
    {
      code: 'HostUnreachable',
      category: 'dependency-unreachable',
      meaning: 'the remote host is not reachable',
      fix: 'Check the dependency is up at that address, then that security groups, network ACLs and routes let this service reach it.',
      re: /kind: HostUnreachable\b/,
      example: 'Error: Os { code: 113, kind: HostUnreachable, message: "No route to host" }',
    },
    {
      code: 'NetworkUnreachable',
      category: 'network-sg',
      meaning: 'the network containing the remote host is not reachable',
      fix: "Give the task's subnet a route to that network (NAT or internet gateway, VPC endpoint), or use IPv4 for an IPv6 address.",
      re: /kind: NetworkUnreachable\b/,
      example: 'Error: Os { code: 101, kind: NetworkUnreachable, message: "Network is unreachable" }',
    },
    {
      code: 'PermissionDenied',
      category: 'config-env',
      meaning: 'the operation lacked the necessary privileges, typically file permissions',
      fix: 'Give the container user access to that path or point the setting at a writable one; for a port below 1024, listen higher.',
      re: /kind: PermissionDenied\b/,
      example:
        'thread \'main\' panicked at src/main.rs:31:52: failed to open log file: Os { code: 13, kind: PermissionDenied, message: "Permission denied" }',
    },
    {
      code: 'NotFound',
      category: 'config-env',
      meaning: 'an entity such as a file was not found',
      fix: 'Point the setting at a file that exists in the container, or mount or copy it there.',
      re: /kind: NotFound\b/,
      example:
        'thread \'main\' panicked at src/config.rs:12:10: config.toml: Os { code: 2, kind: NotFound, message: "No such file or directory" }',
    },
    {
      code: 'ReadOnlyFilesystem',
      category: 'config-env',
      meaning: 'the file system is read-only',
      fix: 'Mount a writable volume where the app writes (or turn off readonlyRootFilesystem), or point it at /tmp.',
      re: /kind: ReadOnlyFilesystem\b/,
      example: 'Error: Os { code: 30, kind: ReadOnlyFilesystem, message: "Read-only file system" }',
    },
    {
      code: 'StorageFull',
      category: 'resources-oom',
      meaning: 'the underlying storage is full',
      fix: 'Free or enlarge the volume the service writes to, or write less to it.',
      re: /kind: StorageFull\b/,
      example: 'Error: Os { code: 28, kind: StorageFull, message: "No space left on device" }',
    },
    {
      code: 'OutOfMemory',
      category: 'resources-oom',
      meaning: 'an operation could not be completed because an allocation failed',
      fix: 'Raise the task or container memory, or make the program hold less.',
      re: /kind: OutOfMemory\b|memory allocation of \d+ bytes failed/,
      example: 'memory allocation of 1073741824 bytes failed',
    },
    {
      code: 'failed to lookup address information',
      category: 'dependency-unreachable',
      meaning: 'the resolver could not find an address for the host name',
      fix: 'Check the host setting and that the dependency is registered under that name (Service Connect, Cloud Map, the exact endpoint).',
      example:
        'Error: error trying to connect: dns error: failed to lookup address information: Name or service not known',
    },
  ],
};

const catalogues: readonly Catalogue[] = [
  jvm,
  spring,
  hikari,
  flyway,
  liquibase,
  python,
  django,
  sqlalchemy,
  botocore,
  psycopg,
  redispy,
  pydantic,
  gunicorn,
  dotnet,
  dotnetdb,
  go,
  ruby,
  rails,
  node,
  prisma,
  php,
  laravel,
  symfony,
  erlang,
  elixir,
  rust,
];
export default catalogues;
