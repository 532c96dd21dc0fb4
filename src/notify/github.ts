import { Octokit } from '@octokit/rest';
import type { NotifyChannel } from '../spec/notify.js';
import type { DeploymentRecord, StoredEvent } from '../store/store.js';
import { aboutItself, codeFilter, type Channel, type SendContext } from './channel.js';
import { DeliveryError, asDeliveryError, retryAfterMs } from './failure.js';

type GitHubSpec = NonNullable<NotifyChannel['github']>;
export type DeploymentLookup = (id: string) => Promise<DeploymentRecord | undefined>;

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

  constructor(
    readonly name: string,
    private readonly spec: GitHubSpec,
    events: readonly string[] | undefined,
    timeoutMs: number,
    private readonly deployments: DeploymentLookup,
  ) {
    this.filter = codeFilter(events ?? HANDLED);
    [this.owner, this.repo] = spec.repository.split('/') as [string, string];
    this.octokit = new Octokit({
      auth: spec.token,
      ...(spec.apiUrl ? { baseUrl: spec.apiUrl.replace(/\/$/, '') } : {}),
      userAgent: 'convoy',
      request: { timeout: timeoutMs },
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
    let gh = ids[e.deploymentId!];
    if (!gh) {
      const sha = await this.sha(e.deploymentId!);
      const { data } = await this.call(() =>
        this.octokit.repos.createDeployment({
          owner: this.owner,
          repo: this.repo,
          ref: sha,
          environment: this.spec.environment,
          auto_merge: false,
          required_contexts: [],
          description: `convoy ${e.stack}`,
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
        ...(this.spec.logUrl ? { log_url: this.spec.logUrl } : {}),
        ...(this.spec.environmentUrl ? { environment_url: this.spec.environmentUrl } : {}),
      }),
    );
    await this.call(() =>
      this.octokit.repos.createCommitStatus({
        owner: this.owner,
        repo: this.repo,
        sha: gh.sha,
        state: final ?? 'pending',
        context: `convoy/${e.stack}`,
        description: final ? `deployment ${final}` : 'deploying',
        ...(this.spec.logUrl ? { target_url: this.spec.logUrl } : {}),
      }),
    );
  }

  async test(): Promise<string> {
    const { data } = await this.call(() => this.octokit.repos.get({ owner: this.owner, repo: this.repo }));
    return `ok, can see ${data.full_name}`;
  }

  private async sha(deploymentId: string): Promise<string> {
    const d = await this.deployments(deploymentId);
    const sha = d?.context.GITHUB_SHA ?? d?.context.gitSha;
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
