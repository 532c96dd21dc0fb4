import { pattern } from '../ecs/behaviour.js';
import type { ElbModel, Target } from './model.js';

/**
 * What a load balancer's listener answers: it picks one of the target group's targets the way an application load
 * balancer does (healthy ones in turn; every unhealthy one when none is healthy, "fail open"; a 503 of its own when
 * nothing is registered) and answers as that target's task revision would, by the scenario's response rules.
 */

export interface ResponseRule {
  // ── when it applies (all given must hold) ──
  method?: string;
  /** The request path (without the query): a glob with `*`, or `/regex/`. */
  path?: string;
  /** Of the task behind the target: its container image, task definition family (glob or /regex/) or revision. */
  image?: string;
  family?: string;
  revision?: number;
  /** Only once the target has been healthy this many model seconds (a revision that degrades after it passed). */
  afterHealthySeconds?: number;
  // ── what it changes ──
  status?: number;
  /** Merged over earlier rules' headers; `null` removes one. */
  headers?: Record<string, string | null>;
  /** A string is sent as it is; anything else as JSON. */
  body?: unknown;
  /** A body of this many bytes (`x` repeated), for size limits. */
  bodyBytes?: number;
  /** Wall milliseconds before the answer (not scaled: it is what a client measures). */
  latencyMs?: number;
  /** Wall milliseconds for every request after the first to the same path on the same revision (a warm cache). */
  cachedLatencyMs?: number;
}

export interface LoadBalancerConfig {
  /** Stands for the load balancer's DNS name; the control API maps it to a local URL. */
  name: string;
  /** Target group ARN or name. */
  targetGroup: string;
  /** Applied in order, each laid over the ones before that also matched. */
  responses?: ResponseRule[];
}

export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
  latencyMs: number;
  /** The target that answered (`ip:port`), when one did. */
  target?: string;
}

const ALB_503 =
  '<html>\r\n<head><title>503 Service Temporarily Unavailable</title></head>\r\n<body>\r\n' +
  '<center><h1>503 Service Temporarily Unavailable</h1></center>\r\n</body>\r\n</html>\r\n';

export class LoadBalancerModel {
  private configs = new Map<string, LoadBalancerConfig>();
  private turn = new Map<string, number>();
  private warm = new Set<string>();

  constructor(
    private readonly elb: ElbModel,
    private readonly now: () => number,
  ) {}

  configure(lbs: readonly LoadBalancerConfig[]): void {
    for (const lb of lbs) this.configs.set(lb.name, lb);
  }

  names(): string[] {
    return [...this.configs.keys()];
  }

  config(name: string): LoadBalancerConfig | undefined {
    return this.configs.get(name);
  }

  answer(name: string, req: { method: string; path: string; query?: string }): Answer {
    const lb = this.configs.get(name);
    const targets = lb ? (this.elb.targetsOf(lb.targetGroup) ?? []) : [];
    const live = targets.filter((t) => t.state !== 'draining');
    const healthy = live.filter((t) => t.state === 'healthy');
    const unhealthy = live.filter((t) => t.state === 'unhealthy');
    const pool = healthy.length ? healthy : unhealthy;
    if (!lb || pool.length === 0) {
      return {
        status: 503,
        headers: { server: 'awselb/2.0', 'content-type': 'text/html' },
        body: ALB_503,
        latencyMs: 0,
      };
    }
    const n = this.turn.get(name) ?? 0;
    this.turn.set(name, n + 1);
    const target = pool[n % pool.length]!;
    return { ...this.respond(lb, target, req), target: `${target.id}:${target.port}` };
  }

  private respond(
    lb: LoadBalancerConfig,
    t: Target,
    req: { method: string; path: string; query?: string },
  ): Answer {
    const owner = t.owner;
    const revision = Number(/:(\d+)$/.exec(owner?.taskDefinitionArn ?? '')?.[1] ?? 0);
    // A target that failed its health checks and gets traffic only because none is healthy answers as it did to them.
    let status = t.state === 'unhealthy' ? (t.httpCode ?? 502) : 200;
    let headers: Record<string, string | null> = { 'content-type': 'application/json' };
    let body: unknown = t.state === 'unhealthy' ? 'Bad Gateway' : { ok: true };
    let bodyBytes: number | undefined;
    let latencyMs = 0;
    let cachedLatencyMs: number | undefined;
    for (const r of lb.responses ?? []) {
      if (r.method && r.method.toUpperCase() !== req.method.toUpperCase()) continue;
      if (r.path && !pattern(r.path).test(req.path)) continue;
      if (r.image && !pattern(r.image).test(owner?.image ?? '')) continue;
      if (r.family && !pattern(r.family).test(owner?.family ?? '')) continue;
      if (r.revision !== undefined && r.revision !== revision) continue;
      if (r.afterHealthySeconds !== undefined) {
        const since = t.state === 'healthy' ? t.healthySince : undefined;
        if (since === undefined || this.now() - since < r.afterHealthySeconds * 1000) continue;
      }
      if (r.status !== undefined) status = r.status;
      if (r.headers) headers = { ...headers, ...r.headers };
      if (r.body !== undefined) {
        body = r.body;
        bodyBytes = undefined;
      }
      if (r.bodyBytes !== undefined) bodyBytes = r.bodyBytes;
      if (r.latencyMs !== undefined) latencyMs = r.latencyMs;
      if (r.cachedLatencyMs !== undefined) cachedLatencyMs = r.cachedLatencyMs;
    }
    // A cache is keyed by the whole URL, as a CDN's or an app's would be: a new query string is a cold call.
    const key = `${lb.name} ${owner?.taskDefinitionArn} ${req.path}${req.query ?? ''}`;
    if (cachedLatencyMs !== undefined && this.warm.has(key)) latencyMs = cachedLatencyMs;
    this.warm.add(key);
    const text =
      bodyBytes !== undefined
        ? 'x'.repeat(bodyBytes)
        : typeof body === 'string'
          ? body
          : JSON.stringify(body);
    if (typeof body === 'string' && headers['content-type'] === 'application/json' && !isJson(body)) {
      headers['content-type'] = 'text/plain';
    }
    const kept = Object.fromEntries(
      Object.entries(headers).filter((e): e is [string, string] => e[1] !== null),
    );
    return { status, headers: kept, body: text, latencyMs };
  }
}

function isJson(s: string): boolean {
  try {
    JSON.parse(s);
    return true;
  } catch {
    return false;
  }
}
