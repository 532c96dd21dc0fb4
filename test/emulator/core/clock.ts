/**
 * Model time for the HTTP emulator: the wall clock sped up by 1/scale (scale 0.01 turns a 30 s health check interval
 * into 300 ms), plus any time skipped through the control API. Timestamps shown to clients are mapped back onto the
 * wall clock, so they read as real epoch times next to the client's own clock; only durations look compressed.
 */

export interface TimeMap {
  toWall(modelMs: number): number;
  toModel(wallMs: number): number;
}

export const identityTime: TimeMap = { toWall: (ms) => ms, toModel: (ms) => ms };

export class ScaledClock implements TimeMap {
  private skipped = 0;

  constructor(
    readonly scale = 1,
    private readonly wall: () => number = Date.now,
    readonly realStart = wall(),
    readonly modelStart = realStart,
  ) {
    if (!(scale > 0)) throw new Error(`time scale must be positive, got ${scale}`);
  }

  now(): number {
    return this.modelStart + (this.wall() - this.realStart) / this.scale + this.skipped;
  }

  /** Jumps model time forward (e.g. past CloudFormation's three-hour stabilization timeout). */
  skip(ms: number): void {
    this.skipped += Math.max(0, ms);
  }

  toWall(modelMs: number): number {
    return Math.round(this.realStart + (modelMs - this.modelStart) * this.scale);
  }

  toModel(wallMs: number): number {
    return this.modelStart + (wallMs - this.realStart) / this.scale;
  }
}
