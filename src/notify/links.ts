import type { NotifyLinks } from '../spec/schema.js';
import type { DeploymentRecord } from '../store/store.js';

export interface Link {
  label: string;
  url: string;
}

export type DeploymentLookup = (id: string) => Promise<DeploymentRecord | undefined>;

/**
 * The CI run a deployment recorded (GitHub Actions: the CLI passes its environment, the deployment keeps the CI
 * variables in its context), so a later `notify flush` still links the run that deployed, not its own.
 */
export function ciRunUrl(context: Record<string, string> | undefined): string | undefined {
  const repo = context?.GITHUB_REPOSITORY;
  const run = context?.GITHUB_RUN_ID;
  if (!repo || !run) return undefined;
  const server = (context.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/$/, '');
  const attempt = context.GITHUB_RUN_ATTEMPT;
  return `${server}/${repo}/actions/runs/${run}${attempt && attempt !== '1' ? `/attempts/${attempt}` : ''}`;
}

/** Only absolute http(s) URLs: a file loaded without its variables leaves "" or a bare path, which links nowhere. */
const usable = (url: string | undefined): url is string => !!url && /^https?:\/\/[^/]/.test(url);

/** A deployment's links, in the order people look: the console, the CI run, the dashboard (those known). */
export function deploymentLinks(links: NotifyLinks | undefined, record?: DeploymentRecord): Link[] {
  const all: [string, string | undefined][] = [
    ['console', links?.console],
    ['CI run', usable(links?.ci) ? links?.ci : ciRunUrl(record?.context)],
    ['dashboard', links?.dashboard],
  ];
  return all.filter((l): l is [string, string] => usable(l[1])).map(([label, url]) => ({ label, url }));
}

/** Slack's link syntax; `|` and `>` would end the link early, so they are escaped as Slack asks. */
export function slackLinks(links: readonly Link[]): string {
  const esc = (u: string) => u.replace(/\|/g, '%7C').replace(/>/g, '%3E');
  return links.map((l) => `<${esc(l.url)}|${l.label}>`).join(' · ');
}

/**
 * Looks a deployment's record up once per channel: its context (the CI run) never changes, and a channel catching
 * up on a whole deployment should not read it for every event. A failed read is not kept.
 */
export function rememberDeployments(lookup: DeploymentLookup): DeploymentLookup {
  const known = new Map<string, Promise<DeploymentRecord | undefined>>();
  return (id) => {
    let p = known.get(id);
    if (!p) {
      p = lookup(id);
      known.set(id, p);
      p.catch(() => known.delete(id));
      if (known.size > 50) known.delete(known.keys().next().value!);
    }
    return p;
  };
}

/** The links of an event's deployment in Slack's syntax; a record that cannot be read costs only the CI link. */
export async function linksOf(
  links: NotifyLinks | undefined,
  deployments: DeploymentLookup,
  e: { deploymentId?: string },
): Promise<string> {
  const record = e.deploymentId ? await deployments(e.deploymentId).catch(() => undefined) : undefined;
  return slackLinks(deploymentLinks(links, record));
}
