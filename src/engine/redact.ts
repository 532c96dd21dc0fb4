import type { Service, Stack } from '../spec/types.js';
import { TARGET_MODULES } from '../targets/registry.js';

export type Redact = (text: string) => string;

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

export function makeRedactor(secrets: string[]): Redact {
  if (secrets.length === 0) return (t) => t;
  return (t) => secrets.reduce((acc, s) => acc.split(s).join('***'), t);
}

export function redactDeep<T>(value: T, redact: Redact): T {
  if (typeof value === 'string') return redact(value) as T;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, redact)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactDeep(v, redact)])) as T;
  }
  return value;
}
