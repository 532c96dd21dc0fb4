import { z } from 'zod';
import { InvalidInputError } from '../errors.js';

/*
 * The capture format: what `convoy diagnose --input` reads, what targets give as evidence of a failure and what
 * `convoy deploy --capture` writes. It lives in the leaf so targets can build captures without importing diagnose.
 */

/*
 * Lenient on purpose: captures come straight from `aws ... describe-*` output, hand-edited notes or the local
 * target, so unknown keys pass through and scalars may be strings or numbers ("memory": "512").
 */
const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]).optional();
const lines = z.union([z.string(), z.array(scalar)]).optional();

const Container = z.looseObject({
  name: scalar,
  reason: scalar,
  exitCode: scalar,
  lastStatus: scalar,
  healthStatus: scalar,
});
const Task = z.looseObject({
  lastStatus: scalar,
  stopCode: scalar,
  stoppedReason: scalar,
  healthStatus: scalar,
  containers: z.array(Container).optional(),
});
const Service = z.looseObject({
  serviceName: scalar,
  events: z.array(z.looseObject({ message: scalar })).optional(),
  deployments: z.array(z.looseObject({ rolloutState: scalar, rolloutStateReason: scalar })).optional(),
  networkConfiguration: z
    .looseObject({ awsvpcConfiguration: z.looseObject({ assignPublicIp: scalar }).optional() })
    .optional(),
});
/** DescribeServiceDeployments: ECS's record of a rollout with a deployment strategy. */
const ServiceDeployment = z.looseObject({
  status: scalar,
  statusReason: scalar,
  rollback: z.looseObject({ reason: scalar }).optional(),
});
const StackEvent = z.looseObject({
  ResourceStatus: scalar,
  ResourceStatusReason: scalar,
  ResourceType: scalar,
  LogicalResourceId: scalar,
});
const TargetHealth = z.looseObject({
  Target: z.looseObject({ Id: scalar, Port: scalar }).optional(),
  TargetHealth: z.looseObject({ State: scalar, Reason: scalar, Description: scalar }).optional(),
});
const KeyValue = z.looseObject({ name: scalar, value: scalar, valueFrom: scalar });
const ContainerDefinition = z.looseObject({
  name: scalar,
  image: scalar,
  healthCheck: z.looseObject({ command: z.union([z.string(), z.array(scalar)]).optional() }).optional(),
  environment: z.array(KeyValue).optional(),
  secrets: z.array(KeyValue).optional(),
  portMappings: z
    .array(z.looseObject({ containerPort: scalar, hostPort: scalar, protocol: scalar }))
    .optional(),
});
const TaskDefinition = z.looseObject({
  family: scalar,
  containerDefinitions: z.array(ContainerDefinition).optional(),
  runtimePlatform: z.looseObject({ cpuArchitecture: scalar, operatingSystemFamily: scalar }).optional(),
});
/** The stack the failed service belongs to, from its file: who else runs, where, and what waits for what. */
const StackService = z.looseObject({
  name: scalar,
  /** The local target's port (`local.port`). */
  port: scalar,
  /** Other names it is reached by: ECS Service Connect's client aliases and discovery names. */
  hosts: z.array(scalar).optional(),
  dependsOn: z.array(z.looseObject({ name: scalar, condition: scalar })).optional(),
});
const StackContext = z.looseObject({ name: scalar, services: z.array(StackService).optional() });
const Local = z.looseObject({
  exitCode: scalar,
  health: scalar,
  healthExitCode: scalar,
  healthOutput: scalar,
  logs: lines,
});

export const CaptureSchema = z.looseObject({
  service: scalar,
  tasks: z.array(Task).optional(),
  services: z.array(Service).optional(),
  serviceDeployments: z.array(ServiceDeployment).optional(),
  stackEvents: z.array(StackEvent).optional(),
  targetHealth: z.array(TargetHealth).optional(),
  taskDefinition: TaskDefinition.optional(),
  logs: z.record(z.string(), lines).optional(),
  local: Local.optional(),
  stack: StackContext.optional(),
});
export type Capture = z.infer<typeof CaptureSchema>;

const KEYS = 'service, tasks, services, stackEvents, targetHealth, taskDefinition, logs, local, stack';

/** Validates a capture; throws InvalidInputError naming the offending field. */
export function parseCapture(json: unknown): Capture {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    const got = json === null ? 'null' : Array.isArray(json) ? 'an array' : `a ${typeof json}`;
    throw new InvalidInputError(
      `a diagnose capture must be a JSON object, got ${got}`,
      undefined,
      `expected keys such as ${KEYS}`,
    );
  }
  const r = CaptureSchema.safeParse(json);
  if (r.success) return r.data;
  const first = r.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(capture)'}: ${i.message}`);
  throw new InvalidInputError(
    `invalid diagnose capture: ${first.join('; ')}`,
    undefined,
    `expected keys ${KEYS}`,
  );
}

export interface LocalFailure {
  service: string;
  exitCode?: number | null;
  /** Last output of the health check (HTTP status and body start, command output, connect error). */
  healthOutput?: string;
  logs?: string[];
  healthExitCode?: number | null;
  /** Human description of the check, e.g. `http GET http://127.0.0.1:8080/health`. */
  check?: string;
  /** Why the target gave up: exited, unhealthy, timeout, start-failed. */
  reason?: string;
  signal?: string | null;
  message?: string;
  /** What the target thinks of it now: starting, healthy, unhealthy, stopped. */
  health?: string;
}

/** Builds a capture for a failed local process so the deploy engine can run `diagnose` on it. */
export function localCapture(f: LocalFailure): Capture {
  const local: NonNullable<Capture['local']> = {};
  if (f.exitCode !== undefined) local.exitCode = f.exitCode;
  if (f.healthExitCode !== undefined) local.healthExitCode = f.healthExitCode;
  if (f.healthOutput !== undefined) local.healthOutput = f.healthOutput;
  if (f.health !== undefined) local.health = f.health;
  if (f.logs !== undefined) local.logs = f.logs;
  for (const key of ['check', 'reason', 'signal', 'message'] as const) {
    const v = f[key];
    if (v !== undefined && v !== null) local[key] = v;
  }
  return { service: f.service, local };
}
