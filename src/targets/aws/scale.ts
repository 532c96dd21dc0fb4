import type { GateOptions, Unit, Verdict } from '../target.js';
import { failed, passed } from '../verdicts.js';
import type { AwsContext } from './context.js';
import { clusterFor, serviceNameFor } from './service-def.js';

/**
 * `convoy scale` on ECS: sets the service's desired count (UpdateService desiredCount, no new deployment) and waits
 * until that many tasks run and none is pending.
 */
export async function scaleService(
  ctx: AwsContext,
  unit: Unit,
  replicas: number,
  opts: GateOptions,
): Promise<Verdict> {
  const aws = unit.service.aws;
  if (!aws || unit.service.kind !== 'service')
    return failed('start-failed', ctx.clock.now(), `${unit.service.name} is not an ECS service`);
  const def = aws.serviceDefinition;
  const cluster = clusterFor(aws.cluster, ctx.stack.aws?.cluster, def);
  const service = serviceNameFor(unit.service.name, def);
  const { ecs } = ctx.clients;
  await ecs.updateService({ cluster, service, desiredCount: replicas });
  const deadline = ctx.clock.now() + opts.timeoutMs;
  let interval = ctx.timing.pollMs;
  for (;;) {
    opts.signal?.throwIfAborted();
    const s = (await ecs.describeServices({ cluster, services: [service] })).services?.[0];
    const running = s?.runningCount ?? 0;
    if (running === replicas && (s?.pendingCount ?? 0) === 0)
      return passed(replicas ? 'healthy' : 'started', ctx.clock.now());
    if (ctx.clock.now() > deadline)
      return failed(
        'timeout',
        ctx.clock.now(),
        `ECS service ${service} runs ${running} of ${replicas} tasks after ${Math.round(opts.timeoutMs / 1000)} s`,
      );
    await ctx.clock.sleep(interval, opts.signal);
    interval = Math.min(ctx.timing.maxPollMs, Math.ceil(interval * 1.5));
  }
}
