import type { AwsContext } from '../core/context.js';
import { AwsError } from '../core/errors.js';
import type { LogSink } from '../ecs/task.js';

/**
 * CloudWatch Logs for what awslogs containers print: groups, streams and events, read back with GetLogEvents
 * (forward/backward tokens), FilterLogEvents (simple term patterns) and DescribeLogStreams. Times are model epoch ms.
 */

interface LogEvent {
  timestamp: number;
  message: string;
  ingestionTime: number;
  eventId: string;
}

interface LogStream {
  name: string;
  creationTime: number;
  events: LogEvent[];
}

interface LogGroup {
  name: string;
  creationTime: number;
  streams: Map<string, LogStream>;
}

const notFoundGroup = () =>
  new AwsError('ResourceNotFoundException', 'The specified log group does not exist.');

export class LogsModel implements LogSink {
  private groups = new Map<string, LogGroup>();
  private seq = 0;

  constructor(
    private readonly ctx: AwsContext,
    private readonly now: () => number,
    /** Whether a missing group is created on first write, as if every awslogs config said awslogs-create-group. */
    public autoCreateGroups = true,
  ) {}

  /**
   * At most this many events per FilterLogEvents page whatever the limit, as AWS returns fewer events than asked
   * (with a nextToken) when it searches a group in pieces; a caller must follow nextToken.
   */
  filterPageSize = 10_000;

  // ── what ECS writes ───────────────────────────────────────────────────────────────────────────────────────────

  canWrite(group: string, createGroup: boolean): boolean {
    return this.groups.has(group) || createGroup || this.autoCreateGroups;
  }

  write(group: string, stream: string, messages: string[], at: number, createGroup: boolean): void {
    if (!this.canWrite(group, createGroup)) return;
    const g = this.groups.get(group) ?? this.addGroup(group, at);
    let s = g.streams.get(stream);
    if (!s) {
      s = { name: stream, creationTime: at, events: [] };
      g.streams.set(stream, s);
    }
    for (const [i, message] of messages.entries()) {
      // Lines written together keep their order; the millisecond offset keeps timestamps distinct.
      s.events.push({
        timestamp: at + i,
        message,
        ingestionTime: at + i + 40,
        eventId: String(++this.seq).padStart(56, '0'),
      });
    }
  }

  // ── API ───────────────────────────────────────────────────────────────────────────────────────────────────────

  createLogGroup(input: { logGroupName?: string }) {
    const name = input.logGroupName ?? '';
    if (this.groups.has(name)) {
      throw new AwsError('ResourceAlreadyExistsException', 'The specified log group already exists');
    }
    this.addGroup(name, this.now());
    return {};
  }

  deleteLogGroup(input: { logGroupName?: string }) {
    if (!this.groups.delete(input.logGroupName ?? '')) throw notFoundGroup();
    return {};
  }

  describeLogGroups(input: { logGroupNamePrefix?: string; limit?: number; nextToken?: string }) {
    const all = [...this.groups.values()]
      .filter((g) => !input.logGroupNamePrefix || g.name.startsWith(input.logGroupNamePrefix))
      .sort((a, b) => a.name.localeCompare(b.name));
    const { page, nextToken } = pageOf(all, input.nextToken, input.limit ?? 50);
    return {
      logGroups: page.map((g) => ({
        logGroupName: g.name,
        creationTime: g.creationTime,
        metricFilterCount: 0,
        arn: `arn:aws:logs:${this.ctx.region}:${this.ctx.accountId}:log-group:${g.name}:*`,
        storedBytes: 0,
      })),
      ...(nextToken ? { nextToken } : {}),
    };
  }

  describeLogStreams(input: {
    logGroupName?: string;
    logStreamNamePrefix?: string;
    orderBy?: string;
    descending?: boolean;
    limit?: number;
    nextToken?: string;
  }) {
    const g = this.group(input.logGroupName);
    let streams = [...g.streams.values()].filter(
      (s) => !input.logStreamNamePrefix || s.name.startsWith(input.logStreamNamePrefix),
    );
    if (input.orderBy === 'LastEventTime') {
      if (input.logStreamNamePrefix) {
        throw new AwsError(
          'InvalidParameterException',
          'Cannot order by LastEventTime with a logStreamNamePrefix.',
        );
      }
      streams.sort((a, b) => (a.events.at(-1)?.timestamp ?? 0) - (b.events.at(-1)?.timestamp ?? 0));
    } else streams.sort((a, b) => a.name.localeCompare(b.name));
    if (input.descending) streams = streams.reverse();
    const { page, nextToken } = pageOf(streams, input.nextToken, input.limit ?? 50);
    return {
      logStreams: page.map((s) => ({
        logStreamName: s.name,
        creationTime: s.creationTime,
        ...(s.events.length
          ? {
              firstEventTimestamp: s.events[0]!.timestamp,
              lastEventTimestamp: s.events.at(-1)!.timestamp,
              lastIngestionTime: s.events.at(-1)!.ingestionTime,
            }
          : {}),
        uploadSequenceToken: String(s.events.length).padStart(56, '0'),
        arn: `arn:aws:logs:${this.ctx.region}:${this.ctx.accountId}:log-group:${g.name}:log-stream:${s.name}`,
        storedBytes: 0,
      })),
      ...(nextToken ? { nextToken } : {}),
    };
  }

  getLogEvents(input: {
    logGroupName?: string;
    logStreamName?: string;
    startTime?: number;
    endTime?: number;
    nextToken?: string;
    limit?: number;
    startFromHead?: boolean;
  }) {
    const g = this.group(input.logGroupName);
    const s = g.streams.get(input.logStreamName ?? '');
    if (!s) throw new AwsError('ResourceNotFoundException', 'The specified log stream does not exist.');
    const events = s.events.filter(
      (e) =>
        (input.startTime === undefined || e.timestamp >= input.startTime) &&
        (input.endTime === undefined || e.timestamp < input.endTime),
    );
    const limit = Math.min(input.limit ?? 10000, 10000);
    let from: number;
    let to: number;
    const token = input.nextToken ? /^([fb])\/(\d+)$/.exec(input.nextToken) : undefined;
    if (input.nextToken && !token) {
      throw new AwsError('InvalidParameterException', 'The specified nextToken is invalid.'); // unverified wording
    }
    if (token?.[1] === 'f') {
      from = Math.min(Number(token[2]), events.length);
      to = Math.min(events.length, from + limit);
    } else if (token?.[1] === 'b') {
      to = Math.min(Number(token[2]), events.length);
      from = Math.max(0, to - limit);
    } else if (input.startFromHead) {
      from = 0;
      to = Math.min(events.length, limit);
    } else {
      to = events.length;
      from = Math.max(0, to - limit);
    }
    return {
      events: events
        .slice(from, to)
        .map(({ timestamp, message, ingestionTime }) => ({ timestamp, message, ingestionTime })),
      nextForwardToken: `f/${String(to).padStart(56, '0')}`,
      nextBackwardToken: `b/${String(from).padStart(56, '0')}`,
    };
  }

  filterLogEvents(input: {
    logGroupName?: string;
    logStreamNames?: string[];
    logStreamNamePrefix?: string;
    startTime?: number;
    endTime?: number;
    filterPattern?: string;
    nextToken?: string;
    limit?: number;
  }) {
    const g = this.group(input.logGroupName);
    if (input.logStreamNames?.length && input.logStreamNamePrefix) {
      throw new AwsError(
        'InvalidParameterException',
        'logStreamNames and logStreamNamePrefix are mutually exclusive',
      );
    }
    const streams = [...g.streams.values()].filter(
      (s) =>
        (!input.logStreamNames?.length || input.logStreamNames.includes(s.name)) &&
        (!input.logStreamNamePrefix || s.name.startsWith(input.logStreamNamePrefix)),
    );
    const match = compilePattern(input.filterPattern ?? '');
    const all = streams
      .flatMap((s) => s.events.map((e) => ({ ...e, logStreamName: s.name })))
      .filter(
        (e) =>
          (input.startTime === undefined || e.timestamp >= input.startTime) &&
          (input.endTime === undefined || e.timestamp <= input.endTime) &&
          match(e.message),
      )
      .sort((a, b) => a.timestamp - b.timestamp || a.eventId.localeCompare(b.eventId));
    const { page, nextToken } = pageOf(
      all,
      input.nextToken,
      Math.min(input.limit ?? 10000, 10000, this.filterPageSize),
    );
    return {
      events: page.map((e) => ({
        logStreamName: e.logStreamName,
        timestamp: e.timestamp,
        message: e.message,
        ingestionTime: e.ingestionTime,
        eventId: e.eventId,
      })),
      searchedLogStreams: streams.map((s) => ({ logStreamName: s.name, searchedCompletely: true })),
      ...(nextToken ? { nextToken } : {}),
    };
  }

  private group(name: string | undefined): LogGroup {
    const g = this.groups.get(name ?? '');
    if (!g) throw notFoundGroup();
    return g;
  }

  private addGroup(name: string, at: number): LogGroup {
    const g = { name, creationTime: at, streams: new Map() };
    this.groups.set(name, g);
    return g;
  }
}

function pageOf<T>(items: T[], token: string | undefined, limit: number) {
  const start = token ? Number(Buffer.from(token, 'base64url').toString()) || 0 : 0;
  const page = items.slice(start, start + limit);
  const nextToken =
    start + limit < items.length ? Buffer.from(String(start + limit)).toString('base64url') : undefined;
  return { page, nextToken };
}

/**
 * The unstructured subset of the filter pattern syntax: space-separated terms must all appear, `"quoted phrases"`
 * match verbatim, `?term` alternatives match if any appears, `-term` excludes.
 */
export function compilePattern(pattern: string): (message: string) => boolean {
  const terms = [...pattern.matchAll(/([?-]?)(?:"([^"]*)"|(\S+))/g)].map((m) => ({
    op: m[1],
    text: m[2] ?? m[3]!,
  }));
  if (terms.length === 0) return () => true;
  const any = terms.filter((t) => t.op === '?');
  const all = terms.filter((t) => t.op === '');
  const none = terms.filter((t) => t.op === '-');
  return (m) =>
    all.every((t) => m.includes(t.text)) &&
    none.every((t) => !m.includes(t.text)) &&
    (any.length === 0 || any.some((t) => m.includes(t.text)));
}
