import { setTimeout as sleep } from 'node:timers/promises';
import type { Stack } from '../spec/types.js';
import type { Store } from '../store/store.js';
import { openChannel } from './channels.js';
import { senderName } from './lease.js';
import { Sender, type NotifyFailure, type SenderResult } from './sender.js';

export interface NotifierOptions {
  report: (f: NotifyFailure) => void;
  recovered?: (r: { channel: string; unreachableMs: number }) => void;
  /** Lease length in the cursor (default 30 s). */
  leaseMs?: number;
}

/** A pause before a background sender tries a failing receiver again, or looks whether a lease ran out. */
const RESTART_MS = 5_000;

/** The stack's channels, each with its own sender: what `convoy deploy` runs in the background and flush runs once. */
export class Notifier {
  private readonly senders: Sender[];
  private readonly stop = new AbortController();
  private following = true;
  private runs: Promise<SenderResult>[] = [];

  private reported = 0;

  constructor(stack: Stack, store: Store, opts: NotifierOptions) {
    const since = Date.now();
    const report = (f: NotifyFailure) => {
      this.reported++;
      opts.report(f);
    };
    this.senders = (stack.notify ?? []).map(
      (c) =>
        new Sender({
          store,
          stack: stack.name,
          channel: openChannel(c, (id) => store.getDeployment(id)),
          holder: senderName(),
          attempts: c.attempts,
          maxAgeMs: c.maxAge,
          outcomes: c.outcomes,
          report,
          recovered: (r) => {
            this.reported++;
            opts.recovered?.(r);
          },
          since,
          leaseMs: opts.leaseMs,
        }),
    );
  }

  get empty(): boolean {
    return this.senders.length === 0;
  }

  /**
   * The deploying process: every channel sends in the background, apart from the deployment (it never awaits them,
   * and nothing they do can throw into it). A sender whose receiver keeps failing, or whose lease another process
   * holds, tries again a little later.
   */
  start(): void {
    this.runs = this.senders.map(async (s) => {
      for (;;) {
        const r = await s.run({ follow: () => this.following, signal: this.stop.signal });
        if (r.outcome === 'done' || r.outcome === 'stopped' || !this.following) return r;
        await sleep(RESTART_MS, undefined, { signal: this.stop.signal }).catch(() => undefined);
      }
    });
  }

  /** New events are stored. */
  poke(): void {
    for (const s of this.senders) s.poke();
  }

  /** Lets the background senders deliver what is stored, for at most `graceMs`; the rest is left for later. */
  async finish(graceMs: number): Promise<SenderResult[]> {
    this.following = false;
    this.poke();
    const timer = setTimeout(() => this.stop.abort(), graceMs);
    // A Slack request in flight cannot be aborted: it is not waited for past the grace (its own timeout ends it).
    const late = new Promise<SenderResult[]>((r) => setTimeout(() => r([]), graceMs + 200).unref());
    try {
      return await Promise.race([Promise.all(this.runs), late]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** One pass over what is stored: `convoy notify flush`, or a later command sending what was left. */
  async flush(
    timeoutMs: number,
    settle: () => Promise<void> = async () => undefined,
  ): Promise<SenderResult[]> {
    const signal = AbortSignal.timeout(timeoutMs);
    for (let pass = 1; ; pass++) {
      const before = this.reported;
      const results = await Promise.all(this.senders.map((s) => s.run({ follow: () => false, signal })));
      await settle();
      // A failure or recovery reported meanwhile is an event the other channels have not seen yet: one more pass sends it.
      if (this.reported === before || pass === 3 || signal.aborted) return results;
    }
  }

  /** `convoy notify test`: one test message per channel, and what each receiver said. */
  static async test(stack: Stack, store: Store): Promise<{ channel: string; ok: boolean; answer: string }[]> {
    return Promise.all(
      (stack.notify ?? []).map(async (c) => {
        try {
          return {
            channel: c.name,
            ok: true,
            answer: await openChannel(c, (id) => store.getDeployment(id)).test(stack.name),
          };
        } catch (err) {
          return { channel: c.name, ok: false, answer: (err as Error).message };
        }
      }),
    );
  }
}
