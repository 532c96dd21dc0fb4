import type { Clock } from '../../src/core/clock.js';
import { Timeline, type Timed } from '../../test/emulator/core/timeline.js';

interface Sleeper extends Timed {
  resolve(): void;
}

/**
 * Virtual time for the engine and the aws target. `now()` moves only when the driver advances it, so a deployment
 * that waits an hour in the model costs no wall time: every wait is a sleeper in a heap, and the driver jumps to the
 * earliest one once the process has nothing else to do.
 */
export class VirtualClock implements Clock {
  private t: number;
  private timeline = new Timeline<Sleeper>();
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
      this.timeline.add(s);
    });
  }

  /** Earliest pending wake-up, or undefined when nothing sleeps. */
  nextWake(): number | undefined {
    return this.timeline.peek()?.at;
  }

  /** Moves time to `to` (never back) and wakes every sleeper due by then, in order. */
  advanceTo(to: number): number {
    this.t = Math.max(this.t, to);
    let woken = 0;
    for (let head = this.timeline.takeDue(this.t); head; head = this.timeline.takeDue(this.t)) {
      head.resolve();
      woken++;
    }
    return woken;
  }

  get pending(): number {
    return this.timeline.pending;
  }
}
