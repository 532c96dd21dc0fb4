import type { Stack } from '../spec/types.js';
import { gateOf, type Plan, type PlanEntry } from '../plan/plan.js';
import { fromInterval } from '../plan/estimate/prior.js';
import { learnUnit, runsByService, type PastDeployment } from '../plan/estimate/learn.js';
import {
  intervalOf,
  learnModel,
  remainingDraws,
  sumOf,
  type Draws,
  type Estimate,
  type Progress,
} from '../plan/estimate/schedule.js';
import { normalQuantile, seeded } from '../plan/estimate/stats.js';
import type { DeploymentRecord, LockInfo, Store } from '../store/store.js';
import type { ServiceChange } from './events.js';
import { loadPastDeployments } from './past.js';

/**
 * Estimates read from the store alone, so the waiter, `convoy lock queue` and the dashboard agree: how long a queued
 * deployment waits for its turn (what remains of the holder's deployment, replayed from its plan and its progress so
 * far, plus one whole deployment for each one ahead, each like the stack's latest one), and a running service's
 * usual duration.
 */

export type { Estimate };

/** A waiter looks at the lock this often, so it takes up to this long to notice that it is free. */
export const QUEUE_POLL_MS = 500;

/** A deployment's plan as its `deploy.started` event recorded it, with each service's spec from the store. */
interface StoredPlan {
  plan: Plan;
  order: Stack['deploy']['order'];
}

/** With no deployment of the stack on record at all, one is guessed to take between 10 s and 10 min. */
const UNKNOWN = fromInterval(10_000, 10 * 60_000);
const UNKNOWN_DRAWS = 400;
const SEED = 17;

async function storedPlan(store: Store, d: DeploymentRecord): Promise<StoredPlan | undefined> {
  const started = (await store.listEvents(d.id)).find((e) => e.code === 'deploy.started');
  if (!started) return undefined;
  const data = started.data as {
    waves: string[][];
    changes: ServiceChange[];
    order?: Stack['deploy']['order'];
  };
  const waveOf = new Map(data.waves.flatMap((names, i) => names.map((n) => [n, i] as const)));
  const entries = await Promise.all(
    data.changes.map(async (c): Promise<PlanEntry | undefined> => {
      const rev = await store.getRevision(d.stack, c.service, c.to);
      if (!rev) return undefined;
      return {
        service: rev.spec,
        revision: c.to,
        ...(c.from === undefined ? {} : { from: c.from }),
        changed: c.changed,
        reasons: c.reasons,
        wave: waveOf.get(c.service) ?? 0,
        gate: gateOf(rev.spec),
      };
    }),
  );
  const kept = entries.filter((e) => e !== undefined);
  const names = new Set(kept.map((e) => e.service.name));
  return {
    plan: {
      stack: d.stack,
      waves: data.waves.map((w) => w.filter((n) => names.has(n))),
      entries: kept,
    },
    order: data.order ?? 'waves',
  };
}

/** Where a running deployment stands, from its steps: which services started and which reached their gate. */
async function progressOf(store: Store, d: DeploymentRecord, now: number): Promise<Progress> {
  const startedAt = new Map<string, number>();
  const endedAt = new Map<string, number>();
  for (const s of await store.listSteps(d.id)) {
    if (s.startedAt === undefined) continue;
    startedAt.set(s.service, s.startedAt - d.startedAt);
    if (s.endedAt !== undefined && s.state !== 'starting') endedAt.set(s.service, s.endedAt - d.startedAt);
  }
  return { elapsedMs: now - d.startedAt, startedAt, endedAt };
}

function unknownDraws(elapsedMs: number): Draws {
  const rand = seeded(SEED);
  const totals = Array.from({ length: UNKNOWN_DRAWS }, () =>
    Math.max(0, Math.exp(UNKNOWN.mu + UNKNOWN.sigma * normalQuantile(rand())) - elapsedMs),
  ).sort((a, b) => a - b);
  return { totals, basis: 'guess' };
}

/**
 * The interval of a queued deployment's wait from `now`: the holder's remainder (none when the lock is free), then
 * `ahead` whole deployments, each followed by the time the next one takes to notice the lock is free.
 */
export async function estimateWait(
  store: Store,
  stack: string,
  o: { holder: LockInfo | undefined; ahead: number; now: number },
): Promise<Estimate> {
  const recent = (await store.listDeployments({ stack, limit: 5 })).filter(
    (d) => d.kind !== 'down' && d.kind !== 'scale',
  );
  const past = await loadPastDeployments(store, stack);
  const running = recent.find(
    (d) =>
      (d.status === 'running' || d.status === 'rolling-back') && d.correlationId === o.holder?.correlationId,
  );
  let latest: StoredPlan | undefined;
  for (const d of recent) if ((latest = await storedPlan(store, d))) break;
  const whole = (elapsedMs: number): Draws =>
    latest ? drawsOf(latest, past, { ...none, elapsedMs }) : unknownDraws(elapsedMs);

  const parts: Draws[] = [];
  if (o.holder) {
    const own = running && (await storedPlan(store, running));
    parts.push(
      running && own
        ? drawsOf(own, past, await progressOf(store, running, o.now))
        : whole(o.now - (running?.startedAt ?? o.holder.acquiredAt)),
    );
  }
  for (let i = 0; i < o.ahead; i++) parts.push(whole(0));
  const handovers = (o.holder ? 1 : 0) + o.ahead;
  const basis = parts[0]?.basis ?? 'history';
  for (let i = 0; i < handovers; i++) parts.push(uniform(QUEUE_POLL_MS, basis));
  return intervalOf(sumOf(parts));
}

const none: Progress = { elapsedMs: 0, startedAt: new Map(), endedAt: new Map() };

function drawsOf(p: StoredPlan, past: readonly PastDeployment[], progress: Progress): Draws {
  return remainingDraws(p.plan, learnModel(p.plan, p.order, past), progress);
}

/** Evenly between 0 and `ms`: when a waiter polling every `ms` notices the lock is free. */
function uniform(ms: number, basis: Draws['basis']): Draws {
  const n = 64;
  return { totals: Array.from({ length: n }, (_, i) => ((i + 0.5) * ms) / n), basis };
}

/**
 * The usual duration (ms) of each service at the given revision: the learned median of its past runs under that
 * revision's timing, for the services that have such runs.
 */
export async function usualDurations(
  store: Store,
  stack: string,
  services: readonly { service: string; revision: string | null }[],
): Promise<Map<string, number>> {
  const runs = runsByService(await loadPastDeployments(store, stack));
  const usual = new Map<string, number>();
  for (const { service, revision } of services) {
    const rev = revision === null ? undefined : await store.getRevision(stack, service, revision);
    if (!rev) continue;
    const unit = learnUnit(rev.spec, runs.get(service) ?? []);
    if (unit.basis === 'history') usual.set(service, Math.round(unit.medianMs));
  }
  return usual;
}
