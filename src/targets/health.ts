import type { HealthCheckSpec } from '../spec/schema.js';
import { conclusiveProbe, type Conclusive, type DecidedBy, type FailFast } from './conclusive.js';

/**
 * ECS/Docker health-check semantics as a pure state machine, so real targets, the simulator and an ECS emulator all
 * agree on when a service turns healthy or unhealthy. It never reads a clock: callers feed it probe results with their
 * own timestamps and ask when the next probe is due.
 */

export type HealthStatus = 'starting' | 'healthy' | 'unhealthy';

export type HealthTiming = Pick<HealthCheckSpec, 'interval' | 'timeout' | 'retries' | 'startPeriod'> & {
  startInterval?: number;
};

export interface ProbeResult {
  /** When the probe started (epoch ms). The start period is judged on this, as Docker does. */
  at: number;
  ok: boolean;
  output: string;
  /** How long the probe took; a probe slower than `timeout` fails even if it reported success. */
  durationMs?: number;
}

export class HealthTracker {
  private current: HealthStatus = 'starting';
  private streak = 0;
  private everPassed = false;
  private last: ProbeResult | undefined;
  private conclusive: (Conclusive & { output: string }) | undefined;

  /**
   * `failFast: 'conclusive'` turns unhealthy at the first probe whose result cannot change by waiting (see
   * conclusive.ts), inside the start period too; the default `'verdict'` is ECS's (and Docker's) own behaviour,
   * which the emulator models.
   */
  constructor(
    readonly timing: HealthTiming,
    readonly startedAt: number,
    readonly failFast: FailFast = 'verdict',
  ) {}

  /** Which kind of evidence made the service unhealthy, once it is. */
  get decidedBy(): DecidedBy | undefined {
    if (this.current !== 'unhealthy') return undefined;
    return this.conclusive ? 'conclusive' : 'verdict';
  }

  get status(): HealthStatus {
    return this.current;
  }

  /** Consecutive failures that counted towards `retries`. */
  get failingStreak(): number {
    return this.streak;
  }

  get lastResult(): ProbeResult | undefined {
    return this.last;
  }

  record(result: ProbeResult): HealthStatus {
    const timedOut = result.durationMs !== undefined && result.durationMs > this.timing.timeout;
    const ok = result.ok && !timedOut;
    this.last =
      timedOut && result.ok
        ? { ...result, ok: false, output: `timed out after ${formatDuration(this.timing.timeout)}` }
        : result;
    if (ok) {
      this.everPassed = true;
      this.streak = 0;
      this.current = 'healthy';
      return this.current;
    }
    const conclusive =
      this.failFast === 'conclusive' && !timedOut ? conclusiveProbe(result.output) : undefined;
    if (conclusive) {
      this.conclusive = { ...conclusive, output: result.output };
      this.streak++;
      this.current = 'unhealthy';
      return this.current;
    }
    // Until the first pass, failures inside the start period are the service still booting; once it has passed they count.
    if (!this.everPassed && result.at - this.startedAt < this.timing.startPeriod) return this.current;
    this.streak++;
    if (this.streak >= this.timing.retries) this.current = 'unhealthy';
    return this.current;
  }

  /**
   * When the next probe is due: probes run on the grid start + k·interval (k ≥ 1), and on start + j·startInterval
   * inside the start period until the first pass. A slot already used or already
   * past `now` (a slow probe overran it) is skipped rather than fired late.
   */
  nextProbeAt(now?: number): number {
    const interval = Math.max(1, this.timing.interval);
    const after = Math.max(this.last?.at ?? this.startedAt, now === undefined ? -Infinity : now - 1);
    // Docker's start_interval: until the first pass, probe more often inside the start period, where failures do
    // not count anyway, so a service that boots fast is seen healthy fast.
    const si = this.timing.startInterval;
    if (si && !this.everPassed) {
      const t = this.startedAt + (Math.floor((after - this.startedAt) / si) + 1) * si;
      if (t < this.startedAt + this.timing.startPeriod) return t;
    }
    const k = Math.max(1, Math.floor((after - this.startedAt) / interval) + 1);
    return this.startedAt + k * interval;
  }

  /** One plain sentence saying why the check declared the service unhealthy. */
  describeFailure(): string {
    if (this.conclusive) {
      const at = this.last
        ? ` at ${formatDuration(Math.max(0, this.last.at - this.startedAt))} from start`
        : '';
      return `conclusive evidence${at}: ${this.conclusive.meaning}, which waiting cannot change (${this.conclusive.output})`;
    }
    const times = `${this.timing.retries} ${this.timing.retries === 1 ? 'time' : 'times in a row'}`;
    const after =
      this.timing.startPeriod > 0 ? ` after the ${formatDuration(this.timing.startPeriod)} start period` : '';
    return `health check failed ${times}${after}`;
  }
}

/** 2000 → "2s", 1500 → "1.5s", 250 → "250ms", 90000 → "1.5m". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms}ms`;
  if (ms < 60_000) return `${+(ms / 1000).toFixed(3)}s`;
  if (ms < 3_600_000) return `${+(ms / 60_000).toFixed(3)}m`;
  return `${+(ms / 3_600_000).toFixed(3)}h`;
}
