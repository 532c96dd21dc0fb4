import type { SimStack, SimUnit } from './stacks.js';
import type { SimWorld } from './world.js';

/**
 * The critical-path lower bound of a deployment: each unit's own start-up time as ECS realised it in this run (a
 * service: from its deployment's creation to ECS marking the rollout COMPLETED; a job: from RunTask to its task
 * STOPPED), summed along the longest dependency chain. An orchestrator that reacted to every COMPLETED the instant
 * ECS declared it, at no API cost, would finish exactly then; nothing that gates on ECS's rollout state can be faster.
 */

export function unitDurations(world: SimWorld, s: SimStack, since: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const u of s.units) {
    const d = u.kind === 'job' ? jobDuration(world, s, u, since) : serviceDuration(world, u, since);
    if (d !== undefined) out.set(u.name, d);
  }
  return out;
}

function serviceDuration(world: SimWorld, u: SimUnit, since: number): number | undefined {
  const svc = world.ecs.findService('default', u.name);
  const ours = [...(svc?.history.values() ?? [])].filter((d) => d.createdAt >= since);
  const d = ours.sort((a, b) => b.createdAt - a.createdAt)[0];
  return d?.rolloutState === 'COMPLETED' ? d.updatedAt - d.createdAt : undefined;
}

function jobDuration(world: SimWorld, s: SimStack, u: SimUnit, since: number): number | undefined {
  const t = world.ecs
    .allTasks()
    .filter((x) => x.def.family === `${s.name}-${u.name}` && x.createdAt >= since)
    .sort((a, b) => b.createdAt - a.createdAt)[0];
  return t?.stoppedAt !== undefined ? t.stoppedAt - t.createdAt : undefined;
}

export interface CriticalPath {
  boundMs: number;
  path: string[];
}

/** Longest chain by summed durations; units are listed after their dependencies. */
export function criticalPath(s: SimStack, durations: Map<string, number>): CriticalPath {
  const finish = new Map<string, { at: number; via?: string }>();
  for (const u of s.units) {
    let start = 0;
    let via: string | undefined;
    for (const d of u.deps) {
      const f = finish.get(d)!.at;
      if (f > start) [start, via] = [f, d];
    }
    const own = durations.get(u.name);
    if (own === undefined) throw new Error(`no start-up time measured for ${u.name}`);
    finish.set(u.name, { at: start + own, ...(via ? { via } : {}) });
  }
  let last = s.units[0]!.name;
  for (const [name, f] of finish) if (f.at > finish.get(last)!.at) last = name;
  const path: string[] = [];
  for (let at: string | undefined = last; at; at = finish.get(at)!.via) path.unshift(at);
  return { boundMs: finish.get(last)!.at, path };
}

/** The longest chain counted in units rather than time. */
export function depth(s: SimStack): number {
  const d = new Map<string, number>();
  for (const u of s.units) d.set(u.name, 1 + Math.max(0, ...u.deps.map((x) => d.get(x)!)));
  return Math.max(...d.values());
}

/**
 * The critical path under a write quota: the k-th unit's task definition cannot be registered before
 * (k − burst) / rate seconds, and nothing of the chain from that unit to the end can happen before it. Whatever the
 * order, some unit with the k-th longest chain is registered k-th or later, so the best any orchestrator can do is
 * max over k of (k-th slot + k-th longest chain).
 */
export function quotaBoundMs(
  s: SimStack,
  durations: Map<string, number>,
  rate: { burst: number; perSecond: number },
): number {
  const dependents = new Map<string, string[]>(s.units.map((u) => [u.name, []]));
  for (const u of s.units) for (const d of u.deps) dependents.get(d)!.push(u.name);
  const tail = new Map<string, number>();
  for (const u of [...s.units].reverse()) {
    const rest = Math.max(0, ...dependents.get(u.name)!.map((n) => tail.get(n)!));
    tail.set(u.name, (durations.get(u.name) ?? 0) + rest);
  }
  const tails = [...tail.values()].sort((a, b) => b - a);
  return Math.max(...tails.map((t, k) => (Math.max(0, k + 1 - rate.burst) / rate.perSecond) * 1000 + t));
}
