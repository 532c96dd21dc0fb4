import { randomUUID } from 'node:crypto';
import { ConvoyError, LockHeldError, StoreUnavailableError, SupersededError } from '../errors.js';
import type { LockInfo, Store } from '../store/store.js';
import type { Clock } from '../core/clock.js';
import type { Emitter } from './emitter.js';
import { estimateWait, QUEUE_POLL_MS } from './estimate.js';

export interface LeaseOptions {
  stack: string;
  holder: string;
  correlationId: string;
  leaseMs: number;
  heartbeatMs: number;
  /** How long to wait for a held lock; 0 fails at once. */
  waitMs: number;
  /** Replace older queued deployments of the stack (never the running one). */
  cancelSuperseded?: boolean;
  /** Ctrl-C: a waiter stops waiting, leaves the queue and does not deploy. */
  signal?: AbortSignal;
}

export interface Lease {
  token: number;
  lock: LockInfo;
  /** Aborts when the lease was lost (taken over after we failed to renew in time). */
  lost: AbortSignal;
  release(): Promise<void>;
}

const POLL_MS = QUEUE_POLL_MS;
/** Repeat the waiting line this often even when nothing changed, so a CI log shows the run is alive. */
const REPORT_EVERY_MS = 30_000;

function describe(l: LockInfo): string {
  return `${l.holder} since ${new Date(l.acquiredAt).toISOString()} (correlation id ${l.correlationId})`;
}

/** Store failures before we hold anything mean the store is unreachable: a distinct, documented outcome. */
async function reach<T>(what: string, op: () => Promise<T>): Promise<T> {
  try {
    return await op();
  } catch (err) {
    if (err instanceof ConvoyError) throw err;
    throw new StoreUnavailableError(
      `cannot reach the state store to ${what}: ${(err as Error).message}`,
      err,
    );
  }
}

/**
 * Takes the stack's lock and keeps it alive with a heartbeat until released. Without waiting it is one attempt.
 * With waiting, the run joins the stack's queue and takes the lock only when it is first in line, so waiters are
 * served in arrival order; it reports its position and estimated start as they change.
 */
export async function acquireLease(
  store: Store,
  clock: Clock,
  emitter: Emitter,
  o: LeaseOptions,
): Promise<Lease> {
  const attempt = () =>
    reach('take the lock', () =>
      store.acquireLock({
        stack: o.stack,
        holder: o.holder,
        correlationId: o.correlationId,
        leaseMs: o.leaseMs,
        now: clock.now(),
      }),
    );
  if (o.waitMs <= 0) {
    const r = await attempt();
    if (!r.acquired)
      throw new LockHeldError(
        `stack ${o.stack} is being deployed by ${describe(r.holder)}; try again later or pass --wait-lock`,
      );
    return granted(store, clock, emitter, o, r.lock, r.tookOver);
  }

  const id = randomUUID();
  const me = await reach('join the queue', () =>
    store.enqueue({
      stack: o.stack,
      id,
      holder: o.holder,
      correlationId: o.correlationId,
      leaseMs: o.leaseMs,
      now: clock.now(),
    }),
  );
  try {
    const ahead = (await store.listQueue(o.stack, clock.now())).filter((q) => q.ticket < me.ticket).length;
    emitter.emit({ code: 'lock.queued', ticket: me.ticket, position: ahead + 1 });
    if (o.cancelSuperseded) {
      const replaced = await store.supersedeQueued(o.stack, me.ticket, o.correlationId, clock.now());
      if (replaced.length)
        emitter.emit({ code: 'lock.superseded', replaced: replaced.map((r) => r.correlationId) });
    }
    const deadline = clock.now() + o.waitMs;
    let reported = '';
    let reportedAt = 0;
    for (;;) {
      if (o.signal?.aborted)
        throw new LockHeldError(
          `stopped waiting for the lock of stack ${o.stack}: ${(o.signal.reason as Error)?.message ?? 'interrupted'}; not deployed`,
        );
      const now = clock.now();
      const mine = await store.renewQueue(o.stack, id, o.leaseMs, now);
      if (!mine) throw new LockHeldError(`lost our place in the queue of stack ${o.stack}; try again`);
      if (mine.supersededBy) {
        throw new SupersededError(
          `this queued deployment of ${o.stack} was superseded by a newer one (correlation id ${mine.supersededBy}); not deploying`,
        );
      }
      const queue = await store.listQueue(o.stack, now);
      const position = Math.max(
        0,
        queue.findIndex((q) => q.id === id),
      );
      let holder = await store.getLock(o.stack);
      if (position === 0 && (!holder || holder.expiresAt <= now)) {
        const r = await attempt();
        if (r.acquired) {
          return granted(store, clock, emitter, o, r.lock, r.tookOver);
        }
        holder = r.holder;
      }
      if (now >= deadline) {
        throw new LockHeldError(
          `gave up after waiting ${Math.round(o.waitMs / 1000)}s for the lock of stack ${o.stack}` +
            (holder ? `, held by ${describe(holder)}` : '') +
            ` (we were number ${position + 1} in the queue)`,
        );
      }
      const key = `${holder?.token ?? '-'}:${position}:${queue.length}`;
      if (key !== reported || now - reportedAt >= REPORT_EVERY_MS) {
        reported = key;
        reportedAt = now;
        const wait = await estimateWait(store, o.stack, {
          holder,
          ahead: position,
          now,
        });
        emitter.emit({
          code: 'lock.waiting',
          holder: holder?.holder,
          correlationId: holder?.correlationId,
          since: holder ? new Date(holder.acquiredAt).toISOString() : undefined,
          position: position + 1,
          queueLength: queue.length,
          estimatedStartAt: new Date(now + (wait.lowMs + wait.highMs) / 2).toISOString(),
          wait,
        });
      }
      // Wake just after the holder's lease would run out, so a dead holder is replaced within lease + heartbeat.
      const untilExpiry = holder ? holder.expiresAt - now + 5 : POLL_MS;
      // An interrupt ends the sleep early; the check at the top of the loop reports it.
      await clock
        .sleep(Math.max(20, Math.min(POLL_MS, untilExpiry, deadline - now)), o.signal)
        .catch(() => undefined);
    }
  } finally {
    // A waiter that gives up (or is superseded, or interrupted) leaves the queue; one that got the lock too.
    await store.leaveQueue(o.stack, id).catch(() => undefined);
  }
}

function granted(
  store: Store,
  clock: Clock,
  emitter: Emitter,
  o: LeaseOptions,
  lock: LockInfo,
  tookOver?: LockInfo,
): Lease {
  emitter.emit({
    code: 'lock.acquired',
    token: lock.token,
    tookOverExpired: tookOver
      ? { holder: tookOver.holder, correlationId: tookOver.correlationId }
      : undefined,
  });
  return startHeartbeat(store, clock, emitter, o, lock);
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
