import type { ServiceApi } from './types.js';

/**
 * CloudWatch alarms. The installed client speaks AWS JSON 1.0 in its query-compatible mode (`x-amzn-query-mode`):
 * errors carry the query protocol's code in `x-amzn-query-error: Code;Sender`, which the SDK prefers to `__type`.
 */
export const cloudWatchApi: ServiceApi = {
  name: 'monitoring',
  protocol: 'json',
  jsonVersion: '1.0',
  queryCompatible: true,
  target: 'GraniteServiceVersion20100801',
  operations: {
    DescribeAlarms: (i, { world }) => world.cloudwatch.describeAlarms(i),
    SetAlarmState: (i, { world }) => world.cloudwatch.setAlarmState(i),
  },
};
