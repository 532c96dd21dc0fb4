import type { StoredEvent } from '../store/store.js';

/** A channel's memory, kept in its delivery cursor (JSON, never secret). */
export type ChannelState = Record<string, unknown>;

export interface SendContext {
  /** The channel's memory: `send` may change it; it is stored with the cursor once the event counts as sent. */
  state: ChannelState;
  /**
   * A later event of the same deployment is already waiting: a progress-only update (the parent's wave) can be
   * left out, so a channel catching up after an outage shows the latest state instead of every step.
   */
  superseded: boolean;
  /** Aborted when the sender must stop now (the command's grace is over): a request in flight is dropped. */
  signal: AbortSignal;
}

/**
 * One notification destination. `send` resolves once the receiver accepted the event and throws a DeliveryError
 * otherwise; it may be called again for the same event after a failure or a crash, so it is idempotent where the
 * receiver allows (webhook-id).
 */
export interface Channel {
  readonly name: string;
  wants(e: StoredEvent): boolean;
  send(e: StoredEvent, ctx: SendContext): Promise<void>;
  /** Sends a test message; resolves with what the receiver answered. */
  test(stack: string): Promise<string>;
}

/** `deploy.*` matches every code starting with `deploy.`; anything else matches exactly. */
export function codeFilter(patterns: readonly string[]): (code: string) => boolean {
  return (code) => patterns.some((p) => (p.endsWith('*') ? code.startsWith(p.slice(0, -1)) : code === p));
}

/** A channel never hears about its own failures: reporting one could only fail again, for ever. */
export function aboutItself(e: StoredEvent, channel: string): boolean {
  return e.code === 'notify.failed' && e.data.channel === channel;
}
