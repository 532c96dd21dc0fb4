import { CfnModel } from '../../test/emulator/cfn/model.js';
import { defaultContext } from '../../test/emulator/core/context.js';
import { EventQueue } from '../../test/emulator/core/queue.js';
import { Random } from '../../test/emulator/core/random.js';
import {
  BehaviourRegistry,
  defaultBehaviour,
  type ImageBehaviour,
  type MatchSubject,
} from '../../test/emulator/ecs/behaviour.js';
import { EcsModel } from '../../test/emulator/ecs/model.js';
import type { EcsTimings } from '../../test/emulator/ecs/timings.js';
import { ElbModel } from '../../test/emulator/elb/model.js';
import { LogsModel } from '../../test/emulator/logs/model.js';
import { VirtualClock } from './clock.js';

/** 2026-01-01: a fixed epoch, so two runs with the same seed print the same timestamps. */
export const T0 = Date.UTC(2026, 0, 1);

/**
 * Behaviour by exact image: the registry's glob rules compile a pattern per rule per container, which for a
 * thousand-service stack costs more than the whole deployment it simulates.
 */
export class ImageTable extends BehaviourRegistry {
  private readonly byImage = new Map<string, Partial<ImageBehaviour>>();

  setImage(image: string, b: Partial<ImageBehaviour>): void {
    this.byImage.set(image, b);
  }

  override resolve(s: MatchSubject): ImageBehaviour {
    const b = this.byImage.get(s.image);
    return b ? { ...defaultBehaviour, ...b } : super.resolve(s);
  }
}

/** The simulation itself went wrong (as opposed to the deployment it runs): never reported as a deployment result. */
export class SimulationError extends Error {
  override name = 'SimulationError';
}

export interface WorldOptions {
  seed: number;
  timings?: Partial<EcsTimings>;
}

/**
 * The emulator's models on one event queue, plus the virtual clock the engine reads: ECS (with its health checks,
 * scheduler and circuit breaker), ELB, CloudWatch Logs and CloudFormation, exactly as the HTTP emulator builds them
 * but with behaviour looked up by image and no server in between.
 */
export class SimWorld {
  readonly queue = new EventQueue(T0);
  readonly clock = new VirtualClock(T0);
  readonly rng: Random;
  readonly behaviours = new ImageTable();
  readonly logs: LogsModel;
  readonly elb: ElbModel;
  readonly ecs: EcsModel;
  readonly cfn: CfnModel;
  /** CPU milliseconds spent inside the models (API operations and queue events), to separate them from Convoy's. */
  modelMs = 0;
  steps = 0;
  /** Called after each step; used to sample memory. */
  onStep?: () => void;

  constructor(opts: WorldOptions) {
    this.rng = new Random(opts.seed);
    this.logs = new LogsModel(defaultContext, () => this.queue.now);
    this.elb = new ElbModel(this.queue, defaultContext);
    this.ecs = new EcsModel(this.queue, {
      behaviours: this.behaviours,
      logs: this.logs,
      elb: this.elb,
      rng: this.rng,
      timings: opts.timings,
    });
    this.cfn = new CfnModel(this.queue, this.ecs, { rng: this.rng });
  }

  /** Runs a model operation, charging its CPU time to the simulator rather than to Convoy. */
  model<T>(op: () => T): T {
    const t = process.cpuUsage();
    try {
      return op();
    } finally {
      const d = process.cpuUsage(t);
      this.modelMs += (d.user + d.system) / 1000;
    }
  }

  /** Marks API activity, so the driver does not mistake a turn that only called the model for a quiet one. */
  touch(): void {
    this.clock.activity++;
  }

  /**
   * Runs `work` to completion on virtual time. Whenever a full event-loop turn passes with no new sleep and no API
   * call, every promise chain is parked on a sleeper: then model events up to the earliest wake-up are processed
   * and that sleeper (and any due with it) wakes. Nothing in the engine observes the model between API calls, so
   * processing all model events before the next wake-up in one batch is the same as stepping them one by one.
   */
  async drive<T>(work: Promise<T>, limitMs = 24 * 3600_000): Promise<T> {
    let done = false;
    work.then(
      () => (done = true),
      () => (done = true),
    );
    const limit = this.clock.now() + limitMs;
    while (!done) {
      await this.quiet();
      if (done) break;
      const wake = this.clock.nextWake();
      if (wake === undefined)
        throw new SimulationError('simulation stalled: the run waits on nothing with a time');
      if (wake > limit)
        throw new SimulationError(`simulation ran past its limit of ${limitMs / 60_000} virtual minutes`);
      this.model(() => this.queue.advance(wake));
      this.clock.advanceTo(wake);
      this.steps++;
      this.onStep?.();
    }
    return work;
  }

  /** Lets `ms` of virtual time pass (background pollers and heartbeats keep running). */
  idle(ms: number): Promise<void> {
    return this.drive(this.clock.sleep(ms));
  }

  /** Model-only time travel for the baselines, which act on the model directly: no engine runs meanwhile. */
  advanceModel(to: number): void {
    this.model(() => this.queue.advance(to));
    this.clock.advanceTo(Math.max(this.clock.now(), to));
  }

  /** Steps the model event by event until `done` holds; the time it first held, or undefined past `limit`. */
  runModelUntil(done: () => boolean, limit: number): number | undefined {
    for (;;) {
      if (done()) return this.queue.now;
      const next = this.queue.nextEventTime();
      if (next === undefined || next > limit) return undefined;
      this.advanceModel(next);
    }
  }

  private async quiet(): Promise<void> {
    for (;;) {
      const before = this.clock.activity;
      await new Promise<void>((r) => setImmediate(r));
      if (this.clock.activity === before) return;
    }
  }
}
