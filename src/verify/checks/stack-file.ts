import { InvalidInputError } from '../../errors.js';
import type { Env } from '../../spec/interpolate.js';
import { loadStack } from '../../spec/load.js';
import type { Stack } from '../../spec/types.js';
import type { CheckResult } from '../types.js';

export const ID = 'stack-file';

/** The first check, and the one the others need: the loader's syntax, field, variable and dependency checks. */
export function loadChecked(file: string, env: Env): { stack?: Stack; result: CheckResult } {
  try {
    const stack = loadStack(file, { env });
    const n = stack.services.length;
    return {
      stack,
      result: {
        id: ID,
        ok: true,
        message: `${file} is valid: stack ${stack.name}, ${n} ${n === 1 ? 'service' : 'services'}, target ${stack.target}`,
      },
    };
  } catch (err) {
    if (!(err instanceof InvalidInputError)) throw err;
    const loc = err.location;
    const prefix = loc ? `${loc.file}:${loc.line}:${loc.column}: ` : '';
    const message = prefix && err.message.startsWith(prefix) ? err.message.slice(prefix.length) : err.message;
    return {
      result: {
        id: ID,
        ok: false,
        message,
        fix: 'correct the stack file where it says; no other check runs until it loads',
        ...(loc ? { location: loc } : {}),
      },
    };
  }
}
