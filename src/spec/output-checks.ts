import { InvalidInputError } from '../errors.js';
import { didYouMean } from './did-you-mean.js';
import type { OutputRef } from '../core/output-ref.js';
import type { SourceLocation } from '../errors.js';
import type { RawStack } from './schema.js';
import type { Service } from './types.js';

/** A reference as the loader met it: which unit's values it is in, and where it is written. */
export interface LocatedOutputRef extends OutputRef {
  /** The unit whose value or file holds it; undefined outside `services`. */
  service?: string;
  at: SourceLocation;
}

/**
 * A `${cfn:unit.Key}` must name a CloudFormation phase that has completed before the unit using it starts: one of
 * its dependencies (directly or not), or with `order: waves` one in an earlier wave. Runs after the cycle check.
 */
export function checkOutputRefs(
  raw: RawStack,
  services: readonly Service[],
  refs: readonly LocatedOutputRef[],
): void {
  const byName = new Map(services.map((s) => [s.name, s]));
  for (const ref of refs) {
    const fail = (message: string, hint?: string): never => {
      throw new InvalidInputError(`${ref.text}: ${message}`, ref.at, hint);
    };
    if (!ref.service)
      fail('CloudFormation outputs can only be used in a unit’s values and files (under services)');
    const unit = byName.get(ref.unit);
    if (!unit) {
      const suggestion = didYouMean(ref.unit, byName.keys());
      fail(`there is no unit "${ref.unit}"`, suggestion ? `did you mean "${suggestion}"?` : undefined);
      return;
    }
    if (unit.kind !== 'cloudformation')
      fail(`${ref.unit} is not a CloudFormation phase (kind: cloudformation), so it has no outputs`);
    if (!completesBefore(byName, ref.unit, ref.service!, raw.deploy.order)) {
      fail(
        `${ref.unit} is not earlier in the deployment order than ${ref.service}, so its outputs are not known when ${ref.service} starts`,
        `add ${ref.unit} to the dependsOn of ${ref.service}`,
      );
    }
  }
}

function completesBefore(
  byName: ReadonlyMap<string, Service>,
  unit: string,
  user: string,
  order: RawStack['deploy']['order'],
): boolean {
  if (unit === user) return false;
  if (dependsOn(byName, user, unit, new Set())) return true;
  return order === 'waves' && wave(byName, unit, new Map()) < wave(byName, user, new Map());
}

function dependsOn(
  byName: ReadonlyMap<string, Service>,
  from: string,
  on: string,
  seen: Set<string>,
): boolean {
  if (seen.has(from)) return false;
  seen.add(from);
  return (byName.get(from)?.dependsOn ?? []).some(
    (d) => d.name === on || dependsOn(byName, d.name, on, seen),
  );
}

/** The wave plan/graph.ts puts a unit in: one after its latest dependency. */
function wave(byName: ReadonlyMap<string, Service>, name: string, memo: Map<string, number>): number {
  const known = memo.get(name);
  if (known !== undefined) return known;
  memo.set(name, 0);
  const w = Math.max(0, ...(byName.get(name)?.dependsOn ?? []).map((d) => wave(byName, d.name, memo) + 1));
  memo.set(name, w);
  return w;
}
