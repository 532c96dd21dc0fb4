import { Timeline } from './timeline.js';

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
  private timeline = new Timeline<ScheduledEvent>();
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
    this.timeline.add(ev);
    return ev;
  }

  after(delayMs: number, label: string, run: () => void): ScheduledEvent {
    return this.at(this.current + Math.max(0, delayMs), label, run);
  }

  cancel(ev: ScheduledEvent | undefined): void {
    if (ev) ev.cancelled = true;
  }

  nextEventTime(): number | undefined {
    return this.timeline.peek()?.at;
  }

  /** Runs every event due up to and including `to`, in time order, then sets the clock to `to`. */
  advance(to: number): number {
    let ran = 0;
    for (let head = this.timeline.takeDue(to); head; head = this.timeline.takeDue(to)) {
      this.current = Math.max(this.current, head.at);
      head.run();
      ran++;
    }
    this.current = Math.max(this.current, to);
    return ran;
  }

  /** Runs the next event only (a simulator stepping event by event); false when nothing is scheduled. */
  step(): boolean {
    const head = this.timeline.takeDue();
    if (!head) return false;
    this.current = Math.max(this.current, head.at);
    head.run();
    return true;
  }

  get pending(): number {
    return this.timeline.pending;
  }
}
