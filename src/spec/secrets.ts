import { SecretUnavailableError } from '../errors.js';
import { interpolate, InterpolationError, type Env } from './interpolate.js';
import { decryptCopy, encryptCopy, type CopyKey } from './secret-copy.js';
import type { EnvEntry } from './schema.js';
import type { Service } from './types.js';

/*
 * No secret at rest (README "Secrets"): the state store and the local target's records keep a secret env entry as
 * where it comes from — its value as written in the stack file, `${API_TOKEN}` — never as its value. A rollback that
 * starts such a revision again resolves it from the environment it is given, or stops and says what is missing.
 */

const envPath = (service: string, key: string, long: boolean) =>
  ['services', service, 'local', 'env', key, ...(long ? ['value'] : [])].join('.');

/** The values no store may hold: those of the service's secret entries (short ones would mask too much). */
export function secretsOf(env: Record<string, EnvEntry>): string[] {
  return Object.values(env)
    .filter((e) => e.secret && !e.sealed && e.value.length >= 3)
    .map((e) => e.value);
}

/** A secret entry, or one whose value holds a secret (`Bearer ${TOKEN}` beside `TOKEN: { secret: true }`). */
function sealable(e: EnvEntry, secrets: string[]): boolean {
  return e.secret || secrets.some((v) => e.value.includes(v));
}

/**
 * Gives each sealable env entry its value as written, when that holds a `${VAR}` (`written`: interpolateDocument's
 * answer). A secret written out in the file has no source: the file itself is where it comes from.
 */
export function withSecretSources(
  services: Service[],
  written: ReadonlyMap<string, string>,
  copy?: CopyKey,
): Service[] {
  return services.map((s) => {
    if (!s.local) return s;
    const secrets = secretsOf(s.local.env);
    const env = Object.fromEntries(
      Object.entries(s.local.env).map(([k, e]): [string, EnvEntry] => {
        if (!sealable(e, secrets)) return [k, e];
        const source = written.get(envPath(s.name, k, true)) ?? written.get(envPath(s.name, k, false));
        return [
          k,
          {
            ...e,
            ...(source?.includes('${') ? { source } : {}),
            ...(copy ? { copy: encryptCopy(copy, s.name, k, e.value) } : {}),
          },
        ];
      }),
    );
    return { ...s, local: { ...s.local, env } };
  });
}

/** The service as the state store keeps it: each sealable entry without its value. */
export function sealService(s: Service): Service {
  if (!s.local) return s;
  const secrets = secretsOf(s.local.env);
  if (!Object.values(s.local.env).some((e) => !e.sealed && sealable(e, secrets))) return s;
  const env = Object.fromEntries(
    Object.entries(s.local.env).map(([k, e]): [string, EnvEntry] =>
      e.sealed || !sealable(e, secrets)
        ? [k, e]
        : [
            k,
            {
              value: '',
              secret: e.secret,
              ...(e.source ? { source: e.source } : {}),
              ...(e.copy ? { copy: e.copy } : {}),
              sealed: true,
            },
          ],
    ),
  );
  return { ...s, local: { ...s.local, env } };
}

/** What a sealed entry is resolved with: the environment, the stack file as it is now, the opt-in copy key. */
export interface Resolution {
  env: Env;
  /** The same service in the stack file as loaded now. */
  current?: Service;
  copy?: CopyKey;
}

/**
 * A service read back from the store, runnable again: each sealed entry resolved from its source with `env`, or,
 * written out in the file, taken from the stack file as it is now; failing that, from its encrypted copy when the
 * user opted in. Never an empty stand-in: what cannot be resolved is a SecretUnavailableError naming the service,
 * the entries and the variables.
 */
export function unsealService(s: Service, r: Resolution): Service {
  if (!s.local || !Object.values(s.local.env).some((e) => e.sealed)) return s;
  const missing: { key: string; source?: string; variable?: string }[] = [];
  const fromFile = (key: string): string | undefined => {
    const now = r.current?.local?.env[key];
    return now && !now.sealed ? now.value : undefined;
  };
  const resolve = (key: string, e: EnvEntry): string => {
    const value = e.source === undefined ? fromFile(key) : sourceValue(e.source, r.env);
    if (typeof value === 'string') return value;
    const copied = e.copy && r.copy ? decryptCopy(r.copy, s.name, key, e.copy) : undefined;
    if (copied !== undefined) return copied;
    missing.push({ key, source: e.source, variable: value?.missing });
    return '';
  };
  const resolved = Object.fromEntries(
    Object.entries(s.local.env).map(([k, e]): [string, EnvEntry] => {
      if (!e.sealed) return [k, e];
      const { sealed: _sealed, ...rest } = e;
      return [k, { ...rest, value: resolve(k, e) }];
    }),
  );
  if (missing.length) throw new SecretUnavailableError(s.name, missing);
  return { ...s, local: { ...s.local, env: resolved } };
}

/** A source resolved with `env`, or the variable it lacks. */
function sourceValue(source: string, env: Env): string | { missing?: string } {
  try {
    return interpolate(source, env);
  } catch (err) {
    if (!(err instanceof InterpolationError)) throw err;
    return { missing: err.variable };
  }
}

/**
 * An entry's value where one can be had: its own, or a sealed entry's resolved from its source with `env` (a probe
 * of a process another convoy started); undefined when it cannot be resolved.
 */
export function entryValue(e: EnvEntry, env: Env): string | undefined {
  if (!e.sealed) return e.value;
  const value = e.source === undefined ? undefined : sourceValue(e.source, env);
  return typeof value === 'string' ? value : undefined;
}
