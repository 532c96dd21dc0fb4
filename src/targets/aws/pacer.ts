import type { Clock } from '../../core/clock.js';

export interface Rate {
  burst: number;
  perSecond: number;
}

interface Waiter {
  urgent: boolean;
  resolve: () => void;
  reject: (err: unknown) => void;
  signal?: AbortSignal;
}

/**
 * A client-side token bucket that hands out requests below an AWS quota, urgent callers first. Staying under the
 * quota matters more than the request itself: a throttled request slows the SDK's adaptive limiter for every call
 * of that client, the poller's included.
 */
export class Pacer {
  private tokens: number;
  private at: number;
  private waiting: Waiter[] = [];
  private pumping = false;

  constructor(
    private readonly clock: Clock,
    private readonly rate: Rate,
  ) {
    this.tokens = rate.burst;
    this.at = clock.now();
  }

  /** Resolves when a request may go: urgent callers first, then in the order they asked. */
  take(urgent: boolean, signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ urgent, resolve, reject, signal });
      void this.pump();
    });
  }

  private refill(): void {
    const now = this.clock.now();
    this.tokens = Math.min(this.rate.burst, this.tokens + ((now - this.at) / 1000) * this.rate.perSecond);
    this.at = now;
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      for (;;) {
        for (const w of this.waiting.filter((x) => x.signal?.aborted)) w.reject(w.signal!.reason);
        this.waiting = this.waiting.filter((x) => !x.signal?.aborted);
        if (!this.waiting.length) return;
        this.refill();
        if (this.tokens < 1) {
          await this.clock.sleep(Math.ceil(((1 - this.tokens) / this.rate.perSecond) * 1000));
          continue;
        }
        const i = Math.max(
          0,
          this.waiting.findIndex((w) => w.urgent),
        );
        const [next] = this.waiting.splice(i, 1);
        this.tokens -= 1;
        next!.resolve();
      }
    } finally {
      this.pumping = false;
    }
  }
}
