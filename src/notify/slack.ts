import { WebClient, type Logger, LogLevel } from '@slack/web-api';
import type { NotifyChannel } from '../spec/notify.js';
import type { StoredEvent } from '../store/store.js';
import { aboutItself, codeFilter, type Channel, type SendContext } from './channel.js';
import { DeliveryError, asDeliveryError } from './failure.js';
import { linksOf, type DeploymentLookup } from './links.js';
import { outcomeLine, parentText, threadReply, type ParentState } from './slack-text.js';

type SlackSpec = NonNullable<NotifyChannel['slack']>;

const HANDLED = [
  'deploy.started',
  'service.starting',
  'service.ready',
  'service.failed',
  'service.rolled-back',
  'service.rollback-failed',
  'deploy.succeeded',
  'deploy.failed',
  'deploy.rollback-failed',
];
/** Slack's own errors that mean "later": everything else it answers with ok:false is final. */
const TRANSIENT = new Set([
  'ratelimited',
  'internal_error',
  'fatal_error',
  'service_unavailable',
  'request_timeout',
]);
/** Parents of this many recent deployments are remembered (the cursor's state stays small). */
const KEEP_PARENTS = 20;

/** The client logs nothing: its messages could hold a request, and the sender reports failures itself. */
const silent: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  setLevel: () => undefined,
  getLevel: () => LogLevel.ERROR,
  setName: () => undefined,
};

/**
 * Slack through the Web API: ONE parent message per deployment, posted on its first event and edited in place
 * (chat.update) as waves start and when it ends; its `ts` lives in the delivery cursor, so a later process edits
 * the same message. Each service's ready, failed or rolled-back goes to the thread; failures are also broadcast.
 */
export class SlackChannel implements Channel {
  private readonly client: WebClient;
  private readonly filter: (code: string) => boolean;
  readonly name: string;
  private readonly spec: SlackSpec;

  constructor(
    private readonly c: NotifyChannel,
    private readonly deployments: DeploymentLookup,
  ) {
    this.name = c.name;
    const spec = (this.spec = c.slack!);
    this.filter = codeFilter(c.events ?? HANDLED);
    this.client = new WebClient(spec.token, {
      ...(spec.apiUrl ? { slackApiUrl: spec.apiUrl.endsWith('/') ? spec.apiUrl : `${spec.apiUrl}/` } : {}),
      // The outbox retries (it keeps its place across processes); the client must answer at once.
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
      timeout: c.timeout,
      logger: silent,
    });
  }

  wants(e: StoredEvent): boolean {
    if (e.code === 'notify.recovered') return e.data.channel === this.name && e.deploymentId !== undefined;
    return (
      HANDLED.includes(e.code) &&
      this.filter(e.code) &&
      e.deploymentId !== undefined &&
      !aboutItself(e, this.name)
    );
  }

  async send(e: StoredEvent, ctx: SendContext): Promise<void> {
    const parents = (ctx.state.parents ??= {}) as Record<string, ParentState>;
    const parent = (parents[e.deploymentId!] ??= {
      kind: 'deploy',
      actor: '?',
      correlationId: '?',
      waves: 1,
      wave: 0,
    });
    if (e.code === 'deploy.started') {
      const d = e.data as { kind: string; actor: string; correlationId: string; waves: unknown[] };
      Object.assign(parent, {
        kind: d.kind,
        actor: d.actor,
        correlationId: d.correlationId,
        waves: Math.max(1, d.waves.length),
      });
    } else if (e.code === 'service.starting') parent.wave = Math.max(parent.wave, Number(e.data.wave));
    parent.outcome = outcomeLine(e.stack, e) ?? parent.outcome;
    // Slack answers with the channel's id; edits need it (only postMessage takes a name). Kept across processes.
    const channel = typeof ctx.state.channelId === 'string' ? ctx.state.channelId : this.spec.channel;
    const text = parentText(e.stack, parent, await linksOf(this.c.links, this.deployments, e));
    if (parent.ts === undefined) {
      const r = await this.call(() => this.client.chat.postMessage({ channel, text }));
      if (!r.ts) throw new DeliveryError('chat.postMessage answered without a ts', false);
      Object.assign(parent, { ts: r.ts, shown: text });
      if (r.channel) ctx.state.channelId = r.channel;
    } else if (text !== parent.shown && (!ctx.superseded || parent.outcome)) {
      // Edited only when what it says changes; a wave already overtaken by a waiting event is left out.
      await this.call(() => this.client.chat.update({ channel, ts: parent.ts!, text }));
      parent.shown = text;
    }
    const reply =
      e.code === 'notify.recovered'
        ? {
            text: `:warning: Slack could not be reached for ${Math.round(Number(e.data.unreachableMs) / 1000)} s; the messages above caught up`,
            broadcast: false,
          }
        : threadReply(e, this.spec.mention);
    if (reply)
      await this.call(() =>
        this.client.chat.postMessage({
          channel,
          thread_ts: parent.ts!,
          text: reply.text,
          reply_broadcast: reply.broadcast,
        }),
      );
    forgetOld(parents);
  }

  async test(stack: string): Promise<string> {
    const r = await this.call(() =>
      this.client.chat.postMessage({
        channel: this.spec.channel,
        text: `Convoy test message for stack ${stack}`,
      }),
    );
    return `ok, channel ${r.channel ?? this.spec.channel}, ts ${r.ts ?? '?'}`;
  }

  private async call<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      throw slackFailure(err);
    }
  }
}

/** The Web API client's errors, sorted as the outbox needs them. */
export function slackFailure(err: unknown): DeliveryError {
  const e = err as { code?: string; data?: { error?: string }; retryAfter?: number; statusCode?: number };
  switch (e?.code) {
    case 'slack_webapi_platform_error': {
      const what = e.data?.error ?? 'unknown_error';
      return new DeliveryError(what, !TRANSIENT.has(what));
    }
    case 'slack_webapi_rate_limited_error':
      return new DeliveryError('ratelimited', false, (e.retryAfter ?? 1) * 1000);
    case 'slack_webapi_http_error':
      return new DeliveryError(`HTTP ${e.statusCode}`, (e.statusCode ?? 500) < 500 && e.statusCode !== 429);
    default:
      return asDeliveryError(err);
  }
}

function forgetOld(parents: Record<string, ParentState>): void {
  const ids = Object.keys(parents);
  for (const id of ids.slice(0, Math.max(0, ids.length - KEEP_PARENTS))) delete parents[id];
}
