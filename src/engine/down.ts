import { randomUUID } from 'node:crypto';
import { FencedOutError } from '../errors.js';
import type { EngineDeps, LockedRun } from './deploy.js';
import { Emitter } from './emitter.js';
import type { Subscriber } from './events.js';
import { acquireLease } from './lease.js';
import { redactError, redactingStore } from './redact.js';

export interface DownOptions extends LockedRun {
  subscribers?: Subscriber[];
}

export interface DownOutcome {
  deploymentId: string;
  /** Services that were running and were stopped. */
  stopped: string[];
}

/**
 * Stops everything the target started for the stack, holding the stack's lease like a deployment: the heartbeat
 * keeps it for as long as the target takes (minutes on aws, against a 15 s lease), so no deployment can start
 * underneath. History records it as a deployment of kind `down`.
 */
export async function runDown(deps: EngineDeps, o: DownOptions): Promise<DownOutcome> {
  const { target, clock } = deps;
  const stack = o.stack;
  const emitter = Emitter.forStack(stack, deps.store, clock);
  const store = redactingStore(deps.store, emitter.redacted);
  o.subscribers?.forEach((s) => emitter.subscribe(s));
  const lease = await acquireLease(store, clock, emitter, {
    stack: stack.name,
    holder: o.holder,
    correlationId: o.correlationId,
    leaseMs: stack.lock.lease,
    heartbeatMs: stack.lock.heartbeat,
    waitMs: o.waitLockMs,
  });
  const deploymentId = randomUUID();
  const fencedOut = () =>
    new FencedOutError(
      `convoy down lost the lock of stack ${stack.name} (token ${lease.token}): its lease ran out (was it paused or cut off?) and another deployment took over`,
    );
  try {
    await store.createDeployment({
      id: deploymentId,
      stack: stack.name,
      kind: 'down',
      correlationId: o.correlationId,
      actor: o.actor,
      context: o.context,
      status: 'running',
      fencingToken: lease.token,
      startedAt: clock.now(),
    });
    emitter.deploymentId = deploymentId;
    let stopped: string[];
    try {
      stopped = await target.down();
    } catch (err) {
      if (lease.lost.aborted) throw fencedOut();
      // The target's own error says what went wrong; failing to record it must not hide it.
      await store
        .updateDeployment(
          deploymentId,
          {
            status: 'failed',
            endedAt: clock.now(),
            summary: `down failed: ${(err as Error).message}`,
          },
          lease.token,
        )
        .catch(() => undefined);
      throw redactError(err, emitter.redacted);
    }
    if (lease.lost.aborted) throw fencedOut();
    // Stored in the stack's stream, so followers (`convoy events`) see the stack go down.
    emitter.emit({ code: 'stack.down', stopped });
    const summary = stopped.length ? `stopped ${stopped.join(', ')}` : 'nothing was running';
    await store.updateDeployment(
      deploymentId,
      { status: 'succeeded', endedAt: clock.now(), summary },
      lease.token,
    );
    return { deploymentId, stopped };
  } finally {
    await emitter.flush();
    await lease.release().catch(() => undefined);
  }
}
