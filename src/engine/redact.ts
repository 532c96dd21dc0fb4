import type { Service, Stack } from '../spec/types.js';
import type { Store } from '../store/store.js';
import { TARGET_MODULES } from '../targets/registry.js';

import type { Redact } from '../core/redact.js';

export { makeRedactor, redactDeep, type Redact } from '../core/redact.js';

/**
 * Collects every value the target modules call secret (the local target: env values marked `secret`), so no
 * event, log line or history entry can carry one.
 */
export function secretValues(services: Iterable<Service>, more: Iterable<string> = []): string[] {
  const out = new Set<string>([...more].filter((v) => v.length >= 3));
  for (const s of services) {
    for (const t of TARGET_MODULES) for (const v of t.secretValues(s)) if (v.length >= 3) out.add(v);
  }
  // Longest first so a secret that contains another is masked whole.
  return [...out].sort((a, b) => b.length - a.length);
}

/** What the stack's notification channels must never show: tokens, signing secrets, webhook URLs. */
export function notifySecrets(stack: Pick<Stack, 'notify'>): string[] {
  return (stack.notify ?? []).flatMap((c) => c.secrets);
}

/**
 * The store as a run writes its history: a deployment's summary and a step's detail (a failed check's message may
 * quote a secret) masked by the run's redactor, the one its events are masked by (Emitter.mask). Revisions need no
 * masking: the stores keep their secrets as where they come from (spec/secrets.ts).
 */
export function redactingStore(store: Store, redact: Redact): Store {
  const masked: Partial<Store> = {
    createDeployment: (d) => store.createDeployment(d.summary ? { ...d, summary: redact(d.summary) } : d),
    updateDeployment: (id, patch, token) =>
      store.updateDeployment(id, patch.summary ? { ...patch, summary: redact(patch.summary) } : patch, token),
    putStep: (step, token) =>
      store.putStep(step.detail ? { ...step, detail: redact(step.detail) } : step, token),
  };
  return new Proxy(store, {
    get: (target, key) => {
      const own = masked[key as keyof Store];
      if (own) return own;
      const v = Reflect.get(target, key, target) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

/** What a run throws, masked like its events: the CLI prints the message. */
export function redactError(err: unknown, redact: Redact): unknown {
  if (err instanceof Error) {
    err.message = redact(err.message);
    if (err.stack) err.stack = redact(err.stack);
  }
  return err;
}
