import type { NotifyChannel } from '../spec/notify.js';
import { EVENT_SCHEMA_VERSION } from '../engine/events.js';
import { toConvoyEvent } from '../engine/stored-event.js';
import type { StoredEvent } from '../store/store.js';
import { aboutItself, codeFilter, type Channel, type SendContext } from './channel.js';
import { post } from './http.js';
import { signedHeaders } from './sign.js';

type WebhookSpec = NonNullable<NotifyChannel['webhook']>;

/**
 * A JSON POST of each stored event, as `convoy events --json` prints it, in a Standard Webhooks envelope. The
 * webhook-id is the stack and seq: the same on every retry, so a receiver can drop a repeat (idempotency key).
 */
export class WebhookChannel implements Channel {
  private readonly filter: (code: string) => boolean;
  readonly name: string;
  private readonly spec: WebhookSpec;
  private readonly timeoutMs: number;

  constructor(c: NotifyChannel) {
    this.name = c.name;
    this.spec = c.webhook!;
    this.timeoutMs = c.timeout;
    this.filter = codeFilter(c.events ?? ['*']);
  }

  wants(e: StoredEvent): boolean {
    return this.filter(e.code) && !aboutItself(e, this.name);
  }

  async send(e: StoredEvent, ctx: SendContext): Promise<void> {
    const event = toConvoyEvent(e);
    const payload = { type: e.code, timestamp: event.at, data: event };
    await this.deliver(`${e.stack}:${e.seq}`, payload, ctx.signal);
  }

  async test(stack: string): Promise<string> {
    const at = new Date().toISOString();
    const id = `${stack}:test:${Date.now()}`;
    const answer = await this.deliver(id, { type: 'convoy.test', timestamp: at, data: { stack, at } });
    return `HTTP ${answer.status}${answer.body ? ` ${answer.body.slice(0, 200)}` : ''}`;
  }

  private deliver(
    id: string,
    payload: { type: string; timestamp: string; data: unknown },
    signal?: AbortSignal,
  ) {
    const body = JSON.stringify({ ...payload, schemaVersion: EVENT_SCHEMA_VERSION });
    const secrets = [this.spec.secret, ...(this.spec.previousSecret ? [this.spec.previousSecret] : [])];
    const headers = signedHeaders(secrets, id, Math.floor(Date.now() / 1000), body);
    return post(this.spec.url, body, headers, this.timeoutMs, signal);
  }
}
