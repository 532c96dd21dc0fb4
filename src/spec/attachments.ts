import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { InvalidInputError } from '../errors.js';
import { interpolateDocument, readSource } from './document.js';
import type { Env } from './interpolate.js';
import type { LocatedOutputRef } from './output-checks.js';
import type { RawService } from './schema.js';
import type { Source } from './source.js';
import type { AwsService, CloudFormation } from './types.js';

type Json = Record<string, unknown>;

/**
 * Reads a native ECS JSON file named by the stack file. JSON is YAML, so the stack file's own reader gives
 * line:column errors inside it and `${VAR}` interpolation in its values.
 */
function readJson(
  stackDir: string,
  rel: string,
  env: Env,
  stack: Source,
  field: readonly PropertyKey[],
  refs: LocatedOutputRef[],
): { file: string; json: Json } {
  const file = resolve(stackDir, rel);
  if (!existsSync(file)) throw new InvalidInputError(`no such file: ${file}`, stack.locate(field));
  const source = readSource(file);
  interpolateDocument(source, env, (ref, at) => refs.push({ ...ref, service: String(field[1]), at }));
  const json = source.doc.toJS() as unknown;
  if (!json || typeof json !== 'object' || Array.isArray(json)) {
    throw new InvalidInputError('expected a JSON object', source.at(0));
  }
  return { file, json: json as Json };
}

/** `aws ecs describe-task-definition` output wraps the definition; accept it as ecspresso does. */
function unwrap(json: Json, key: string): Json {
  const inner = json[key];
  return inner && typeof inner === 'object' && !Array.isArray(inner) && !('family' in json)
    ? (inner as Json)
    : json;
}

/**
 * The stack file's deploymentConfiguration over the definition's, and for `pauseAt` a PAUSE hook at that stage
 * unless the definition already has one (with its own timeout).
 */
function withDeployment(def: Json, over: Json | undefined, pauseAt: string | undefined): Json {
  const dc = { ...((def.deploymentConfiguration as Json | undefined) ?? {}), ...(over ?? {}) };
  if (pauseAt) {
    const hooks = (dc.lifecycleHooks as Json[] | undefined) ?? [];
    const has = hooks.some(
      (h) =>
        h.targetType === 'PAUSE' && ((h.lifecycleStages as string[] | undefined) ?? []).includes(pauseAt),
    );
    if (!has) dc.lifecycleHooks = [...hooks, { targetType: 'PAUSE', lifecycleStages: [pauseAt] }];
  }
  return { ...def, deploymentConfiguration: dc };
}

export function loadAws(
  raw: NonNullable<RawService['aws']>,
  name: string,
  stackDir: string,
  env: Env,
  stack: Source,
  refs: LocatedOutputRef[] = [],
): AwsService {
  const at = (k: string) => ['services', name, 'aws', k];
  const td = readJson(stackDir, raw.taskDefinition, env, stack, at('taskDefinition'), refs);
  const out: AwsService = { taskDefinitionFile: td.file, taskDefinition: unwrap(td.json, 'taskDefinition') };
  if (raw.serviceDefinition) {
    const sd = readJson(stackDir, raw.serviceDefinition, env, stack, at('serviceDefinition'), refs);
    out.serviceDefinitionFile = sd.file;
    out.serviceDefinition = unwrap(sd.json, 'service');
  }
  if (raw.runTask) {
    const rt = readJson(stackDir, raw.runTask, env, stack, at('runTask'), refs);
    out.runTaskFile = rt.file;
    out.runTask = rt.json;
  }
  if (raw.cluster) out.cluster = raw.cluster;
  if (raw.deploymentConfiguration || raw.pauseAt) {
    out.serviceDefinition = withDeployment(
      out.serviceDefinition ?? {},
      raw.deploymentConfiguration,
      raw.pauseAt,
    );
  }
  if (raw.waitUntil) out.waitUntil = raw.waitUntil;
  if (raw.pauseAt) out.pauseAt = raw.pauseAt;
  return out;
}

/** Templates are read as they are: CloudFormation's own `${}` (Fn::Sub) must reach CloudFormation untouched. */
export function loadCloudFormation(
  raw: NonNullable<RawService['cloudformation']>,
  name: string,
  stackDir: string,
  stack: Source,
): CloudFormation {
  const out: CloudFormation = {
    stackName: raw.stackName,
    parameters: raw.parameters,
    capabilities: raw.capabilities,
    stallWarning: raw.stallWarning,
    ...(raw.protect ? { protect: raw.protect } : {}),
  };
  if (raw.template) {
    const file = resolve(stackDir, raw.template);
    if (!existsSync(file))
      throw new InvalidInputError(
        `no such file: ${file}`,
        stack.locate(['services', name, 'cloudformation', 'template']),
      );
    out.templateFile = file;
    out.templateBody = readFileSync(file, 'utf8');
  }
  return out;
}
