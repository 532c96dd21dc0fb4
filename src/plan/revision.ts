import { createHash } from 'node:crypto';
import type { Service } from '../spec/types.js';
import { TARGET_MODULES } from '../targets/registry.js';

/**
 * The parts of a service that change what runs; dependencies only change order, so they are left out. Each target
 * module gives the inputs of its own blocks (targets/<kind>/index.ts): what is deployed, not where its files are.
 */
function behaviour(s: Service): unknown {
  return Object.assign(
    { kind: s.kind, version: s.version ?? null, healthCheck: s.healthCheck ?? null },
    ...TARGET_MODULES.map((t) => t.revisionInputs(s)),
  );
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
