import type { Job } from './resources.js';

/**
 * Runs resource actions the way CloudFormation does: every action whose dependencies are done starts at once; the
 * first failure cancels the ones in flight and nothing new starts. `finish` gets the failed and the cancelled IDs.
 */

export interface Action {
  id: string;
  deps: string[];
  start(done: (error?: string) => void): Job;
  /** Records that the action was cut short because another one failed or the update was cancelled. */
  cancelled(): void;
}

export class Runner {
  private state = new Map<string, 'waiting' | 'running' | 'ok' | 'failed'>();
  private jobs = new Map<string, Job>();
  private failed: string[] = [];
  private cancelledIds: string[] = [];
  private finished = false;
  private stopping = false;

  constructor(
    private readonly actions: Action[],
    private readonly finish: (failed: string[], cancelled: string[]) => void,
  ) {
    for (const a of actions) this.state.set(a.id, 'waiting');
  }

  start(): void {
    this.pump();
  }

  /** CancelUpdateStack: stop everything in flight, as if it had failed. */
  cancel(): void {
    this.stopping = true;
    this.cancelRunning();
    this.pump();
  }

  get running(): string[] {
    return [...this.state].filter(([, s]) => s === 'running').map(([id]) => id);
  }

  private pump(): void {
    if (this.finished) return;
    if (!this.stopping && this.failed.length === 0 && this.cancelledIds.length === 0) {
      for (const a of this.actions) {
        if (this.state.get(a.id) !== 'waiting') continue;
        if (!a.deps.every((d) => !this.state.has(d) || this.state.get(d) === 'ok')) continue;
        this.state.set(a.id, 'running');
        let settled = false;
        const job = a.start((error) => {
          if (settled || this.state.get(a.id) !== 'running') return;
          settled = true;
          this.state.set(a.id, error === undefined ? 'ok' : 'failed');
          if (error !== undefined) {
            this.failed.push(a.id);
            this.cancelRunning();
          }
          this.pump();
        });
        if (this.state.get(a.id) === 'running') this.jobs.set(a.id, job);
      }
    }
    if (this.running.length === 0 && !this.finished) {
      this.finished = true;
      this.finish(this.failed, this.cancelledIds);
    }
  }

  private cancelRunning(): void {
    for (const a of this.actions) {
      if (this.state.get(a.id) !== 'running') continue;
      this.jobs.get(a.id)?.cancel();
      this.state.set(a.id, 'failed');
      this.cancelledIds.push(a.id);
      a.cancelled();
    }
  }
}

/** Dependency order for creation; reversed for deletion. Cycles fall back to declaration order. */
export function dependencyOrder(deps: Map<string, string[]>): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const visit = (id: string, stack: Set<string>) => {
    if (seen.has(id) || stack.has(id)) return;
    stack.add(id);
    for (const d of deps.get(id) ?? []) if (deps.has(d)) visit(d, stack);
    seen.add(id);
    out.push(id);
  };
  for (const id of deps.keys()) visit(id, new Set());
  return out;
}
