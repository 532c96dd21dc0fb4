import { sealService } from '../../spec/secrets.js';
import type { Service } from '../../spec/types.js';
import type { Fields } from '../observed.js';

/**
 * A service's `local` block as drift's fields (targets/observed.ts). Sealed first, as the service records keep it:
 * a secret (or a value holding one) reads `***`, with where it comes from, on both sides of the comparison.
 */
export function localFields(service: Service): Fields {
  const local = sealService(service).local;
  if (!local) return {};
  const fields: Fields = {
    command: local.command,
    args: JSON.stringify(local.args),
    cwd: local.cwd ?? '.',
    port: local.port === undefined ? '(none)' : String(local.port),
  };
  for (const [k, e] of Object.entries(local.env))
    fields[`env.${k}`] = e.sealed ? `***${e.source ? ` (from ${e.source})` : ''}` : e.value;
  // A service should run; a job ran to completion, so its process being gone is no news.
  if (service.kind === 'service') fields.process = 'running';
  return fields;
}
