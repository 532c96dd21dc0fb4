import { setTimeout as sleep } from 'node:timers/promises';
import type { Stack } from '../spec/types.js';
import type { Store } from '../store/store.js';
import type { Clock } from '../core/clock.js';
import type { EventPayload, Subscriber } from './events.js';
import { makeRedactor, notifySecrets, redactDeep, secretValues, type Redact } from './redact.js';
import { toConvoyEvent, toNewEvent } from './stored-event.js';
import { SubscriberQueue } from './subscriber-queue.js';

export interface EmitterOptions {
  /** How long a subscriber may take over one event before it is detached. Default 10 s. */
  subscriberTimeoutMs?: number;
}

export const DEFAULT_SUBSCRIBER_TIMEOUT_MS = 10_000;
/** A store that refuses an event is asked again this many times, backing off, before the event is shown unstored. */
const APPEND_ATTEMPTS = 4;
const APPEND_BACKOFF_MS = 250;

/**
 * Stamps and redacts events, stores each as the next of its stack's stream, and only then hands it, with its `seq`,
 * to every subscriber's own queue. `emit` never waits and never throws: nothing a subscriber or the audit trail does
 * can stop a deployment or its rollback.
 */
export class Emitter {
  /** Stamped on events from now on; undefined before the deployment exists (the lock queue, pre-flight). */
  deploymentId: string | undefined;
  private chain: Promise<void> = Promise.resolve();
  private readonly queues: SubscriberQueue[] = [];
  private readonly subscriberTimeoutMs: number;
  /** Cuts a retry's back-off short: a new store to try, or a flush that will not wait. */
  private wake = new AbortController();
  private hurry = false;
  private readonly masked = new Set<string>();

  constructor(
    private readonly stack: string,
    private readonly clock: Clock,
    private store: Store,
    private redact: Redact,
    opts: EmitterOptions = {},
  ) {
    this.subscriberTimeoutMs = opts.subscriberTimeoutMs ?? DEFAULT_SUBSCRIBER_TIMEOUT_MS;
  }

  /** An emitter for `stack` that masks its secret values. */
  static forStack(stack: Stack, store: Store, clock: Clock, opts: EmitterOptions = {}): Emitter {
    const emitter = new Emitter(stack.name, clock, store, (t) => t, opts);
    emitter.mask(secretValues(stack.services, notifySecrets(stack)));
    return emitter;
  }

  subscribe(s: Subscriber): void {
    const name = s.name || `subscriber ${this.queues.length + 1}`;
    this.queues.push(
      new SubscriberQueue(s, name, this.subscriberTimeoutMs, (f) =>
        this.emit({ code: 'subscriber.failed', ...f }),
      ),
    );
  }

  private setRedactor(r: Redact): void {
    this.redact = r;
  }

  /**
   * Masks `values` too from now on, with every value masked before: the one redactor of a run, for its events and
   * its history rows (redactingStore), so no call site masks on its own.
   */
  mask(values: Iterable<string>): void {
    const before = this.masked.size;
    for (const v of values) this.masked.add(v);
    if (this.masked.size !== before) this.setRedactor(makeRedactor(secretValues([], this.masked)));
  }

  /** `text` as the run may show or store it. */
  redacted = (text: string): string => this.redact(text);

  /** Events not stored yet, and all later ones, go to `store` (degraded mode switches to a local file). */
  useStore(store: Store): void {
    if (store === this.store) return;
    this.store = store;
    this.poke();
  }

  emit = (payload: EventPayload): void => {
    // Stamped now, so a later deploymentId or redactor never changes an event already emitted.
    const event = toNewEvent(redactDeep(payload, this.redact) as EventPayload, {
      stack: this.stack,
      at: this.clock.now(),
      deploymentId: this.deploymentId,
    });
    this.chain = this.chain.then(async () => {
      const seq = await this.persist(event);
      const shown = toConvoyEvent(seq === undefined ? event : { ...event, seq });
      for (const q of this.queues) q.push(shown);
    });
  };

  /** Resolves once every event emitted so far is stored (or given up on) and handled by every subscriber. */
  async flush(): Promise<void> {
    this.hurry = true;
    this.poke();
    try {
      for (;;) {
        const chain = this.chain;
        await chain;
        await Promise.all(this.queues.map((q) => q.idle()));
        if (chain === this.chain) return; // nothing new meanwhile (a subscriber.failed)
      }
    } finally {
      this.hurry = false;
    }
  }

  /** The seq, or undefined when the store kept refusing: the event is then still shown, without a seq. */
  private async persist(event: Parameters<Store['appendEvent']>[0]): Promise<number | undefined> {
    for (let attempt = 1; ; attempt++) {
      const store = this.store;
      try {
        return await store.appendEvent(event);
      } catch {
        if (this.store !== store) continue; // switched meanwhile: try the new one at once
        if (this.hurry || attempt >= APPEND_ATTEMPTS) return undefined;
        await sleep(APPEND_BACKOFF_MS * 2 ** (attempt - 1), undefined, { signal: this.wake.signal }).catch(
          () => undefined,
        );
      }
    }
  }

  private poke(): void {
    this.wake.abort();
    this.wake = new AbortController();
  }
}
