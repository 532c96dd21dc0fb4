import type { Clock } from '../../src/engine/clock.js';

interface Sleeper {
  at: number;
  seq: number;
  resolve(): void;
  cancelled: boolean;
}

/**
 * Virtual time for the engine and the aws target. `now()` moves only when the driver advances it, so a deployment
 * that waits an hour in the model costs no wall time: every wait is a sleeper in a heap, and the driver jumps to the
 * earliest one once the process has nothing else to do.
 */
export class VirtualClock implements Clock {
  private t: number;
  private heap: Sleeper[] = [];
  private seq = 0;
  /** Bumped by every sleep, so the driver can tell a quiet turn from a busy one. */
  activity = 0;

  constructor(start: number) {
    this.t = start;
  }

  now(): number {
    return this.t;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    this.activity++;
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      // Whole milliseconds, as Node's timers: a sub-ms wait added to an epoch in ms would vanish in rounding and spin.
      const s: Sleeper = {
        at: this.t + Math.max(0, Math.ceil(ms)),
        seq: this.seq++,
        resolve,
        cancelled: false,
      };
      const onAbort = () => {
        // Lazily dropped from the heap: a cancelled timeout must not pull time forward.
        s.cancelled = true;
        reject(signal?.reason);
      };
      s.resolve = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.push(s);
    });
  }

  /** Earliest pending wake-up, or undefined when nothing sleeps. */
  nextWake(): number | undefined {
    while (this.heap[0]?.cancelled) this.pop();
    return this.heap[0]?.at;
  }

  /** Moves time to `to` (never back) and wakes every sleeper due by then, in order. */
  advanceTo(to: number): number {
    this.t = Math.max(this.t, to);
    let woken = 0;
    for (;;) {
      const head = this.heap[0];
      if (!head || head.at > this.t) break;
      this.pop();
      if (head.cancelled) continue;
      head.resolve();
      woken++;
    }
    return woken;
  }

  get pending(): number {
    return this.heap.filter((s) => !s.cancelled).length;
  }

  private less(a: Sleeper, b: Sleeper): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  private push(s: Sleeper): void {
    const h = this.heap;
    h.push(s);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(h[i]!, h[p]!)) break;
      [h[i], h[p]] = [h[p]!, h[i]!];
      i = p;
    }
  }

  private pop(): void {
    const h = this.heap;
    const last = h.pop();
    if (!h.length || !last) return;
    h[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && this.less(h[l]!, h[m]!)) m = l;
      if (r < h.length && this.less(h[r]!, h[m]!)) m = r;
      if (m === i) return;
      [h[i], h[m]] = [h[m]!, h[i]!];
      i = m;
    }
  }
}
