import { InvalidInputError } from '../errors.js';
import type { Service, Stack } from '../spec/types.js';
import { computeWaves } from './graph.js';
import { gateOf, untouchedEntry, type Plan, type PlanEntry, type Recorded } from './plan.js';

/** For each service to roll back: the good revision before the current one, and how it was deployed. */
export type Previous = ReadonlyMap<string, { revision: string; spec: Service } | undefined>;

/**
 * Pure: a plan that takes the named services back to their previous good revision and leaves every other service
 * alone. Ordering still follows the stack file's dependencies.
 */
export function buildRollbackPlan(
  stack: Stack,
  recorded: ReadonlyMap<string, Recorded>,
  previous: Previous,
): Plan {
  const waves = computeWaves(stack.services);
  const waveOf = new Map(waves.flatMap((names, i) => names.map((n) => [n, i] as const)));
  const entries = stack.services.map((s): PlanEntry => {
    const cur = recorded.get(s.name);
    const wave = waveOf.get(s.name) ?? 0;
    if (!previous.has(s.name)) {
      return untouchedEntry(s, cur, wave);
    }
    const prev = previous.get(s.name);
    if (!cur) throw new InvalidInputError(`${s.name} has never been deployed; nothing to roll back`);
    if (!prev)
      throw new InvalidInputError(
        `${s.name} has no earlier good revision than ${cur.revision.slice(0, 8)}; nothing to roll back to`,
      );
    return {
      service: prev.spec,
      revision: prev.revision,
      returning: true,
      from: cur.revision,
      changed: true,
      reasons: [`roll back to ${prev.revision.slice(0, 8)}`],
      wave,
      gate: gateOf(prev.spec),
    };
  });
  return { stack: stack.name, waves, entries };
}
