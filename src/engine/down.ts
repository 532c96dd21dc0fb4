import type { EngineDeps, LockedRun } from './deploy.js';
import type { Subscriber } from './events.js';
import { runLocked } from './locked-record.js';

export interface DownOptions extends LockedRun {
  subscribers?: Subscriber[];
}

export interface DownOutcome {
  deploymentId: string;
  /** Services that were running and were stopped. */
  stopped: string[];
}

/**
 * Stops everything the target started for the stack, holding the stack's lease like a deployment: the heartbeat
 * keeps it for as long as the target takes (minutes on aws, against a 15 s lease), so no deployment can start
 * underneath. History records it as a deployment of kind `down`.
 */
export function runDown(deps: EngineDeps, o: DownOptions): Promise<DownOutcome> {
  return runLocked(deps, o, 'down', async ({ deploymentId, emitter }) => {
    const stopped = await deps.target.down();
    // Stored in the stack's stream, so followers (`convoy events`) see the stack go down.
    emitter.emit({ code: 'stack.down', stopped });
    const summary = stopped.length ? `stopped ${stopped.join(', ')}` : 'nothing was running';
    return { summary, result: { deploymentId, stopped } };
  });
}
