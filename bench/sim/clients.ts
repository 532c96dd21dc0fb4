import {
  ApiCallCounter,
  type AwsClients,
  type CfnApi,
  type CloudWatchApi,
  type EcsApi,
  type ElbApi,
  type LogsApi,
} from '../../src/targets/aws/clients.js';
import { AwsError } from '../../test/emulator/core/errors.js';
import { Random } from '../../test/emulator/core/random.js';
import { SdkRetry } from './retry.js';
import { RateLimits } from './throttle.js';
import type { SimWorld } from './world.js';

/** What a deployment cost in API terms, on virtual time. */
export class ApiMetrics {
  readonly counter = new ApiCallCounter();
  /** Requests per virtual second (attempts, retries included). */
  readonly perSecond = new Map<number, number>();
  /** Throttled attempts the retry layer absorbed by retrying. */
  absorbed = 0;
  /** Requests that failed with ThrottlingException after the last attempt: the engine saw those. */
  reachedEngine = 0;
  throttledAttempts = 0;
  /** When each DescribeServices request was answered: the aws target's poll rounds, as AWS sees them. */
  readonly describeServicesAt: number[] = [];

  get total(): number {
    return this.counter.total;
  }

  get peakPerSecond(): number {
    return Math.max(0, ...this.perSecond.values());
  }

  summary() {
    return {
      total: this.total,
      peakPerSecond: this.peakPerSecond,
      throttledAttempts: this.throttledAttempts,
      throttlesAbsorbed: this.absorbed,
      throttlesReachedEngine: this.reachedEngine,
      byOperation: this.counter.snapshot(),
    };
  }
}

export interface SimClientOptions {
  /** Round trip of one request in virtual ms; AWS API calls take tens of milliseconds. */
  latencyMs?: number;
  /** Server-side rate limits; `false` turns throttling off. */
  limits?: RateLimits | false;
  seed?: number;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- the models take and return ECS's open JSON shapes */
type Op = (input: any) => unknown;

/**
 * `AwsClients` over the simulator's models, so the real aws target runs unchanged with only its clients swapped.
 * Each request waits the API latency on virtual time, takes a token from its rate-limit bucket (or is throttled and
 * retried the SDK's way), runs the model operation, and returns a deep copy — as a wire round trip would — with
 * AWS errors passed through by name.
 */
export function simClients(
  world: SimWorld,
  metrics = new ApiMetrics(),
  opts: SimClientOptions = {},
): AwsClients {
  const latency = opts.latencyMs ?? 40;
  const limits = opts.limits === false ? undefined : (opts.limits ?? new RateLimits());
  const rng = new Random(opts.seed ?? 7);
  const retries = new Map<string, SdkRetry>();

  const call = async (service: string, operation: string, op: Op, input: unknown): Promise<any> => {
    let retry = retries.get(service);
    if (!retry) retries.set(service, (retry = new SdkRetry(world.clock, rng)));
    let out: unknown;
    let failure: unknown;
    const attempt = async (): Promise<boolean> => {
      await world.clock.sleep(latency);
      world.touch();
      const now = world.clock.now();
      metrics.counter.record(service, operation);
      const second = Math.floor(now / 1000);
      metrics.perSecond.set(second, (metrics.perSecond.get(second) ?? 0) + 1);
      if (limits && !limits.take(service, operation, now)) {
        metrics.throttledAttempts++;
        return false;
      }
      if (operation === 'DescribeServices') metrics.describeServicesAt.push(now);
      try {
        out = structuredClone(world.model(() => op(structuredClone(input))));
      } catch (err) {
        failure = err;
      }
      return true;
    };
    const absorbed = await retry.send(attempt, () => {
      metrics.reachedEngine++;
      return new AwsError('ThrottlingException', 'Rate exceeded');
    });
    metrics.absorbed += absorbed;
    if (failure) throw failure;
    return out;
  };

  const ecsOps = world.ecs as unknown as Record<string, Op>;
  const ecs = Object.fromEntries(
    [
      'registerTaskDefinition',
      'describeTaskDefinition',
      'describeServices',
      'createService',
      'updateService',
      'deleteService',
      'listTasks',
      'describeTasks',
      'runTask',
      'stopTask',
      'tagResource',
      'listTaskDefinitions',
    ].map((m) => [m, (i: unknown) => call('ecs', pascal(m), (x) => ecsOps[m]!.call(world.ecs, x), i)]),
  ) as Record<string, (i: unknown) => Promise<unknown>>;

  const cfnOps = world.cfn as unknown as Record<string, Op>;
  const cfn = Object.fromEntries(
    [
      'describeStacks',
      'describeStackEvents',
      'describeStackResources',
      'createChangeSet',
      'describeChangeSet',
      'executeChangeSet',
      'deleteChangeSet',
      'deleteStack',
      'cancelUpdateStack',
    ].map((m) => [
      m,
      (i: unknown) => call('cloudformation', pascal(m), (x) => cfnOps[m]!.call(world.cfn, x), i),
    ]),
  );

  const logs: LogsApi = {
    getLogEvents: (i) => call('logs', 'GetLogEvents', (x) => world.logs.getLogEvents(x), i),
    filterLogEvents: (i) => call('logs', 'FilterLogEvents', (x) => world.logs.filterLogEvents(x), i),
  };
  // The simulated account has no alarms: a deployment simulated here checks none.
  const cloudwatch: CloudWatchApi = {
    describeAlarms: (i) =>
      call('cloudwatch', 'DescribeAlarms', () => ({ MetricAlarms: [], CompositeAlarms: [] }), i),
  };
  const elb: ElbApi = {
    describeTargetHealth: (i) =>
      call(
        'elasticloadbalancing',
        'DescribeTargetHealth',
        (x) => ({
          TargetHealthDescriptions: world.elb.describeTargetHealth(x.TargetGroupArn ?? '', x.Targets),
        }),
        i,
      ),
  };

  return {
    ecs: ecs as unknown as EcsApi,
    cfn: cfn as unknown as CfnApi,
    logs,
    elb,
    cloudwatch,
    region: async () => 'us-east-1',
    calls: metrics.counter,
    destroy: () => {},
  };
}

function pascal(method: string): string {
  return method.charAt(0).toUpperCase() + method.slice(1);
}
