import type { ServiceDeployment } from '@aws-sdk/client-ecs';
import { LIFECYCLE_STAGES } from '../../spec/schema.js';
import type { AwsContext } from './context.js';

/**
 * ECS's own record of a rollout (ListServiceDeployments / DescribeServiceDeployments): for a service with a
 * deployment strategy it is the source of truth — status, lifecycle stage, circuit breaker counts, triggered alarms,
 * and ECS's reason when it rolled back.
 */

export const NATIVE_STRATEGIES: ReadonlySet<string> = new Set(['BLUE_GREEN', 'LINEAR', 'CANARY']);

/** Statuses after which nothing more happens. */
const FINAL = new Set(['SUCCESSFUL', 'STOPPED', 'ROLLBACK_SUCCESSFUL', 'ROLLBACK_FAILED']);
const ROLLING_BACK = new Set(['ROLLBACK_IN_PROGRESS', 'ROLLBACK_REQUESTED']);

/** A service whose definition names a strategy (or a stage to wait for or pause at) is followed by its record. */
export function followsServiceDeployment(
  def: Record<string, unknown> | undefined,
  waitUntil?: string,
): boolean {
  const dc = def?.deploymentConfiguration as { strategy?: string } | undefined;
  return dc?.strategy !== undefined || waitUntil !== undefined;
}

export function inProgress(sd: ServiceDeployment | undefined): boolean {
  return sd?.status === 'IN_PROGRESS' || sd?.status === 'PENDING';
}

/** The newest service deployment of the service created since `since` (epoch ms), if ECS lists one yet. */
export async function findServiceDeployment(
  ctx: AwsContext,
  cluster: string,
  service: string,
  since: number,
): Promise<string | undefined> {
  const out = await ctx.clients.ecs.listServiceDeployments({
    cluster,
    service,
    // Clocks differ a little between us and AWS; the newest one is ours (the list is newest first).
    createdAt: { after: new Date(since - 60_000) },
  });
  return out.serviceDeployments?.[0]?.serviceDeploymentArn;
}

export async function describeServiceDeployment(
  ctx: AwsContext,
  arn: string,
): Promise<ServiceDeployment | undefined> {
  const out = await ctx.clients.ecs.describeServiceDeployments({ serviceDeploymentArns: [arn] });
  return out.serviceDeployments?.[0];
}

/** One line for progress events: status, stage, circuit breaker and alarms. */
export function summary(sd: ServiceDeployment): string {
  const cb = sd.deploymentCircuitBreaker;
  const alarms = sd.alarms;
  const parts = [
    `service deployment ${sd.status ?? '?'}`,
    ...(sd.lifecycleStage ? [`stage ${sd.lifecycleStage}`] : []),
    ...(sd.targetServiceRevision?.requestedProductionTrafficWeight !== undefined && sd.lifecycleStage
      ? [
          `production traffic ${sd.targetServiceRevision.requestedProductionTrafficWeight}% on the new revision`,
        ]
      : []),
    ...(cb && cb.status !== 'DISABLED'
      ? [`circuit breaker ${cb.failureCount ?? 0}/${cb.threshold ?? '?'}`]
      : []),
    ...(alarms?.triggeredAlarmNames?.length
      ? [`alarms in ALARM: ${alarms.triggeredAlarmNames.join(', ')}`]
      : []),
  ];
  return parts.join(' · ');
}

/** What ECS says about it, one fact per line, for the failure report and diagnosis. */
export function facts(sd: ServiceDeployment): string {
  const cb = sd.deploymentCircuitBreaker;
  return [
    `service deployment: ${sd.serviceDeploymentArn ?? '?'}`,
    `status: ${sd.status ?? '?'}${sd.statusReason ? ` (${sd.statusReason})` : ''}`,
    ...(sd.lifecycleStage ? [`lifecycleStage: ${sd.lifecycleStage}`] : []),
    ...(sd.rollback?.reason ? [`rollback.reason: ${sd.rollback.reason}`] : []),
    ...(cb
      ? [
          `circuit breaker: ${cb.status ?? '?'}, ${cb.failureCount ?? 0} of ${cb.threshold ?? '?'} failed tasks`,
        ]
      : []),
    ...(sd.alarms?.alarmNames?.length
      ? [
          `alarms: ${sd.alarms.alarmNames.join(', ')} (${sd.alarms.status ?? '?'}; triggered: ${
            sd.alarms.triggeredAlarmNames?.join(', ') || 'none'
          })`,
        ]
      : []),
  ].join('\n');
}

export type Outcome =
  | { state: 'waiting' }
  /** ECS is rolling back: its final word (and reason) is the one to report. */
  | { state: 'rolling-back' }
  | { state: 'passed' }
  | { state: 'failed'; message: string };

/**
 * `waitUntil`: deployed (SUCCESSFUL), stable (SUCCESSFUL; the service's steadiness is checked by the caller) or
 * ecs:STAGE (that stage or a later one reached while the deployment goes on, or SUCCESSFUL).
 */
export function judgeServiceDeployment(sd: ServiceDeployment, waitUntil: string): Outcome {
  const status = sd.status ?? '';
  if (status === 'SUCCESSFUL') return { state: 'passed' };
  if (ROLLING_BACK.has(status)) return { state: 'rolling-back' };
  if (status.startsWith('ROLLBACK_')) {
    const why = sd.rollback?.reason ?? sd.statusReason;
    const timedOut = timedOutPause(sd);
    return {
      state: 'failed',
      message: `ECS rolled the service deployment back (${status})${why ? `: "${why}"` : ''}${timedOut ? `; ${timedOut}` : ''}`,
    };
  }
  if (FINAL.has(status)) {
    return {
      state: 'failed',
      message: `the service deployment ended ${status}${sd.statusReason ? `: "${sd.statusReason}"` : ''}`,
    };
  }
  const stage = waitUntil.startsWith('ecs:') ? waitUntil.slice(4) : undefined;
  if (stage && sd.lifecycleStage && inProgress(sd)) {
    const order = LIFECYCLE_STAGES as readonly string[];
    if (order.indexOf(sd.lifecycleStage) >= order.indexOf(stage)) return { state: 'passed' };
  }
  return { state: 'waiting' };
}

/** A PAUSE hook nobody answered before it timed out, as a sentence quoting the timeoutAction ECS applied. */
export function timedOutPause(sd: ServiceDeployment): string | undefined {
  const h = sd.lifecycleHookDetails?.find((d) => d.targetType === 'PAUSE' && d.status === 'TIMED_OUT');
  if (!h) return undefined;
  const at = h.expiresAt ? ` at ${h.expiresAt.toISOString()}` : '';
  return `nobody answered its PAUSE hook before it timed out${at}: ECS applied the hook's timeoutAction ${h.timeoutAction ?? '(not shown)'}`;
}

/** The PAUSE hook waiting at `stage`, if any. */
export function pausedHook(sd: ServiceDeployment, stage: string): string | undefined {
  const atStage =
    sd.lifecycleStage === stage ||
    (stage === 'PRE_PRODUCTION_TRAFFIC_SHIFT' && sd.lifecycleStage === 'PRODUCTION_TRAFFIC_SHIFT');
  if (!atStage || !inProgress(sd)) return undefined;
  return sd.lifecycleHookDetails?.find((h) => h.targetType === 'PAUSE' && h.status === 'AWAITING_ACTION')
    ?.hookId;
}
