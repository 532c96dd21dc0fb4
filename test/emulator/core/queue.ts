/**
 * The one source of time for every emulated service. Models never read a clock or set a timer: they schedule work
 * here and a driver decides how fast time passes — the HTTP server follows a scaled wall clock, a benchmark simulator
 * jumps straight from one event to the next.
 */

export interface ScheduledEvent {
  readonly at: number;
  readonly seq: number;
  readonly label: string;
  cancelled: boolean;
  readonly run: () => void;
}

export class EventQueue {
  private heap: ScheduledEvent[] = [];
  private seq = 0;
  private current: number;

  constructor(start: number) {
    this.current = start;
  }

  /** Model time in epoch milliseconds. */
  get now(): number {
    return this.current;
  }

  /** Schedules `run` at `time`; a time in the past runs at the next advance, never before events already due. */
  at(time: number, label: string, run: () => void): ScheduledEvent {
    const ev: ScheduledEvent = {
      at: Math.max(time, this.current),
      seq: this.seq++,
      label,
      cancelled: false,
      run,
    };
    this.push(ev);
    return ev;
  }

  after(delayMs: number, label: string, run: () => void): ScheduledEvent {
    return this.at(this.current + Math.max(0, delayMs), label, run);
  }

  cancel(ev: ScheduledEvent | undefined): void {
    if (ev) ev.cancelled = true;
  }

  nextEventTime(): number | undefined {
    this.dropCancelled();
    return this.heap[0]?.at;
  }

  /** Runs every event due up to and including `to`, in time order, then sets the clock to `to`. */
  advance(to: number): number {
    let ran = 0;
    for (;;) {
      this.dropCancelled();
      const head = this.heap[0];
      if (!head || head.at > to) break;
      this.pop();
      this.current = Math.max(this.current, head.at);
      head.run();
      ran++;
    }
    this.current = Math.max(this.current, to);
    return ran;
  }

  /** Runs the next event only (a simulator stepping event by event); false when nothing is scheduled. */
  step(): boolean {
    const next = this.nextEventTime();
    if (next === undefined) return false;
    const head = this.pop()!;
    this.current = Math.max(this.current, head.at);
    head.run();
    return true;
  }

  get pending(): number {
    return this.heap.filter((e) => !e.cancelled).length;
  }

  private dropCancelled(): void {
    while (this.heap[0]?.cancelled) this.pop();
  }

  private less(a: ScheduledEvent, b: ScheduledEvent): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  private push(ev: ScheduledEvent): void {
    const h = this.heap;
    h.push(ev);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(h[i]!, h[parent]!)) break;
      [h[i], h[parent]] = [h[parent]!, h[i]!];
      i = parent;
    }
  }

  private pop(): ScheduledEvent | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (h.length > 0 && last) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && this.less(h[l]!, h[m]!)) m = l;
        if (r < h.length && this.less(h[r]!, h[m]!)) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m]!, h[i]!];
        i = m;
      }
    }
    return top;
  }
}
