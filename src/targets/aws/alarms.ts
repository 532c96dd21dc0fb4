import type { AwsContext } from './context.js';

export type AlarmStateValue = 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';

/**
 * A CloudWatch alarm's current state (metric or composite), for post-deploy checks: `updatedAt` is when it last
 * changed state, so a caller can tell an ALARM that began during the deployment from one that was there before.
 */
export async function alarmState(
  ctx: AwsContext,
  alarmName: string,
): Promise<{ state: AlarmStateValue; reason?: string; updatedAt?: number }> {
  const r = await ctx.clients.cloudwatch.describeAlarms({
    AlarmNames: [alarmName],
    AlarmTypes: ['MetricAlarm', 'CompositeAlarm'],
  });
  const alarm = r.MetricAlarms?.[0] ?? r.CompositeAlarms?.[0];
  if (!alarm) {
    throw new Error(`CloudWatch alarm ${alarmName} does not exist in ${await ctx.region()}`);
  }
  const at = alarm.StateTransitionedTimestamp ?? alarm.StateUpdatedTimestamp;
  return {
    state: (alarm.StateValue ?? 'INSUFFICIENT_DATA') as AlarmStateValue,
    ...(alarm.StateReason ? { reason: alarm.StateReason } : {}),
    ...(at ? { updatedAt: at.getTime() } : {}),
  };
}
