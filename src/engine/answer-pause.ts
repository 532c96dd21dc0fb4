import type { Clock } from '../core/clock.js';
import { NotPausedError } from '../errors.js';
import type { Stack } from '../spec/types.js';
import type { DeploymentRecord, Store, StoredEvent, StoredPauseDecision } from '../store/store.js';
import type { PauseDecision } from '../targets/target.js';
import { Emitter } from './emitter.js';

interface OpenPause {
  deployment: DeploymentRecord;
  wave: number;
  stage: string;
  services: string[];
}

const samePause = (a: StoredEvent, b: StoredEvent) =>
  a.data.wave === b.data.wave && a.data.stage === b.data.stage;

/** The deployment's pauses that wait for a decision: said waiting, neither said nor stored decided. */
async function openPauses(store: Store, d: DeploymentRecord): Promise<OpenPause[]> {
  const events = await store.listEvents(d.id);
  const open: OpenPause[] = [];
  for (const [i, w] of events.entries()) {
    if (w.code !== 'pause.waiting') continue;
    if (events.slice(i + 1).some((e) => e.code === 'pause.decided' && samePause(e, w))) continue;
    const wave = w.data.wave as number;
    const stage = w.data.stage as string;
    if (await store.getPauseDecision(d.id, wave, stage)) continue;
    open.push({ deployment: d, wave, stage, services: w.data.services as string[] });
  }
  return open;
}

/** What runs instead of a pause, for the error: which deployment, by whom, and which services it is starting. */
async function whatRuns(store: Store, stack: string, running: DeploymentRecord[]): Promise<string> {
  const d = running[0];
  if (!d) return `no deployment of stack ${stack} is running`;
  const starting = (await store.listSteps(d.id)).filter((s) => s.state === 'starting').map((s) => s.service);
  return (
    `no deployment of stack ${stack} is paused: deployment ${d.id} (${d.kind} by ${d.actor}, started ` +
    `${new Date(d.startedAt).toISOString()}) is ${d.status}` +
    (starting.length ? `, starting ${starting.join(', ')}` : '')
  );
}

/**
 * `convoy approve` / `convoy reject` and the dashboard's action: answers every pause the stack's running deployment
 * waits at, recorded in the store with who took the decision. The deployment (or the one that resumes it after its
 * run died) reads it from there. The store lets the first decision win; a pause someone answered first, or no pause
 * at all, is a NotPausedError (exit 3) naming what runs.
 */
export async function answerPause(
  deps: { store: Store; clock: Clock },
  stack: Stack,
  answer: PauseDecision,
): Promise<StoredPauseDecision[]> {
  const { store, clock } = deps;
  const running = (await store.findUnfinished(stack.name))
    .filter((d) => d.status === 'running')
    .sort((a, b) => b.startedAt - a.startedAt);
  const open = (await Promise.all(running.map((d) => openPauses(store, d)))).flat();
  if (!open.length) throw new NotPausedError(await whatRuns(store, stack.name, running));
  const emitter = Emitter.forStack(stack, store, clock);
  const answered: StoredPauseDecision[] = [];
  try {
    for (const p of open) {
      const r = await store.recordPauseDecision({
        stack: stack.name,
        deploymentId: p.deployment.id,
        wave: p.wave,
        stage: p.stage,
        services: p.services,
        action: answer.action,
        by: answer.by,
        at: clock.now(),
      });
      if (!r.recorded)
        throw new NotPausedError(
          `the pause at ${p.stage} of deployment ${p.deployment.id} was already decided: ${r.decision.action} by ${r.decision.by}`,
        );
      emitter.deploymentId = p.deployment.id;
      emitter.emit({
        code: 'pause.decided',
        wave: p.wave,
        stage: p.stage,
        services: p.services,
        action: answer.action,
        by: answer.by,
      });
      answered.push(r.decision);
    }
  } finally {
    await emitter.flush();
  }
  return answered;
}
