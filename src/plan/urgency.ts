import type { Plan, PlanEntry } from './plan.js';

/** A service with no recorded duration is assumed to take this long to reach its gate. */
export const DEFAULT_UNIT_MS = 60_000;

/**
 * The changed entries of a plan, most urgent first: by the latest time each may start without lengthening the
 * deployment (the critical path minus the longest chain from it to the end). Ordering work that must be done
 * once per service before it starts (registering a task definition) by that deadline is earliest-deadline-first,
 * which keeps the worst delay any service suffers as small as it can be. Pure: durations come from history.
 */
export function byUrgency(
  plan: Plan,
  order: 'waves' | 'dependencies',
  durationMs: (service: string) => number | undefined = () => undefined,
): PlanEntry[] {
  const tail = chains(plan, order, durationMs);
  const position = new Map(plan.waves.flat().map((n, i) => [n, i]));
  return plan.entries
    .filter((e) => e.changed)
    .sort(
      (a, b) =>
        tail.get(b.service.name)! - tail.get(a.service.name)! ||
        position.get(a.service.name)! - position.get(b.service.name)!,
    );
}

/**
 * The longest chain from the start of each entry to the end of the deployment (ms): its own duration and the longest
 * chain of what waits for it. Changed entries without a recorded duration count DEFAULT_UNIT_MS.
 */
export function chains(
  plan: Plan,
  order: 'waves' | 'dependencies',
  durationMs: (service: string) => number | undefined = () => undefined,
): Map<string, number> {
  const entries = new Map(plan.entries.map((e) => [e.service.name, e]));
  const cost = (e: PlanEntry) => (e.changed ? (durationMs(e.service.name) ?? DEFAULT_UNIT_MS) : 0);
  // What must wait for each entry: its dependents, or with waves every entry of the next wave.
  const after = new Map<string, string[]>(plan.entries.map((e) => [e.service.name, []]));
  if (order === 'waves') {
    plan.waves.forEach((names, w) => {
      for (const n of names) after.set(n, plan.waves[w + 1] ?? []);
    });
  } else {
    for (const e of plan.entries)
      for (const d of e.service.dependsOn) if (entries.has(d.name)) after.get(d.name)!.push(e.service.name);
  }
  // Plans are acyclic.
  const tail = new Map<string, number>();
  const tailOf = (name: string): number => {
    const known = tail.get(name);
    if (known !== undefined) return known;
    const rest = Math.max(0, ...after.get(name)!.map(tailOf));
    const t = cost(entries.get(name)!) + rest;
    tail.set(name, t);
    return t;
  };
  // Visiting in wave order keeps the recursion shallow: every successor is already known.
  for (const name of [...plan.waves].reverse().flat()) tailOf(name);
  return tail;
}
