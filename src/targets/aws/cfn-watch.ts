import type { Stack as CfnStack, StackEvent } from '@aws-sdk/client-cloudformation';
import { formatDuration } from '../health.js';
import type { GateOptions } from '../target.js';
import type { AwsContext, CfnRun } from './context.js';
import { EcsGuard, type EcsVerdict } from './cfn-guard.js';
import { COMPLETE } from './cfn-state.js';
import { errorMessage, isThrottle } from './util.js';

/**
 * Follows a stack operation to its end: new stack events as progress, a warning when none arrives for a while, and
 * the ECS guard, which cancels an update stuck on a failing service instead of letting CloudFormation wait hours.
 */

export type WatchEnd =
  | { ok: true; status: string }
  | {
      ok: false;
      status: string;
      failedResource?: StackEvent;
      ecs?: EcsVerdict;
      cancelled: boolean;
      reason: string;
    };

export interface WatchOptions {
  pollMs: number;
  maxPollMs: number;
  stallWarningMs: number;
}

export async function watchStack(
  ctx: AwsContext,
  run: CfnRun,
  gate: GateOptions,
  o: WatchOptions,
  onStack: (s: CfnStack | undefined) => void,
): Promise<WatchEnd> {
  const events: StackEvent[] = [];
  const inProgress = new Map<string, string>();
  let ecs: EcsVerdict | undefined;
  let cancelled = false;
  let stack: CfnStack | undefined;
  const guard = new EcsGuard(ctx, (v) => {
    ecs = v;
  });
  let interval = o.pollMs;
  let lastEventAt = ctx.clock.now();
  let lastWarnAt = lastEventAt;
  try {
    for (;;) {
      // The status first, then the events: every event up to that status is reported before it is acted on.
      let fetched = true;
      try {
        stack = (await ctx.clients.cfn.describeStacks({ StackName: run.stackId ?? run.stackName }))
          .Stacks?.[0];
        onStack(stack);
      } catch (err) {
        // Throttled even after the SDK's retries: judge on the next round.
        if (!isThrottle(err)) throw err;
        fetched = false;
      }
      const fresh = await newEvents(ctx, run).catch((err) => (isThrottle(err) ? [] : Promise.reject(err)));
      for (const e of fresh) {
        events.push(e);
        gate.progress?.({ message: describeEvent(e) });
        if (e.LogicalResourceId && e.ResourceType !== 'AWS::CloudFormation::Stack') {
          if ((e.ResourceStatus ?? '').endsWith('_IN_PROGRESS'))
            inProgress.set(e.LogicalResourceId, e.ResourceType ?? '');
          else inProgress.delete(e.LogicalResourceId);
        }
        guard.see(e);
      }
      const status = fetched ? (stack?.StackStatus ?? 'DELETE_COMPLETE') : 'UNKNOWN_IN_PROGRESS';
      if (ecs && !cancelled) {
        if (status === 'UPDATE_IN_PROGRESS') {
          cancelled = await cancel(ctx, run, gate, ecs);
        } else if (status === 'CREATE_IN_PROGRESS') {
          // A creation cannot be cancelled; CloudFormation would wait up to three hours. Say so and stop waiting.
          return { ok: false, status, ecs, cancelled: false, reason: ecs.message };
        }
      }
      if (!status.endsWith('_IN_PROGRESS')) {
        if (COMPLETE.has(status)) return { ok: true, status };
        const failedResource = firstFailure(events, run.stackName);
        const reason =
          ecs?.message ?? failedResource?.ResourceStatusReason ?? stack?.StackStatusReason ?? status;
        return { ok: false, status, failedResource, ecs, cancelled, reason };
      }
      const now = ctx.clock.now();
      if (fresh.length) {
        lastEventAt = now;
        lastWarnAt = now;
        interval = o.pollMs;
      } else {
        interval = Math.min(o.maxPollMs, Math.ceil(interval * 1.5));
      }
      if (now - lastEventAt >= o.stallWarningMs && now - lastWarnAt >= o.stallWarningMs) {
        lastWarnAt = now;
        const waiting = [...inProgress].map(([id, type]) => `${id} (${type})`).join(', ');
        gate.progress?.({
          warning: true,
          message: `no CloudFormation event for ${formatDuration(now - lastEventAt)}; stack ${run.stackName} is ${stack?.StackStatus ?? 'in progress'}${waiting ? `, waiting on ${waiting}` : ''}`,
        });
      }
      await ctx.clock.sleep(Math.min(interval, o.stallWarningMs), gate.signal);
    }
  } finally {
    guard.stop();
  }
}

async function cancel(ctx: AwsContext, run: CfnRun, gate: GateOptions, ecs: EcsVerdict): Promise<boolean> {
  try {
    await ctx.clients.cfn.cancelUpdateStack({ StackName: run.stackId ?? run.stackName });
    gate.progress?.({
      warning: true,
      message: `ECS service ${ecs.serviceName} (${ecs.logicalId}) cannot become stable: ${ecs.message}; cancelled the stack update, CloudFormation is rolling it back`,
    });
    return true;
  } catch (err) {
    // The update may have just ended on its own; the stack's status will tell.
    gate.progress?.({ message: `could not cancel the stack update: ${errorMessage(err)}` });
    return false;
  }
}

/** Stack events newer than any seen before, oldest first (DescribeStackEvents pages newest first). */
async function newEvents(ctx: AwsContext, run: CfnRun): Promise<StackEvent[]> {
  const fresh: StackEvent[] = [];
  let next: string | undefined;
  do {
    const page = await ctx.clients.cfn.describeStackEvents({
      StackName: run.stackId ?? run.stackName,
      ...(next ? { NextToken: next } : {}),
    });
    const events = page.StackEvents ?? [];
    const stopAt = events.findIndex((e) => e.EventId && run.seenEvents.has(e.EventId));
    fresh.push(...(stopAt >= 0 ? events.slice(0, stopAt) : events));
    next = stopAt >= 0 ? undefined : page.NextToken;
  } while (next);
  for (const e of fresh) if (e.EventId) run.seenEvents.add(e.EventId);
  return fresh.reverse();
}

export function describeEvent(e: StackEvent): string {
  const reason = e.ResourceStatusReason ? `: ${e.ResourceStatusReason}` : '';
  return `${e.LogicalResourceId} ${e.ResourceStatus}${reason} (${e.ResourceType})`;
}

/** The first resource that failed for a reason of its own (the rest are usually "Resource update cancelled"). */
function firstFailure(events: StackEvent[], stackName: string): StackEvent | undefined {
  const failures = events.filter(
    (e) => (e.ResourceStatus ?? '').endsWith('_FAILED') && e.LogicalResourceId !== stackName,
  );
  return failures.find((e) => !/cancel/i.test(e.ResourceStatusReason ?? '')) ?? failures[0];
}
