/** What a dependency graph needs of a service: its name and what it waits for. */
export interface Waiter {
  name: string;
  dependsOn: readonly { name: string; condition: string }[];
}

/**
 * Every service `from` waits for, directly or through others, each with the condition of the first step on its path
 * (what `from` itself waits for).
 */
export function waitsFor(services: readonly Waiter[], from: string): Map<string, string> {
  const byName = new Map(services.map((s) => [s.name, s]));
  const out = new Map<string, string>();
  const visit = (name: string, via?: string) => {
    for (const d of byName.get(name)?.dependsOn ?? []) {
      if (out.has(d.name)) continue;
      const condition = via ?? d.condition;
      out.set(d.name, condition);
      visit(d.name, condition);
    }
  };
  visit(from);
  return out;
}
