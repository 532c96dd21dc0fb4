import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'kafka-broker-unavailable',
  category: 'dependency-unreachable',
  match: [
    {
      re: /Broker may not be available|Connection to node -?\d+ \((?<broker>[^)]+)\) could not be established|NoBrokersAvailable/,
    },
  ],
  cause: '{service} could not reach the Kafka broker {broker|it was configured with}.',
  fix: "Make sure the brokers are up before {service} starts, that the bootstrap servers setting lists addresses reachable from {service}, and that the brokers' advertised listeners are not localhost.",
  confidence: 0.65,
  beats: ['connection-refused'],
  examples: {
    match: [
      [
        [
          'log',
          'WARN [Producer clientId=p] Connection to node -1 (localhost/127.0.0.1:9092) could not be established. Broker may not be available.',
        ],
      ],
    ],
    noMatch: [[['log', 'Kafka broker started']]],
  },
};
export default rule;
