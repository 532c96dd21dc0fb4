import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'loopback-refused-no-db-host',
  category: 'config-env',
  match: [
    {
      re: /(?:ECONNREFUSED|[Cc]onnection refused)[^\n]*?(?<addr>(?:127\.0\.0\.1|localhost|\[?::1\]?):(?:5432|3306|27017|1433|1521|26257))\b|(?<addr2>(?:127\.0\.0\.1|localhost):(?:5432|3306|27017|1433|1521|26257))\b[^\n]*?(?:ECONNREFUSED|[Cc]onnection refused)/,
    },
    // The container environment is known and gives no database address, so the client fell back to its localhost default.
    {
      in: ['envNames'],
      re: /^/,
      not: /(?:^|[\s,])(?:\w+_)?(?:DB|DATABASE|DATASOURCE|PG|POSTGRES(?:QL)?|MYSQL|MARIADB|MONGO(?:DB)?|MSSQL|SQL)_?(?:HOST\w*|URL|URI|ADDR\w*|ENDPOINT|DSN|SERVERS?|BROKERS?|BOOTSTRAP_SERVERS)(?:$|[\s,])/i,
    },
  ],
  cause:
    '{service} connects to {addr,addr2} — its own container — because its environment sets no database address, so the client fell back to localhost.',
  fix: 'Set the database address (e.g. DB_HOST or DATABASE_URL) in the container environment to its real host; inside a container, localhost is only the container itself.',
  confidence: 0.8,
  beats: ['connection-refused'],
  examples: {
    match: [
      [
        ['log', 'Error: connect ECONNREFUSED 127.0.0.1:5432'],
        ['envNames', 'NODE_ENV, PORT, DB_NAME, REDIS_HOST'],
      ],
    ],
    noMatch: [
      [
        ['log', 'Error: connect ECONNREFUSED 127.0.0.1:5432'],
        ['envNames', 'NODE_ENV, DB_HOST'],
      ],
      [['log', 'Error: connect ECONNREFUSED 127.0.0.1:5432']],
    ],
  },
};
export default rule;
