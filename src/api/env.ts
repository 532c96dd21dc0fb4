/**
 * The environment the library works with: `${VAR}`s of the stack file, store overrides, CI context. It is always
 * passed in (the CLI reads process.env once), so the library never depends on the process it runs in.
 */
export type Env = Readonly<Record<string, string | undefined>>;

/**
 * For commands that only read state (status, logs, history, down, lock): they must work without the deploy-time
 * variables, e.g. secrets only CI has, so an unset variable reads as empty.
 */
export function lenient(env: Env): Env {
  return new Proxy(env, { get: (e, k) => (typeof k === 'string' ? (e[k] ?? '') : undefined) });
}
