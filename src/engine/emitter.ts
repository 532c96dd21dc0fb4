import type { Clock } from './clock.js';
import type { ConvoyEvent, DistributiveOmit, Subscriber } from './events.js';
import { redactDeep, type Redact } from './redact.js';
import type { Store } from '../store/store.js';

type Payload = DistributiveOmit<ConvoyEvent, 'at' | 'stack' | 'deploymentId'>;

/**
 * Stamps, redacts and fans out events; once a deployment exists, also appends them to its audit trail in order.
 */
export class Emitter {
  deploymentId: string | undefined;
  private pending: Promise<void> = Promise.resolve();
  private readonly subscribers: Subscriber[] = [];

  constructor(
    private readonly stack: string,
    private readonly clock: Clock,
    private readonly store: Store,
    private redact: Redact,
  ) {}

  subscribe(s: Subscriber): void {
    this.subscribers.push(s);
  }

  setRedactor(r: Redact): void {
    this.redact = r;
  }

  emit = (payload: Payload): void => {
    const event = redactDeep(
      {
        ...payload,
        at: new Date(this.clock.now()).toISOString(),
        stack: this.stack,
        deploymentId: this.deploymentId,
      },
      this.redact,
    ) as ConvoyEvent;
    for (const s of this.subscribers) s(event);
    const id = this.deploymentId;
    if (id) {
      const { code, at, ...data } = event;
      this.pending = this.pending
        .then(() =>
          this.store.appendEvent({ stack: this.stack, deploymentId: id, at: Date.parse(at), code, data }),
        )
        .then(
          () => undefined,
          () => undefined, // the audit trail must never stop a deployment or its rollback
        );
    }
  };

  flush(): Promise<void> {
    return this.pending;
  }
}
