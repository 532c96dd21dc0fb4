import { randomUUID } from 'node:crypto';
import { FencedOutError } from '../errors.js';
import type { DeploymentKind, Store } from '../store/store.js';
import type { EngineDeps, LockedRun } from './deploy.js';
import { runningDeployment } from './deployment-record.js';
import { Emitter } from './emitter.js';
import type { Subscriber } from './events.js';
import { acquireLease, type Lease } from './lease.js';
import { redactError, redactingStore } from './redact.js';

/** What a locked operation without a plan (down, scale) works with: its record in history, under the lease. */
export interface LockedRecord {
  deploymentId: string;
  lease: Lease;
  /** The store, its history rows masked with the emitter's redactor. */
  store: Store;
  emitter: Emitter;
}

/**
 * Takes the stack's lease like a deployment (the heartbeat keeps it for as long as the target takes), records a
 * deployment of `kind`, runs `body`, and records how it ended: `body` returns the summary of a success, and a throw
 * is recorded as failed with its message. A lost lease ends it with FencedOutError.
 */
export async function runLocked<T>(
  deps: EngineDeps,
  o: LockedRun & { subscribers?: Subscriber[]; cancelSuperseded?: boolean },
  kind: Extract<DeploymentKind, 'down' | 'scale'>,
  body: (r: LockedRecord) => Promise<{ summary: string; result: T }>,
): Promise<T> {
  const { clock } = deps;
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
    cancelSuperseded: o.cancelSuperseded,
  });
  const deploymentId = randomUUID();
  const fencedOut = () =>
    new FencedOutError(
      `convoy ${kind} lost the lock of stack ${stack.name} (token ${lease.token}): its lease ran out (was it paused or cut off?) and another deployment took over`,
    );
  try {
    await store.createDeployment(runningDeployment(deploymentId, o, kind, lease.token, clock.now()));
    emitter.deploymentId = deploymentId;
    let done: { summary: string; result: T };
    try {
      done = await body({ deploymentId, lease, store, emitter });
    } catch (err) {
      if (lease.lost.aborted) throw fencedOut();
      // The operation's own error says what went wrong; failing to record it must not hide it.
      await store
        .updateDeployment(
          deploymentId,
          { status: 'failed', endedAt: clock.now(), summary: `${kind} failed: ${(err as Error).message}` },
          lease.token,
        )
        .catch(() => undefined);
      throw redactError(err, emitter.redacted);
    }
    if (lease.lost.aborted) throw fencedOut();
    await store.updateDeployment(
      deploymentId,
      { status: 'succeeded', endedAt: clock.now(), summary: done.summary },
      lease.token,
    );
    return done.result;
  } finally {
    await emitter.flush();
    await lease.release().catch(() => undefined);
  }
}
