import { InvalidInputError } from '../errors.js';
import type { Stack } from '../spec/types.js';
import { computeWaves } from './graph.js';
import { gateOf, untouchedEntry, type Plan, type PlanEntry, type Recorded } from './plan.js';

/**
 * Pure: the services a restart touches. The named ones (every service when none is named) and, with
 * `withDependents`, everything that depends on them, directly or not. Jobs and CloudFormation phases are never
 * restarted: a finished migration is not run again, and a stack has no process to restart. Callers check the
 * names first (and suggest the nearest).
 */
export function restartSet(stack: Stack, names: readonly string[], withDependents: boolean): string[] {
  for (const n of names) {
    const kind = stack.services.find((s) => s.name === n)?.kind;
    if (kind === undefined) throw new InvalidInputError(`no service "${n}" in stack ${stack.name}`);
    if (kind !== 'service')
      throw new InvalidInputError(
        `${n} is a ${kind === 'job' ? 'job' : 'CloudFormation phase'}: only services are restarted (a deployment runs it again when its revision changes)`,
      );
  }
  const chosen = new Set(names.length ? names : stack.services.map((s) => s.name));
  if (withDependents) {
    // Dependents of dependents too: grow until nothing new depends on the set.
    for (let grew = true; grew;) {
      grew = false;
      for (const s of stack.services)
        if (!chosen.has(s.name) && s.dependsOn.some((d) => chosen.has(d.name))) {
          chosen.add(s.name);
          grew = true;
        }
    }
  }
  return stack.services.filter((s) => s.kind === 'service' && chosen.has(s.name)).map((s) => s.name);
}

/**
 * Pure: a plan that starts the chosen services again on the revision they run now (`recorded`, their secrets
 * resolved by the caller), in the stack file's dependency order, and leaves every other service alone.
 */
export function buildRestartPlan(
  stack: Stack,
  recorded: ReadonlyMap<string, Recorded>,
  chosen: readonly string[],
): Plan {
  const waves = computeWaves(stack.services);
  const waveOf = new Map(waves.flatMap((names, i) => names.map((n) => [n, i] as const)));
  const restart = new Set(chosen);
  const entries = stack.services.map((s): PlanEntry => {
    const cur = recorded.get(s.name);
    const wave = waveOf.get(s.name) ?? 0;
    if (!restart.has(s.name)) return untouchedEntry(s, cur, wave);
    if (!cur) throw new InvalidInputError(`${s.name} has never been deployed; there is nothing to restart`);
    return {
      service: cur.spec,
      revision: cur.revision,
      from: cur.revision,
      changed: true,
      reasons: ['restart'],
      returning: true,
      restart: true,
      wave,
      gate: gateOf(cur.spec),
    };
  });
  return { stack: stack.name, waves, entries };
}
