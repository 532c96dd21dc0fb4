import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/diagnose/index.js';
import { itNamesEach, logged, type PhrasingCase } from './phrasing-cases.js';

/*
 * Session 10, part q: a program saying there is not enough memory for its work, the fatal-error banners runtimes print
 * that the uncaught-exception list lacked, and a connection pool or Prisma timing out across AWS networking.
 * Written from how each runtime and tool words it (not copied from the corpus), with routine lines around.
 */
const cases: readonly PhrasingCase[] = [
  // A program reporting too little memory for what it starts.
  {
    name: 'Ollama: the runner exited, not enough available memory',
    expect: 'resources-oom',
    rule: 'memory-not-enough',
    capture: {
      service: 'ollama',
      logs: {
        ollama: [
          'time=2025-02-01T10:00:00Z level=INFO source=routes.go:1187 msg="Listening on [::]:11434 (version 0.5.7)"',
          'time=2025-02-01T10:00:05Z level=INFO source=server.go:376 msg="starting llama server"',
          'Error: llama runner process has terminated: you may not have enough available memory to run this model',
        ],
      },
    },
  },
  {
    name: 'Ollama: the model needs more system memory than is available',
    expect: 'resources-oom',
    rule: 'memory-not-enough',
    capture: logged('Error: model requires more system memory (41.2 GiB) than is available (30.1 GiB)'),
  },
  {
    name: "the JVM's insufficient-memory banner",
    expect: 'resources-oom',
    rule: 'memory-not-enough',
    capture: logged(
      'OpenJDK 64-Bit Server VM warning: INFO: os::commit_memory(0x00000000c0000000, 1073741824, 0) failed',
      '#',
      '# There is insufficient memory for the Java Runtime Environment to continue.',
      '# Native memory allocation (mmap) failed to map 1073741824 bytes for committing reserved memory.',
    ),
  },
  {
    name: 'the JVM unable to reserve its heap',
    expect: 'resources-oom',
    rule: 'memory-not-enough',
    capture: logged(
      'Error occurred during initialization of VM',
      'Could not reserve enough space for 2097152KB object heap',
    ),
  },
  {
    name: 'PyTorch out of GPU memory',
    expect: 'resources-oom',
    rule: 'memory-not-enough',
    capture: logged(
      'Loading checkpoint shards: 100%|██████████| 4/4',
      'torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 1.50 GiB. GPU 0 has a total capacity of 15.77 GiB of which 512.00 MiB is free.',
    ),
  },
  {
    name: "PostgreSQL's out of memory with the request size",
    expect: 'resources-oom',
    rule: 'memory-not-enough',
    capture: logged(
      '2025-03-02 10:11:12.345 UTC [88] ERROR:  out of memory',
      '2025-03-02 10:11:12.345 UTC [88] DETAIL:  Failed on request of size 536870912 in memory context "ExecutorState".',
    ),
  },
  {
    name: ".NET's GC heap that cannot start in a small container",
    expect: 'resources-oom',
    rule: 'memory-not-enough',
    capture: logged(
      'GC heap initialization failed with error 0x8007000E',
      'Failed to create CoreCLR, HRESULT: 0x8007000E',
    ),
  },

  // Runtimes' fatal-error banners.
  {
    name: 'a PHP compile error from removed syntax',
    expect: 'app-crash',
    rule: 'runtime-fatal-banner',
    capture: logged(
      '[02-Mar-2025 10:00:00] NOTICE: fpm is running, pid 1',
      'PHP Fatal error:  Array and string offset access syntax with curly braces is no longer supported in /var/www/html/lib/Legacy.php on line 77',
    ),
  },
  {
    name: 'a PHP parse error relayed by nginx from PHP-FPM',
    expect: 'app-crash',
    rule: 'runtime-fatal-banner',
    capture: {
      service: 'web',
      logs: {
        web: [
          '2025/03/02 10:00:00 [notice] 1#1: start worker processes',
          '2025/03/02 10:00:05 [error] 21#21: *3 FastCGI sent in stderr: "PHP message: PHP Parse error:  syntax error, unexpected token "public" in /var/www/app/Controller.php on line 40" while reading response header from upstream, client: 172.18.0.1, server: _, request: "GET / HTTP/1.1"',
        ],
      },
    },
  },
  {
    name: ".NET Framework's capitalised unhandled exception",
    expect: 'app-crash',
    rule: 'runtime-fatal-banner',
    capture: logged(
      'Unhandled Exception: System.InvalidOperationException: Sequence contains no matching element',
      '   at System.Linq.Enumerable.First[TSource](IEnumerable`1 source, Func`2 predicate)',
    ),
  },
  {
    name: "CPython's fatal error banner",
    expect: 'app-crash',
    rule: 'runtime-fatal-banner',
    capture: logged(
      'Fatal Python error: init_import_site: Failed to import the site module',
      'Python runtime state: initialized',
    ),
  },
  {
    name: "Ruby's syntax error at load",
    expect: 'app-crash',
    rule: 'runtime-fatal-banner',
    capture: logged(
      "/app/config/initializers/mailer.rb:12: syntax error, unexpected end-of-input, expecting `end' (SyntaxError)",
    ),
  },

  // A native crash as each tool reports the exit code.
  {
    name: 'Compose reporting exit code 139',
    expect: 'app-crash',
    rule: 'segfault',
    capture: {
      service: 'worker',
      logs: {
        compose: ['Attaching to worker-1', 'worker-1  | loading plugins', 'worker-1 exited with code 139'],
      },
    },
  },
  {
    name: 'kubectl describe showing exit code 139',
    expect: 'app-crash',
    rule: 'segfault',
    capture: {
      service: 'indexer',
      logs: {
        kubectl: [
          '    State:          Waiting',
          '      Reason:       CrashLoopBackOff',
          '    Last State:     Terminated',
          '      Reason:       Error',
          '      Exit Code:    139',
        ],
      },
    },
  },
  {
    name: 'docker ps showing a container Exited (139)',
    expect: 'app-crash',
    rule: 'segfault',
    capture: {
      service: 'render',
      logs: {
        docker: [
          'CONTAINER ID   IMAGE          STATUS',
          '3f2a1b0c9d8e   render:2.1     Exited (139) 5 seconds ago',
        ],
      },
    },
  },
  {
    name: 'Compose reporting exit code 134',
    expect: 'app-crash',
    rule: 'native-abort',
    capture: {
      service: 'api',
      logs: { compose: ['api-1  | Now listening on: http://[::]:8080', 'api-1 exited with code 134'] },
    },
  },
  {
    name: "Go's os/exec reporting exit status 134",
    expect: 'app-crash',
    rule: 'native-abort',
    capture: logged('runner: child process failed: exit status 134'),
  },

  // An AWS SDK for JavaScript call with no answer and no endpoint named.
  {
    name: "the JavaScript SDK v2's connect timeout",
    expect: 'network-sg',
    rule: 'aws-sdk-no-answer',
    capture: logged(
      'TimeoutError: Socket timed out without establishing a connection',
      '    at Timeout.connectTimeout [as _onTimeout] (/app/node_modules/aws-sdk/lib/http/node.js:69:15)',
    ),
  },
  {
    name: "the JavaScript SDK v3's connect timeout from its HTTP handler",
    expect: 'network-sg',
    rule: 'aws-sdk-no-answer',
    capture: logged(
      'Error: connect ETIMEDOUT 52.94.133.131:443',
      '    at NodeHttpHandler.handle (/app/node_modules/@smithy/node-http-handler/dist-cjs/index.js:312:25)',
    ),
  },
  {
    name: "the JavaScript SDK v3's client frames under a TimeoutError",
    expect: 'network-sg',
    rule: 'aws-sdk-no-answer',
    capture: logged(
      'TimeoutError: connect ETIMEDOUT 3.5.140.2:443',
      '    at /app/node_modules/@aws-sdk/client-sqs/dist-cjs/index.js:1422:20',
    ),
  },

  // A pool or Prisma timing out across AWS networking.
  {
    name: "Knex's pool timeout to an RDS host",
    expect: 'network-sg',
    rule: 'dependency-timeout-aws-network',
    capture: logged(
      'Connecting to postgres at cms-db.c8a1b2c3d4.eu-west-1.rds.amazonaws.com:5432',
      'KnexTimeoutError: Knex: Timeout acquiring a connection. The pool is probably full. Are you missing a .transacting(trx) call?',
    ),
  },
  {
    name: "Sequelize's acquire timeout in an awsvpc task",
    expect: 'network-sg',
    rule: 'dependency-timeout-aws-network',
    capture: {
      service: 'api',
      logs: {
        api: ['Server starting on port 3000', 'SequelizeConnectionAcquireTimeoutError: Operation timeout'],
      },
      taskDefinition: { networkMode: 'awsvpc' },
    },
  },
  {
    name: "HikariCP's pool timeout to an Aurora cluster",
    expect: 'network-sg',
    rule: 'dependency-timeout-aws-network',
    capture: logged(
      'spring.datasource.url=jdbc:postgresql://orders.cluster-cx1y2z.us-east-1.rds.amazonaws.com:5432/orders',
      'HikariPool-1 - Connection is not available, request timed out after 30000ms.',
    ),
  },
  {
    name: "Prisma's P1001 to an RDS host",
    expect: 'network-sg',
    rule: 'dependency-timeout-aws-network',
    capture: logged(
      "Error: P1001: Can't reach database server at `app-db.c9xk2.us-east-2.rds.amazonaws.com`:`5432`",
      'Please make sure your database server is running at `app-db.c9xk2.us-east-2.rds.amazonaws.com`:`5432`.',
    ),
  },
];

describe('session 10 part q phrasings', () => {
  itNamesEach(cases);

  it('a scheduler with no node that has the memory free stays placement-capacity', () => {
    for (const capture of [
      {
        service: 'web',
        services: [
          {
            serviceName: 'web',
            events: [
              {
                message:
                  '(service web) was unable to place a task because no container instance met all of its requirements. The closest matching (container-instance 5a1b) has insufficient memory available.',
              },
            ],
          },
        ],
      },
      logged('Warning  FailedScheduling  default-scheduler  0/3 nodes are available: 3 Insufficient memory.'),
      logged('not enough memory available to start process'),
    ]) {
      const f = diagnose(capture);
      assert.ok(!f.some((x) => x.rule === 'memory-not-enough'), 'memory-not-enough fired');
      assert.equal(f[0]!.category, 'placement-capacity', `${f[0]!.category} (${f[0]!.rule ?? 'no rule'})`);
    }
  });

  it("a runtime's heap error stays runtime-heap-oom", () => {
    const f = diagnose(logged('Exception in thread "main" java.lang.OutOfMemoryError: Java heap space'));
    assert.equal(f[0]!.rule, 'runtime-heap-oom');
  });

  it('a PHP fatal error that names a refused connection is left to the reachability rules', () => {
    const f = diagnose(
      logged(
        'PHP Fatal error:  Uncaught PDOException: SQLSTATE[HY000] [2002] Connection refused in /app/db.php:8',
      ),
    );
    assert.ok(!f.some((x) => x.rule === 'runtime-fatal-banner'), 'runtime-fatal-banner fired');
    assert.notEqual(f[0]!.category, 'app-crash');
  });

  it("PHP's memory limit stays resources-oom", () => {
    const f = diagnose(
      logged(
        'PHP Fatal error:  Allowed memory size of 134217728 bytes exhausted (tried to allocate 65536 bytes)',
      ),
    );
    assert.equal(f[0]!.category, 'resources-oom');
  });

  it("a Rust panic's place line is not read as the cause", () => {
    const f = diagnose(logged("thread 'main' panicked at src/main.rs:88:45:"));
    assert.ok(!f.some((x) => x.rule === 'runtime-fatal-banner'), 'runtime-fatal-banner fired');
  });

  it("a connect timeout from Node's own socket code stays the ambiguous timeout", () => {
    const f = diagnose(
      logged(
        'Error: connect ETIMEDOUT 10.0.0.109:5432',
        '    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16)',
      ),
    );
    assert.ok(!f.some((x) => x.rule === 'aws-sdk-no-answer'), 'aws-sdk-no-answer fired');
    assert.equal(f[0]!.category, 'other');
  });

  it('a pool timeout with no AWS context is not read as the network by this rule', () => {
    const f = diagnose(
      logged('KnexTimeoutError: Knex: Timeout acquiring a connection. The pool is probably full.'),
    );
    assert.ok(
      !f.some((x) => x.rule === 'dependency-timeout-aws-network'),
      'dependency-timeout-aws-network fired',
    );
  });

  it("Prisma's P1001 at a Compose service still starting is the dependency", () => {
    const f = diagnose({
      service: 'app',
      logs: {
        db: ['db-1  | 2025-03-02 10:00:00.000 UTC [1] LOG:  database system is starting up'],
        app: ["app-1  | Error: P1001: Can't reach database server at `db`:`5432`"],
      },
    });
    assert.ok(
      !f.some((x) => x.rule === 'dependency-timeout-aws-network'),
      'dependency-timeout-aws-network fired',
    );
    assert.equal(f[0]!.category, 'dependency-unreachable', `${f[0]!.category} (${f[0]!.rule ?? 'no rule'})`);
  });
});
