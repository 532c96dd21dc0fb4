import { gateOf } from '../plan/plan.js';
import type { RunContext } from './context.js';
import { secretValues } from './redact.js';

/** One service to put back: from the revision it has now to the one it had before (none: stop it). */
export interface RollbackItem {
  service: string;
  /** Revision being undone. */
  from: string;
  /** Revision to go back to; undefined when the service did not exist before. */
  to?: string;
  /** Deployment whose step records this (the current one, or an interrupted one being cleaned up). */
  deploymentId: string;
}

export interface RollbackResult {
  rolledBack: string[];
  failed: { service: string; message: string }[];
}

const ROLLBACK_TIMEOUT_MS = 300_000;

/**
 * Puts services back one at a time, in the order given (callers pass reverse start order, so dependents go back
 * before what they depend on). Each step is persisted before it acts. Rollback keeps going past a failed item: a
 * person gets the full picture, and every service that could be restored was.
 */
export async function rollBack(ctx: RunContext, items: RollbackItem[]): Promise<RollbackResult> {
  const { store, target, clock, emitter, token } = ctx;
  const out: RollbackResult = { rolledBack: [], failed: [] };
  for (const it of items) {
    const startedAt = clock.now();
    const step = (state: 'rolling-back' | 'rolled-back' | 'rollback-failed', detail?: string) =>
      store.putStep(
        {
          deploymentId: it.deploymentId,
          service: it.service,
          fromRevision: it.to,
          toRevision: it.from,
          state,
          startedAt,
          endedAt: state === 'rolling-back' ? undefined : clock.now(),
          detail,
        },
        token,
      );
    await step('rolling-back');
    emitter.emit({ code: 'service.rolling-back', service: it.service, from: it.from, to: it.to });
    try {
      if (it.to === undefined) {
        await target.stop(it.service);
        await store.setCurrent(ctx.stack.name, it.service, undefined, token);
      } else {
        const rec = await store.getRevision(ctx.stack.name, it.service, it.to);
        if (!rec) throw new Error(`revision ${it.to} of ${it.service} is not recorded; cannot restore it`);
        if (rec.spec.kind !== 'service') {
          // A finished job cannot be undone, and CloudFormation rolls its own stack back; going back only means the
          // old revision counts as current again.
          await store.setCurrent(
            ctx.stack.name,
            it.service,
            { revision: it.to, deploymentId: ctx.deploymentId, at: clock.now() },
            token,
          );
        } else {
          // The store keeps where each secret comes from: resolved again now, or a SecretUnavailableError.
          const service = ctx.stack.unseal(rec.spec);
          emitter.mask(secretValues([service]));
          const unit = { stack: ctx.stack.name, service, revision: it.to, returning: true };
          await target.start(unit);
          const v = await target.awaitGate(unit, gateOf(service), { timeoutMs: ROLLBACK_TIMEOUT_MS });
          if (!v.ok) throw new Error(`previous revision ${it.to} did not come back: ${v.message}`);
          await store.setCurrent(
            ctx.stack.name,
            it.service,
            { revision: it.to, deploymentId: ctx.deploymentId, at: clock.now() },
            token,
          );
        }
      }
      await step('rolled-back');
      out.rolledBack.push(it.service);
      emitter.emit({
        code: 'service.rolled-back',
        service: it.service,
        to: it.to,
        elapsedMs: clock.now() - startedAt,
      });
    } catch (err) {
      const message = (err as Error).message;
      if ((err as { code?: string }).code === 'fenced-out') throw err;
      await step('rollback-failed', message);
      out.failed.push({ service: it.service, message });
      emitter.emit({ code: 'service.rollback-failed', service: it.service, to: it.to, message });
    }
  }
  return out;
}
