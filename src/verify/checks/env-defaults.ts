import { isMap, isScalar } from 'yaml';
import { readSource } from '../../spec/document.js';
import type { Env } from '../../spec/interpolate.js';
import { relative } from 'node:path';
import type { Stack } from '../../spec/types.js';
import { containers } from '../services.js';
import type { Check, Problem, VerifyContext } from '../types.js';

/**
 * The loader already rejects a `${VAR}` that is not set. `${VAR:-}` (or `${VAR-}`) is the way around that, and for
 * a setting the app cannot run without it trades a clear error now for a confusing one after the deploy started.
 */
const check: Check = {
  id: 'env-defaults',
  passes: 'no required-looking setting is left empty',
  run(ctx) {
    return [...localEnv(ctx), ...taskDefinitionEnv(ctx.stack)];
  },
};
export default check;

function localEnv({ stack, env }: VerifyContext): Problem[] {
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
}

/**
 * A task definition's `environment` entry that is empty: written so, or a `${VAR:-}` in the JSON file that had
 * nothing to fill in. ECS starts the task anyway, and the app fails inside it.
 */
function taskDefinitionEnv(stack: Stack): Problem[] {
  return stack.services.flatMap((s) =>
    containers(s).flatMap((c) =>
      Object.entries(c.env)
        .filter(([key, value]) => value === '' && REQUIRED.test(key))
        .map(([key]) => {
          const file = relative(stack.dir, s.aws!.taskDefinitionFile);
          return {
            message: `${s.name}: ${file}, container ${c.name}: environment ${key} is empty`,
            fix: `give ${key} a value in ${file} (if it is written \${VAR:-}, set VAR before deploying, or write \${VAR} so a missing value stops the deploy at once)`,
            location: stack.locate(['services', s.name, 'aws', 'taskDefinition']),
          };
        }),
    ),
  );
}

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
