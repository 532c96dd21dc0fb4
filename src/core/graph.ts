/** What the cycle check needs of a service: its name and the names it depends on (a spec `Service` fits). */
export interface GraphNode {
  name: string;
  dependsOn: readonly { name: string }[];
}

/*
 * Dependencies naming a service outside the given list are ignored: the loader rejects unknown names, so here they
 * can only come from a caller planning a subset of the stack, whose missing dependencies are already in place.
 */

/**
 * The first dependency cycle, as a closed path starting and ending with the same service (['a', 'b', 'a']).
 * It starts at the cycle's earliest service in file order, so the same file always reports the same cycle.
 */
export function findCycle(services: readonly GraphNode[]): string[] | undefined {
  const byName = new Map(services.map((s) => [s.name, s]));
  const order = new Map(services.map((s, i) => [s.name, i]));
  const done = new Set<string>();
  const onPath: string[] = [];

  const visit = (name: string): string[] | undefined => {
    const at = onPath.indexOf(name);
    if (at >= 0) return rotate(onPath.slice(at), order);
    if (done.has(name)) return undefined;
    onPath.push(name);
    for (const dep of byName.get(name)?.dependsOn ?? []) {
      if (!byName.has(dep.name)) continue;
      const cycle = visit(dep.name);
      if (cycle) return cycle;
    }
    onPath.pop();
    done.add(name);
    return undefined;
  };

  for (const s of services) {
    const cycle = visit(s.name);
    if (cycle) return cycle;
  }
  return undefined;
}

function rotate(cycle: string[], order: ReadonlyMap<string, number>): string[] {
  let start = 0;
  cycle.forEach((name, i) => {
    if ((order.get(name) ?? 0) < (order.get(cycle[start] ?? '') ?? 0)) start = i;
  });
  const rotated = [...cycle.slice(start), ...cycle.slice(0, start)];
  return [...rotated, rotated[0] ?? ''];
}
