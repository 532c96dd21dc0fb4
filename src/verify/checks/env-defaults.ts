import { isMap, isScalar } from 'yaml';
import { readSource } from '../../spec/document.js';
import type { Env } from '../../spec/interpolate.js';
import type { Check, Problem } from '../types.js';

/**
 * The loader already rejects a `${VAR}` that is not set. `${VAR:-}` (or `${VAR-}`) is the way around that, and for
 * a setting the app cannot run without it trades a clear error now for a confusing one after the deploy started.
 */
const check: Check = {
  id: 'env-defaults',
  passes: 'no required-looking setting is left empty by a ${VAR:-} default',
  run({ stack, env }) {
    // Read the file again, uninterpolated, only when a value is empty: that is where `${VAR:-}` shows.
    let source: ReturnType<typeof readSource> | undefined;
    return stack.services.flatMap((s) =>
      Object.entries(s.local?.env ?? {}).flatMap(([key, entry]): Problem[] => {
        if (entry.value !== '' || !REQUIRED.test(key)) return [];
        const path = ['services', s.name, 'local', 'env', key];
        source ??= readSource(stack.file);
        const node = source.doc.getIn(path, true);
        const raw = isScalar(node) ? node.value : isMap(node) ? node.get('value') : undefined;
        const empty = emptyDefaults(typeof raw === 'string' ? raw : '', env);
        if (empty.length === 0) return [];
        const { name: v, written } = empty[0]!;
        return [
          {
            message: `${s.name}: env ${key} would be empty: it is written ${written} and ${v} is not set, so the empty default applies`,
            fix: `set ${v} before deploying, or write \${${v}} so a missing value stops the deploy at once, or give a real default`,
            location: stack.locate(path),
          },
        ];
      }),
    );
  },
};
export default check;

/** Settings an app typically cannot start without: where things are, and credentials. */
const REQUIRED =
  /(URL|URI|HOST|HOSTS|ADDR|ADDRESS|ENDPOINT|DSN|PORT|BROKERS|SERVERS|REQUIRES|TOKEN|SECRET|PASSWORD|API_KEY|BUCKET|QUEUE)$/i;

/** Variables referenced with an empty default that are unset (or empty, for `:-`) in `env`. */
export function emptyDefaults(raw: string, env: Env): { name: string; written: string }[] {
  const out: { name: string; written: string }[] = [];
  for (const m of raw.matchAll(/(?<!\$)\$\{([A-Za-z_][A-Za-z0-9_]*)(:?)-\}/g)) {
    const [written, name, colon] = m;
    const value = env[name!];
    if (value === undefined || (colon === ':' && value === '')) out.push({ name: name!, written });
  }
  return out;
}
