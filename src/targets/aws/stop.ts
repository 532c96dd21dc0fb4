import type { AwsContext } from './context.js';
import { errorName } from './util.js';

const STOP_TIMEOUT_MS = 600_000;

/**
 * Scales a service to zero and waits until no task of it runs (ECS drains load balancer targets first, which can
 * take the target group's deregistration delay); with `delete`, deletes it too. False when there was no service.
 */
export async function scaleDown(
  ctx: AwsContext,
  cluster: string,
  service: string,
  opts: { delete: boolean },
): Promise<boolean> {
  const { ecs } = ctx.clients;
  const found = await ctx.poller(cluster).describeService(service);
  if (!found || found.status !== 'ACTIVE') return false;
  if ((found.desiredCount ?? 0) > 0) await ecs.updateService({ cluster, service, desiredCount: 0 });
  if (opts.delete) {
    try {
      await ecs.deleteService({ cluster, service, force: true });
    } catch (err) {
      if (!/ServiceNotActive|ServiceNotFound/i.test(errorName(err))) throw err;
    }
  }
  const deadline = ctx.clock.now() + STOP_TIMEOUT_MS;
  let interval = ctx.timing.pollMs;
  for (;;) {
    const s = (await ecs.describeServices({ cluster, services: [service] })).services?.[0];
    if (!s || ((s.runningCount ?? 0) === 0 && (s.pendingCount ?? 0) === 0)) return true;
    if (ctx.clock.now() > deadline)
      throw new Error(`ECS service ${service} still runs ${s.runningCount} tasks after 10 minutes`);
    await ctx.clock.sleep(interval);
    interval = Math.min(ctx.timing.maxPollMs, Math.ceil(interval * 1.5));
  }
}
