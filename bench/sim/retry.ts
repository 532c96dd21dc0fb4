import type { Random } from '../../test/emulator/core/random.js';
import type { VirtualClock } from './clock.js';

/**
 * What the SDK's `adaptive` retry mode does with a throttled request, on virtual time. In-process adapters bypass
 * the SDK's middleware, so this reproduces it: the constants and formulas are those of @smithy/core's
 * StandardRetryStrategy (retries-2026 config: throttling backoff base 1 s, cap 20 s, retry quota 500 tokens at 5
 * per throttled retry) and DefaultRateLimiter (CUBIC client-side rate limiting), with convoy's maxAttempts of 8
 * (src/targets/aws/clients.ts). One instance per client, as the SDK keeps one per client.
 */

const MAX_ATTEMPTS = 8;
const THROTTLING_DELAY_BASE_MS = 1_000;
const MAX_DELAY_MS = 20_000;
const INITIAL_RETRY_TOKENS = 500;
const THROTTLING_COST = 5;
const NO_RETRY_INCREMENT = 1;

export class SdkRetry {
  private capacity = INITIAL_RETRY_TOKENS;
  readonly limiter: CubicLimiter;

  constructor(
    private readonly clock: VirtualClock,
    private readonly rng: Random,
  ) {
    this.limiter = new CubicLimiter(clock);
  }

  /**
   * Sends `attempt` until it is not throttled. `attempt` returns false when AWS throttled it. Resolves with the
   * number of throttled attempts absorbed; rejects with `giveUp()` when the SDK would have given up.
   */
  async send(attempt: () => Promise<boolean>, giveUp: () => Error): Promise<number> {
    await this.limiter.acquire();
    let retries = 0;
    let lastCost: number | undefined;
    for (;;) {
      if (await attempt()) {
        this.limiter.update(false);
        this.capacity = Math.min(INITIAL_RETRY_TOKENS, this.capacity + (lastCost ?? NO_RETRY_INCREMENT));
        return retries;
      }
      this.limiter.update(true);
      if (retries + 1 >= MAX_ATTEMPTS || this.capacity < THROTTLING_COST) throw giveUp();
      const delay = Math.floor(
        this.rng.next() * Math.min(THROTTLING_DELAY_BASE_MS * 2 ** retries, MAX_DELAY_MS),
      );
      this.capacity -= THROTTLING_COST;
      lastCost = THROTTLING_COST;
      retries++;
      await this.clock.sleep(delay);
      await this.limiter.acquire();
    }
  }
}

/** @smithy/core DefaultRateLimiter, with time from the virtual clock instead of Date.now(). */
export class CubicLimiter {
  private readonly beta = 0.7;
  private readonly minCapacity = 1;
  private readonly minFillRate = 0.5;
  private readonly scaleConstant = 0.4;
  private readonly smooth = 0.8;
  enabled = false;
  private availableTokens = 0;
  private lastMaxRate = 0;
  private measuredTxRate = 0;
  private requestCount = 0;
  fillRate = this.minFillRate;
  private maxCapacity = this.minCapacity;
  private lastThrottleTime: number;
  private lastTimestamp = 0;
  private lastTxRateBucket: number;
  private timeWindow = 0;

  constructor(private readonly clock: VirtualClock) {
    this.lastThrottleTime = this.seconds();
    this.lastTxRateBucket = Math.floor(this.seconds());
  }

  private seconds(): number {
    return this.clock.now() / 1000;
  }

  async acquire(): Promise<void> {
    if (!this.enabled) return;
    this.refill();
    while (1 > this.availableTokens) {
      await this.clock.sleep(((1 - this.availableTokens) / this.fillRate) * 1000);
      this.refill();
    }
    this.availableTokens -= 1;
  }

  update(throttled: boolean): void {
    this.updateMeasuredRate();
    let rate: number;
    if (throttled) {
      const rateToUse = !this.enabled ? this.measuredTxRate : Math.min(this.measuredTxRate, this.fillRate);
      this.lastMaxRate = rateToUse;
      this.calculateTimeWindow();
      this.lastThrottleTime = this.seconds();
      rate = rateToUse * this.beta;
      this.enabled = true;
    } else {
      this.calculateTimeWindow();
      rate =
        this.scaleConstant * (this.seconds() - this.lastThrottleTime - this.timeWindow) ** 3 +
        this.lastMaxRate;
    }
    const newRate = Math.min(rate, 2 * this.measuredTxRate);
    this.refill();
    this.fillRate = Math.max(newRate, this.minFillRate);
    this.maxCapacity = Math.max(newRate, this.minCapacity);
    this.availableTokens = Math.min(this.availableTokens, this.maxCapacity);
  }

  private refill(): void {
    const t = this.seconds();
    if (!this.lastTimestamp) {
      this.lastTimestamp = t;
      return;
    }
    this.availableTokens = Math.min(
      this.maxCapacity,
      this.availableTokens + (t - this.lastTimestamp) * this.fillRate,
    );
    this.lastTimestamp = t;
  }

  private calculateTimeWindow(): void {
    this.timeWindow = ((this.lastMaxRate * (1 - this.beta)) / this.scaleConstant) ** (1 / 3);
  }

  private updateMeasuredRate(): void {
    const t = this.seconds();
    const bucket = Math.floor(t * 2) / 2;
    this.requestCount++;
    if (bucket > this.lastTxRateBucket) {
      const current = this.requestCount / (bucket - this.lastTxRateBucket);
      this.measuredTxRate = current * this.smooth + this.measuredTxRate * (1 - this.smooth);
      this.requestCount = 0;
      this.lastTxRateBucket = bucket;
    }
  }
}
