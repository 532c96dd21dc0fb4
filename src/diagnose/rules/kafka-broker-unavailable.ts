import type { Rule } from '../types.js';

/*
 * No Kafka broker took the client's connection, in each client's words: the Java client's `Connection to node … could
 * not be established`, kafka-python's `NoBrokersAvailable`, Sarama's `client has run out of available brokers to talk
 * to`, librdkafka's `N/N brokers are down`, KafkaJS giving up (`KafkaJSNumberOfRetriesExceeded`). Sarama's with an
 * `i/o timeout` or a name that does not resolve is the network's or the setting's, read by those rules.
 */
const rule: Rule = {
  id: 'kafka-broker-unavailable',
  category: 'dependency-unreachable',
  match: [
    {
      re: /Broker may not be available|Connection to node -?\d+ \((?<broker>[^)]+)\) could not be established|NoBrokersAvailable|client has run out of available brokers to talk to(?![^\n]*(?:i\/o timeout|no such host|server misbehaving))|\b\d+\/\d+ brokers are down\b|KafkaJSNumberOfRetriesExceeded/,
    },
  ],
  cause: '{service} could not reach the Kafka broker {broker|it was configured with}.',
  fix: "Make sure the brokers are up before {service} starts, that the bootstrap servers setting lists addresses reachable from {service}, and that the brokers' advertised listeners are not localhost.",
  confidence: 0.65,
  beats: ['connection-refused'],
  examples: {
    match: [
      [['log', 'kafka: client has run out of available brokers to talk to: EOF']],
      [
        [
          'log',
          '%3|1733450000.124|ERROR|rdkafka#consumer-1| [thrd:app]: rdkafka#consumer-1: 1/1 brokers are down',
        ],
      ],
      [['log', 'KafkaJSNumberOfRetriesExceeded: Connection timeout']],
      [
        [
          'log',
          'WARN [Producer clientId=p] Connection to node -1 (localhost/127.0.0.1:9092) could not be established. Broker may not be available.',
        ],
      ],
    ],
    noMatch: [
      [
        [
          'log',
          'kafka: client has run out of available brokers to talk to: dial tcp b-1.msk.example.com:9092: i/o timeout',
        ],
      ],
      [['log', 'Kafka broker started']],
    ],
  },
};
export default rule;
