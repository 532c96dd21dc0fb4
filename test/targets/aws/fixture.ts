import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { revisionOf } from '../../../src/plan/revision.js';
import { loadStack } from '../../../src/spec/load.js';
import type { Stack } from '../../../src/spec/types.js';
import { createAwsTarget, type AwsTarget } from '../../../src/targets/aws/aws-target.js';
import { ApiCallCounter, createAwsClients, type AwsClients } from '../../../src/targets/aws/clients.js';
import type { GateOptions, Unit } from '../../../src/targets/target.js';
import type { Scenario } from '../../emulator/scenario.js';
import { startEmulator, type Emulator } from '../../emulator/server.js';

/**
 * The aws target against the in-process emulator through the real SDK clients (dummy credentials, 127.0.0.1),
 * with stacks written as files and read by the real loader.
 */

export const TIME_SCALE = 0.01;
export const POLL_MS = 25;

export interface Harness {
  em: Emulator;
  dir: string;
  counter: ApiCallCounter;
  clients: AwsClients;
  /** A target for the stack file written from `services` (kept for the close). */
  target(stack: Stack, opts?: TargetOpts): AwsTarget;
  /** A target for `stack` with its service `name` started on it: `t.start(u)` has resolved. */
  start(stack: Stack, name: string, opts?: TargetOpts): Promise<{ t: AwsTarget; u: Unit }>;
  close(): Promise<void>;
}

export interface TargetOpts {
  clients?: AwsClients;
  refuseBrokenStacks?: boolean;
}

export async function harness(scenario: Scenario = {}, timeScale = TIME_SCALE): Promise<Harness> {
  const em = await startEmulator({ timeScale, scenario });
  const dir = mkdtempSync(join(tmpdir(), 'convoy-aws-'));
  const counter = new ApiCallCounter();
  const clients = createAwsClients(
    {
      region: 'us-east-1',
      endpoint: em.url,
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      counter,
    },
    {},
  );
  const targets: AwsTarget[] = [];
  const target = (stack: Stack, opts: TargetOpts = {}) => {
    const t = createAwsTarget({
      stack,
      clients: opts.clients ?? clients,
      pollMs: POLL_MS,
      refuseBrokenStacks: opts.refuseBrokenStacks,
    });
    targets.push(t);
    return t;
  };
  return {
    em,
    dir,
    counter,
    clients,
    target,
    async start(stack, name, opts) {
      const t = target(stack, opts);
      const u = unitOf(stack, name);
      await t.start(u);
      return { t, u };
    },
    async close() {
      clients.destroy();
      await em.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A harness for the tests of the enclosing suite: started in a `before` hook, closed in an `after` hook. Its members
 * are those of the harness the hook started, so use them inside tests and hooks only.
 */
export function useHarness(scenario: Scenario = {}, timeScale = TIME_SCALE): Harness {
  let h: Harness | undefined;
  before(async () => {
    h = await harness(scenario, timeScale);
  });
  after(() => h?.close());
  const live = (): Harness => {
    if (!h) throw new Error('useHarness: the harness starts in before(); use it inside tests and hooks');
    return h;
  };
  return {
    get em() {
      return live().em;
    },
    get dir() {
      return live().dir;
    },
    get counter() {
      return live().counter;
    },
    get clients() {
      return live().clients;
    },
    target: (stack, opts) => live().target(stack, opts),
    start: (stack, name, opts) => live().start(stack, name, opts),
    close: () => live().close(),
  };
}

type Json = Record<string, unknown>;

export interface ContainerOpts {
  name?: string;
  image: string;
  essential?: boolean;
  healthCheck?: boolean | { interval?: number; retries?: number; startPeriod?: number };
  command?: string[];
}

/** A Fargate task definition in the JSON users write (no read-only fields). */
export function taskDef(family: string, containers: ContainerOpts[]): Json {
  return {
    family,
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    cpu: '256',
    memory: '512',
    executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
    containerDefinitions: containers.map((c) => {
      const hc = c.healthCheck === undefined ? {} : c.healthCheck;
      return {
        name: c.name ?? 'app',
        image: c.image,
        essential: c.essential ?? true,
        portMappings: [{ containerPort: 8080, protocol: 'tcp' }],
        ...(c.command ? { command: c.command } : {}),
        ...(hc === false
          ? {}
          : {
              healthCheck: {
                command: ['CMD-SHELL', 'curl -fs http://localhost:8080/health || exit 1'],
                interval: 5,
                timeout: 2,
                retries: 2,
                startPeriod: 0,
                ...(hc === true ? {} : hc),
              },
            }),
        logConfiguration: {
          logDriver: 'awslogs',
          options: {
            'awslogs-group': `/ecs/${family}`,
            'awslogs-region': 'us-east-1',
            'awslogs-stream-prefix': 'ecs',
          },
        },
      };
    }),
  };
}

export const network = {
  awsvpcConfiguration: { subnets: ['subnet-0123456789abcdef0'], securityGroups: ['sg-0123456789abcdef0'] },
};

export function serviceDef(
  name: string,
  o: { desired?: number; breaker?: boolean; targetGroup?: string } = {},
): Json {
  return {
    serviceName: name,
    desiredCount: o.desired ?? 1,
    launchType: 'FARGATE',
    networkConfiguration: network,
    deploymentConfiguration: {
      deploymentCircuitBreaker: { enable: o.breaker ?? false, rollback: o.breaker ?? false },
      maximumPercent: 200,
      minimumHealthyPercent: 100,
    },
    ...(o.targetGroup
      ? {
          loadBalancers: [{ targetGroupArn: o.targetGroup, containerName: 'app', containerPort: 8080 }],
          healthCheckGracePeriodSeconds: 0,
        }
      : {}),
  };
}

export interface UnitSpec {
  kind?: 'service' | 'job' | 'cloudformation';
  dependsOn?: string[];
  taskDefinition?: Json;
  serviceDefinition?: Json;
  runTask?: Json;
  cluster?: string;
  cloudformation?: {
    stackName: string;
    template?: string;
    parameters?: Record<string, string>;
    stallWarning?: string;
  };
}

/** Writes the stack file and its JSON attachments into `dir` and loads it as the CLI would. */
export function writeStack(dir: string, name: string, services: Record<string, UnitSpec>, extra = ''): Stack {
  const lines = [`stack: ${name}`, 'target: aws', 'aws: { region: us-east-1 }', extra, 'services:'];
  for (const [svc, u] of Object.entries(services)) {
    lines.push(`  ${svc}:`);
    if (u.kind) lines.push(`    kind: ${u.kind}`);
    if (u.dependsOn?.length) lines.push(`    dependsOn: [${u.dependsOn.join(', ')}]`);
    const file = (suffix: string, json: Json) => {
      const f = `${name}-${svc}.${suffix}.json`;
      writeFileSync(join(dir, f), JSON.stringify(json, null, 2));
      return f;
    };
    if (u.taskDefinition) {
      lines.push('    aws:', `      taskDefinition: ${file('task', u.taskDefinition)}`);
      if (u.serviceDefinition) lines.push(`      serviceDefinition: ${file('service', u.serviceDefinition)}`);
      if (u.runTask) lines.push(`      runTask: ${file('run', u.runTask)}`);
      if (u.cluster) lines.push(`      cluster: ${u.cluster}`);
    }
    if (u.cloudformation) {
      const cf = u.cloudformation;
      lines.push('    cloudformation:', `      stackName: ${cf.stackName}`);
      if (cf.template) {
        const f = `${name}-${svc}.template.yaml`;
        writeFileSync(join(dir, f), cf.template);
        lines.push(`      template: ${f}`);
      }
      if (cf.parameters) lines.push(`      parameters: ${JSON.stringify(cf.parameters)}`);
      if (cf.stallWarning) lines.push(`      stallWarning: ${cf.stallWarning}`);
    }
  }
  const path = join(dir, `${name}.yaml`);
  writeFileSync(path, lines.filter((l) => l !== '').join('\n') + '\n');
  return loadStack(path, { env: {} });
}

export function unitOf(stack: Stack, name: string): Unit {
  const service = stack.services.find((s) => s.name === name)!;
  return { stack: stack.name, service, revision: revisionOf(service) };
}

/** Gate options that collect progress lines. */
export function gate(timeoutMs = 20_000): GateOptions & { lines: { message: string; warning?: boolean }[] } {
  const lines: { message: string; warning?: boolean }[] = [];
  return { timeoutMs, progress: (p) => lines.push(p), lines };
}

/** The task definition ARNs the emulator has registered for a family, oldest first. */
export function revisionsOf(em: Emulator, family: string): string[] {
  return em.world.ecs.taskDefinitions.list({ familyPrefix: family }).filter((a) => a.includes(`/${family}:`));
}
