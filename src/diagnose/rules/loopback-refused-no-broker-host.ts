import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'loopback-refused-no-broker-host',
  category: 'config-env',
  match: [
    {
      re: /(?:ECONNREFUSED|[Cc]onnection refused)[^\n]*?(?<addr>(?:127\.0\.0\.1|localhost|\[?::1\]?):(?:9092|5672|4222|61616))\b|(?<addr2>(?:127\.0\.0\.1|localhost):(?:9092|5672|4222|61616))\b[^\n]*?(?:ECONNREFUSED|[Cc]onnection refused)/,
    },
    // The container environment is known and gives no message broker address, so the client fell back to its localhost default.
    {
      in: ['envNames'],
      re: /^/,
      not: /(?:^|[\s,])(?:\w+_)?(?:KAFKA|BROKER|AMQP|RABBIT(?:MQ)?|NATS|MQ)_?(?:HOST\w*|URL|URI|ADDR\w*|ENDPOINT|DSN|SERVERS?|BROKERS?|BOOTSTRAP_SERVERS)(?:$|[\s,])/i,
    },
  ],
  cause:
    '{service} connects to {addr,addr2} — its own container — because its environment sets no message broker address, so the client fell back to localhost.',
  fix: 'Set the message broker address (e.g. KAFKA_BROKERS or AMQP_URL) in the container environment to its real host; inside a container, localhost is only the container itself.',
  confidence: 0.8,
  beats: ['connection-refused'],
  examples: {
    match: [
      [
        ['log', 'Error: connect ECONNREFUSED 127.0.0.1:9092'],
        ['envNames', 'DB_HOST, PORT'],
      ],
    ],
    noMatch: [
      [
        ['log', 'Error: connect ECONNREFUSED 127.0.0.1:9092'],
        ['envNames', 'KAFKA_BOOTSTRAP_SERVERS'],
      ],
      [['log', 'Error: connect ECONNREFUSED 127.0.0.1:9092']],
    ],
  },
};
export default rule;
