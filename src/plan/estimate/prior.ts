import type { Service } from '../../spec/types.js';
import { normalQuantile } from './stats.js';

/**
 * What the stack file alone says about how long a service takes to reach its gate, before any history: a wide
 * guess from its health check timing (ECS defaults where it has none), its desired count and its kind. Also the
 * "timing signature": the settings that change such a duration, so a sample recorded under other settings is not
 * taken as history of this one.
 */

/** A log-normal duration: ln(ms) ~ N(mu, sigma). */
export interface LogNormal {
  mu: number;
  sigma: number;
}

/** The quantile a guess's `low` and `high` stand for (10 % and 90 %). */
const Z80 = normalQuantile(0.9);

/** ECS's health check defaults (seconds in a task definition): interval 30, timeout 5, retries 3, startPeriod 0. */
const ECS_HEALTH = { interval: 30_000, timeout: 5_000, retries: 3, startPeriod: 0 };

type Json = Record<string, unknown>;

interface Timing {
  interval: number;
  timeout: number;
  retries: number;
  startPeriod: number;
  startInterval?: number;
}

/** The health check that decides the gate: the stack file's, else (on ECS) the main container's, in ms. */
function healthTiming(s: Service): Timing | undefined {
  const hc = s.healthCheck;
  if (hc)
    return {
      interval: hc.interval,
      timeout: hc.timeout,
      retries: hc.retries,
      startPeriod: hc.startPeriod,
      ...(hc.startInterval !== undefined ? { startInterval: hc.startInterval } : {}),
    };
  const defs = s.aws?.taskDefinition.containerDefinitions;
  if (!Array.isArray(defs)) return undefined;
  const main = (defs as Json[]).find((c) => c.essential !== false) ?? (defs[0] as Json | undefined);
  const h = main?.healthCheck as Json | undefined;
  if (!h) return undefined;
  const sec = (v: unknown, dflt: number) => (typeof v === 'number' ? v * 1000 : dflt);
  return {
    interval: sec(h.interval, ECS_HEALTH.interval),
    timeout: sec(h.timeout, ECS_HEALTH.timeout),
    retries: typeof h.retries === 'number' ? h.retries : ECS_HEALTH.retries,
    startPeriod: sec(h.startPeriod, ECS_HEALTH.startPeriod),
  };
}

function desiredCount(s: Service): number {
  const n = s.aws?.serviceDefinition?.desiredCount;
  return typeof n === 'number' && n > 0 ? n : 1;
}

/**
 * The settings a duration depends on besides the code: kind, where it runs, health check timing, desired count and
 * deployment strategy. Two revisions with the same signature are expected to take about as long.
 */
export function timingSignature(s: Service): string {
  const sd = s.aws?.serviceDefinition;
  return JSON.stringify([
    s.kind,
    s.aws ? 'aws' : s.cloudformation ? 'cloudformation' : 'local',
    healthTiming(s) ?? null,
    desiredCount(s),
    sd?.deploymentConfiguration ?? null,
    sd?.healthCheckGracePeriodSeconds ?? null,
  ]);
}

/** A guess as its 80 % interval: [low, high] in ms, read as the 10 % and 90 % quantiles of a log-normal. */
export function fromInterval(lowMs: number, highMs: number): LogNormal {
  const lo = Math.log(Math.max(1, lowMs));
  const hi = Math.log(Math.max(lowMs * 1.5, highMs));
  return { mu: (lo + hi) / 2, sigma: (hi - lo) / (2 * Z80) };
}

/**
 * The guess for a service with no usable history. A health-checked service passes at the earliest on its first
 * probe and at the latest on the last one before `retries` failures past `startPeriod` would fail it; on ECS,
 * provisioning, the image pull and replacing `desiredCount` tasks come first.
 */
export function priorOf(s: Service): LogNormal {
  const hc = healthTiming(s);
  const firstProbe = hc ? Math.min(hc.startInterval ?? hc.interval, hc.interval) : 0;
  const lastProbe = hc ? hc.startPeriod + hc.interval * hc.retries + hc.timeout : 0;
  if (s.kind === 'cloudformation') return fromInterval(30_000, 15 * 60_000);
  if (s.aws) {
    if (s.kind === 'job') return fromInterval(30_000, 10 * 60_000);
    const h = hc ?? ECS_HEALTH;
    const batches = 1 + 0.5 * Math.log2(desiredCount(s));
    return fromInterval(
      30_000 + (hc ? firstProbe : 0),
      (120_000 + h.startPeriod + h.interval * h.retries) * batches,
    );
  }
  if (s.kind === 'job') return fromInterval(500, 60_000);
  if (!hc) return fromInterval(100, 2_000);
  return fromInterval(firstProbe, Math.max(3 * firstProbe, lastProbe));
}
