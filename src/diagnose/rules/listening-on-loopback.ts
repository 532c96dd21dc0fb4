import type { Rule } from '../types.js';

/*
 * The server says where it listens (its own banner), or a socket listing shows it (`netstat -tlnp`, `ss -tln`): a
 * loopback address inside a container is reachable from nowhere else.
 */
const rule: Rule = {
  id: 'listening-on-loopback',
  category: 'port-binding',
  match: [
    {
      in: ['log'],
      re: /(?:[Rr]unning on|Listening (?:at|on)|listening (?:at|on)|[Ss]erver (?:started|running|listening) (?:at|on)|bound to|Local:)\s*:?\s*(?:https?:\/\/)?(?<addr>127\.0\.0\.1|localhost|\[::1\]):(?<port>\d+)|ServerConnector@[^\n]*?\{(?<addr2>127\.0\.0\.1|localhost):(?<port2>\d+)\}|^\s*(?:tcp6?\s+\d+\s+\d+|LISTEN\s+\d+\s+\d+)\s+(?<addr3>127\.0\.0\.1|::1|\[::1\]):(?<port3>\d+)\s+\S+(?:\s+LISTEN\b)?/,
    },
  ],
  // A local process is probed from the same host, where loopback is exactly right.
  unless: [{ in: ['origin'], re: /^local$/ }],
  cause:
    'The server listens on {addr,addr2,addr3}:{port,port2,port3}, which only accepts connections from inside its own container, so the port mapping and the load balancer cannot reach it.',
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
      [['log', 'tcp        0      0 127.0.0.1:5000          0.0.0.0:*               LISTEN      -']],
      [['log', 'LISTEN 0      511        127.0.0.1:3000       0.0.0.0:*']],
    ],
    noMatch: [
      [['log', 'tcp        0      0 0.0.0.0:5000            0.0.0.0:*               LISTEN      -']],
      [['log', ' * Running on http://0.0.0.0:5000/']],
      [
        ['origin', 'local'],
        ['log', 'Listening on http://127.0.0.1:7100'],
      ],
    ],
  },
};
export default rule;
