import { Octokit } from '@octokit/rest';
import type { NotifyChannel } from '../spec/notify.js';
import type { DeploymentRecord, StoredEvent } from '../store/store.js';
import { aboutItself, codeFilter, type Channel, type SendContext } from './channel.js';
import { DeliveryError, asDeliveryError, retryAfterMs } from './failure.js';
import { deploymentLinks, type DeploymentLookup } from './links.js';

type GitHubSpec = NonNullable<NotifyChannel['github']>;
/** GitHub cuts a status description at 140 characters. */
const DESCRIPTION_MAX = 140;

type Final = 'success' | 'failure' | 'error';
const ENDS: Record<string, Final> = {
  'deploy.succeeded': 'success',
  'deploy.failed': 'failure',
  'deploy.rollback-failed': 'error',
};
const HANDLED = ['deploy.started', ...Object.keys(ENDS)];
const KEEP = 20;

/**
 * GitHub: a Deployment of the deployed commit to the stack's environment, whose status goes in_progress → success,
 * failure or error (earlier deployments of the environment made inactive), and a commit status `convoy/<stack>`.
 * The commit is the deployment's GITHUB_SHA (or the git HEAD it recorded); the GitHub deployment's id is kept in
 * the cursor, so a later process sets the final status on the same one.
 */
export class GitHubChannel implements Channel {
  private readonly octokit: Octokit;
  private readonly filter: (code: string) => boolean;
  private readonly owner: string;
  private readonly repo: string;
  readonly name: string;
  private readonly spec: GitHubSpec;

  constructor(
    private readonly c: NotifyChannel,
    private readonly deployments: DeploymentLookup,
  ) {
    this.name = c.name;
    const spec = (this.spec = c.github!);
    this.filter = codeFilter(c.events ?? HANDLED);
    [this.owner, this.repo] = spec.repository.split('/') as [string, string];
    this.octokit = new Octokit({
      auth: spec.token,
      ...(spec.apiUrl ? { baseUrl: spec.apiUrl.replace(/\/$/, '') } : {}),
      userAgent: 'convoy',
      request: { timeout: c.timeout },
      log: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
    });
  }

  wants(e: StoredEvent): boolean {
    return (
      HANDLED.includes(e.code) &&
      this.filter(e.code) &&
      e.deploymentId !== undefined &&
      !aboutItself(e, this.name)
    );
  }

  async send(e: StoredEvent, ctx: SendContext): Promise<void> {
    const ids = (ctx.state.deployments ??= {}) as Record<string, { id: number; sha: string }>;
    const record = await this.record(e.deploymentId!);
    const correlationId = record.correlationId;
    const links = deploymentLinks(this.c.links, record);
    const url = (label: string) => links.find((l) => l.label === label)?.url;
    // The log: what the stack file names, else the CI run, else the dashboard.
    const logUrl = this.spec.logUrl ?? url('CI run') ?? url('dashboard');
    const environmentUrl = this.spec.environmentUrl ?? url('console');
    let gh = ids[e.deploymentId!];
    if (!gh) {
      const sha = this.sha(record);
      const { data } = await this.call(() =>
        this.octokit.repos.createDeployment({
          owner: this.owner,
          repo: this.repo,
          ref: sha,
          environment: this.spec.environment,
          auto_merge: false,
          required_contexts: [],
          description: `convoy ${e.stack} · correlation ${correlationId}`.slice(0, DESCRIPTION_MAX),
          // For whoever reads the deployment through the API: what ties it to Convoy's history and the CI run.
          payload: { convoy: { deploymentId: e.deploymentId, correlationId, links } },
        }),
      );
      if (!('id' in data))
        throw new DeliveryError(`GitHub did not create the deployment: ${data.message}`, true);
      gh = ids[e.deploymentId!] = { id: data.id, sha };
      for (const old of Object.keys(ids).slice(0, -KEEP)) delete ids[old];
    }
    const final = ENDS[e.code];
    await this.call(() =>
      this.octokit.repos.createDeploymentStatus({
        owner: this.owner,
        repo: this.repo,
        deployment_id: gh.id,
        state: final ?? 'in_progress',
        auto_inactive: true,
        description: describe(final, correlationId),
        ...(logUrl ? { log_url: logUrl } : {}),
        ...(environmentUrl ? { environment_url: environmentUrl } : {}),
      }),
    );
    await this.call(() =>
      this.octokit.repos.createCommitStatus({
        owner: this.owner,
        repo: this.repo,
        sha: gh.sha,
        state: final ?? 'pending',
        context: `convoy/${e.stack}`,
        description: describe(final, correlationId),
        ...(logUrl ? { target_url: logUrl } : {}),
      }),
    );
  }

  async test(): Promise<string> {
    const { data } = await this.call(() => this.octokit.repos.get({ owner: this.owner, repo: this.repo }));
    return `ok, can see ${data.full_name}`;
  }

  private async record(deploymentId: string): Promise<DeploymentRecord> {
    let d: DeploymentRecord | undefined;
    try {
      d = await this.deployments(deploymentId);
    } catch (err) {
      throw new DeliveryError(
        `cannot read the deployment from the state store: ${(err as Error).message}`,
        false,
      );
    }
    if (!d) throw new DeliveryError(`deployment ${deploymentId} is not in the state store`, true);
    return d;
  }

  private sha(d: DeploymentRecord): string {
    const sha = d.context.GITHUB_SHA ?? d.context.gitSha;
    if (!sha) throw new DeliveryError('the deployment recorded no commit (GITHUB_SHA or a git HEAD)', true);
    return sha;
  }

  private async call<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      throw gitHubFailure(err);
    }
  }
}

/** 429, 5xx, an exhausted rate limit (403 with none remaining) and no answer at all are worth another try. */
export function gitHubFailure(err: unknown): DeliveryError {
  const e = err as { status?: number; message?: string; response?: { headers?: Record<string, string> } };
  if (typeof e?.status !== 'number' || e.status === 0) return asDeliveryError(err);
  const headers = e.response?.headers ?? {};
  const limited = e.status === 429 || (e.status === 403 && headers['x-ratelimit-remaining'] === '0');
  const message = `HTTP ${e.status}: ${e.message ?? ''}`.trim();
  if (limited) return new DeliveryError(message, false, retryAfterMs(headers['retry-after']));
  return new DeliveryError(message, e.status < 500);
}

/** What the status says, with the correlation id that finds the deployment in `convoy history`. */
function describe(final: Final | undefined, correlationId: string): string {
  return `${final ? `deployment ${final}` : 'deploying'} · correlation ${correlationId}`.slice(
    0,
    DESCRIPTION_MAX,
  );
}
