import type { Clock } from '../core/clock.js';
import type { Plan } from '../plan/plan.js';
import {
  estimateRemaining,
  unitInterval,
  type Estimate,
  type EstimateModel,
} from '../plan/estimate/schedule.js';
import type { Prediction } from '../store/store.js';
import type { Emit } from './events.js';

/** A service is late, and `deploy.stalled` says so, at this multiple of its usual duration. */
export const STALL_FACTOR = 3;
const MIN_REPLAY_MS = 250;

/** An estimate as the store keeps it next to what happened: with the midpoint its error is measured from. */
export const predictionOf = (e: Estimate): Prediction => ({
  lowMs: e.lowMs,
  highMs: e.highMs,
  midMs: Math.round((e.lowMs + e.highMs) / 2),
  basis: e.basis,
});

/**
 * The estimate of a running deployment, kept up to date as its services start and reach their gates, on the
 * engine's clock (so the simulator's virtual time moves it too).
 */
export class LiveEstimate {
  private readonly startedAt = new Map<string, number>();
  private readonly endedAt = new Map<string, number>();
  private last: { at: number; estimate: Estimate } | undefined;

  constructor(
    private readonly plan: Plan,
    private readonly model: EstimateModel,
    /** When the deployment started (clock ms): estimates count from there. */
    private readonly origin: number,
    private readonly clock: Clock,
  ) {}

  /**
   * What is left of the deployment from now. Replaying the plan costs time in proportion to its size, so a large
   * plan is replayed at most every 20 ms per service of clock time; in between, the last interval counts down.
   */
  remaining(): Estimate {
    const now = this.clock.now();
    const last = this.last;
    if (last && now - last.at < Math.max(MIN_REPLAY_MS, 20 * this.plan.entries.length)) {
      const dt = now - last.at;
      return {
        ...last.estimate,
        lowMs: Math.max(0, last.estimate.lowMs - dt),
        highMs: Math.max(0, last.estimate.highMs - dt),
      };
    }
    const estimate = estimateRemaining(this.plan, this.model, {
      elapsedMs: now - this.origin,
      startedAt: this.startedAt,
      endedAt: this.endedAt,
    });
    this.last = { at: now, estimate };
    return estimate;
  }

  /** The interval of one service's run. */
  interval(service: string): Estimate | undefined {
    const u = this.model.units.get(service);
    return u && unitInterval(u);
  }

  /** The prediction for one service's run, made as it starts. */
  unit(service: string): Prediction | undefined {
    const e = this.interval(service);
    return e && predictionOf(e);
  }

  started(service: string, at: number): void {
    this.startedAt.set(service, at - this.origin);
  }

  ended(service: string, at: number): void {
    this.endedAt.set(service, at - this.origin);
  }

  /**
   * Emits `deploy.stalled` once the service has run STALL_FACTOR times its usual duration and past the top of its
   * interval, unless one of `stops` aborts first (it reached its gate, failed, or the deployment stopped). A service
   * whose runs vary widely is not called stalled while a run that long is still among its usual ones. Only a service
   * with past runs has a usual duration: a guess from the stack file is too wide to call anything late.
   */
  watch(service: string, startedAt: number, emit: Emit, stops: AbortSignal[]): void {
    const unit = this.model.units.get(service);
    if (!unit || unit.basis !== 'history') return;
    const until = AbortSignal.any(stops);
    const medianMs = Math.round(unit.medianMs);
    const dueMs = Math.max(STALL_FACTOR * medianMs, Math.ceil(unitInterval(unit).highMs));
    // A timer may fire a millisecond before the clock reads its due time (timers and Date.now() round apart): sleep
    // again until it does, so the event never says it stalled before three times its usual.
    const due = async () => {
      do await this.clock.sleep(Math.max(0, startedAt + dueMs - this.clock.now()), until);
      while (this.clock.now() < startedAt + dueMs);
    };
    due().then(
      () => {
        if (until.aborted) return;
        emit({ code: 'deploy.stalled', service, elapsedMs: this.clock.now() - startedAt, medianMs });
      },
      () => undefined,
    );
  }
}
