import { setTimeout as sleep } from 'node:timers/promises';
import type { DeliveryCursor, Store, StoredEvent } from '../store/store.js';
import { backoffMs } from './backoff.js';
import type { Channel } from './channel.js';
import { DeliveryError } from './failure.js';
import { holderIsDead } from './lease.js';
import { Outcomes } from './outcome.js';

export interface NotifyFailure {
  channel: string;
  failure: 'permanent' | 'expired';
  message: string;
  failedOn: { code: string; seq: number };
}

export interface SenderOptions {
  store: Store;
  stack: string;
  channel: Channel;
  /** senderName(): written in the lease. */
  holder: string;
  /** Attempts for one event in one run; then the rest is left to the next run. */
  attempts: number;
  /** Events older than this are reported once and skipped. */
  maxAgeMs: number;
  /** Only deployments that ended one of these ways: their events wait for the end (the channel's `outcomes`). */
  outcomes?: readonly string[];
  /** Reports a permanent failure or a stale event (the CLI emits notify.failed). Must not throw. */
  report: (f: NotifyFailure) => void;
  /** The receiver answers again after failing since `downSince` (the CLI emits notify.recovered). Must not throw. */
  recovered?: (r: { channel: string; unreachableMs: number }) => void;
  /** A channel seen for the first time starts here (epoch ms): the stack's older events were never meant for it. */
  since: number;
  leaseMs?: number;
  now?: () => number;
}

export type SenderResult = { channel: string; sent: number; seq: number } & (
  | { outcome: 'done' | 'stopped' }
  | { outcome: 'busy'; holder: string }
  | { outcome: 'paused'; message: string }
);

const BATCH = 100;
const DEFAULT_LEASE_MS = 30_000;
/** Deployments remembered as refused by the channel (the cursor's state stays small). */
const KEEP_REFUSED = 20;

class LeaseLost extends Error {}

/**
 * One channel's outbox, read from the stack's stored events: it delivers the events after the channel's cursor, in
 * order, and advances the cursor only after the receiver accepted (or refused for good). A lease in the cursor keeps
 * two processes from sending the same events; a retryable failure waits (exponential back-off with jitter, or the
 * receiver's Retry-After) and, after `attempts`, leaves the event for the next run, so nothing is lost.
 */
export class Sender {
  private wake = new AbortController();
  private sent = 0;
  private cursor: DeliveryCursor = { seq: 0, state: {}, version: 0 };
  private readonly leaseMs: number;
  private readonly now: () => number;
  private readonly outcomes?: Outcomes;

  constructor(private readonly o: SenderOptions) {
    this.leaseMs = o.leaseMs ?? DEFAULT_LEASE_MS;
    this.now = o.now ?? Date.now;
    if (o.outcomes) this.outcomes = new Outcomes(o.store, o.stack);
  }

  get name(): string {
    return this.o.channel.name;
  }

  /** New events are stored: stop waiting for the next poll. */
  poke(): void {
    this.wake.abort();
    this.wake = new AbortController();
  }

  /** `follow()` false: return once nothing is left. Never throws: a store or receiver problem ends it 'paused'. */
  async run(opts: { follow: () => boolean; signal: AbortSignal }): Promise<SenderResult> {
    const base = { channel: this.name };
    this.sent = 0;
    try {
      const busy = await this.claim();
      if (busy) return { ...base, sent: 0, seq: this.cursor.seq, outcome: 'busy', holder: busy };
    } catch (err) {
      return { ...base, sent: 0, seq: this.cursor.seq, outcome: 'paused', message: (err as Error).message };
    }
    try {
      const outcome = await this.loop(opts);
      return { ...base, ...this.tally(), ...outcome };
    } catch (err) {
      if (err instanceof LeaseLost)
        return { ...base, ...this.tally(), outcome: 'busy', holder: 'another sender' };
      return { ...base, ...this.tally(), outcome: 'paused', message: (err as Error).message };
    } finally {
      await this.release().catch(() => undefined);
    }
  }

  private tally() {
    return { sent: this.sent, seq: this.cursor.seq };
  }

  private async loop(opts: {
    follow: () => boolean;
    signal: AbortSignal;
  }): Promise<{ outcome: 'done' | 'stopped' } | { outcome: 'paused'; message: string }> {
    const { channel, store, stack } = this.o;
    for (;;) {
      if (opts.signal.aborted) return { outcome: 'stopped' };
      let batch: StoredEvent[];
      try {
        batch = await store.listEventsAfter(stack, this.cursor.seq, BATCH);
      } catch (err) {
        if (!opts.follow()) throw err;
        batch = []; // the store is down for a moment: the deployment has its own retries; ask again later
      }
      if (batch.length === 0) {
        if (!opts.follow()) return { outcome: 'done' };
        await this.nap(1000, opts.signal, true);
        continue;
      }
      let held = false;
      for (const [i, e] of batch.entries()) {
        if (opts.signal.aborted) return { outcome: 'stopped' };
        const since = this.cursor.state.since;
        if (!channel.wants(e) || (typeof since === 'number' && e.at < since) || this.refused(e)) {
          this.cursor.seq = e.seq; // stored with the next write
          continue;
        }
        const ended = await this.outcomes?.of(e);
        if (ended === 'running') {
          held = true; // this deployment's events wait for its end, in order
          break;
        }
        if (ended !== undefined && !this.o.outcomes!.includes(ended)) {
          this.cursor.seq = e.seq;
          continue;
        }
        if (this.now() - e.at > this.o.maxAgeMs) {
          await this.advance(e.seq);
          this.report(e, 'expired', `older than ${Math.round(this.o.maxAgeMs / 1000)} s`);
          continue;
        }
        const later = batch.slice(i + 1);
        const superseded = later.some((n) => n.deploymentId === e.deploymentId && channel.wants(n));
        const r = await this.deliver(e, superseded, opts.signal);
        if (r === 'stopped') return { outcome: 'stopped' };
        if (r === 'ok') this.sent++;
        else if (r.permanent) {
          // Stored first, then reported: the failure is reported once, and the event never tried again. The rest of
          // its deployment is skipped too: a missing channel or a revoked token would refuse every one of them.
          this.refuse(e);
          await this.advance(e.seq);
          this.report(e, 'permanent', r.message);
          continue;
        } else return { outcome: 'paused', message: r.message };
        await this.advance(e.seq);
      }
      await this.advance(this.cursor.seq);
      if (held) {
        if (!opts.follow()) return { outcome: 'done' };
        await this.nap(1000, opts.signal, true);
      }
    }
  }

  private async deliver(
    e: StoredEvent,
    superseded: boolean,
    signal: AbortSignal,
  ): Promise<'ok' | 'stopped' | DeliveryError> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.o.channel.send(e, { state: this.cursor.state, superseded, signal });
        this.backUp();
        return 'ok';
      } catch (err) {
        // A channel that throws anything else has a bug: retrying cannot help.
        const f = err instanceof DeliveryError ? err : new DeliveryError(String(err), true);
        // Dropped mid-request by the stop: sent again next time (the receiver may have it; webhook-id says so).
        if (signal.aborted && !f.permanent) return 'stopped';
        if (!f.permanent) this.cursor.state.downSince ??= this.now(); // kept across runs: the whole outage
        if (f.permanent || attempt >= this.o.attempts) return f;
        const wait = backoffMs(attempt, f.retryAfterMs);
        // Keeps what the channel learnt (a Slack parent's ts) and the lease through the wait.
        await this.write({ ...this.cursor }, wait);
        await this.nap(wait, signal, false);
        if (signal.aborted) return 'stopped';
      }
    }
  }

  /** After an outage: one line saying how long the receiver could not be reached. */
  private backUp(): void {
    const since = this.cursor.state.downSince;
    if (typeof since !== 'number') return;
    delete this.cursor.state.downSince;
    try {
      this.o.recovered?.({ channel: this.name, unreachableMs: this.now() - since });
    } catch {
      // best effort, as report()
    }
  }

  private refused(e: StoredEvent): boolean {
    const ids = this.cursor.state.refused;
    return e.deploymentId !== undefined && Array.isArray(ids) && ids.includes(e.deploymentId);
  }

  private refuse(e: StoredEvent): void {
    if (e.deploymentId === undefined) return;
    const ids = Array.isArray(this.cursor.state.refused) ? (this.cursor.state.refused as string[]) : [];
    this.cursor.state.refused = [...ids.slice(-(KEEP_REFUSED - 1)), e.deploymentId];
  }

  private report(e: StoredEvent, failure: NotifyFailure['failure'], message: string): void {
    try {
      this.o.report({ channel: this.name, failure, message, failedOn: { code: e.code, seq: e.seq } });
    } catch {
      // reporting is best effort; the cursor already moved on
    }
  }

  /** Takes the lease; returns the live holder instead when another process has it. */
  private async claim(): Promise<string | undefined> {
    const { store, stack } = this.o;
    for (let i = 0; i < 5; i++) {
      const cur = await store.getCursor(stack, this.name);
      const base = cur ?? { seq: 0, state: { since: this.o.since }, version: 0 };
      if (
        cur?.holder &&
        cur.holder !== this.o.holder &&
        (cur.leaseUntil ?? 0) > this.now() &&
        !holderIsDead(cur.holder)
      )
        return cur.holder;
      this.cursor = { seq: base.seq, state: base.state, version: base.version };
      if (await this.tryWrite(0)) return undefined;
    }
    return 'another sender';
  }

  private async advance(seq: number): Promise<void> {
    this.cursor.seq = seq;
    await this.write(this.cursor, 0);
  }

  private async write(c: DeliveryCursor, extraLeaseMs: number): Promise<void> {
    this.cursor = c;
    if (!(await this.tryWrite(extraLeaseMs))) throw new LeaseLost('the lease was taken over');
  }

  private async tryWrite(extraLeaseMs: number): Promise<boolean> {
    const next: DeliveryCursor = {
      seq: this.cursor.seq,
      state: this.cursor.state,
      holder: this.o.holder,
      leaseUntil: this.now() + this.leaseMs + extraLeaseMs,
      version: this.cursor.version + 1,
    };
    if (!(await this.o.store.putCursor(this.o.stack, this.name, next))) return false;
    this.cursor = next;
    return true;
  }

  private async release(): Promise<void> {
    if (this.cursor.holder !== this.o.holder) return;
    const next = { seq: this.cursor.seq, state: this.cursor.state, version: this.cursor.version + 1 };
    if (await this.o.store.putCursor(this.o.stack, this.name, next)) this.cursor = next;
  }

  /** Waits; a poke ends the wait early only when `pokable` (a poll, not a back-off). */
  private async nap(ms: number, signal: AbortSignal, pokable: boolean): Promise<void> {
    const signals = pokable ? [signal, this.wake.signal] : [signal];
    await sleep(ms, undefined, { signal: AbortSignal.any(signals) }).catch(() => undefined);
  }
}
