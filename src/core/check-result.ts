/*
 * What a post-deploy check found (README "Post-deploy checks"). In the leaf because the runners (src/verify/post/)
 * make it and the engine, which may not import them, records it: the library hands the engine a CheckRunner.
 */

/** A failing (or sampled) HTTP answer, redacted before it is stored. */
export interface CheckResponse {
  status: number;
  headers: Record<string, string>;
  /** The first 500 characters of the body (at most 1 MB of it was read). */
  bodyExcerpt: string;
}

/** Latency over N requests, in ms. */
export interface LatencyFigures {
  requests: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  max: number;
  /** The budget that was set, e.g. { p95: 300 }. */
  budget: Record<string, number>;
}

export interface PostCheckResult {
  check: string;
  kind: string;
  service?: string;
  /** passed; failed: it ran and what it saw is wrong; cannot-run: it could not look (DNS, refused connection). */
  status: 'passed' | 'failed' | 'cannot-run';
  /** In the check's own words: "Access-Control-Allow-Headers is missing", "could not connect: ECONNREFUSED …". */
  message: string;
  startedAt: number;
  durationMs: number;
  response?: CheckResponse;
  latency?: LatencyFigures;
  exitCode?: number | null;
  output?: string;
}

/** Runs one check; never throws (a check that cannot run says so in its result). */
export type CheckRunner<C> = (
  check: C,
  opts: { sinceMs: number; signal?: AbortSignal },
) => Promise<PostCheckResult>;
