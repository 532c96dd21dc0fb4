import { describe } from 'node:test';
import { itNamesEach, type PhrasingCase } from './phrasing-cases.js';

/*
 * Session 11, part c: the container and the app. Causes the rules already knew, in the words of tools, runtimes and
 * platforms no train capture uses: a binary or native library built for another CPU, a runtime or platform saying
 * memory ran out, a disk full without the errno, a migration history the database and the code disagree on.
 * Written from how each tool words it (not copied from the corpus), with routine lines around.
 */
const log = (service: string, ...lines: string[]) => ({
  service,
  logs: { [service]: [`starting ${service}`, 'loaded configuration from /etc/app/config.yaml', ...lines] },
});

const arch: readonly PhrasingCase[] = [
  {
    name: "bash's capitalised Exec format error for a binary of another CPU",
    expect: 'arch-mismatch',
    rule: 'exec-format-error',
    capture: log(
      'worker',
      '+ exec ./worker --queue default',
      'bash: ./worker: cannot execute binary file: Exec format error',
    ),
  },
  {
    name: "the JVM loading a bundled x86 .so on Graviton (zstd-jni's UnsatisfiedLinkError)",
    expect: 'arch-mismatch',
    rule: 'exec-format-error',
    capture: log(
      'ingest',
      '2025-03-02 10:00:01.120  INFO 1 --- [main] c.e.IngestApplication : Starting IngestApplication',
      'Exception in thread "main" java.lang.UnsatisfiedLinkError: /tmp/libzstd-jni-1.5.5-6.so: /tmp/libzstd-jni-1.5.5-6.so: cannot open shared object file: No such file or directory (Possible cause: can\'t load AMD 64 .so on a AARCH64 platform)',
      '\tat java.base/jdk.internal.loader.NativeLibraries.load(Native Method)',
    ),
  },
  {
    name: "Python importing a 32-bit extension (the loader's wrong ELF class)",
    expect: 'arch-mismatch',
    rule: 'exec-format-error',
    capture: log(
      'scorer',
      'Traceback (most recent call last):',
      '  File "/srv/scorer/main.py", line 3, in <module>',
      '    import fastscore',
      'ImportError: /srv/scorer/vendor/fastscore.cpython-311-x86_64-linux-gnu.so: wrong ELF class: ELFCLASS32',
    ),
  },
  {
    name: 'Node loading a native addon of the wrong word size',
    expect: 'arch-mismatch',
    rule: 'exec-format-error',
    capture: log(
      'web',
      'node:internal/modules/cjs/loader:1340',
      '  return process.dlopen(module, path.toNamespacedPath(filename));',
      'Error: /usr/src/app/vendor/libsass.node: wrong ELF class: ELFCLASS64',
      '    at Module._extensions..node (node:internal/modules/cjs/loader:1340:18)',
    ),
  },
  {
    name: "a .NET app loading a native DLL of the other bitness (BadImageFormatException's incorrect format)",
    expect: 'arch-mismatch',
    rule: 'exec-format-error',
    capture: log(
      'reports',
      'info: Microsoft.Hosting.Lifetime[0] Hosting environment: Production',
      'Unhandled exception. System.BadImageFormatException: An attempt was made to load a program with an incorrect format. (0x8007000B)',
      '   at Reports.Native.PdfiumInterop.FPDF_InitLibrary()',
    ),
  },
];

const memory: readonly PhrasingCase[] = [
  {
    name: "Rust's allocator failing, then the abort",
    expect: 'resources-oom',
    rule: 'runtime-heap-oom',
    capture: log(
      'indexer',
      '[2025-03-02T10:00:01Z INFO  indexer] building index for 40213 documents',
      'memory allocation of 8589934592 bytes failed',
      'Aborted (core dumped)',
    ),
  },
  {
    name: 'the BEAM (Elixir, Erlang) failing to grow a process heap',
    expect: 'resources-oom',
    rule: 'runtime-heap-oom',
    capture: log(
      'phoenix',
      '10:00:01.004 [info] Running AppWeb.Endpoint with cowboy 2.10.0 at :::4000 (http)',
      'eheap_alloc: Cannot allocate 3280272216 bytes of memory (of type "heap").',
      '',
      'Crash dump is being written to: erl_crash.dump...done',
    ),
  },
  {
    name: "GHC's runtime (a Haskell service) out of memory",
    expect: 'resources-oom',
    rule: 'runtime-heap-oom',
    capture: log('pricing', 'Listening on port 8080', 'pricing: out of memory (requested 1048576 bytes)'),
  },
  {
    name: "V8's fatal process out of memory (Node or Deno)",
    expect: 'resources-oom',
    rule: 'runtime-heap-oom',
    capture: log(
      'render',
      'Server ready on :3000',
      '#',
      '# Fatal process out of memory: Zone',
      '#',
      '#FailureMessage Object: 0x7ffd5c3a2b10',
    ),
  },
  {
    name: "systemd's unit killed by the OOM killer",
    expect: 'resources-oom',
    rule: 'oom-killed',
    capture: log(
      'agent',
      'Mar 02 10:00:01 ip-10-0-1-12 systemd[1]: Started agent.service - Sync agent.',
      'Mar 02 10:07:44 ip-10-0-1-12 systemd[1]: agent.service: A process of this unit has been killed by the OOM killer.',
      "Mar 02 10:07:44 ip-10-0-1-12 systemd[1]: agent.service: Failed with result 'oom-kill'.",
    ),
  },
  {
    name: "Cloud Run's or App Runner's memory limit exceeded",
    expect: 'resources-oom',
    rule: 'oom-killed',
    capture: log(
      'api',
      'Default STARTUP TCP probe succeeded after 1 attempt for container "api" on port 8080.',
      'Memory limit of 512 MiB exceeded with 538 MiB used. Consider increasing the memory limit, see https://cloud.google.com/run/docs/configuring/memory-limits',
    ),
  },
  {
    name: "Heroku's R14 / R15 memory quota",
    expect: 'resources-oom',
    rule: 'oom-killed',
    capture: log(
      'web',
      'heroku[web.1]: State changed from starting to up',
      'heroku[web.1]: Process running mem=1046M(204.3%)',
      'heroku[web.1]: Error R14 (Memory quota exceeded)',
      'heroku[web.1]: Error R15 (Memory quota vastly exceeded)',
      'heroku[web.1]: Stopping process with SIGKILL',
    ),
  },
  {
    name: "Nomad's task event OOM Killed",
    expect: 'resources-oom',
    rule: 'oom-killed',
    capture: log(
      'batch',
      'Received: Task received by client',
      'Started: Task started by client',
      'Terminated: Exit Code: 137, Exit Message: "OOM Killed"',
    ),
  },
];

const disk: readonly PhrasingCase[] = [
  {
    name: ".NET's IOException on a full disk (Windows' words)",
    expect: 'resources-oom',
    rule: 'disk-full',
    capture: log(
      'exporter',
      'info: Exporter.Worker[0] Writing batch 18 to /data/out',
      "Unhandled exception. System.IO.IOException: There is not enough space on the disk. : '/data/out/batch-18.parquet'",
      '   at System.IO.RandomAccess.WriteAtOffset(SafeFileHandle handle, ReadOnlySpan`1 buffer, Int64 fileOffset)',
    ),
  },
  {
    name: "Elasticsearch's flood-stage watermark",
    expect: 'resources-oom',
    rule: 'disk-full',
    capture: log(
      'search',
      '[2025-03-02T10:00:01,000][INFO ][o.e.n.Node               ] [es-0] started',
      '[2025-03-02T10:09:12,331][WARN ][o.e.c.r.a.DiskThresholdMonitor] [es-0] flood stage disk watermark [95%] exceeded on [Qz1][es-0][/usr/share/elasticsearch/data] free: 1.1gb[3.9%], all indices on this node will be marked read-only',
    ),
  },
  {
    name: "ClickHouse's NOT_ENOUGH_SPACE",
    expect: 'resources-oom',
    rule: 'disk-full',
    capture: log(
      'clickhouse',
      '2025.03.02 10:00:01.000000 [ 1 ] {} <Information> Application: Ready for connections.',
      '2025.03.02 10:12:40.512311 [ 77 ] {} <Error> MergeTreeBackgroundExecutor: Code: 243. DB::Exception: Cannot reserve 1.00 MiB, not enough space. (NOT_ENOUGH_SPACE)',
    ),
  },
  {
    name: "Docker's devicemapper thin pool out of blocks",
    expect: 'resources-oom',
    rule: 'disk-full',
    capture: log(
      'docker',
      'docker: Error response from daemon: devmapper: Thin Pool has 162 free data blocks which is less than minimum required 163840 free data blocks. Create more free space in thin pool or use dm.min_free_space option to change behavior.',
    ),
  },
  {
    name: "PostgreSQL's could not extend file, with its hint",
    expect: 'resources-oom',
    rule: 'disk-full',
    capture: log(
      'db',
      '2025-03-02 10:00:01.000 UTC [1] LOG:  database system is ready to accept connections',
      '2025-03-02 10:14:02.220 UTC [88] ERROR:  could not extend file "base/16384/24601.3": wrote only 4096 of 8192 bytes at block 401233',
      '2025-03-02 10:14:02.220 UTC [88] HINT:  Check free disk space.',
    ),
  },
];

const migrations: readonly PhrasingCase[] = [
  {
    name: "sqlx (Rust): a migration applied but missing from the binary's set",
    expect: 'db-migration',
    rule: 'migration-state-broken',
    capture: log(
      'ledger',
      '2025-03-02T10:00:01Z  INFO ledger: running migrations',
      'Error: migration 20250210093000 was previously applied but is missing in the resolved migrations',
    ),
  },
  {
    name: 'sqlx (Rust): an applied migration edited afterwards',
    expect: 'db-migration',
    rule: 'migration-state-broken',
    capture: log(
      'ledger',
      '2025-03-02T10:00:01Z  INFO ledger: running migrations',
      'Error: migration 20250101000000 was previously applied but has been modified',
    ),
  },
  {
    name: 'Doctrine Migrations (PHP): executed migrations it does not know',
    expect: 'db-migration',
    rule: 'migration-state-broken',
    capture: log(
      'php',
      '[OK] Already at the latest version ("DoctrineMigrations\\Version20250101000000")',
      ' [WARNING] You have 3 previously executed migrations in the database that are not registered migrations.',
      ' [ERROR] Migration cancelled!',
    ),
  },
  {
    name: "Atlas: the migration directory's checksum does not match",
    expect: 'db-migration',
    rule: 'migration-state-broken',
    capture: log(
      'migrate',
      'Migrating to version 20250301120000 (2 migrations in total):',
      'Error: checksum mismatch',
      'You have a checksum error in your migration directory.',
      'This happens if you manually create or edit a migration file.',
    ),
  },
];

const unhealthy = (service: string, healthOutput: string, ...lines: string[]) => ({
  service,
  logs: { [service]: [`starting ${service}`, ...lines] },
  local: { health: 'unhealthy', healthOutput },
});

const healthNoCredentials: readonly PhrasingCase[] = [
  {
    name: "psql in the health check, over the container's own socket, as root",
    expect: 'health-check-command',
    rule: 'health-check-no-credentials',
    capture: unhealthy(
      'db',
      'psql: error: connection to server on socket "/var/run/postgresql/.s.PGSQL.5432" failed: FATAL:  role "root" does not exist',
      '2025-03-02 10:00:01.000 UTC [1] LOG:  database system is ready to accept connections',
    ),
  },
  {
    name: "curl in the health check getting Elasticsearch's 401 body",
    expect: 'health-check-command',
    rule: 'health-check-no-credentials',
    capture: unhealthy(
      'search',
      '{"error":{"root_cause":[{"type":"security_exception","reason":"missing authentication credentials for REST request [/_cluster/health]","header":{"WWW-Authenticate":"Basic realm=\\"security\\" charset=\\"UTF-8\\""}}],"type":"security_exception","reason":"missing authentication credentials for REST request [/_cluster/health]"},"status":401}',
      '[2025-03-02T10:00:01,000][INFO ][o.e.n.Node               ] [es-0] started',
    ),
  },
  {
    name: 'cqlsh in the health check against a Cassandra with authentication on',
    expect: 'health-check-command',
    rule: 'health-check-no-credentials',
    capture: unhealthy(
      'cassandra',
      "Connection error: ('Unable to connect to any servers', {'127.0.0.1:9042': AuthenticationFailed('Remote end requires authentication.')})",
      'INFO  [main] 2025-03-02 10:00:01,000 Server.java:159 - Starting listening for CQL clients on /0.0.0.0:9042 (unencrypted)...',
    ),
  },
];

const caBundle: readonly PhrasingCase[] = [
  {
    name: 'Go on a scratch image with no system roots',
    expect: 'app-crash',
    rule: 'ca-certificates-missing',
    capture: log(
      'notifier',
      '2025/03/02 10:00:01 notifier listening on :8080',
      '2025/03/02 10:00:03 send failed: Post "https://hooks.slack.com/services/T000/B000/XXX": tls: failed to verify certificate: x509: failed to load system roots and no roots provided',
    ),
  },
  {
    name: "Python's requests with an empty trust store (CERTIFICATE_VERIFY_FAILED)",
    expect: 'app-crash',
    rule: 'ca-certificates-missing',
    capture: log(
      'billing',
      'INFO:     Application startup complete.',
      "requests.exceptions.SSLError: HTTPSConnectionPool(host='api.stripe.com', port=443): Max retries exceeded with url: /v1/charges (Caused by SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate (_ssl.c:1006)')))",
    ),
  },
  {
    name: "the JVM's PKIX path building failed",
    expect: 'app-crash',
    rule: 'ca-certificates-missing',
    capture: log(
      'orders',
      '2025-03-02 10:00:01.120  INFO 1 --- [main] c.e.OrdersApplication : Started OrdersApplication in 4.2 seconds',
      'javax.net.ssl.SSLHandshakeException: PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target',
    ),
  },
  {
    name: "Rust's rustls with an unknown issuer",
    expect: 'app-crash',
    rule: 'ca-certificates-missing',
    capture: log(
      'sync',
      '2025-03-02T10:00:01.000Z  INFO sync: starting sync loop',
      '2025-03-02T10:00:02.310Z ERROR sync: request failed: error sending request for url (https://api.github.com/repos/acme/app): client error (Connect): invalid peer certificate: UnknownIssuer',
    ),
  },
  {
    name: "curl's error 77 with no bundle file in the image",
    expect: 'app-crash',
    rule: 'ca-certificates-missing',
    capture: log(
      'fetcher',
      '+ curl -fsSL https://example.com/feed.xml -o /tmp/feed.xml',
      'curl: (77) error setting certificate verify locations:  CAfile: /etc/ssl/certs/ca-certificates.crt CApath: none',
    ),
  },
];

const codeBug: readonly PhrasingCase[] = [
  {
    name: 'Rust: unwrap on a None',
    expect: 'app-crash',
    rule: 'runtime-fatal-banner',
    capture: log(
      'gateway',
      '2025-03-02T10:00:01.000Z  INFO gateway: listening on 0.0.0.0:8080',
      "thread 'tokio-runtime-worker' panicked at src/routes/auth.rs:57:48:",
      'called `Option::unwrap()` on a `None` value',
      'note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace',
    ),
  },
  {
    name: 'Rust: arithmetic overflow in a debug build',
    expect: 'app-crash',
    rule: 'runtime-fatal-banner',
    capture: log(
      'quota',
      '2025-03-02T10:00:01.000Z  INFO quota: loaded 12 plans',
      "thread 'main' panicked at src/usage.rs:88:21:",
      'attempt to subtract with overflow',
    ),
  },
  {
    name: 'Swift (Vapor): a nil Optional force-unwrapped',
    expect: 'app-crash',
    rule: 'runtime-fatal-banner',
    capture: log(
      'vapor',
      '[ NOTICE ] Server starting on http://0.0.0.0:8080',
      'Swift/Optional.swift:46: Fatal error: Unexpectedly found nil while unwrapping an Optional value',
      'Current stack trace:',
      '0    libswiftCore.so                    0x00007f3c2d1b5a40 _swift_stdlib_reportFatalErrorInFile + 109',
    ),
  },
  {
    name: 'Zig: integer overflow panic',
    expect: 'app-crash',
    rule: 'runtime-fatal-banner',
    capture: log(
      'ingest',
      'info: ingest listening on 0.0.0.0:9000',
      'thread 1 panic: integer overflow',
      '/app/src/parser.zig:112:31: 0x10342a1 in parseHeader (ingest)',
    ),
  },
  {
    name: 'Haskell: Prelude.head on an empty list',
    expect: 'app-crash',
    rule: 'runtime-fatal-banner',
    capture: log(
      'pricing',
      'Listening on port 8080',
      'pricing: Prelude.head: empty list',
      'CallStack (from HasCallStack):',
      '  error, called at libraries/base/GHC/List.hs:1646:3 in base:GHC.List',
    ),
  },
  {
    name: 'OCaml: an uncaught Not_found',
    expect: 'app-crash',
    rule: 'runtime-fatal-banner',
    capture: log('indexer', 'indexer: reading /data/index.bin', 'Fatal error: exception Not_found'),
  },
];

const probeUnrunnable: readonly PhrasingCase[] = [
  {
    name: "the kubelet's liveness probe: a shell-form check in a distroless image",
    expect: 'health-check-command',
    rule: 'probe-exec-unrunnable',
    capture: {
      service: 'api',
      logs: {
        'kubectl-describe': [
          'Name:         api-7d9f8b6c5-x2x9q',
          'Status:       Running',
          '  Normal   Started    40s                kubelet  Started container api',
          '  Warning  Unhealthy  12s (x3 over 32s)  kubelet  Liveness probe failed: OCI runtime exec failed: exec failed: unable to start container process: exec: "/bin/sh": stat /bin/sh: no such file or directory: unknown',
          '  Normal   Killing    12s                kubelet  Container api failed liveness probe, will be restarted',
        ],
      },
    },
  },
  {
    name: "containerd's readiness probe: a check script without the execute bit",
    expect: 'health-check-command',
    rule: 'probe-exec-unrunnable',
    capture: {
      service: 'worker',
      logs: {
        events: [
          '  Normal   Pulled     1m   kubelet  Container image "registry.example.com/worker:2.4.1" already present on machine',
          '  Warning  Unhealthy  8s   kubelet  Readiness probe errored: rpc error: code = Unknown desc = failed to exec in container: failed to start exec "9c2e": OCI runtime exec failed: exec failed: unable to start container process: exec: "/app/bin/ready.sh": permission denied: unknown',
        ],
      },
    },
  },
  {
    name: "Docker's health log, as docker inspect prints it, for a check tool not in the image",
    expect: 'health-check-command',
    rule: 'probe-exec-unrunnable',
    capture: {
      service: 'search',
      logs: {
        'docker-inspect': [
          '"Status": "unhealthy",',
          '"FailingStreak": 14,',
          '"Output": "OCI runtime exec failed: exec failed: unable to start container process: exec: \\"/usr/local/bin/es-health\\": stat /usr/local/bin/es-health: no such file or directory: unknown"',
        ],
      },
    },
  },
];

const modelWithoutMigration: readonly PhrasingCase[] = [
  {
    name: 'EF Core 9: the model has pending changes (PendingModelChangesWarning)',
    expect: 'db-migration',
    rule: 'pending-migrations',
    capture: log(
      'orders',
      'info: Microsoft.EntityFrameworkCore.Migrations[20411] Acquiring an exclusive lock for migration application.',
      "Unhandled exception. System.InvalidOperationException: An error was generated for warning 'Microsoft.EntityFrameworkCore.Migrations.PendingModelChangesWarning': The model for context 'OrdersDbContext' has pending changes. Add a new migration before updating the database. This exception can be suppressed or logged by passing event ID 'RelationalEventId.PendingModelChangesWarning' to the 'ConfigureWarnings' method in 'DbContext.OnConfiguring' or 'AddDbContext'.",
    ),
  },
  {
    name: 'Django: models changed with no migration written',
    expect: 'db-migration',
    rule: 'pending-migrations',
    capture: log(
      'web',
      'Operations to perform:',
      '  Apply all migrations: admin, auth, contenttypes, sessions, shop',
      'Running migrations:',
      '  No migrations to apply.',
      "  Your models in app(s): 'shop' have changes that are not yet reflected in a migration, and so won't be applied.",
      "  Run 'manage.py makemigrations' to make new migrations, and then re-run 'manage.py migrate' to apply them.",
    ),
  },
  {
    name: 'Doctrine (Symfony): schema validation before start',
    expect: 'db-migration',
    rule: 'pending-migrations',
    capture: log(
      'php',
      'Mapping',
      ' [OK] The mapping files are correct.',
      'Database',
      ' [ERROR] The database schema is not in sync with the current mapping file.',
    ),
  },
  {
    name: "Alembic's check in the release step",
    expect: 'db-migration',
    rule: 'pending-migrations',
    capture: log(
      'release',
      'INFO  [alembic.runtime.migration] Context impl PostgresqlImpl.',
      'INFO  [alembic.runtime.migration] Will assume transactional DDL.',
      "ERROR [alembic.util.messaging] New upgrade operations detected: [('add_column', None, 'orders', Column('note', Text(), table=<orders>))]",
    ),
  },
];

describe('session 11 part c: a binary or native library for another CPU', () => itNamesEach(arch));
describe('session 11 part c: memory ran out, in runtimes and platforms', () => itNamesEach(memory));
describe('session 11 part c: a disk full, without the errno', () => itNamesEach(disk));
describe('session 11 part c: the migration history and the code disagree', () => itNamesEach(migrations));
describe('session 11 part c: a health check that logs in without credentials', () =>
  itNamesEach(healthNoCredentials));
describe('session 11 part c: a TLS client with no CA certificates in the image', () => itNamesEach(caBundle));
describe('session 11 part c: a runtime naming a bug in the code', () => itNamesEach(codeBug));
describe('session 11 part c: a probe whose command cannot be started, as platforms log it', () =>
  itNamesEach(probeUnrunnable));
describe('session 11 part c: a model changed with no migration for it', () =>
  itNamesEach(modelWithoutMigration));
