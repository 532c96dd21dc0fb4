import { createHash } from 'node:crypto';
import type { RegisterTaskDefinitionCommandInput, Tag, TaskDefinition } from '@aws-sdk/client-ecs';
import type { Service } from '../../spec/types.js';
import type { EcsApi } from './clients.js';
import { canonical, errorName, unique } from './util.js';
import { isReporting, reportingCommand } from './health-report.js';

/**
 * Task definition registration. ECS keeps every revision forever, so registering on every deploy would pile up
 * identical ones and make each rollback a new revision: a definition identical to an existing ACTIVE revision (the
 * family's latest, or one the service runs or ran) is reused instead.
 */

export const TAG_REVISION = 'convoy:revision';
export const TAG_STACK = 'convoy:stack';
/** Hash of what was submitted; ECS echoes definitions back with defaults filled in, so equality is judged on this. */
export const TAG_DEFINITION = 'convoy:definition';

/** What DescribeTaskDefinition returns that RegisterTaskDefinition does not take. */
const READ_ONLY = [
  'taskDefinitionArn',
  'revision',
  'status',
  'requiresAttributes',
  'compatibilities',
  'registeredAt',
  'registeredBy',
  'deregisteredAt',
  'deleteRequestedAt',
  'tags',
];

type Json = Record<string, unknown>;

/** The stack file's command health check applies to the main container when the task definition has none. */
function withStackHealthCheck(td: Json, service: Service): Json {
  const hc = service.healthCheck;
  const defs = td.containerDefinitions;
  if (!hc?.command || !Array.isArray(defs)) return td;
  const containers = defs as Json[];
  const main = containers.find((c) => c.essential !== false) ?? containers[0];
  if (!main || main.healthCheck) return td;
  const seconds = (ms: number) => Math.max(1, Math.round(ms / 1000));
  const healthCheck = {
    command: hc.command,
    interval: seconds(hc.interval),
    timeout: seconds(hc.timeout),
    retries: hc.retries,
    startPeriod: Math.round(hc.startPeriod / 1000),
  };
  return { ...td, containerDefinitions: containers.map((c) => (c === main ? { ...c, healthCheck } : c)) };
}

export interface Registration {
  input: RegisterTaskDefinitionCommandInput;
  family: string;
  hash: string;
}

/**
 * `deploy.failFast: conclusive`: each CMD-SHELL health check of a container that logs to CloudWatch (awslogs with a
 * stream prefix, so Convoy can find its stream) reports conclusive results there (health-report.ts).
 */
function withHealthReports(td: Json): Json {
  const defs = td.containerDefinitions;
  if (!Array.isArray(defs)) return td;
  const wrap = (c: Json): Json => {
    const hc = c.healthCheck as Json | undefined;
    const cmd = hc?.command as string[] | undefined;
    const log = c.logConfiguration as { logDriver?: string; options?: Record<string, string> } | undefined;
    const logged =
      log?.logDriver === 'awslogs' &&
      !!log.options?.['awslogs-group'] &&
      !!log.options['awslogs-stream-prefix'];
    if (!logged || cmd?.[0] !== 'CMD-SHELL' || typeof cmd[1] !== 'string' || isReporting(cmd)) return c;
    return { ...c, healthCheck: { ...hc, command: ['CMD-SHELL', reportingCommand(cmd[1])] } };
  };
  return { ...td, containerDefinitions: (defs as Json[]).map(wrap) };
}

export function registrationFor(
  service: Service,
  revision: string,
  stack: string,
  opts: { reportHealth?: boolean } = {},
): Registration {
  const raw = service.aws?.taskDefinition ?? {};
  const withCheck = withStackHealthCheck(
    Object.fromEntries(Object.entries(raw).filter(([k]) => !READ_ONLY.includes(k))),
    service,
  );
  const td = opts.reportHealth ? withHealthReports(withCheck) : withCheck;
  const family = typeof td.family === 'string' && td.family ? td.family : service.name;
  const body = { ...td, family };
  const hash = createHash('sha256').update(canonical(body)).digest('hex').slice(0, 16);
  const userTags = ((raw.tags as Tag[] | undefined) ?? []).filter((t) => !t.key?.startsWith('convoy:'));
  const tags: Tag[] = [
    ...userTags,
    { key: TAG_REVISION, value: revision },
    { key: TAG_STACK, value: stack },
    { key: TAG_DEFINITION, value: hash },
  ];
  return { input: { ...(body as unknown as RegisterTaskDefinitionCommandInput), tags }, family, hash };
}

export function tagValue(tags: readonly Tag[] | undefined, key: string): string | undefined {
  return tags?.find((t) => t.key === key)?.value;
}

export interface Resolved {
  taskDefinition: TaskDefinition;
  tags: Tag[];
  /** False when an identical ACTIVE revision was reused. */
  registered: boolean;
}

/**
 * The task definition to deploy: an identical ACTIVE revision among `candidates` (ARNs or the family, meaning its
 * latest ACTIVE revision), else a newly registered one. `beforeRegister` runs just before a registration, so a
 * caller can pace them (see registrar.ts).
 */
export function ensureTaskDefinition(
  ecs: EcsApi,
  reg: Registration,
  revision: string,
  candidates: readonly string[],
  beforeRegister: () => Promise<void> = () => Promise.resolve(),
): Promise<Resolved> {
  return oneAtATime(ecs, reg.family, () => resolve(ecs, reg, revision, candidates, beforeRegister));
}

const queues = new WeakMap<EcsApi, Map<string, Promise<unknown>>>();

/** Services sharing a family start together in a wave; one at a time, the first registers and the rest reuse. */
function oneAtATime<T>(ecs: EcsApi, family: string, work: () => Promise<T>): Promise<T> {
  let q = queues.get(ecs);
  if (!q) queues.set(ecs, (q = new Map()));
  const next = (q.get(family) ?? Promise.resolve()).then(work, work);
  q.set(
    family,
    next.catch(() => undefined),
  );
  return next;
}

async function resolve(
  ecs: EcsApi,
  reg: Registration,
  revision: string,
  candidates: readonly string[],
  beforeRegister: () => Promise<void>,
): Promise<Resolved> {
  for (const ref of unique([reg.family, ...candidates])) {
    const found = await describe(ecs, ref);
    if (!found || found.taskDefinition.status !== 'ACTIVE' || found.taskDefinition.family !== reg.family)
      continue;
    if (!sameDefinition(reg, found.taskDefinition, found.tags)) continue;
    if (
      tagValue(found.tags, TAG_REVISION) !== revision &&
      (await retag(ecs, found.taskDefinition, revision))
    ) {
      const tags = [
        ...found.tags.filter((t) => t.key !== TAG_REVISION),
        { key: TAG_REVISION, value: revision },
      ];
      return { taskDefinition: found.taskDefinition, tags, registered: false };
    }
    return { ...found, registered: false };
  }
  await beforeRegister();
  const out = await ecs.registerTaskDefinition(reg.input);
  return { taskDefinition: out.taskDefinition!, tags: out.tags ?? reg.input.tags ?? [], registered: true };
}

/**
 * The family's latest ACTIVE revisions, newest first: where a revision that ran before is found again when this
 * process never saw it run (`convoy rollback` in a new CI job).
 */
export async function recentRevisions(ecs: EcsApi, family: string, n = 10): Promise<string[]> {
  const out = await ecs.listTaskDefinitions({
    familyPrefix: family,
    status: 'ACTIVE',
    sort: 'DESC',
    maxResults: n,
  });
  // familyPrefix matches other families that start the same way.
  return (out.taskDefinitionArns ?? []).filter((a) => a.split('/').pop()!.replace(/:\d+$/, '') === family);
}

async function describe(
  ecs: EcsApi,
  ref: string,
): Promise<{ taskDefinition: TaskDefinition; tags: Tag[] } | undefined> {
  try {
    const out = await ecs.describeTaskDefinition({ taskDefinition: ref, include: ['TAGS'] });
    return out.taskDefinition ? { taskDefinition: out.taskDefinition, tags: out.tags ?? [] } : undefined;
  } catch (err) {
    // A family that was never registered is the common case here, not an error.
    if (/ClientException|NotFound/i.test(errorName(err))) return undefined;
    throw err;
  }
}

/** The revision tag says which deployment this definition belongs to now (status reads it); best effort. */
async function retag(ecs: EcsApi, td: TaskDefinition, revision: string): Promise<boolean> {
  try {
    await ecs.tagResource({
      resourceArn: td.taskDefinitionArn,
      tags: [{ key: TAG_REVISION, value: revision }],
    });
    return true;
  } catch {
    // Without ecs:TagResource the deployment still works; only `convoy status` may show the older revision.
    return false;
  }
}

export function sameDefinition(reg: Registration, td: TaskDefinition, tags: readonly Tag[]): boolean {
  const hash = tagValue(tags, TAG_DEFINITION);
  if (hash !== undefined) return hash === reg.hash;
  // Registered by another tool: compare the content, with ECS's own defaults taken out of both sides.
  const registered = Object.fromEntries(Object.entries(td).filter(([k]) => !READ_ONLY.includes(k)));
  const { tags: _t, ...wanted } = reg.input as unknown as Json;
  return canonical(normalise(registered)) === canonical(normalise(wanted));
}

// cpu is compared as a string: ECS answers numbers where the file may have had strings, and the other way round.
const CONTAINER_DEFAULTS: Json = { essential: true, cpu: '0' };
const HEALTH_DEFAULTS: Json = { interval: 30, timeout: 5, retries: 3, startPeriod: 0 };

function isEmpty(v: unknown): boolean {
  return (
    v === undefined ||
    v === null ||
    (Array.isArray(v) && v.length === 0) ||
    (typeof v === 'object' && !Array.isArray(v) && Object.keys(v as object).length === 0)
  );
}

function prune(o: Json, defaults: Json = {}): Json {
  return Object.fromEntries(
    Object.entries(o)
      .map(([k, v]) => [k, normaliseValue(k, v)] as const)
      .filter(([k, v]) => !isEmpty(v) && !(k in defaults && canonical(defaults[k]) === canonical(v))),
  );
}

function normaliseValue(key: string, v: unknown): unknown {
  if (key === 'cpu' || key === 'memory') return typeof v === 'number' ? String(v) : v;
  if ((key === 'taskRoleArn' || key === 'executionRoleArn') && typeof v === 'string')
    return v.split('/').pop();
  if (key === 'healthCheck' && v && typeof v === 'object') return prune(v as Json, HEALTH_DEFAULTS);
  if (key === 'portMappings' && Array.isArray(v)) {
    return v.map((p: Json) =>
      prune({ ...p, hostPort: p.hostPort === p.containerPort ? undefined : p.hostPort }, { protocol: 'tcp' }),
    );
  }
  if (key === 'containerDefinitions' && Array.isArray(v))
    return v.map((c: Json) => prune(c, CONTAINER_DEFAULTS));
  if (Array.isArray(v)) return v.map((x) => (x && typeof x === 'object' ? prune(x as Json) : x));
  if (v && typeof v === 'object') return prune(v as Json);
  return v;
}

function normalise(td: Json): Json {
  return prune(td);
}
