import type { Clock } from '../../core/clock.js';
import type { Unit } from '../target.js';
import type { EcsApi } from './clients.js';
import { Pacer, type Rate } from './pacer.js';
import { ensureTaskDefinition, recentRevisions, registrationFor, type Resolved } from './taskdef.js';

/**
 * RegisterTaskDefinition's quota per account and Region: 20 burst, 1 per second sustained — the tightest of the ECS
 * operations a deployment uses. Half the burst is left to other writers in the account.
 */
export const REGISTER_RATE: Rate = { burst: 10, perSecond: 1 };

/**
 * Every task definition registration of one target goes through here, paced below the quota. prepare() registers
 * a deployment's definitions ahead in the order given (most urgent first), so at 1,000 services the registrations
 * (16 minutes at 1/s) overlap the waits rather than queue up on the critical path. A start() whose definition is
 * still queued waits for its turn: being startable early does not make a service urgent when it has slack, and
 * letting it jump the queue delays the long chains (measured: 1.12× the bound instead of ~1.05×, bench/README.md).
 * Definitions prepare() was not given (a rollback's) go first.
 */
export class Registrar {
  private readonly pacer: Pacer;
  private readonly prepared = new Map<string, Slot>();

  constructor(
    private readonly ecs: EcsApi,
    clock: Clock,
    rate: Rate = REGISTER_RATE,
    /** deploy.failFast is conclusive: CMD-SHELL health checks report conclusive results to the logs. */
    private readonly reportHealth = false,
  ) {
    this.pacer = new Pacer(clock, rate);
  }

  /**
   * Looks up or registers each unit's definition in turn. Reuse is judged against the family's latest revision
   * only (at start() also against what the service runs), to spare a DescribeServices per unit.
   */
  async prepare(units: readonly Unit[], signal: AbortSignal): Promise<void> {
    const queue = units.filter((u) => u.service.aws && u.service.kind !== 'cloudformation');
    // start() takes a slot out of the map as it starts waiting on it; the worker keeps its own list.
    const slots = queue.map((unit) => ({ unit, slot: newSlot() }));
    for (const { unit, slot } of slots) this.prepared.set(keyOf(unit), slot);
    for (const { unit, slot } of slots) {
      if (signal.aborted) slot.reject(signal.reason);
      else await this.ensure(unit, [], false, signal).then(slot.resolve, slot.reject);
    }
  }

  /** The definition start() deploys: the one prepared for it, else one resolved now, ahead of any preparation. */
  async resolve(unit: Unit, candidates: readonly string[]): Promise<Resolved> {
    const key = keyOf(unit);
    const slot = this.prepared.get(key);
    if (!slot) {
      const reg = registrationFor(unit.service, unit.revision, unit.stack, {
        reportHealth: this.reportHealth,
      });
      const earlier = unit.returning ? await recentRevisions(this.ecs, reg.family) : [];
      return this.ensure(unit, [...candidates, ...earlier], true);
    }
    this.prepared.delete(key);
    // A preparation cut short (or refused) is tried once more now, so the error start() reports is its own.
    return slot.promise.catch(() => this.ensure(unit, candidates, true));
  }

  private ensure(unit: Unit, candidates: readonly string[], urgent: boolean, signal?: AbortSignal) {
    const reg = registrationFor(unit.service, unit.revision, unit.stack, {
      reportHealth: this.reportHealth,
    });
    return ensureTaskDefinition(this.ecs, reg, unit.revision, candidates, () =>
      this.pacer.take(urgent, signal),
    );
  }
}

interface Slot {
  promise: Promise<Resolved>;
  resolve(r: Resolved): void;
  reject(err: unknown): void;
}

function newSlot(): Slot {
  const s = {} as Slot;
  s.promise = new Promise<Resolved>((resolve, reject) => Object.assign(s, { resolve, reject }));
  // Nobody may ever ask for it (the deployment stopped first): that is not an unhandled rejection.
  s.promise.catch(() => undefined);
  return s;
}

function keyOf(unit: Unit): string {
  return `${unit.service.name}\0${unit.revision}`;
}
