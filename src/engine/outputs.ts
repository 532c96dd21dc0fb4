import type { Plan, PlanEntry } from '../plan/plan.js';
import { resolveOutputs } from '../plan/outputs.js';
import { revisionOf } from '../plan/revision.js';
import type { Unit } from '../targets/target.js';
import type { RunContext } from './context.js';

/**
 * CloudFormation outputs during one deployment: read from each phase's stack once it completed (and recorded on its
 * `service.ready` event), then filled into the `${cfn:…}` of the units planned as "known after" it.
 */
export class RunOutputs {
  private readonly known = new Map<string, Readonly<Record<string, string>>>();

  constructor(
    private readonly ctx: RunContext,
    private readonly plan: Plan,
  ) {}

  /** After a phase passed its gate: its stack's outputs now, for the units after it and for the record. */
  async completed(e: PlanEntry, unit: Unit): Promise<Record<string, string> | undefined> {
    if (e.service.kind !== 'cloudformation' || !this.ctx.target.outputs) return undefined;
    const outputs = await this.ctx.target.outputs(unit);
    this.known.set(e.service.name, outputs);
    return outputs;
  }

  /**
   * Fills in an entry's pending outputs: its service and revision become what will be deployed, recorded for a
   * rollback to return to. Returns false when that turns out to be what runs already (the outputs did not change).
   * Throws MissingOutputError (exit 3) for an output the stack does not have.
   */
  async fill(e: PlanEntry): Promise<boolean> {
    const pending = e.pendingOutputs!;
    for (const u of pending.units) if (!this.known.has(u)) this.known.set(u, await this.live(u));
    const resolved = resolveOutputs(
      e.service,
      (u) =>
        this.known.get(u) ??
        this.plan.entries.find((x) => x.service.name === u)?.service.cloudformation?.outputs,
    );
    e.service = resolved;
    e.revision = revisionOf(resolved);
    delete e.pendingOutputs;
    if (e.revision === e.from && pending.running) {
      e.changed = false;
      e.reasons = [];
      return false;
    }
    await this.ctx.store.saveRevision({
      stack: this.ctx.stack.name,
      service: resolved.name,
      revision: e.revision,
      spec: resolved,
      createdAt: this.ctx.clock.now(),
    });
    return true;
  }

  /** A phase this deployment did not run, whose outputs were never recorded: read from its stack as it is. */
  private async live(name: string): Promise<Readonly<Record<string, string>>> {
    const e = this.plan.entries.find((x) => x.service.name === name);
    if (!e || !this.ctx.target.outputs) return {};
    return this.ctx.target.outputs({ stack: this.plan.stack, service: e.service, revision: e.revision });
  }
}
