import type { Service } from '../spec/types.js';

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * Why a service differs from what was last deployed, in words a person can check. Env changes name keys only:
 * values may be secret.
 */
export function changeReasons(next: Service, prev: Service): string[] {
  const reasons: string[] = [];
  if (next.kind !== prev.kind) reasons.push(`kind ${prev.kind} → ${next.kind}`);
  if ((next.version ?? '') !== (prev.version ?? ''))
    reasons.push(`version ${prev.version ?? '(none)'} → ${next.version ?? '(none)'}`);
  const a = next.local;
  const b = prev.local;
  if (a && b) {
    if (a.command !== b.command) reasons.push(`command ${b.command} → ${a.command}`);
    if (!same(a.args, b.args)) reasons.push('args changed');
    if ((a.cwd ?? '') !== (b.cwd ?? '')) reasons.push('cwd changed');
    if ((a.port ?? null) !== (b.port ?? null))
      reasons.push(`port ${b.port ?? '(none)'} → ${a.port ?? '(none)'}`);
    const added = Object.keys(a.env).filter((k) => !(k in b.env));
    const removed = Object.keys(b.env).filter((k) => !(k in a.env));
    const changed = Object.keys(a.env).filter((k) => k in b.env && !same(a.env[k], b.env[k]));
    if (added.length) reasons.push(`env added: ${added.join(', ')}`);
    if (removed.length) reasons.push(`env removed: ${removed.join(', ')}`);
    if (changed.length) reasons.push(`env changed: ${changed.join(', ')}`);
  } else if (!same(a, b)) {
    reasons.push('local block changed');
  }
  if (!same(next.healthCheck, prev.healthCheck)) reasons.push('healthCheck changed');
  return reasons.length ? reasons : ['configuration changed'];
}
