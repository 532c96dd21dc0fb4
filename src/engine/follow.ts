import { setTimeout as sleep } from 'node:timers/promises';
import type { Store } from '../store/store.js';
import type { ConvoyEvent } from './events.js';
import { toConvoyEvent } from './stored-event.js';

export interface FollowOptions {
  /** Keep waiting for new events (true, the default), or stop at the end of what is stored now. */
  follow?: boolean;
  /** How often to ask the store for new events while there are none. Default 500 ms. */
  pollMs?: number;
  /** Events read per store call. Default 100. */
  batch?: number;
  /** Ends the iteration (Ctrl-C). */
  signal?: AbortSignal;
}

/** A stored event, as `convoy events --json` prints it: always with its seq. */
export type StreamEvent = ConvoyEvent & { seq: number };

/**
 * The stack's events after `afterSeq`, in order, from any process: pass the last seq you handled to go on where you
 * left off, with nothing lost or repeated. It polls the store (there is no push channel a store such as DynamoDB
 * could offer every reader). Events written by a newer convoy may carry codes this version does not know.
 */
export async function* follow(
  store: Store,
  stack: string,
  afterSeq = 0,
  opts: FollowOptions = {},
): AsyncGenerator<StreamEvent, void, undefined> {
  const { follow: keepGoing = true, pollMs = 500, batch = 100, signal } = opts;
  let cursor = afterSeq;
  while (!signal?.aborted) {
    const events = await store.listEventsAfter(stack, cursor, batch);
    for (const e of events) {
      cursor = e.seq;
      yield toConvoyEvent(e) as StreamEvent;
      if (signal?.aborted) return;
    }
    if (events.length === batch) continue; // more are there already
    if (!keepGoing) return;
    await sleep(pollMs, undefined, { signal }).catch(() => undefined);
  }
}
