import type { Service, Stack } from '../../src/spec/types.js';
import type { Random } from '../../test/emulator/core/random.js';
import type { ImageBehaviour } from '../../test/emulator/ecs/behaviour.js';

/**
 * Stacks for the simulator, built in code as the loader would produce them from aws-style stack files (task and
 * service definition JSON already parsed), with each service's start-up behaviour drawn from a seeded distribution.
 */

export type FailureMode = 'health' | 'no-health-tool' | 'pull' | 'crash' | 'oom' | 'slow-start' | 'transient';

export interface SimUnit {
  name: string;
  kind: 'service' | 'job';
  deps: string[];
  desired: number;
  /** Seconds from container start until the application answers its health check (jobs: until they exit 0). */
  readySeconds: number;
  pullSeconds: number;
  /** The service definition's deploymentConfiguration.maximumPercent (default 200, minimumHealthyPercent 100). */
  maximumPercent?: number;
  /** Its container logs to CloudWatch (awslogs): only where a benchmark needs it, as reading logs costs API calls. */
  logs?: boolean;
}

export interface SimStack {
  name: string;
  units: SimUnit[];
}

/** The health check every simulated service carries: ECS's field names, Fargate-typical values. */
export const HEALTH = { interval: 10, timeout: 5, retries: 3, startPeriod: 60 };

/** Standard normal by Box–Muller. */
function normal(rng: Random): number {
  const u = Math.max(rng.next(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.next());
}

/** Lognormal around `median`, clamped: start-up times are skewed with a long tail, but never beyond the start period. */
export function lognormal(rng: Random, median: number, sigma: number, min: number, max: number): number {
  const v = median * Math.exp(sigma * normal(rng));
  return Math.round(Math.min(max, Math.max(min, v)) * 10) / 10;
}

function unit(rng: Random, name: string, deps: string[], kind: 'service' | 'job' = 'service'): SimUnit {
  return {
    name,
    kind,
    deps,
    desired: 2,
    // Application start: median 15 s, long tail, at most 55 s so a healthy service always passes inside startPeriod.
    readySeconds: kind === 'job' ? lognormal(rng, 20, 0.5, 3, 120) : lognormal(rng, 15, 0.5, 3, 55),
    // Image pull: median 8 s (a few hundred MB from ECR in-Region).
    pullSeconds: lognormal(rng, 8, 0.4, 2, 40),
  };
}

/** The example stacks' dependency shapes (examples/), as ECS services. */
export function exampleStacks(rng: Random): SimStack[] {
  const shape = (name: string, spec: [string, string[], ('job' | 'service')?][]): SimStack => ({
    name,
    units: spec.map(([n, deps, kind]) => unit(rng, n, deps, kind ?? 'service')),
  });
  return [
    shape('alerting-platform', [
      ['zookeeper', []],
      ['kafka', ['zookeeper']],
      ['migrate', ['kafka'], 'job'],
      ['rule-service', ['kafka', 'migrate']],
      ['evaluator', ['kafka', 'rule-service']],
      ['aggregator', ['kafka']],
      ['sender', ['kafka', 'rule-service']],
      ['rule-updater', ['rule-service']],
    ]),
    shape('sandbox-broker', [
      ['api', []],
      ['worker', ['api']],
    ]),
    shape('parental-control', [
      ['policy-enforcer', []],
      ['p-gateway', ['policy-enforcer']],
      ['kafka-subscriber', ['policy-enforcer']],
      ['ftd-integration', ['policy-enforcer']],
      ['analytics-dashboard', ['p-gateway', 'kafka-subscriber']],
    ]),
  ];
}

/**
 * A random DAG of `n` services: each depends on 0–3 earlier ones (10% none, 50% one, 30% two, 10% three), chosen
 * uniformly, so depth grows slowly with n, as in real stacks where most services sit a few hops from their data stores.
 */
export function generatedStack(rng: Random, n: number): SimStack {
  const units: SimUnit[] = [];
  for (let i = 0; i < n; i++) {
    const r = rng.next();
    const want = i === 0 ? 0 : r < 0.1 ? 0 : r < 0.6 ? 1 : r < 0.9 ? 2 : 3;
    const deps = new Set<string>();
    while (deps.size < Math.min(want, i)) deps.add(units[Math.floor(rng.next() * i)]!.name);
    units.push(unit(rng, `s${String(i).padStart(4, '0')}`, [...deps]));
  }
  return { name: `gen-${n}`, units };
}

export const imageOf = (stack: string, u: string, version: string) => `bench.local/${stack}/${u}:${version}`;

/** What the image does in the model: its sampled start-up, or one of the failure modes. */
export function behaviourOf(u: SimUnit, failure?: FailureMode): Partial<ImageBehaviour> {
  const base: Partial<ImageBehaviour> =
    u.kind === 'job'
      ? { pullSeconds: u.pullSeconds, exitAfterSeconds: u.readySeconds, exitCode: 0 }
      : { pullSeconds: u.pullSeconds, readySeconds: u.readySeconds };
  switch (failure) {
    case 'health':
      return { ...base, health: 'fail', healthOutput: 'curl: (22) The requested URL returned error: 503' };
    case 'no-health-tool':
      // The image has no curl: every probe fails the same way from the first one.
      return { ...base, health: 'fail', healthOutput: '/bin/sh: curl: not found' };
    case 'pull':
      return { ...base, pullError: true };
    case 'crash':
      return { ...base, exitAfterSeconds: 4, exitCode: 1, exitLogs: ['Error: Cannot find module ./config'] };
    case 'oom':
      return { ...base, oomAfterSeconds: 6 };
    case 'transient':
      // The first task of the new revision crashes (its database was failing over), every later one is healthy.
      return { ...base, transientFailures: 1, exitLogs: ['Error: connect ECONNREFUSED 10.0.12.7:5432'] };
    case 'slow-start':
      // Ready just inside the 60 s start period: every probe before it fails, none of them counts.
      return { ...base, readySeconds: HEALTH.startPeriod - 5 };
    default:
      return base;
  }
}

const network = {
  awsvpcConfiguration: { subnets: ['subnet-0a1b2c3d4e5f60718'], securityGroups: ['sg-0123456789abcdef0'] },
};

export function taskDefinition(stack: string, u: SimUnit, version: string): Record<string, unknown> {
  return {
    family: `${stack}-${u.name}`,
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    cpu: '256',
    memory: '512',
    executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
    containerDefinitions: [
      {
        name: u.name,
        image: imageOf(stack, u.name, version),
        essential: true,
        portMappings: [{ containerPort: 8080, protocol: 'tcp' }],
        ...(u.kind === 'service'
          ? {
              healthCheck: {
                command: ['CMD-SHELL', 'curl -fs http://localhost:8080/health || exit 1'],
                ...HEALTH,
              },
            }
          : {}),
        ...(u.logs
          ? {
              logConfiguration: {
                logDriver: 'awslogs',
                options: {
                  'awslogs-group': `/ecs/${stack}`,
                  'awslogs-region': 'us-east-1',
                  'awslogs-stream-prefix': 'ecs',
                  'awslogs-create-group': 'true',
                },
              },
            }
          : {}),
      },
    ],
  };
}

/** CreateService input as a service definition file holds it (ecspresso style). */
export function serviceDefinition(u: SimUnit, breaker: boolean): Record<string, unknown> {
  return {
    serviceName: u.name,
    desiredCount: u.desired,
    launchType: 'FARGATE',
    networkConfiguration: network,
    deploymentConfiguration: {
      deploymentCircuitBreaker: { enable: breaker, rollback: breaker },
      ...deploymentRange(u),
    },
  };
}

/**
 * maximumPercent 200 starts a whole new set of tasks beside the old (minimumHealthyPercent 100); 100 replaces them
 * a half at a time (minimumHealthyPercent 50), or, for a single task, stops it first (0: 50 % of 1 rounds up to 1,
 * which would leave ECS no room to move).
 */
function deploymentRange(u: SimUnit): { maximumPercent: number; minimumHealthyPercent: number } {
  const max = u.maximumPercent ?? 200;
  return { maximumPercent: max, minimumHealthyPercent: max >= 200 ? 100 : u.desired === 1 ? 0 : 50 };
}

export const runTaskInput = { launchType: 'FARGATE', networkConfiguration: network };

export interface StackOptions {
  version: string;
  order: 'waves' | 'dependencies';
  /** ECS's own circuit breaker on every service (baseline b); off for Convoy runs unless asked. */
  breaker?: boolean;
  timeoutMs?: number;
  failFast?: 'conclusive' | 'verdict';
}

/** The Stack the engine gets, as `loadStack` would build it from an aws-style stack file. */
export function toStack(s: SimStack, o: StackOptions): Stack {
  const services: Service[] = s.units.map((u) => ({
    name: u.name,
    kind: u.kind,
    version: o.version,
    dependsOn: u.deps.map((d) => ({
      name: d,
      condition: s.units.find((x) => x.name === d)?.kind === 'job' ? 'completed' : 'healthy',
    })),
    aws:
      u.kind === 'job'
        ? {
            taskDefinitionFile: `ecs/${u.name}.task.json`,
            taskDefinition: taskDefinition(s.name, u, o.version),
            runTaskFile: `ecs/${u.name}.run.json`,
            runTask: runTaskInput,
          }
        : {
            taskDefinitionFile: `ecs/${u.name}.task.json`,
            taskDefinition: taskDefinition(s.name, u, o.version),
            serviceDefinitionFile: `ecs/${u.name}.service.json`,
            serviceDefinition: serviceDefinition(u, !!o.breaker),
          },
  }));
  const file = `/bench/${s.name}/convoy.yaml`;
  return {
    name: s.name,
    file,
    dir: `/bench/${s.name}`,
    target: 'aws',
    deploy: { order: o.order, timeout: o.timeoutMs ?? 30 * 60_000, failFast: o.failFast ?? 'conclusive' },
    rollback: { scope: 'failed' },
    lock: { lease: 15_000, heartbeat: 5_000 },
    store: { kind: 'sqlite', retention: 90 * 86_400_000, queueRetention: 7 * 86_400_000 },
    aws: { region: 'us-east-1', cluster: 'default' },
    services,
    locate: (path) => ({ file, line: 1, column: 1, field: path.join('.') }),
    // ECS secrets are ARNs in the task definition: nothing to resolve.
    unseal: (svc) => svc,
  };
}
