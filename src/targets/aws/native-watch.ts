import type { ServiceDeployment } from '@aws-sdk/client-ecs';
import type { GateOptions } from '../target.js';
import type { AwsContext, NativeRun, ServiceRun } from './context.js';
import {
  describeServiceDeployment,
  findServiceDeployment,
  judgeServiceDeployment,
  pausedHook,
  summary,
  timedOutPause,
  type Outcome,
} from './service-deployment.js';
import { errorMessage, isPermanent } from './util.js';

/**
 * Follows a service deployment: polls DescribeServiceDeployments, reports each change of status, stage, breaker
 * count or alarms as progress, answers its pause with the engine's decision, and hands every outcome to `judged`.
 */
export function watchServiceDeployment(
  ctx: AwsContext,
  run: ServiceRun & { native: NativeRun },
  opts: GateOptions,
  judged: (o: Outcome, sd: ServiceDeployment) => void,
  refused: (message: string) => void,
): { stop: () => void; refresh: () => Promise<ServiceDeployment | undefined> } {
  const native = run.native;
  const stopping = new AbortController();
  let shown = '';
  let asked = false;
  let timeoutShown = false;

  const refresh = async (): Promise<ServiceDeployment | undefined> => {
    native.arn ??= await findServiceDeployment(ctx, run.cluster, run.serviceName, run.startedAt);
    return native.arn ? describeServiceDeployment(ctx, native.arn) : undefined;
  };

  const answer = (sd: ServiceDeployment, stage: string, hookId: string) => {
    asked = true;
    if (!opts.pause) return; // nobody decides: the hook's timeoutAction will
    opts.progress?.({ message: `paused at ${stage}: waiting for the decision for the wave` });
    void opts
      .pause(stage)
      .then(async (d) => {
        if (stopping.signal.aborted) return;
        const now = await describeServiceDeployment(ctx, sd.serviceDeploymentArn!);
        if (!now || pausedHook(now, stage) !== hookId) {
          opts.progress?.({ message: `the pause at ${stage} had already ended (${now?.status ?? 'gone'})` });
          return;
        }
        await ctx.clients.ecs.continueServiceDeployment({
          serviceDeploymentArn: sd.serviceDeploymentArn,
          hookId,
          action: d.action,
        });
        opts.progress?.({ message: `${d.action} at ${stage}, decided by ${d.by}` });
      })
      .catch((err: unknown) =>
        opts.progress?.({ message: `could not answer the pause: ${errorMessage(err)}`, warning: true }),
      );
  };

  const handle = (sd: ServiceDeployment) => {
    const line = summary(sd);
    if (line !== shown) opts.progress?.({ message: line });
    shown = line;
    const hookId = native.pauseAt && !asked ? pausedHook(sd, native.pauseAt) : undefined;
    if (hookId) answer(sd, native.pauseAt!, hookId);
    const timedOut = timeoutShown ? undefined : timedOutPause(sd);
    if (timedOut) opts.progress?.({ message: timedOut, warning: true });
    timeoutShown ||= !!timedOut;
    judged(judgeServiceDeployment(sd, native.waitUntil), sd);
  };

  void (async () => {
    while (!stopping.signal.aborted) {
      try {
        const sd = await refresh();
        if (sd && !stopping.signal.aborted) handle(sd);
      } catch (err) {
        if (isPermanent(err)) refused(`ECS refused to describe the service deployment: ${errorMessage(err)}`);
      }
      await ctx.clock.sleep(ctx.timing.pollMs, stopping.signal).catch(() => undefined);
    }
  })();

  return { stop: () => stopping.abort(), refresh };
}
