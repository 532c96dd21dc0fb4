import { findCycle } from '../core/graph.js';
import type { Service } from '../spec/types.js';

/**
 * Wave 0 holds services without dependencies; every other service goes one wave after its latest dependency.
 * Within a wave, services keep file order. Throws on a cycle (the loader reports cycles before this runs).
 */
export function computeWaves(services: readonly Service[]): string[][] {
  const cycle = findCycle(services);
  if (cycle) throw new Error(`dependency cycle: ${cycle.join(' → ')}`);
  const byName = new Map(services.map((s) => [s.name, s]));
  const wave = new Map<string, number>();
  const waveOf = (s: Service): number => {
    const known = wave.get(s.name);
    if (known !== undefined) return known;
    let w = 0;
    for (const dep of s.dependsOn) {
      const d = byName.get(dep.name);
      if (d) w = Math.max(w, waveOf(d) + 1);
    }
    wave.set(s.name, w);
    return w;
  };
  const waves: string[][] = [];
  for (const s of services) {
    const w = waveOf(s);
    while (waves.length <= w) waves.push([]);
    waves[w]?.push(s.name);
  }
  return waves;
}

/** Every service after all of its dependencies: the waves, in order. */
export function topoOrder(services: readonly Service[]): string[] {
  return computeWaves(services).flat();
}
