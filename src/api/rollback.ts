import {
  observe,
  recordedRevisions,
  runDeployment,
  type EngineDeps,
  type RunOutcome,
} from '../engine/deploy.js';
import { Emitter } from '../engine/emitter.js';
import type { Subscriber } from '../engine/events.js';
import { startNotifying } from './notify-run.js';
import { InvalidInputError } from '../errors.js';
import type { Plan, Recorded } from '../plan/plan.js';
import { buildRollbackPlan, type Previous } from '../plan/rollback-plan.js';
import type { Stack } from '../spec/types.js';
import type { Opened } from './open.js';
import { correlationIdFrom, whoAndWhere } from './who.js';

export interface RollbackOptions {
  /** The services to put back; none: every service that has an earlier good revision. */
  services?: string[];
  correlationId?: string;
  waitLockMs?: number;
  subscribers?: Subscriber[];
  signal?: AbortSignal;
  /** As for deploy: how long the channels keep sending after the rollback ends. */
  notifyGraceMs?: number;
}

/** One service's way back: from its current revision to its newest earlier good one. */
export interface RollbackChange {
  service: string;
  from: string | null;
  to: string;
}

/** The newest good revision of each service that differs from its current one. */
async function previousRevisions(
  deps: EngineDeps,
  stack: Stack,
  names: string[],
  recorded: ReadonlyMap<string, Recorded>,
): Promise<Previous> {
  const out = new Map<string, { revision: string; spec: Recorded['spec'] } | undefined>();
  for (const name of names) {
    const cur = recorded.get(name)?.revision;
    const goods = await deps.store.listGoodRevisions(stack.name, name, 50);
    const prev = goods.find((g) => g.revision !== cur);
    const rec = prev && (await deps.store.getRevision(stack.name, name, prev.revision));
    out.set(name, rec ? { revision: rec.revision, spec: rec.spec } : undefined);
  }
  return out;
}

function rollbackPlanner(o: Opened, services: string[]) {
  const known = new Set(o.stack.services.map((s) => s.name));
  const unknown = services.filter((s) => !known.has(s));
  if (unknown.length)
    throw new InvalidInputError(
      `no service ${unknown.map((u) => `"${u}"`).join(', ')} in stack ${o.stack.name}`,
    );
  return async ({ recorded }: Awaited<ReturnType<typeof observe>>): Promise<Plan> => {
    let names = services;
    if (!names.length) {
      const all = await previousRevisions(o, o.stack, [...recorded.keys()], recorded);
      names = [...all].filter(([, p]) => p).map(([n]) => n);
      if (!names.length)
        throw new InvalidInputError('no service has an earlier good revision; nothing to roll back');
    }
    const previous = await previousRevisions(o, o.stack, names, recorded);
    // The store keeps where each secret comes from: resolved again here, before anything stops or starts.
    const runnable = new Map(
      [...previous].map(([n, p]) => [n, p && { ...p, spec: o.stack.unseal(p.spec) }] as const),
    );
    return buildRollbackPlan(o.stack, recorded, runnable);
  };
}

/** What a rollback would change, without changing anything (`convoy rollback --dry-run`). */
export async function planRollback(o: Opened, services: string[] = []): Promise<RollbackChange[]> {
  const plan = await rollbackPlanner(o, services)(await observe(o, o.stack));
  return plan.entries
    .filter((e) => e.changed)
    .map((e) => ({ service: e.service.name, from: e.from ?? null, to: e.revision }));
}

/** Puts services back on their previous good revision, as a deployment of kind `rollback`. */
export async function rollback(o: Opened, r: RollbackOptions = {}): Promise<RunOutcome> {
  const makePlan = rollbackPlanner(o, r.services ?? []);
  // Planned before the lock too: a rollback that cannot start (nothing to go back to, a secret whose source is gone)
  // says so at once, before it queues or records anything. Under the lock it is planned again, on fresh state.
  await makePlan({ recorded: await recordedRevisions(o, o.stack), health: new Map() });
  const events = Emitter.forStack(o.stack, o.store, o.clock);
  for (const s of r.subscribers ?? []) events.subscribe(s);
  const notify = startNotifying(o.stack, o.store, events, r.notifyGraceMs);
  try {
    return await runDeployment(
      o,
      {
        stack: o.stack,
        correlationId: correlationIdFrom(r.correlationId, o.env),
        ...whoAndWhere(o.stack.dir, o.env),
        waitLockMs: r.waitLockMs ?? 0,
        emitter: events,
        signal: r.signal,
      },
      'rollback',
      makePlan,
    );
  } finally {
    await notify.finish();
    await events.flush();
  }
}
