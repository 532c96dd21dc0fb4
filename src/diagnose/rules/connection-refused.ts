import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'connection-refused',
  category: 'dependency-unreachable',
  match: [
    {
      // Health check output has its own rule: a refused probe means the app is not listening where checked.
      in: ['log', 'stoppedReason', 'containerReason', 'serviceEvent', 'deployment', 'localField'],
      // A refused Unix socket is the local daemon (Docker, containerd), not a dependency over the network.
      not: /\bunix[:\s]|\.sock\b/,
      re: /(?<dep>\b[a-z][\w-]*) at (?<addr>[\w.-]+:\d+)[^\n]*?(?:ECONNREFUSED|[Cc]onnection refused)|connect ECONNREFUSED (?<addr2>[\w.:[\]-]+:\d+)|server at "(?<host>[^"]+)", port (?<port>\d+) failed: Connection refused|(?:ECONNREFUSED|[Cc]onnection refused)(?:[^\n]*?running on host "(?<host2>[^"]+)")?|Connection to (?<host3>[\w.-]+):\d+ refused|target machine actively refused it|\beconnrefused\b/,
    },
  ],
  cause:
    '{service} could not connect to {dep|a dependency} at {addr,addr2,host,host2,host3|its configured address}: the connection was refused, so nothing was accepting connections there at that moment.',
  fix: 'Make sure {dep|the dependency} is running and ready before {service} starts (deploy it in an earlier wave and gate on its health check), and that the host and port {service} uses are its real address.',
  confidence: 0.55,
  examples: {
    match: [
      [['log', 'cannot reach kafka at 127.0.0.1:7102: connect ECONNREFUSED']],
      [
        [
          'log',
          'PG::ConnectionBad: could not connect to server: Connection refused Is the server running on host "db.x.rds.amazonaws.com" (10.0.5.152) and accepting TCP/IP connections on port 5432?',
        ],
      ],
      [['log', 'java.net.ConnectException: Connection refused']],
      // PgJDBC, .NET's sockets and Erlang each word a refusal their own way.
      [
        [
          'log',
          'org.postgresql.util.PSQLException: Connection to db:5432 refused. Check that the hostname and port are correct and that the postmaster is accepting TCP/IP connections.',
        ],
      ],
      [
        [
          'log',
          'No connection could be made because the target machine actively refused it. (rabbitmq:5672)',
        ],
      ],
      [['log', '** (DBConnection.ConnectionError) tcp connect (db:5432): econnrefused']],
    ],
    noMatch: [
      [['log', 'connected to kafka at 10.0.0.5:9092']],
      [['log', 'err="dial unix /var/run/docker.sock: connection refused"']],
    ],
  },
};
export default rule;
