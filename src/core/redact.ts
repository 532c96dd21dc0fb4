export type Redact = (text: string) => string;

/** Masks every one of `secrets` in a text as `***`; pass them longest first, so one inside another goes whole. */
export function makeRedactor(secrets: string[]): Redact {
  if (secrets.length === 0) return (t) => t;
  return (t) => secrets.reduce((acc, s) => acc.split(s).join('***'), t);
}

/** Every string inside `value` masked. */
export function redactDeep<T>(value: T, redact: Redact): T {
  if (typeof value === 'string') return redact(value) as T;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, redact)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactDeep(v, redact)])) as T;
  }
  return value;
}
