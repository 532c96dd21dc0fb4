import type { Emitter } from '../engine/emitter.js';
import { Notifier } from '../notify/index.js';
import type { Stack } from '../spec/types.js';
import type { Store } from '../store/store.js';

/** How long a finished command keeps sending what its channels still lack; the next command sends the rest. */
export const NOTIFY_GRACE_MS = 3000;

export interface BackgroundNotify {
  /** Call once the command's events are stored: sends for at most the grace period more, then stops. */
  finish(): Promise<void>;
}

/**
 * Starts the stack's channels beside a command that emits events (deploy, rollback): they send while it runs, from
 * the stored stream, catching up first on whatever an earlier command left. They run apart from the deployment: a
 * failure is an event (notify.failed), never an exception, and no step waits for a receiver.
 */
export function startNotifying(
  stack: Stack,
  store: Store,
  events: Emitter,
  graceMs = NOTIFY_GRACE_MS,
): BackgroundNotify {
  // No channel, nothing to start (the notifier keeps real time for its retries; a stack without channels needs none).
  if (!stack.notify?.length) return { finish: async () => undefined };
  const notifier = new Notifier(stack, store, {
    report: (f) => events.emit({ code: 'notify.failed', ...f }),
    recovered: (r) => events.emit({ code: 'notify.recovered', ...r }),
  });
  if (notifier.empty) return { finish: async () => undefined };
  // A subscriber that only wakes the senders: they read the store, which has the event already.
  events.subscribe(function notify() {
    notifier.poke();
  });
  notifier.start();
  return {
    async finish() {
      await events.flush();
      await notifier.finish(graceMs);
      await events.flush(); // the notify.failed events reported meanwhile
    },
  };
}
