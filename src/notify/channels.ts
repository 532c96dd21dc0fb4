import type { NotifyChannel } from '../spec/notify.js';
import type { Channel } from './channel.js';
import { DeliveryError } from './failure.js';
import { GitHubChannel } from './github.js';
import { rememberDeployments, type DeploymentLookup } from './links.js';
import { SlackChannel } from './slack.js';
import { SlackWebhookChannel } from './slack-webhook.js';
import { WebhookChannel } from './webhook.js';

/** The channel a `notify:` entry describes (the schema guarantees exactly one kind). */
export function openChannel(c: NotifyChannel, deployments: DeploymentLookup): Channel {
  const empty = missing(c);
  if (empty) return refusing(c.name, `${empty} is empty: set the variable the stack file names`);
  const remembered = rememberDeployments(deployments);
  if (c.slack) return new SlackChannel(c, remembered);
  if (c.github) return new GitHubChannel(c, remembered);
  if (c.slackWebhook) return new SlackWebhookChannel(c, remembered);
  return new WebhookChannel(c);
}

/** The credential a channel lacks (loaded without its variables), if any. */
function missing(c: NotifyChannel): string | undefined {
  if (c.slack && !c.slack.token) return 'slack.token';
  if (c.github && !c.github.token) return 'github.token';
  if (c.slackWebhook && !c.slackWebhook.url) return 'slackWebhook.url';
  if (c.webhook && !c.webhook.url) return 'webhook.url';
  if (c.webhook && !c.webhook.secret) return 'webhook.secret';
  return undefined;
}

/** A channel that cannot send: refused for good, so reported (once per deployment) and never retried. */
function refusing(name: string, why: string): Channel {
  const fail = () => Promise.reject(new DeliveryError(why, true));
  // Once per deployment is enough to be noticed.
  return { name, wants: (e) => e.code === 'deploy.started', send: fail, test: fail };
}
