import type { Outcome } from '../spec/schema.js';
import type { Store, StoredEvent } from '../store/store.js';

/** The events that end a deployment, and the outcome each records; `down` ends without one. */
const ENDS: Record<string, Outcome | 'none'> = {
  'deploy.succeeded': 'succeeded',
  'deploy.failed': 'failed',
  'deploy.rollback-failed': 'rollback-failed',
  'stack.down': 'none',
};
const PAGE = 200;
const KEEP = 50;

/**
 * How an event's deployment ended, read ahead in the stack's stored stream (the store's own order, so it does not
 * matter whether the deployment's record was updated yet). A deployment another one followed without an end of its
 * own was interrupted (its process was killed; a later run resumed or rolled it back).
 */
export class Outcomes {
  private readonly known = new Map<string, Outcome | 'none'>();

  constructor(
    private readonly store: Store,
    private readonly stack: string,
  ) {}

  /** `running`: not ended yet; `none`: an event outside any deployment, or of a `down`. */
  async of(e: StoredEvent): Promise<Outcome | 'none' | 'running'> {
    const id = e.deploymentId;
    if (id === undefined) return 'none';
    const seen = this.known.get(id);
    if (seen) return seen;
    for (let after = e.seq - 1; ;) {
      const page = await this.store.listEventsAfter(this.stack, after, PAGE);
      for (const n of page) {
        const end =
          n.deploymentId === id
            ? ENDS[n.code]
            : n.code === 'deploy.started' && n.deploymentId !== undefined
              ? 'interrupted'
              : undefined;
        if (end) return this.remember(id, end);
      }
      if (page.length < PAGE) return 'running';
      after = page[page.length - 1]!.seq;
    }
  }

  private remember(id: string, o: Outcome | 'none'): Outcome | 'none' {
    this.known.set(id, o);
    if (this.known.size > KEEP) this.known.delete(this.known.keys().next().value!);
    return o;
  }
}
