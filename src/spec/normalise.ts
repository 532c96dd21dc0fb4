import { loadAws, loadCloudFormation } from './attachments.js';
import type { Env } from './interpolate.js';
import type { LocatedOutputRef } from './output-checks.js';
import type { RawService, RawStack } from './schema.js';
import type { Source } from './source.js';
import type { Dependency, Service } from './types.js';

/** Services in the order the file lists them, with the short `dependsOn: [db]` form made explicit. */
export function normaliseServices(
  raw: RawStack,
  source: Source,
  stackDir: string,
  env: Env,
  refs: LocatedOutputRef[] = [],
): Service[] {
  const names = orderedKeys(raw.services, source.keysAt(['services']));
  return names.map((name) => {
    const spec = raw.services[name] as RawService;
    const service: Service = {
      name,
      kind: spec.kind,
      dependsOn: dependencies(spec, raw, source.keysAt(['services', name, 'dependsOn'])),
    };
    if (spec.version !== undefined) service.version = spec.version;
    if (spec.healthCheck !== undefined) service.healthCheck = spec.healthCheck;
    if (spec.scale !== undefined) service.scale = spec.scale;
    if (spec.local !== undefined) service.local = spec.local;
    if (spec.aws !== undefined) service.aws = loadAws(spec.aws, name, stackDir, env, source, refs);
    if (spec.cloudformation !== undefined)
      service.cloudformation = loadCloudFormation(spec.cloudformation, name, stackDir, source);
    return service;
  });
}

function dependencies(spec: RawService, raw: RawStack, writtenOrder: string[]): Dependency[] {
  if (Array.isArray(spec.dependsOn)) {
    return spec.dependsOn.map((name) => ({ name, condition: impliedCondition(raw.services[name]) }));
  }
  const long = spec.dependsOn;
  return orderedKeys(long, writtenOrder).map((name) => ({
    name,
    condition: long[name]?.condition ?? 'started',
  }));
}

/** What waiting for a dependency means when the file does not say: the strongest signal it offers. */
function impliedCondition(dep: RawService | undefined): Dependency['condition'] {
  if (dep?.kind === 'job' || dep?.kind === 'cloudformation') return 'completed';
  return dep?.healthCheck || dep?.aws ? 'healthy' : 'started';
}

function orderedKeys(record: Record<string, unknown>, written: readonly string[]): string[] {
  const present = new Set(Object.keys(record));
  const ordered = written.filter((k) => present.has(k));
  return ordered.length === present.size ? ordered : Object.keys(record);
}
