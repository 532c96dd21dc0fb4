import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { hostname, userInfo } from 'node:os';
import type { Env } from './env.js';

function git(args: string[], cwd: string): string | undefined {
  try {
    return (
      execFileSync('git', args, { cwd, stdio: ['ignore', 'pipe', 'ignore'], timeout: 2000 })
        .toString()
        .trim() || undefined
    );
  } catch {
    return undefined;
  }
}

const CI_VARS = [
  'CI',
  'GITHUB_ACTOR',
  'GITHUB_RUN_ID',
  'GITHUB_RUN_ATTEMPT',
  'GITHUB_SHA',
  'GITHUB_REF',
  'GITHUB_REPOSITORY',
  'GITHUB_SERVER_URL',
  'GITHUB_WORKFLOW',
  'GITLAB_USER_LOGIN',
  'CI_PIPELINE_ID',
  'CI_COMMIT_SHA',
  'BUILDKITE_BUILD_ID',
];

/** Who deploys and from where: CI variables first, then git, then the OS user. */
export function whoAndWhere(
  dir: string,
  env: Env,
): { actor: string; context: Record<string, string>; holder: string } {
  const context: Record<string, string> = {};
  for (const k of CI_VARS) if (env[k]) context[k] = env[k]!;
  const gitUser = git(['config', 'user.name'], dir);
  const gitSha = git(['rev-parse', 'HEAD'], dir);
  if (gitUser) context.gitUser = gitUser;
  if (gitSha) context.gitSha = gitSha;
  const actor = env.GITHUB_ACTOR ?? env.GITLAB_USER_LOGIN ?? gitUser ?? userInfo().username;
  return { actor, context, holder: `${actor}@${hostname()} pid ${process.pid}` };
}

export function correlationIdFrom(explicit: string | undefined, env: Env): string {
  if (explicit) return explicit;
  if (env.CONVOY_CORRELATION_ID) return env.CONVOY_CORRELATION_ID;
  if (env.GITHUB_RUN_ID) return `gh-${env.GITHUB_RUN_ID}-${env.GITHUB_RUN_ATTEMPT ?? '1'}`;
  return randomUUID();
}
