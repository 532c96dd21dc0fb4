import type { NotifyChannel } from '../spec/notify.js';
import type { StoredEvent } from '../store/store.js';
import { aboutItself, codeFilter, type Channel, type SendContext } from './channel.js';
import { post } from './http.js';
import { linksOf, type DeploymentLookup } from './links.js';
import { milestoneText } from './slack-text.js';

type SlackWebhookSpec = NonNullable<NotifyChannel['slackWebhook']>;

const MILESTONES = [
  'deploy.started',
  'deploy.succeeded',
  'deploy.failed',
  'deploy.rollback-failed',
  'service.failed',
];

/** Slack incoming webhook: no message to edit, so one message per milestone. */
export class SlackWebhookChannel implements Channel {
  private readonly filter: (code: string) => boolean;
  readonly name: string;
  private readonly spec: SlackWebhookSpec;

  constructor(
    private readonly c: NotifyChannel,
    private readonly deployments: DeploymentLookup,
  ) {
    this.name = c.name;
    this.spec = c.slackWebhook!;
    this.filter = codeFilter(c.events ?? MILESTONES);
  }

  wants(e: StoredEvent): boolean {
    return this.filter(e.code) && milestoneText(e) !== undefined && !aboutItself(e, this.name);
  }

  async send(e: StoredEvent, ctx: SendContext): Promise<void> {
    const text = milestoneText(e, this.spec.mention, await linksOf(this.c.links, this.deployments, e));
    await post(this.spec.url, JSON.stringify({ text }), {}, this.c.timeout, ctx.signal);
  }

  async test(stack: string): Promise<string> {
    const a = await post(
      this.spec.url,
      JSON.stringify({ text: `Convoy test message for stack ${stack}` }),
      {},
      this.c.timeout,
    );
    return `HTTP ${a.status} ${a.body}`.trim();
  }
}
