import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'loopback-refused-no-cache-host',
  category: 'config-env',
  match: [
    {
      re: /(?:ECONNREFUSED|[Cc]onnection refused)[^\n]*?(?<addr>(?:127\.0\.0\.1|localhost|\[?::1\]?):(?:6379|11211))\b|(?<addr2>(?:127\.0\.0\.1|localhost):(?:6379|11211))\b[^\n]*?(?:ECONNREFUSED|[Cc]onnection refused)/,
    },
    // The container environment is known and gives no Redis / cache address, so the client fell back to its localhost default.
    {
      in: ['envNames'],
      re: /^/,
      not: /(?:^|[\s,])(?:\w+_)?(?:REDIS|CACHE|QUEUE|BULL|VALKEY|MEMCACHED?)_?(?:HOST\w*|URL|URI|ADDR\w*|ENDPOINT|DSN|SERVERS?|BROKERS?|BOOTSTRAP_SERVERS)(?:$|[\s,])/i,
    },
  ],
  cause:
    '{service} connects to {addr,addr2} — its own container — because its environment sets no Redis / cache address, so the client fell back to localhost.',
  fix: 'Set the Redis / cache address (e.g. REDIS_HOST or REDIS_URL) in the container environment to its real host; inside a container, localhost is only the container itself.',
  confidence: 0.8,
  beats: ['connection-refused'],
  examples: {
    match: [
      [
        ['log', 'Error: connect ECONNREFUSED 127.0.0.1:6379'],
        ['envNames', 'BASE_URL, DB_HOST, DB_USER'],
      ],
    ],
    noMatch: [
      [
        ['log', 'Error: connect ECONNREFUSED 127.0.0.1:6379'],
        ['envNames', 'DB_HOST, REDIS_URL'],
      ],
      [['log', 'Error: connect ECONNREFUSED 127.0.0.1:6379']],
    ],
  },
};
export default rule;
