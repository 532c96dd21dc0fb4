import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after } from 'node:test';
import type { Scenario } from '../emulator/scenario.js';
import { startEmulator, type Emulator } from '../emulator/server.js';
import { cli, copyExample, emulatorEnv, startCli, waitForOutput, type CliResult } from './helpers.js';

/**
 * Stacks of ECS services with native strategies, deployed through the built CLI against the emulator at 1/100
 * speed (a two-minute canary bake is 1.2 s).
 */

export const TIME_SCALE = 0.01;
const emulators: Emulator[] = [];
after(async () => {
  await Promise.all(emulators.map((e) => e.close()));
});

export async function emulator(scenario: Scenario = {}): Promise<Emulator> {
  const em = await startEmulator({ timeScale: TIME_SCALE, scenario });
  emulators.push(em);
  return em;
}

export const output = (r: CliResult) => r.stdout + r.stderr;

/** The example takes its network from a CloudFormation phase's outputs; these stacks have no such phase. */
const NETWORK = {
  awsvpcConfiguration: {
    subnets: ['subnet-0a1b2c3d4e5f60718', 'subnet-0f1e2d3c4b5a69788'],
    securityGroups: ['sg-0123456789abcdef0'],
    assignPublicIp: 'DISABLED',
  },
};

/** A stack of services built from the example's kafka-subscriber, each with the given aws block additions. */
export async function stack(
  names: string[],
  aws: string[],
  service: Record<string, unknown> = {},
  /** Unique per test where one store serves several (describeEachBackend). */
  name = 'native',
): Promise<{ dir: string; file: string }> {
  const { dir } = await copyExample('parental-control');
  const base = JSON.parse(readFileSync(join(dir, 'ecs/kafka-subscriber.service.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  for (const n of names)
    writeFileSync(
      join(dir, `ecs/${n}.service.json`),
      JSON.stringify({ ...base, networkConfiguration: NETWORK, ...service, serviceName: n }),
    );
  const yaml = [
    `stack: ${name}`,
    'target: aws',
    'deploy: { timeout: 5m }',
    'services:',
    ...names.flatMap((n) => [
      `  ${n}:`,
      "    version: '${IMAGE_TAG:-1.0.0}'",
      '    aws:',
      '      taskDefinition: ecs/kafka-subscriber.task.json',
      `      serviceDefinition: ecs/${n}.service.json`,
      ...aws.map((l) => `      ${l}`),
    ]),
  ].join('\n');
  writeFileSync(join(dir, 'native.yaml'), yaml);
  return { dir, file: 'native.yaml' };
}

/** What every CLI run of these stacks needs: the emulator, a quick poll, the image tag. */
export const nativeEnv = (em: Emulator, tag = '1.0.0') =>
  emulatorEnv(em.url, { CONVOY_AWS_POLL_MS: '40', IMAGE_TAG: tag });

export function deploy(em: Emulator, dir: string, tag: string, extra: string[] = []) {
  return cli(['-f', 'native.yaml', 'deploy', '--json', ...extra], { cwd: dir, env: nativeEnv(em, tag) });
}

/** Three LINEAR services of one wave, paused together at POST_TEST_TRAFFIC_SHIFT. */
export const LINEAR_WAVE = ['linear-a', 'linear-b', 'linear-c'];
export const LINEAR_PAUSED = [
  'deploymentConfiguration:',
  '  strategy: LINEAR',
  '  linearConfiguration: { stepPercent: 50, stepBakeTimeInMinutes: 1 }',
  'pauseAt: POST_TEST_TRAFFIC_SHIFT',
];

/** `convoy deploy` of `tag` in the background, once every service of the wave waits at its pause. */
export async function pausedDeploy(em: Emulator, dir: string, tag: string) {
  const run = startCli(['-f', 'native.yaml', 'deploy', '--json'], { cwd: dir, env: nativeEnv(em, tag) });
  await waitForOutput(run, /"code":"pause\.waiting"/, 120_000);
  return run;
}
