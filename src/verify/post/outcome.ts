import type { PostCheckResult } from '../../core/check-result.js';
import type { PostCheck } from '../../spec/types.js';

/** The fields every result of `check` carries; a runner adds what it saw. */
export type Outcome = Omit<PostCheckResult, 'check' | 'kind' | 'service' | 'startedAt' | 'durationMs'>;

export const passed = (message: string, extra: Partial<Outcome> = {}): Outcome => ({
  status: 'passed',
  message,
  ...extra,
});
export const failed = (message: string, extra: Partial<Outcome> = {}): Outcome => ({
  status: 'failed',
  message,
  ...extra,
});
export const cannotRun = (message: string, extra: Partial<Outcome> = {}): Outcome => ({
  status: 'cannot-run',
  message,
  ...extra,
});

export function stamp(check: PostCheck, startedAt: number, endedAt: number, o: Outcome): PostCheckResult {
  return {
    check: check.name,
    kind: check.kind,
    ...(check.service !== undefined ? { service: check.service } : {}),
    startedAt,
    durationMs: endedAt - startedAt,
    ...o,
  };
}

const NETWORK_WORDS: Record<string, string> = {
  ECONNREFUSED: 'could not connect',
  ECONNRESET: 'the connection was reset',
  EHOSTUNREACH: 'could not connect',
  ENETUNREACH: 'could not connect',
  ENOTFOUND: 'could not resolve the host name',
  EAI_AGAIN: 'could not resolve the host name',
};

/**
 * A network error that means the check could not look at all, in its own words ("could not connect: ECONNREFUSED
 * 127.0.0.1:1234"); undefined for anything else. fetch hides the socket error in `cause`.
 */
export function unreachable(err: unknown): string | undefined {
  const e = ((err as { cause?: unknown })?.cause ?? err) as NodeJS.ErrnoException & {
    address?: string;
    port?: number;
    hostname?: string;
  };
  const words = e?.code ? NETWORK_WORDS[e.code] : undefined;
  if (!words) return undefined;
  const where = e.hostname ?? (e.address ? `${e.address}${e.port ? `:${e.port}` : ''}` : '');
  return `${words}: ${e.code}${where ? ` ${where}` : ''}`;
}

export function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms} ms`;
}
