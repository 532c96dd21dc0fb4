import type { RunOutcome } from '../engine/deploy.js';
import { buildRestartPlan, restartSet } from '../plan/restart-plan.js';
import { unknownNameError } from '../spec/did-you-mean.js';
import type { Opened } from './open.js';
import { runPlanned, type LockedOptions } from './planned-run.js';

export interface RestartOptions extends LockedOptions {
  /** The services to restart; none: every service. */
  services?: string[];
  /** Also restart everything that depends on them, after them. */
  withDependents?: boolean;
}

/** The services `restart` would start again, in the order it starts them; exit 3 for a name the stack lacks. */
export function restartTargets(o: Opened, services: string[] = [], withDependents = false): string[] {
  const known = o.stack.services.map((s) => s.name);
  for (const n of services)
    if (!known.includes(n)) throw unknownNameError('service', n, known, `in stack ${o.stack.name}`);
  return restartSet(o.stack, services, withDependents);
}

/**
 * `convoy restart`: starts services again on the revision they run, in dependency order, each gated on its health
 * as a deployment gates it; a deployment of kind `restart`. It changes no revision, so a failure rolls nothing back.
 */
export async function restart(o: Opened, r: RestartOptions = {}): Promise<RunOutcome> {
  const chosen = restartTargets(o, r.services, r.withDependents);
  return await runPlanned(o, r, 'restart', async ({ recorded }) => {
    // What runs is what restarts: the recorded service, its secrets resolved again like a rollback's.
    const running = new Map(
      [...recorded].map(([n, rec]) => [
        n,
        chosen.includes(n) ? { ...rec, spec: o.stack.unseal(rec.spec) } : rec,
      ]),
    );
    return buildRestartPlan(o.stack, running, chosen);
  });
}
