import type { Rule } from '../types.js';

/*
 * The server says where it listens (its own banner), or a socket listing shows it (`netstat -tlnp`, `ss -tln`): a
 * loopback address inside a container is reachable from nowhere else. Banners in each server's own words: Flask's
 * `Running on`, gunicorn's and Node's `Listening at/on`, puma's `Listening on tcp://…`, ASP.NET's `Now listening on:`,
 * Jetty's `ServerConnector@…{127.0.0.1:PORT}`, Hadoop's `RPC server is binding to localhost:PORT`, `Starting app on`,
 * Laravel's `Server running on [http://127.0.0.1:8000]`, and structured loggers' `addr=127.0.0.1:PORT` (Go's slog and
 * logfmt). Also Gin's `Listening and serving HTTP on`, Rocket's `has launched from` (its default address is 127.0.0.1),
 * Waitress' `Serving on`, Ktor's `Responding at`, Python's http.server `Serving HTTP on 127.0.0.1 port 8000`, and
 * `address=` where Grafana and Prometheus log their listener.
 */
const rule: Rule = {
  id: 'listening-on-loopback',
  category: 'port-binding',
  match: [
    {
      in: ['log'],
      re: /(?:[Rr]unning on|Listening (?:at|on)|Listening and serving HTTPS? on|has launched from|[Ss]erving on|Responding at|listening (?:at|on)|[Ss]erver (?:started|running|listening|starting) (?:at|on)|[Ss]tarting (?:app |server )?on|[Ss]tarting development server at|[Pp]roject is running at|[Ss]erver address:|is available at|Development Server \(|with (?:cowboy|bandit) [\d.]+ at|bound to|binding to|Local:)\s*:?\s*\[?(?:(?:https?|tcp):\/\/)?(?<addr>127\.0\.0\.1|localhost|\[::1\]):(?<port>\d+)|(?:[Ll]isten\w*|[Ss]erv(?:er|ing|e)\b)[^\n]*?\baddr(?:ess)?=(?:(?:https?|tcp):\/\/)?(?<addr4>127\.0\.0\.1|localhost|\[::1\]):(?<port4>\d+)|ServerConnector@[^\n]*?\{(?<addr2>127\.0\.0\.1|localhost):(?<port2>\d+)\}|^\s*(?:tcp6?\s+\d+\s+\d+|LISTEN\s+\d+\s+\d+)\s+(?<addr3>127\.0\.0\.1|::1|\[::1\]):(?<port3>\d+)\s+\S+(?:\s+LISTEN\b)?|Serving HTTP on (?<addr5>127\.0\.0\.1|::1) port (?<port5>\d+)/,
    },
  ],
  // A local process is probed from the same host, where loopback is exactly right.
  unless: [{ in: ['origin'], re: /^local$/ }],
  cause:
    'The server listens on {addr,addr2,addr3,addr4,addr5}:{port,port2,port3,port4,port5}, which only accepts connections from inside its own container, so the port mapping and the load balancer cannot reach it.',
  fix: 'Make the server bind 0.0.0.0 (e.g. `flask run --host 0.0.0.0`, `gunicorn -b 0.0.0.0:PORT`, `app.listen(PORT, "0.0.0.0")`).',
  confidence: 0.7,
  examples: {
    match: [
      [['log', ' * Running on http://127.0.0.1:5000/ (Press CTRL+C to quit)']],
      [['log', '[INFO] Listening at: http://127.0.0.1:5000 (1)']],
      [['log', 'INFO:     Uvicorn running on http://127.0.0.1:8000 (Press CTRL+C to quit)']],
      [
        [
          'log',
          'INFO:oejs.AbstractConnector:main: Started ServerConnector@5e9f23b4{HTTP/1.1, (http/1.1)}{127.0.0.1:8080}',
        ],
      ],
      [['log', '* Listening on tcp://127.0.0.1:3000']],
      [['log', 'Now listening on: http://localhost:5000']],
      [['log', '   INFO  Server running on [http://127.0.0.1:8000].']],
      [
        [
          'log',
          'time=2025-02-05T05:12:46Z level=INFO msg="Ready to serve requests" addr=http://localhost:6001',
        ],
      ],
      [['log', 'REST server starting  addr=127.0.0.1:8475']],
      [['log', 'Starting development server at http://127.0.0.1:8000/']],
      [['log', '[Thu Dec  5 10:00:00 2026] PHP 8.3.1 Development Server (http://localhost:8000) started']],
      [['log', '[info] Running MyAppWeb.Endpoint with cowboy 2.10.0 at 127.0.0.1:4000 (http)']],
      [
        [
          'log',
          'INFO org.apache.hadoop.hdfs.server.namenode.NameNode: RPC server is binding to localhost:8020',
        ],
      ],
      [['log', 'tcp        0      0 127.0.0.1:5000          0.0.0.0:*               LISTEN      -']],
      [['log', 'LISTEN 0      511        127.0.0.1:3000       0.0.0.0:*']],
      [['log', '[GIN-debug] Listening and serving HTTP on 127.0.0.1:8080']],
      [['log', '🚀 Rocket has launched from http://127.0.0.1:8000']],
      [['log', 'INFO:waitress:Serving on http://127.0.0.1:8080']],
      [['log', 'Serving HTTP on 127.0.0.1 port 8000 (http://127.0.0.1:8000/) ...']],
      [['log', 'level=info component=web msg="Listening on" address=127.0.0.1:9090']],
    ],
    noMatch: [
      [['log', 'tcp        0      0 0.0.0.0:5000            0.0.0.0:*               LISTEN      -']],
      [['log', ' * Running on http://0.0.0.0:5000/']],
      [['log', 'Serving HTTP on 0.0.0.0 port 8000 (http://0.0.0.0:8000/) ...']],
      [['log', '[GIN-debug] Listening and serving HTTP on :8080']],
      [['log', 'level=INFO msg="connected to database" addr=127.0.0.1:5432 db=app']],
      [
        ['origin', 'local'],
        ['log', 'Listening on http://127.0.0.1:7100'],
      ],
    ],
  },
};
export default rule;
