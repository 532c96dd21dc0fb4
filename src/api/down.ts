import { runDown, type DownOutcome } from '../engine/down.js';
import type { Subscriber } from '../engine/events.js';
import type { Opened } from './open.js';
import { correlationIdFrom, whoAndWhere } from './who.js';

export interface DownOptions {
  correlationId?: string;
  waitLockMs?: number;
  subscribers?: Subscriber[];
}

/** Stops everything the target started for the stack, under the stack's lock; recorded in history. */
export function down(o: Opened, d: DownOptions = {}): Promise<DownOutcome> {
  return runDown(o, {
    stack: o.stack,
    correlationId: correlationIdFrom(d.correlationId, o.env),
    ...whoAndWhere(o.stack.dir, o.env),
    waitLockMs: d.waitLockMs ?? 0,
    subscribers: d.subscribers,
  });
}
