import type { Plan, PlanEntry } from '../plan/plan.js';
import type { PauseDecision } from '../targets/target.js';
import type { RunContext } from './context.js';
import { Deferred } from './deferred.js';
import type { Emitter } from './emitter.js';

/** One wave's pause: the services held at `stage`, answered together. */
export interface Pause {
  wave: number;
  stage: string;
  services: readonly string[];
}

/**
 * Who decides at a pause: the deploy's own `--approve`/`--reject`, a decision recorded in the store (`convoy
 * approve`/`reject`, the dashboard), the paused services' post-deploy checks. `ended` aborts once the pause is
 * answered, so a decider that lost the race stops looking. Never resolving leaves the pause to each hook's
 * timeoutAction.
 */
export type Decide = (pause: Pause, ended: AbortSignal) => Promise<PauseDecision>;

/** A decision given up front (`convoy deploy --approve` / `--reject`), recorded with who gave it. */
export function decideUpFront(action: PauseDecision['action'] | undefined, actor: string): Decide {
  return action ? () => Promise.resolve({ action, by: actor }) : () => new Promise<PauseDecision>(() => {});
}

/** How often a paused deployment looks in the store for a decision another process recorded. */
export const STORED_DECISION_POLL_MS = 1000;

/**
 * A decision recorded in the store for this pause: by another process for this deployment, or for a deployment this
 * one resumed after its run died while paused (`resumed`: their ids). Polled through the clock.
 */
export function decideStored(ctx: RunContext, resumed: readonly string[]): Decide {
  return async (p, ended) => {
    const stop = AbortSignal.any([ended, ctx.signal]);
    for (;;) {
      for (const id of [ctx.deploymentId, ...resumed]) {
        const d = await ctx.store.getPauseDecision(id, p.wave, p.stage).catch(() => undefined);
        if (d) return { action: d.action, by: d.by };
      }
      await ctx.clock.sleep(STORED_DECISION_POLL_MS, stop);
    }
  };
}

/** The first of several deciders to answer; the others are told the pause ended. */
export function firstOf(...deciders: Decide[]): Decide {
  return async (p, ended) => {
    const done = new AbortController();
    const both = AbortSignal.any([ended, done.signal]);
    try {
      return await Promise.any(deciders.map((d) => d(p, both)));
    } finally {
      done.abort(new Error('the pause was answered'));
    }
  };
}

/**
 * Stores the decision (the first writer wins: another process may have recorded one meanwhile, and that one then
 * stands) and says it once: whoever records a decision emits its `pause.decided`.
 */
export function recordingDecisions(ctx: RunContext, decide: Decide): Decide {
  return async (p, ended) => {
    const d = await decide(p, ended);
    if (ended.aborted) return d; // answered already (the deployment stopped): nothing to record
    const result = await ctx.store
      .recordPauseDecision({
        stack: ctx.stack.name,
        deploymentId: ctx.deploymentId,
        wave: p.wave,
        stage: p.stage,
        services: [...p.services],
        action: d.action,
        by: d.by,
        at: ctx.clock.now(),
      })
      // A store that cannot be written does not keep the wave waiting: the decision is still taken and said.
      .catch(() => ({ recorded: true, decision: d }));
    const standing = { action: result.decision.action, by: result.decision.by };
    if (result.recorded)
      ctx.emitter.emit({
        code: 'pause.decided',
        wave: p.wave,
        stage: p.stage,
        services: [...p.services],
        ...standing,
      });
    return standing;
  };
}

interface Group {
  wave: number;
  stage: string;
  members: Set<string>;
  arrived: Map<string, Deferred<PauseDecision>>;
  left: Set<string>;
  decided: boolean;
  ended: AbortController;
}

/**
 * Stack-wide pauses: the services of a wave with the same `pauseAt` wait for each other at that stage, then one
 * decision (CONTINUE for all, or ROLLBACK for all) answers every one of them. A member that ends its gate without
 * pausing no longer holds the others; when the deployment stops, everyone still waiting rolls back.
 */
export class WavePauses {
  private readonly groups = new Map<string, Group>();
  private readonly byService = new Map<string, Group>();

  constructor(
    plan: Plan,
    private readonly decide: Decide,
    private readonly emit: Emitter['emit'],
  ) {
    for (const e of plan.entries) {
      const stage = e.changed ? e.service.aws?.pauseAt : undefined;
      if (!stage) continue;
      const key = `${e.wave}:${stage}`;
      let g = this.groups.get(key);
      if (!g) {
        g = {
          wave: e.wave,
          stage,
          members: new Set(),
          arrived: new Map(),
          left: new Set(),
          decided: false,
          ended: new AbortController(),
        };
        this.groups.set(key, g);
      }
      g.members.add(e.service.name);
      this.byService.set(e.service.name, g);
    }
  }

  /** The target's `pause` for this entry, when it has a `pauseAt`. */
  forEntry(e: PlanEntry): ((stage: string) => Promise<PauseDecision>) | undefined {
    const g = this.byService.get(e.service.name);
    if (!g) return undefined;
    return (stage) => {
      const d = g.arrived.get(e.service.name) ?? new Deferred<PauseDecision>();
      g.arrived.set(e.service.name, d);
      if (stage === g.stage) this.maybeDecide(g);
      return d.promise;
    };
  }

  /**
   * The entry's gate ended: it holds nobody any more. Once every paused member's gate ended undecided (a hook's
   * timeoutAction ended the pause), nobody waits for a decision: the deciders stop looking.
   */
  leave(name: string): void {
    const g = this.byService.get(name);
    if (!g) return;
    g.left.add(name);
    if (!g.arrived.has(name)) return this.maybeDecide(g);
    if ([...g.arrived.keys()].every((m) => g.left.has(m)))
      g.ended.abort(new Error('the pause ended undecided'));
  }

  /** The deployment stopped: whoever still waits goes back. */
  stopAll(why: string): void {
    for (const g of this.groups.values()) {
      if (g.arrived.size === 0 || this.settled(g)) continue;
      const d: PauseDecision = { action: 'ROLLBACK', by: `convoy (${why})` };
      this.emit({
        code: 'pause.decided',
        wave: g.wave,
        stage: g.stage,
        services: [...g.arrived.keys()],
        ...d,
      });
      this.settle(g, d);
    }
  }

  private maybeDecide(g: Group): void {
    if (g.decided) return;
    const waiting = [...g.members].filter((m) => g.arrived.has(m) || !g.left.has(m));
    if (waiting.length === 0 || !waiting.every((m) => g.arrived.has(m))) return;
    g.decided = true;
    this.emit({ code: 'pause.waiting', wave: g.wave, stage: g.stage, services: waiting });
    this.decide({ wave: g.wave, stage: g.stage, services: waiting }, g.ended.signal).then(
      (d) => this.settle(g, d),
      // The deployment stopped while deciding: stopAll answers.
      () => undefined,
    );
  }

  private settled(g: Group): boolean {
    return [...g.arrived.values()].every((d) => d.settled);
  }

  private settle(g: Group, d: PauseDecision): void {
    if (this.settled(g)) return;
    g.decided = true;
    g.ended.abort(new Error('the pause was answered'));
    for (const s of g.arrived.values()) s.resolve(d);
  }
}
