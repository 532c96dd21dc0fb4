import type { EnvEntry, Service } from '../../spec/types.js';
import type { TargetModule } from '../module.js';
import { extractLocalEvidence } from './extract.js';

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** What an env entry is for its revision: where a secret comes from (`source`) is bookkeeping, not behaviour. */
const behaviour = (e: EnvEntry) => ({ value: e.value, secret: e.secret });

/** A sealed entry (read back from the store) has no value to compare: only where it comes from. */
function sameEntry(a: EnvEntry, b: EnvEntry): boolean {
  return a.sealed || b.sealed
    ? a.secret === b.secret && a.source === b.source
    : same(behaviour(a), behaviour(b));
}

/** The `local` target: each service a process on this machine, run from the service's `local` block. */
export const localTarget: TargetModule = {
  kind: 'local',
  serviceBlocks: ['local'],

  // `local: null` for a service without the block: revisions hashed it so before targets were modules.
  revisionInputs: (s) => ({
    local: s.local
      ? {
          ...s.local,
          env: Object.fromEntries(Object.entries(s.local.env).map(([k, e]) => [k, behaviour(e)])),
        }
      : null,
  }),

  // Env changes name keys only: values may be secret.
  changeReasons(next: Service, prev: Service): string[] {
    const reasons: string[] = [];
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
      const changed = Object.keys(a.env).filter((k) => k in b.env && !sameEntry(a.env[k]!, b.env[k]!));
      if (added.length) reasons.push(`env added: ${added.join(', ')}`);
      if (removed.length) reasons.push(`env removed: ${removed.join(', ')}`);
      if (changed.length) reasons.push(`env changed: ${changed.join(', ')}`);
    } else if (!same(a, b)) {
      reasons.push('local block changed');
    }
    return reasons;
  },

  // `env: { KEY: { value, secret: true } }`; a sealed entry holds no value.
  secretValues: (s) =>
    Object.values(s.local?.env ?? {})
      .filter((v) => v.secret && !v.sealed)
      .map((v) => v.value),

  recognises: (c) => Boolean(c.local),
  extractEvidence: extractLocalEvidence,

  async open(stack, { clock, env }) {
    const { createLocalTarget } = await import('./local-target.js');
    return {
      target: createLocalTarget({
        dir: stack.dir,
        stack: stack.name,
        clock,
        env,
        failFast: stack.deploy.failFast,
      }),
      close: () => {},
    };
  },
};
