import { createHash } from 'node:crypto';
import type { Service } from '../spec/types.js';

/** The parts of a service that change what runs; dependencies only change order, so they are left out. */
function behaviour(s: Service): unknown {
  return {
    kind: s.kind,
    version: s.version ?? null,
    healthCheck: s.healthCheck ?? null,
    local: s.local ?? null,
    // Blocks a service does not use are left out, so adding a target never changes existing revisions; file
    // paths are left out so moving a file is not a change, only its content is.
    ...(s.aws
      ? {
          aws: {
            ...s.aws,
            taskDefinitionFile: undefined,
            serviceDefinitionFile: undefined,
            runTaskFile: undefined,
          },
        }
      : {}),
    ...(s.cloudformation ? { cloudformation: { ...s.cloudformation, templateFile: undefined } } : {}),
  };
}

/** Stable JSON: keys sorted, so the same service always hashes to the same revision. */
function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stable(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** A revision is a content hash: equal configuration means equal revision, across machines and runs. */
export function revisionOf(s: Service): string {
  return createHash('sha256')
    .update(stable(behaviour(s)))
    .digest('hex')
    .slice(0, 12);
}
