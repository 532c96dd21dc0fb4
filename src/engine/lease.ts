import { LockHeldError } from '../errors.js';
import type { LockInfo, Store } from '../store/store.js';
import type { Clock } from './clock.js';
import type { Emitter } from './emitter.js';

export interface LeaseOptions {
  stack: string;
  holder: string;
  correlationId: string;
  leaseMs: number;
  heartbeatMs: number;
  /** How long to wait for a held lock; 0 fails at once. */
  waitMs: number;
}

export interface Lease {
  token: number;
  lock: LockInfo;
  /** Aborts when the lease was lost (taken over after we failed to renew in time). */
  lost: AbortSignal;
  release(): Promise<void>;
}

function describe(l: LockInfo): string {
  return `${l.holder} since ${new Date(l.acquiredAt).toISOString()} (correlation id ${l.correlationId})`;
}

/** Takes the stack's lock (waiting up to waitMs) and keeps it alive with a heartbeat until released. */
export async function acquireLease(
  store: Store,
  clock: Clock,
  emitter: Emitter,
  o: LeaseOptions,
): Promise<Lease> {
  const deadline = clock.now() + o.waitMs;
  let lastHolder: number | undefined;
  for (;;) {
    const r = await store.acquireLock({
      stack: o.stack,
      holder: o.holder,
      correlationId: o.correlationId,
      leaseMs: o.leaseMs,
      now: clock.now(),
    });
    if (r.acquired) {
      emitter.emit({
        code: 'lock.acquired',
        token: r.lock.token,
        tookOverExpired: r.tookOver
          ? { holder: r.tookOver.holder, correlationId: r.tookOver.correlationId }
          : undefined,
      });
      return startHeartbeat(store, clock, emitter, o, r.lock);
    }
    if (clock.now() >= deadline) {
      throw new LockHeldError(
        `stack ${o.stack} is being deployed by ${describe(r.holder)}; try again later or pass --wait-lock`,
      );
    }
    if (lastHolder !== r.holder.token) {
      lastHolder = r.holder.token;
      emitter.emit({
        code: 'lock.waiting',
        holder: r.holder.holder,
        correlationId: r.holder.correlationId,
        since: new Date(r.holder.acquiredAt).toISOString(),
      });
    }
    await clock.sleep(Math.min(500, Math.max(50, deadline - clock.now())));
  }
}

function startHeartbeat(
  store: Store,
  clock: Clock,
  emitter: Emitter,
  o: LeaseOptions,
  lock: LockInfo,
): Lease {
  const lost = new AbortController();
  const stop = new AbortController();
  const loop = (async () => {
    while (!stop.signal.aborted) {
      try {
        await clock.sleep(o.heartbeatMs, stop.signal);
      } catch {
        return;
      }
      let renewed = false;
      try {
        renewed = await store.renewLock(o.stack, lock.token, o.leaseMs, clock.now());
      } catch {
        // A store hiccup is not a lost lease; the next beat retries well inside the lease.
        continue;
      }
      if (!renewed) {
        emitter.emit({ code: 'lock.lost', token: lock.token });
        lost.abort(
          new Error(
            `lost the lock of stack ${o.stack} (token ${lock.token}): another deployment took it over`,
          ),
        );
        return;
      }
    }
  })();
  return {
    token: lock.token,
    lock,
    lost: lost.signal,
    async release() {
      stop.abort();
      await loop;
      if (lost.signal.aborted) return;
      await store.releaseLock(o.stack, lock.token);
      emitter.emit({ code: 'lock.released', token: lock.token });
    },
  };
}
