import type { Service } from '../spec/types.js';
import { TARGET_MODULES } from '../targets/registry.js';

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * Why a service differs from what was last deployed, in words a person can check; each target module words the
 * changes of its own blocks.
 */
export function changeReasons(next: Service, prev: Service): string[] {
  const reasons: string[] = [];
  if (next.kind !== prev.kind) reasons.push(`kind ${prev.kind} → ${next.kind}`);
  if ((next.version ?? '') !== (prev.version ?? ''))
    reasons.push(`version ${prev.version ?? '(none)'} → ${next.version ?? '(none)'}`);
  for (const t of TARGET_MODULES) reasons.push(...t.changeReasons(next, prev));
  if (!same(next.healthCheck, prev.healthCheck)) reasons.push('healthCheck changed');
  return reasons.length ? reasons : ['configuration changed'];
}
