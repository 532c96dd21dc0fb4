import { runDeployment, type RunOutcome } from '../engine/deploy.js';
import { Emitter } from '../engine/emitter.js';
import type { Subscriber } from '../engine/events.js';
import { StoreUnavailableError } from '../errors.js';
import type { Store } from '../store/store.js';
import { captureOnFailure } from './diagnose.js';
import type { Opened } from './open.js';
import { startNotifying } from './notify-run.js';
import { preflight } from './preflight.js';
import { importUnlocked, openUnlockedStore, unlockedFile } from './unlocked.js';
import { correlationIdFrom, whoAndWhere } from './who.js';

export interface DeployOptions {
  /** Ties the deployment to a CI run in history; default from the environment's CI variables, or random. */
  correlationId?: string;
  /** How long to queue for the stack's lock; 0 (the default) gives up at once when it is held. */
  waitLockMs?: number;
  /** Replace older queued deployments of this stack (never the running one). */
  cancelSuperseded?: boolean;
  /** Skip the pre-flight checks of `verify`. */
  skipVerify?: boolean;
  /** The decision at every wave's pause (`pauseAt`), recorded with the actor; default: the hooks' timeoutAction. */
  pauseDecision?: 'CONTINUE' | 'ROLLBACK';
  /**
   * When the shared store cannot be reached, deploy anyway without the lock, into a local file that the next run
   * reaching the store adds to its history (the CLI's --no-lock).
   */
  allowUnlocked?: boolean;
  /** If the deployment fails, write the failed service's evidence here (for diagnose's readCapture). */
  captureFile?: string;
  /** Every event, once stored; subscribers run apart and can never hurt the deployment. */
  subscribers?: Subscriber[];
  /** Ctrl-C: stop, roll back per policy, release the lock. */
  signal?: AbortSignal;
  /**
   * How long the stack's notification channels (`notify:`) keep sending after the deployment ends; what is left
   * goes out with the next command on the store (default 3 s; env CONVOY_NOTIFY_GRACE_MS for the CLI).
   */
  notifyGraceMs?: number;
  /** Who deploys, for history and whoever finds the lock held; default from CI variables, git and the OS user. */
  who?: { actor: string; holder: string; context: Record<string, string> };
}

/**
 * `convoy deploy`: pre-flight, earlier --no-lock deployments into the shared history, the deployment itself
 * (lock, plan, waves, gates, rollback), degraded mode and the failure capture. Every step is an event of the stack's
 * stream; resolves when the deployment succeeded, rejects with a typed error (its exit code) otherwise.
 */
export async function deploy(o: Opened, d: DeployOptions = {}): Promise<RunOutcome> {
  const capture = d.captureFile ? captureOnFailure(d.captureFile, o.stack, o.target, o.clock) : undefined;
  // One emitter for the whole operation, so its own events and the deployment's share one stream and subscribers.
  const events = Emitter.forStack(o.stack, o.store, o.clock);
  for (const s of [...(d.subscribers ?? []), ...(capture ? [capture.subscriber] : [])]) events.subscribe(s);
  // The channels send from the stored stream beside the deployment; they can neither fail nor slow it.
  const notify = startNotifying(o.stack, o.store, events, d.notifyGraceMs);
  let local: Store | undefined;
  try {
    // Before the lock: a stack that cannot work must not hold up anyone else's deployment.
    if (!d.skipVerify) await preflight(o.stack, o.env, events.emit);
    const run = {
      stack: o.stack,
      correlationId: correlationIdFrom(d.correlationId, o.env),
      ...(d.who ?? whoAndWhere(o.stack.dir, o.env)),
      waitLockMs: d.waitLockMs ?? 0,
      cancelSuperseded: d.cancelSuperseded,
      pauseDecision: d.pauseDecision,
      emitter: events,
      signal: d.signal,
    };
    try {
      const imported = await importUnlocked(o.stack, o.store);
      if (imported) events.emit({ code: 'history.imported', deployments: imported });
      return await runDeployment(o, run);
    } catch (err) {
      if (!(err instanceof StoreUnavailableError) || !d.allowUnlocked) throw err;
      // The events not stored yet (pre-flight) go to the local file too, and are imported with it.
      local = openUnlockedStore(o.stack);
      events.useStore(local);
      events.emit({ code: 'store.degraded', message: err.message, file: unlockedFile(o.stack) });
      return await runDeployment(
        { ...o, store: local },
        { ...run, context: { ...run.context, noLock: 'true', storeError: err.message } },
      );
    }
  } catch (err) {
    if (capture) {
      await events.flush(); // the capture reads the failed service from the events
      const service = await capture.write().catch(() => undefined);
      if (service) events.emit({ code: 'capture.written', service, file: d.captureFile! });
    }
    throw err;
  } finally {
    await notify.finish();
    await events.flush();
    await local?.close();
  }
}
