import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/diagnose/index.js';
import { itNamesEach, type PhrasingCase } from './phrasing-cases.js';

/*
 * Health-check commands, listen addresses and ports, and crashes of the image's own code, each as different tools
 * word them: written from how the tool phrases the failure (not copied from the corpus), with routine lines around the
 * evidence so the ranking is tested too. Each must come out with the category and the rule named.
 */
const unhealthy = { health: 'unhealthy' };

const cases: readonly PhrasingCase[] = [
  {
    name: 'a health script run by hand whose BusyBox wget took localhost for ::1',
    expect: 'health-check-command',
    rule: 'probe-localhost-ipv6-refused',
    capture: {
      service: 'api',
      local: unhealthy,
      logs: {
        api: [
          'INFO server listening on 0.0.0.0:8000',
          '/ # /usr/local/bin/healthcheck',
          'Connecting to localhost:8000 ([::1]:8000)',
          "wget: can't connect to remote host: Connection refused",
        ],
      },
    },
  },
  {
    name: "Node's health script refused at ::1",
    expect: 'health-check-command',
    rule: 'health-localhost-ipv6',
    capture: {
      local: { ...unhealthy, healthOutput: 'Error: connect ECONNREFUSED ::1:3000' },
      logs: { web: ['Server listening on http://0.0.0.0:3000'] },
    },
  },
  {
    name: "a plain-HTTP check against Go's TLS server",
    expect: 'health-check-command',
    rule: 'health-scheme-mismatch',
    capture: {
      local: unhealthy,
      logs: {
        app: [
          'level=info msg="serving on :8443 with TLS"',
          '2026/12/05 10:00:01 http: TLS handshake error from 127.0.0.1:51234: client sent an HTTP request to an HTTPS server',
        ],
      },
    },
  },
  {
    name: "nginx answering a plain request on its TLS port to the ELB's check",
    expect: 'health-check-command',
    rule: 'health-scheme-mismatch',
    capture: {
      targetHealth: [
        {
          Target: { Id: '10.0.1.5', Port: 443 },
          TargetHealth: {
            State: 'unhealthy',
            Reason: 'Target.ResponseCodeMismatch',
            Description: 'Health checks failed with these codes: [400]',
          },
        },
      ],
      logs: {
        nginx: [
          '10.0.0.12 - - [05/Dec/2026:10:00:00 +0000] "GET /health HTTP/1.1" 400 255 "-" "ELB-HealthChecker/2.0" "400 The plain HTTP request was sent to HTTPS port"',
        ],
      },
    },
  },
  {
    name: 'a Java server reading a plain health probe as a broken TLS record',
    expect: 'health-check-command',
    rule: 'health-scheme-mismatch',
    capture: {
      local: unhealthy,
      logs: {
        app: [
          'INFO  o.s.b.w.e.tomcat.TomcatWebServer - Tomcat started on port(s): 8443 (https)',
          'javax.net.ssl.SSLException: Unrecognized SSL message, plaintext connection?',
        ],
      },
    },
  },
  {
    name: 'a health script without the execute bit',
    expect: 'health-check-command',
    rule: 'health-command-unrunnable',
    capture: {
      local: { ...unhealthy, healthOutput: '/bin/sh: 1: /usr/local/bin/healthcheck.sh: Permission denied' },
    },
  },
  {
    name: 'a CMD-SHELL check in an image with no shell',
    expect: 'health-check-command',
    rule: 'health-command-unrunnable',
    capture: {
      local: {
        ...unhealthy,
        healthOutput:
          'OCI runtime exec failed: exec failed: unable to start container process: exec: "/bin/sh": stat /bin/sh: no such file or directory: unknown',
      },
    },
  },
  {
    name: 'pgrep missing from the image the check runs in',
    expect: 'health-check-command',
    rule: 'health-binary-missing',
    capture: { local: { ...unhealthy, healthOutput: 'sh: pgrep: not found' } },
  },
  {
    name: "a Rails app with no route for the check's path",
    expect: 'health-check-command',
    rule: 'health-path-not-found',
    capture: {
      local: unhealthy,
      logs: {
        web: [
          'Puma starting in single mode...',
          '* Listening on http://0.0.0.0:3000',
          'ActionController::RoutingError (No route matches [GET] "/healthz"):',
        ],
      },
    },
  },
  {
    name: "Express's Cannot GET for the health path",
    expect: 'health-check-command',
    rule: 'health-path-not-found',
    capture: { local: unhealthy, logs: { web: ['listening on 3000', 'Cannot GET /health'] } },
  },
  {
    name: 'a check refused while the app boots and answered once it is up',
    expect: 'health-check-command',
    rule: 'health-start-period-short',
    capture: {
      local: unhealthy,
      logs: {
        app: [
          'curl: (7) Failed to connect to 127.0.0.1 port 8080 after 0 ms: Connection refused',
          'Running migrations... done',
          '127.0.0.1 - - [05/Dec/2026:10:01:12 +0000] "GET /healthz HTTP/1.1" 200 2 "-" "curl/8.5.0"',
        ],
      },
    },
  },
  {
    name: "a kubelet probe at 8080 while the app's log says it listens on 9000",
    expect: 'port-binding',
    rule: 'probe-port-not-listened',
    capture: {
      logs: {
        api: [
          '2026-12-05T10:00:00Z INFO starting api v2.3.1',
          '2026-12-05T10:00:01Z INFO HTTP server listening on 0.0.0.0:9000',
          'Warning  Unhealthy  12s (x3 over 32s)  kubelet  Readiness probe failed: Get "http://10.42.0.7:8080/ready": dial tcp 10.42.0.7:8080: connect: connection refused',
        ],
      },
    },
  },
  {
    name: "Go's runtime fatal error",
    expect: 'app-crash',
    rule: 'uncaught-exception',
    capture: {
      logs: {
        agent: [
          'level=info msg="sync started"',
          'fatal error: concurrent map writes',
          'goroutine 41 [running]:',
        ],
      },
    },
  },
  {
    name: 'curl -f told 404 by the server it checks',
    expect: 'health-check-command',
    rule: 'health-output-refused-path',
    capture: { local: { ...unhealthy, healthOutput: 'curl: (22) The requested URL returned error: 404' } },
  },
  {
    name: "Django's development server on loopback in a container",
    expect: 'port-binding',
    rule: 'listening-on-loopback',
    capture: {
      logs: {
        web: [
          'Performing system checks...',
          'System check identified no issues (0 silenced).',
          'Starting development server at http://127.0.0.1:8000/',
          'Quit the server with CONTROL-C.',
        ],
      },
    },
  },
  {
    name: "Docker's health check that timed out waiting for the app",
    expect: 'health-check-command',
    rule: 'health-check-timed-out',
    capture: { local: { ...unhealthy, healthOutput: 'Health check exceeded timeout (1s)' } },
  },
  {
    name: 'docker ps showing the container up but unhealthy',
    expect: 'health-check-command',
    rule: 'container-health-failed',
    capture: {
      logs: {
        host: [
          'CONTAINER ID   IMAGE          COMMAND                  CREATED         STATUS                     PORTS      NAMES',
          'a1b2c3d4e5f6   acme/api:1.4   "/docker-entrypoint…"   3 minutes ago   Up 3 minutes (unhealthy)   8080/tcp   api',
        ],
      },
    },
  },
  {
    name: "nginx's IPv6 listen where IPv6 is off",
    expect: 'port-binding',
    rule: 'listen-ipv6-unavailable',
    capture: {
      logs: {
        web: [
          '/docker-entrypoint.sh: Configuration complete; ready for start up',
          '2026/12/05 10:00:00 [emerg] 1#1: socket() [::]:80 failed (97: Address family not supported by protocol)',
        ],
      },
    },
  },
  {
    name: "Node's listen on :: without IPv6",
    expect: 'port-binding',
    rule: 'listen-ipv6-unavailable',
    capture: { logs: { api: ['Error: listen EAFNOSUPPORT: address family not supported :::8080'] } },
  },
  {
    name: 'Apache as non-root on port 80',
    expect: 'port-binding',
    rule: 'privileged-port-denied',
    capture: {
      logs: {
        httpd: [
          "AH00558: httpd: Could not reliably determine the server's fully qualified domain name",
          '(13)Permission denied: AH00072: make_sock: could not bind to address [::]:80',
          'no listening sockets available, shutting down',
        ],
      },
    },
  },
  {
    name: "Rust's AddrInUse",
    expect: 'port-binding',
    rule: 'port-in-use',
    capture: {
      logs: {
        api: [
          "thread 'main' panicked at src/main.rs:12:10:",
          'Error: Os { code: 98, kind: AddrInUse, message: "Address in use" }',
        ],
      },
    },
  },
  {
    name: 'the dynamic loader missing libssl',
    expect: 'app-crash',
    rule: 'shared-library-missing',
    capture: {
      tasks: [
        {
          lastStatus: 'STOPPED',
          stoppedReason: 'Essential container in task exited',
          containers: [{ name: 'api', exitCode: 127 }],
        },
      ],
      logs: {
        api: [
          '/usr/local/bin/api: error while loading shared libraries: libssl.so.3: cannot open shared object file: No such file or directory',
        ],
      },
    },
  },
  {
    name: 'a glibc binary on Alpine',
    expect: 'app-crash',
    rule: 'shared-library-missing',
    capture: { logs: { api: ['Error relocating /app/server: __vfprintf_chk: symbol not found'] } },
  },
  {
    name: 'the JVM without its main class',
    expect: 'app-crash',
    rule: 'runtime-dependency-missing',
    capture: {
      logs: {
        app: [
          'Picked up JAVA_TOOL_OPTIONS: -XX:MaxRAMPercentage=75',
          'Error: Could not find or load main class com.example.Application',
          'Caused by: java.lang.ClassNotFoundException: com.example.Application',
        ],
      },
    },
  },
  {
    name: "Ruby's LoadError",
    expect: 'app-crash',
    rule: 'runtime-dependency-missing',
    capture: {
      logs: {
        web: [
          "/usr/local/bundle/gems/bootsnap-1.18.3/lib/bootsnap.rb:9:in `require': cannot load such file -- net/smtp (LoadError)",
        ],
      },
    },
  },
  {
    name: "Node's ESM module not copied into the image",
    expect: 'app-crash',
    rule: 'node-module-not-found',
    capture: {
      logs: {
        app: [
          "Error [ERR_MODULE_NOT_FOUND]: Cannot find module '/app/dist/routes.js' imported from /app/dist/server.js",
        ],
      },
    },
  },
  {
    name: "PHP-FPM's child killed by signal 11",
    expect: 'app-crash',
    rule: 'segfault',
    capture: {
      logs: {
        php: [
          'NOTICE: fpm is running, pid 1',
          'WARNING: [pool www] child 23 exited on signal 11 (SIGSEGV - core dumped) after 3.1 seconds from start',
        ],
      },
    },
  },
  {
    name: "glibc's double free",
    expect: 'app-crash',
    rule: 'native-abort',
    capture: {
      logs: { worker: ['starting worker', 'double free or corruption (!prev)', 'Aborted (core dumped)'] },
    },
  },
  {
    name: "an entrypoint without a usable interpreter, in runc's older words",
    expect: 'app-crash',
    rule: 'entrypoint-not-runnable',
    capture: {
      logs: { app: ['standard_init_linux.go:228: exec user process caused: no such file or directory'] },
    },
  },
  {
    name: 'exec format error from a script that file(1) shows with CRLF endings',
    expect: 'app-crash',
    rule: 'script-crlf-line-endings',
    capture: {
      logs: {
        app: [
          'exec /usr/local/bin/docker-entrypoint.sh: exec format error',
          '$ file docker-entrypoint.sh',
          'docker-entrypoint.sh: POSIX shell script, ASCII text executable, with CRLF line terminators',
        ],
      },
    },
  },
];

describe('diagnosis phrasings: health checks, listen addresses, crashes (session 8, part c)', () => {
  itNamesEach(cases);

  it('a bare exec format error stays an architecture mismatch', () => {
    const top = diagnose({
      logs: { app: ['exec /usr/local/bin/docker-entrypoint.sh: exec format error'] },
    })[0]!;
    assert.equal(top.category, 'arch-mismatch');
  });

  it("a worker gunicorn killed for memory is not the app's crash", () => {
    const top = diagnose({
      logs: {
        web: [
          '[CRITICAL] WORKER TIMEOUT (pid:12)',
          '[ERROR] Worker (pid:12) was sent SIGKILL! Perhaps out of memory?',
        ],
      },
    })[0]!;
    assert.notEqual(top.category, 'app-crash');
  });

  it('a TLS error without any health check is not read as the check', () => {
    const f = diagnose({
      logs: { app: ['smtplib: [SSL: WRONG_VERSION_NUMBER] wrong version number (_ssl.c:1002)'] },
    });
    assert.ok(!f.some((x) => x.rule === 'health-scheme-mismatch'));
  });

  it("a dependency refused at ::1 is not the health check's", () => {
    const f = diagnose({
      logs: { api: ['Error: connect ECONNREFUSED ::1:5432', '    at TCPConnectWrap.afterConnect'] },
    });
    assert.ok(!f.some((x) => x.category === 'health-check-command'));
  });
});
