import type { NotifyChannelRaw } from './schema.js';

/**
 * A `notify:` channel as the notifier sees it: its name, its settings and the values that must never be shown (the
 * stack's redactor masks them everywhere).
 */
export type NotifyChannel = NotifyChannelRaw & { name: string; secrets: string[] };

export function normaliseNotify(raw: Record<string, NotifyChannelRaw> | undefined): NotifyChannel[] {
  return Object.entries(raw ?? {}).map(([name, c]) => ({
    name,
    ...c,
    // A URL often carries a token (Slack incoming webhooks always do), so URLs count as secret too.
    secrets: [
      c.webhook?.url,
      c.webhook?.secret,
      c.webhook?.previousSecret,
      c.slack?.token,
      c.slackWebhook?.url,
      c.github?.token,
    ].filter((v): v is string => v !== undefined),
  }));
}
