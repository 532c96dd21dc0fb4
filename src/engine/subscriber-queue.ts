import type { ConvoyEvent, Subscriber } from './events.js';

export interface SubscriberFailure {
  subscriber: string;
  failure: 'threw' | 'rejected' | 'timed-out';
  message: string;
  failedOn: { code: string; seq?: number };
}

const isThenable = (v: unknown): v is PromiseLike<unknown> =>
  typeof (v as { then?: unknown } | null | undefined)?.then === 'function';

/**
 * One subscriber's own queue: it gets events one at a time, in order, never on the deployment's call stack, and
 * each within `timeoutMs` (wall clock: subscribers do real I/O, and a simulator's virtual clock must not wait for
 * them). Its first failure detaches it for good and is reported once: a subscriber that failed (a closed socket, a
 * bug) would most likely fail again, and detaching bounds what it can cost a deployment to one time limit.
 * A synchronous subscriber that never returns (a busy loop) blocks the whole process: no in-process guard can help.
 */
export class SubscriberQueue {
  private tail: Promise<void> = Promise.resolve();
  private detached = false;

  constructor(
    private readonly subscriber: Subscriber,
    readonly name: string,
    private readonly timeoutMs: number,
    private readonly onFail: (f: SubscriberFailure) => void,
  ) {}

  push(e: ConvoyEvent): void {
    if (this.detached) return;
    this.tail = this.tail.then(() => this.deliver(e));
  }

  /** Resolves once every event pushed so far was handled (or the subscriber was detached). */
  idle(): Promise<void> {
    return this.tail;
  }

  private async deliver(e: ConvoyEvent): Promise<void> {
    if (this.detached) return;
    let result: unknown;
    try {
      result = this.subscriber(e);
    } catch (err) {
      return this.fail('threw', err, e);
    }
    if (!isThenable(result)) return;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timed-out'>((resolve) => {
      timer = setTimeout(() => resolve('timed-out'), this.timeoutMs);
    });
    // Both outcomes are handled, so a hung promise that rejects much later is never an unhandled rejection.
    const settled = Promise.resolve(result).then(
      () => 'ok' as const,
      (err: unknown) => ({ err }),
    );
    const outcome = await Promise.race([settled, timedOut]);
    clearTimeout(timer);
    if (outcome === 'timed-out')
      this.fail('timed-out', new Error(`did not return within ${this.timeoutMs} ms`), e);
    else if (outcome !== 'ok') this.fail('rejected', outcome.err, e);
  }

  private fail(failure: SubscriberFailure['failure'], err: unknown, e: ConvoyEvent): void {
    this.detached = true;
    this.onFail({
      subscriber: this.name,
      failure,
      message: err instanceof Error ? err.message : String(err),
      failedOn: { code: e.code, ...(e.seq === undefined ? {} : { seq: e.seq }) },
    });
  }
}
