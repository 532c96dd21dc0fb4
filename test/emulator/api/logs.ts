import type { TimeMap } from '../core/clock.js';
import type { ServiceApi } from './types.js';

/** CloudWatch Logs over AWS JSON 1.1. Its times are epoch-millisecond numbers, mapped here to and from the wall clock. */

const TIME_FIELDS = new Set([
  'timestamp',
  'ingestionTime',
  'creationTime',
  'firstEventTimestamp',
  'lastEventTimestamp',
  'lastIngestionTime',
]);

function toWall<T>(value: T, time: TimeMap): T {
  if (Array.isArray(value)) return value.map((v) => toWall(v, time)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        TIME_FIELDS.has(k) && typeof v === 'number' ? time.toWall(v) : toWall(v, time),
      ]),
    ) as T;
  }
  return value;
}

function toModel<T extends { startTime?: number; endTime?: number }>(input: T, time: TimeMap): T {
  return {
    ...input,
    ...(input.startTime !== undefined ? { startTime: time.toModel(input.startTime) } : {}),
    ...(input.endTime !== undefined ? { endTime: time.toModel(input.endTime) } : {}),
  };
}

export const logsApi: ServiceApi = {
  name: 'logs',
  protocol: 'json',
  target: 'Logs_20140328',
  operations: {
    CreateLogGroup: (i, { world }) => world.logs.createLogGroup(i),
    DeleteLogGroup: (i, { world }) => world.logs.deleteLogGroup(i),
    DescribeLogGroups: (i, { world, time }) => toWall(world.logs.describeLogGroups(i), time),
    DescribeLogStreams: (i, { world, time }) => toWall(world.logs.describeLogStreams(i), time),
    GetLogEvents: (i, { world, time }) => toWall(world.logs.getLogEvents(toModel(i, time)), time),
    FilterLogEvents: (i, { world, time }) => toWall(world.logs.filterLogEvents(toModel(i, time)), time),
  },
};
