import type { Plan, PlanEntry } from '../plan/plan.js';
import type { PauseDecision } from '../targets/target.js';
import { Deferred } from './deferred.js';
import type { Emitter } from './emitter.js';

/**
 * Who decides at a pause. The first implementation is the deploy's own `--approve`/`--reject`; post-deploy checks
 * (`verify:`) plug in here: run them against the test traffic and answer CONTINUE or ROLLBACK. Resolving never
 * leaves the decision to each hook's timeoutAction.
 */
export type Decide = (stage: string, services: readonly string[]) => Promise<PauseDecision>;

/** A decision given up front (`convoy deploy --approve` / `--reject`), recorded with who gave it. */
export function decideUpFront(action: PauseDecision['action'] | undefined, actor: string): Decide {
  return action ? () => Promise.resolve({ action, by: actor }) : () => new Promise<PauseDecision>(() => {});
}

interface Group {
  wave: number;
  stage: string;
  members: Set<string>;
  arrived: Map<string, Deferred<PauseDecision>>;
  left: Set<string>;
  decided: boolean;
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
        g = { wave: e.wave, stage, members: new Set(), arrived: new Map(), left: new Set(), decided: false };
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

  /** The entry's gate ended: it holds nobody any more. */
  leave(name: string): void {
    const g = this.byService.get(name);
    if (!g || g.arrived.has(name)) return;
    g.left.add(name);
    this.maybeDecide(g);
  }

  /** The deployment stopped: whoever still waits goes back. */
  stopAll(why: string): void {
    for (const g of this.groups.values()) {
      if (g.arrived.size === 0) continue;
      this.settle(g, { action: 'ROLLBACK', by: `convoy (${why})` });
    }
  }

  private maybeDecide(g: Group): void {
    if (g.decided) return;
    const waiting = [...g.members].filter((m) => !g.left.has(m));
    if (waiting.length === 0 || !waiting.every((m) => g.arrived.has(m))) return;
    g.decided = true;
    this.emit({ code: 'pause.waiting', wave: g.wave, stage: g.stage, services: waiting });
    void this.decide(g.stage, waiting).then((d) => this.settle(g, d));
  }

  private settle(g: Group, d: PauseDecision): void {
    const services = [...g.arrived.keys()];
    if (services.every((s) => g.arrived.get(s)!.settled)) return;
    g.decided = true;
    this.emit({ code: 'pause.decided', wave: g.wave, stage: g.stage, services, action: d.action, by: d.by });
    for (const s of services) g.arrived.get(s)!.resolve(d);
  }
}
