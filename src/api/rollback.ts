import { observe, type EngineDeps, type RunOutcome } from '../engine/deploy.js';
import { InvalidInputError } from '../errors.js';
import type { Plan, Recorded } from '../plan/plan.js';
import { byPrefix, parseIsoTime, revisionAt, type GoodRevision } from '../plan/point.js';
import { buildRollbackPlan, type Previous } from '../plan/rollback-plan.js';
import { unknownNameError } from '../spec/did-you-mean.js';
import type { Stack } from '../spec/types.js';
import type { Opened } from './open.js';
import { runPlanned, type LockedOptions } from './planned-run.js';

export interface RollbackOptions extends LockedOptions {
  /** The services to put back; none: every service that has an earlier good revision (with `to`: every service). */
  services?: string[];
  /**
   * Go back to a point, not one revision: a deployment id (the revisions when it ended), a revision of a service,
   * or an ISO time (`2026-11-30T10:00Z`); each service gets the revision it had then (`convoy rollback --to`).
   */
  to?: string;
}

/** One service's way back: from its current revision to its newest earlier good one. */
export interface RollbackChange {
  service: string;
  from: string | null;
  to: string;
}

/** How many good revisions per service a rollback looks through. */
const GOODS_LIMIT = 500;

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

function checkNames(o: Opened, services: string[]): void {
  const known = o.stack.services.map((s) => s.name);
  for (const n of services)
    if (!known.includes(n)) throw unknownNameError('service', n, known, `in stack ${o.stack.name}`);
}

/** Per service, the revision `to` names for it; exit 3 naming the closest id or revision when it names nothing. */
async function pointRevisions(o: Opened, to: string, names: string[]): Promise<Map<string, string>> {
  const goods = new Map<string, GoodRevision[]>();
  for (const n of names) goods.set(n, await o.store.listGoodRevisions(o.stack.name, n, GOODS_LIMIT));
  const atTime = (at: number) => {
    const out = new Map<string, string>();
    for (const [n, g] of goods) {
      const r = revisionAt(g, at);
      if (r) out.set(n, r.revision);
    }
    return out;
  };
  const time = parseIsoTime(to);
  if (time !== undefined) return atTime(time);
  const deployments = await o.store.listDeployments({ stack: o.stack.name });
  const d = byPrefix(to, deployments, (x) => x.id);
  if (d) return atTime(d.endedAt ?? o.clock.now());
  const byRevision = new Map<string, string>();
  for (const [n, g] of goods) {
    const r = byPrefix(to, g, (x) => x.revision);
    if (r) byRevision.set(n, r.revision);
  }
  if (byRevision.size) return byRevision;
  const known = [
    ...deployments.map((x) => x.id),
    ...[...goods.values()].flatMap((g) => g.map((x) => x.revision.slice(0, 12))),
  ];
  throw unknownNameError(
    'deployment, revision or time',
    to,
    new Set(known),
    `in the history of stack ${o.stack.name} (an id, a revision or an ISO time such as 2026-11-30T10:00Z)`,
  );
}

/** `rollback --to`: each named service (or every one) on the revision it had at the point. */
function toPointPlanner(o: Opened, services: string[], to: string) {
  return async ({ recorded }: Awaited<ReturnType<typeof observe>>): Promise<Plan> => {
    const names = services.length ? services : o.stack.services.map((s) => s.name);
    const then = await pointRevisions(o, to, names);
    const missing = services.filter((n) => !then.has(n));
    if (missing.length)
      throw new InvalidInputError(
        `${missing.join(', ')} had no good revision at ${to}; nothing to go back to`,
      );
    const previous = new Map<string, { revision: string; spec: Recorded['spec'] }>();
    for (const [n, rev] of then) {
      if (recorded.get(n)?.revision === rev) continue;
      const rec = await o.store.getRevision(o.stack.name, n, rev);
      if (!rec)
        throw new InvalidInputError(
          `revision ${rev.slice(0, 12)} of ${n} is not recorded; cannot restore it`,
        );
      // The store keeps where each secret comes from: resolved again here, before anything stops or starts.
      previous.set(n, { revision: rev, spec: o.stack.unseal(rec.spec) });
    }
    if (!previous.size)
      throw new InvalidInputError(
        `every service already runs the revision it had at ${to}; nothing to roll back`,
      );
    return buildRollbackPlan(o.stack, recorded, previous);
  };
}

function rollbackPlanner(o: Opened, services: string[], to?: string) {
  checkNames(o, services);
  if (to !== undefined) return toPointPlanner(o, services, to);
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
export async function planRollback(
  o: Opened,
  services: string[] = [],
  to?: string,
): Promise<RollbackChange[]> {
  const plan = await rollbackPlanner(o, services, to)(await observe(o, o.stack));
  return plan.entries
    .filter((e) => e.changed)
    .map((e) => ({ service: e.service.name, from: e.from ?? null, to: e.revision }));
}

/** Puts services back on their previous good revision (or the one they had at `to`), as a deployment of kind `rollback`. */
export async function rollback(o: Opened, r: RollbackOptions = {}): Promise<RunOutcome> {
  return await runPlanned(o, r, 'rollback', rollbackPlanner(o, r.services ?? [], r.to));
}
