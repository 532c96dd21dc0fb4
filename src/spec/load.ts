import { dirname, resolve } from 'node:path';
import { InvalidInputError } from '../errors.js';
import { checkStack } from './checks.js';
import { checkOutputRefs } from './output-checks.js';
import type { LocatedOutputRef } from './output-checks.js';
import { interpolateDocument, readSource } from './document.js';
import type { Env } from './interpolate.js';
import { issuesToError } from './issues.js';
import { normaliseNotify } from './notify.js';
import { checkPostChecks, normaliseChecks } from './normalise-checks.js';
import { normaliseServices } from './normalise.js';
import { readCopyKey } from './secret-copy.js';
import { unsealService, withSecretSources } from './secrets.js';
import { StackSpec } from './schema.js';
import type { Stack } from './types.js';

export interface LoadOptions {
  /** Variables for `${VAR}` substitution (none when not given: the caller passes its environment explicitly). */
  env?: Env;
}

/**
 * Reads, interpolates, validates and normalises a stack file. Every problem is an InvalidInputError pointing at
 * the line and column it comes from.
 */
export function loadStack(file: string, opts: LoadOptions = {}): Stack {
  const source = readSource(file);
  const refs: LocatedOutputRef[] = [];
  const written = interpolateDocument(source, opts.env ?? {}, (ref, at, path) =>
    refs.push({
      ...ref,
      ...(path[0] === 'services' && path.length > 1 ? { service: String(path[1]) } : {}),
      at,
    }),
  );
  let data: unknown;
  try {
    data = source.doc.toJS();
  } catch (err) {
    throw new InvalidInputError(`invalid YAML: ${(err as Error).message}`, source.at(0));
  }
  if (data === null || data === undefined) {
    throw new InvalidInputError(
      'the stack file is empty: it needs at least "stack" and "services"',
      source.at(0),
    );
  }
  const parsed = StackSpec.safeParse(data);
  if (!parsed.success) throw issuesToError(parsed.error.issues, data, source, StackSpec);
  const raw = parsed.data;
  const dir = dirname(resolve(file));
  const copy = raw.store.secretCopyKey
    ? {
        key: readCopyKey(resolve(dir, raw.store.secretCopyKey), source.locate(['store', 'secretCopyKey'])),
        stack: raw.stack,
      }
    : undefined;
  const services = withSecretSources(
    normaliseServices(raw, source, dir, opts.env ?? {}, refs),
    written,
    copy,
  );
  checkStack(raw, services, source);
  const postChecks = normaliseChecks(
    raw,
    services.map((s) => s.name),
  );
  checkPostChecks(raw, postChecks, (path, message, hint) => {
    throw new InvalidInputError(message, source.locate(path), hint);
  });
  checkOutputRefs(raw, services, refs);
  return {
    name: raw.stack,
    file,
    dir,
    target: raw.target,
    deploy: raw.deploy,
    rollback: raw.rollback,
    lock: raw.lock,
    store: raw.store,
    ...(raw.aws ? { aws: raw.aws } : {}),
    notify: normaliseNotify(raw.notify),
    postChecks,
    ...(raw.bake ? { bake: raw.bake } : {}),
    services,
    locate: (path) => source.locate(path),
    unseal: (s) =>
      unsealService(s, { env: opts.env ?? {}, current: services.find((c) => c.name === s.name), copy }),
  };
}
