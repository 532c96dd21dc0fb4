/**
 * AWS API rate limits as token buckets, per account and Region, one bucket per group of operations — the shape ECS
 * documents (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/request-throttling.html: "bucket maximum
 * capacity" = burst, "refill rate" = sustained). Sources per line; `assumed` marks numbers this bench could not check
 * against the current page, chosen in the documented range. bench/README.md lists them.
 */

export interface Rate {
  burst: number;
  perSecond: number;
  source: string;
}

const DOC = 'ECS request throttling page';
const ASSUMED = 'assumed (same order as the documented read buckets)';

export const RATES: Record<string, Rate> = {
  // "20 burst, 1/sec sustained", quoted from the ECS page in aws-actions/amazon-ecs-deploy-task-definition#502.
  'ecs.taskdef-write': {
    burst: 20,
    perSecond: 1,
    source: `${DOC}, via aws-actions/amazon-ecs-deploy-task-definition#502`,
  },
  // "approx 20 TPS" for DescribeTasks, aws-solutions/workload-discovery-on-aws#355; burst assumed.
  'ecs.task-read': {
    burst: 100,
    perSecond: 20,
    source: `${DOC}, via aws-solutions/workload-discovery-on-aws#355`,
  },
  'ecs.service-read': { burst: 100, perSecond: 20, source: ASSUMED },
  'ecs.taskdef-read': { burst: 100, perSecond: 20, source: ASSUMED },
  'ecs.cluster-read': { burst: 50, perSecond: 20, source: `${DOC} (its worked example)` },
  'ecs.service-write': { burst: 50, perSecond: 5, source: ASSUMED },
  'ecs.task-write': { burst: 100, perSecond: 40, source: ASSUMED },
  'ecs.tag': { burst: 50, perSecond: 5, source: ASSUMED },
  // CloudWatch Logs quotas: GetLogEvents 10 requests/s per account and Region.
  'logs.read': { burst: 10, perSecond: 10, source: 'CloudWatch Logs quotas page (GetLogEvents 10 TPS)' },
};

const GROUP: Record<string, string> = {
  'ecs.RegisterTaskDefinition': 'ecs.taskdef-write',
  'ecs.DescribeTaskDefinition': 'ecs.taskdef-read',
  'ecs.DescribeTasks': 'ecs.task-read',
  'ecs.ListTasks': 'ecs.task-read',
  'ecs.DescribeServices': 'ecs.service-read',
  'ecs.ListServices': 'ecs.service-read',
  'ecs.DescribeClusters': 'ecs.cluster-read',
  'ecs.CreateService': 'ecs.service-write',
  'ecs.UpdateService': 'ecs.service-write',
  'ecs.DeleteService': 'ecs.service-write',
  'ecs.RunTask': 'ecs.task-write',
  'ecs.StopTask': 'ecs.task-write',
  'ecs.TagResource': 'ecs.tag',
  'logs.GetLogEvents': 'logs.read',
};

interface Bucket {
  tokens: number;
  at: number;
  rate: Rate;
}

/** The server side: whether AWS answers a request at `now` or says `Rate exceeded`. Unlisted operations are free. */
export class RateLimits {
  private buckets = new Map<string, Bucket>();

  constructor(private readonly rates: Record<string, Rate> = RATES) {}

  /** Takes a token; false means ThrottlingException. */
  take(service: string, operation: string, now: number): boolean {
    const group = GROUP[`${service}.${operation}`];
    const rate = group ? this.rates[group] : undefined;
    if (!group || !rate) return true;
    let b = this.buckets.get(group);
    if (!b) this.buckets.set(group, (b = { tokens: rate.burst, at: now, rate }));
    b.tokens = Math.min(rate.burst, b.tokens + ((now - b.at) / 1000) * rate.perSecond);
    b.at = now;
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }
}
