import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { startEmulator, type Emulator } from '../emulator/server.js';
import { cli, copyExample, emulatorEnv, events, type CliResult } from './helpers.js';

/**
 * Day two on the aws target: the built CLI against the emulator, as a user would point it at LocalStack. An ordered
 * restart (UpdateService --force-new-deployment, revisions unchanged) and a rollback to a deployment three back.
 */

const emulators: Emulator[] = [];
after(async () => {
  await Promise.all(emulators.map((e) => e.close()));
});

async function setUp() {
  const em = await startEmulator({ timeScale: 0.01 });
  emulators.push(em);
  const { dir } = await copyExample('parental-control');
  const env = emulatorEnv(em.url, { CONVOY_AWS_POLL_MS: '40' });
  const run = (args: string[], extra: Record<string, string> = {}) =>
    cli(['-f', 'convoy.aws.yaml', ...args], { cwd: dir, env: { ...env, ...extra } });
  return { em, run };
}

const out = (r: CliResult) => r.stdout + r.stderr;
const revisions = async (run: (a: string[]) => Promise<CliResult>) =>
  new Map(
    (JSON.parse((await run(['status', '--json'])).stdout) as { name: string; revision: string }[]).map(
      (s) => [s.name, s.revision],
    ),
  );

describe('e2e: operate a running stack (aws target, emulator)', () => {
  it('restart policy-enforcer --with-dependents: new ECS deployments in dependency order, same task definitions', async () => {
    const { em, run } = await setUp();
    assert.equal((await run(['deploy'])).code, 0);
    const services = () => new Map(em.world.ecs.allServices().map((s) => [s.name, s]));
    const before = new Map(
      [...services()].map(([n, s]) => [
        n,
        { deployment: s.primary.id, td: s.taskDefinition.taskDefinitionArn },
      ]),
    );
    const revs = await revisions(run);
    const r = await run(['restart', 'policy-enforcer', '--with-dependents', '--json']);
    assert.equal(r.code, 0, out(r));
    const ev = events(r.stdout);
    const at = (code: string, s: string) => ev.findIndex((e) => e.code === code && e.service === s);
    for (const dependent of ['p-gateway', 'kafka-subscriber', 'ftd-integration'])
      assert.ok(at('service.ready', 'policy-enforcer') < at('service.starting', dependent), dependent);
    assert.ok(at('service.ready', 'p-gateway') < at('service.starting', 'analytics-dashboard'));
    for (const [n, s] of services()) {
      assert.notEqual(s.primary.id, before.get(n)!.deployment, `${n} got a new ECS deployment`);
      assert.equal(s.taskDefinition.taskDefinitionArn, before.get(n)!.td, `${n} keeps its task definition`);
      assert.equal(s.primary.rolloutState, 'COMPLETED');
    }
    assert.deepEqual(await revisions(run), revs);
    const [last] = JSON.parse((await run(['history', '--json'])).stdout) as {
      kind: string;
      outcome: string;
    }[];
    assert.deepEqual([last!.kind, last!.outcome], ['restart', 'succeeded']);
  });

  it('rollback --to a deployment three deployments back restores its task definitions; --dry-run changes nothing', async () => {
    const { em, run } = await setUp();
    for (const tag of ['1.0.0', '1.1.0', '1.2.0', '1.3.0'])
      assert.equal((await run(['deploy'], { IMAGE_TAG: tag })).code, 0, tag);
    const history = JSON.parse((await run(['history', '--json'])).stdout) as {
      id: string;
      steps: { service: string; to: string }[];
    }[];
    const target = history[3]!;
    // The network phase (CloudFormation) is the same in all four; status shows ECS services' revisions.
    const wanted = new Map(target.steps.filter((s) => s.service !== 'network').map((s) => [s.service, s.to]));
    const tds = () => em.world.ecs.allServices().map((s) => s.taskDefinition.taskDefinitionArn);
    const before = tds();

    const dry = await run(['rollback', '--to', target.id, '--dry-run', '--json'], { IMAGE_TAG: '1.3.0' });
    assert.equal(dry.code, 0, out(dry));
    assert.equal((JSON.parse(dry.stdout) as { rollback: unknown[] }).rollback.length, 5);
    assert.deepEqual(tds(), before, 'the dry run changed nothing');

    const r = await run(['rollback', '--to', target.id], { IMAGE_TAG: '1.3.0' });
    assert.equal(r.code, 0, out(r));
    const now = await revisions(run);
    now.delete('network');
    assert.deepEqual(now, wanted);
    for (const s of em.world.ecs.allServices())
      assert.match(s.taskDefinition.containerDefinitions[0]?.image ?? '', /:1\.0\.0$/, s.name);

    const bad = await run(['rollback', '--to', target.id, '--service', 'p-gatewya']);
    assert.equal(bad.code, 3, out(bad));
    assert.match(bad.stderr, /did you mean "p-gateway"/);
  });

  it('scale p-gateway=0 then p-gateway=2: the ECS desired count, shown in status; beyond scale.max exits 3', async () => {
    const { em, run } = await setUp();
    assert.equal((await run(['deploy'])).code, 0);
    const gateway = () => em.world.ecs.allServices().find((s) => s.name === 'parental-control-p-gateway')!;
    const replicas = async () =>
      (
        JSON.parse((await run(['status', '--json'])).stdout) as {
          name: string;
          replicas?: number;
          health: string;
        }[]
      ).find((s) => s.name === 'p-gateway')!;
    const zero = await run(['scale', 'p-gateway=0']);
    assert.equal(zero.code, 0, out(zero));
    assert.equal(gateway().desiredCount, 0);
    assert.equal(gateway().runningCount, 0);
    const off = await replicas();
    assert.deepEqual([off.replicas, off.health], [0, 'stopped']);
    const two = await run(['scale', 'p-gateway=2']);
    assert.equal(two.code, 0, out(two));
    assert.equal(gateway().desiredCount, 2);
    assert.equal(gateway().runningCount, 2);
    assert.equal((await replicas()).replicas, 2);
    const [last] = JSON.parse((await run(['history', '--json'])).stdout) as {
      kind: string;
      summary: string;
    }[];
    assert.equal(last!.kind, 'scale');
    assert.match(last!.summary, /p-gateway 0 → 2/);
    const bad = await run(['scale', 'p-gateway=-2']);
    assert.equal(bad.code, 3, out(bad));
  });
});
