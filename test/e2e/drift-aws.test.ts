import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import {
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  RegisterTaskDefinitionCommand,
  UpdateServiceCommand,
  type RegisterTaskDefinitionCommandInput,
} from '@aws-sdk/client-ecs';
import { harness, type Harness } from '../emulator/helpers.js';
import { cli, copyExample, emulatorEnv, startCli, waitForOutput, type CliResult } from './helpers.js';

/*
 * Issue 19, items 1 and 5 on the aws target, the built CLI against the emulator: `convoy diff` finds a service
 * changed "in the console" (the test calls UpdateService and RegisterTaskDefinition itself, with the SDK) and exits
 * 1, and 0 while all runs as deployed; `convoy status` shows running, pending and desired counts, the rollout and
 * the strategy; `convoy logs --follow` picks up the streams of tasks started after it, and stops cleanly on SIGINT.
 */

const harnesses: Harness[] = [];
after(async () => {
  await Promise.all(harnesses.map((h) => h.close()));
});

const STACK = [
  'stack: pc-drift',
  'target: aws',
  'aws: { region: us-east-1, cluster: default }',
  'services:',
  '  network:',
  '    kind: cloudformation',
  '    cloudformation: { stackName: pc-drift-network, template: network.yaml }',
  '  policy-enforcer:',
  '    dependsOn: [network]',
  '    aws: { taskDefinition: ecs/policy-enforcer.task.json, serviceDefinition: ecs/policy-enforcer.service.json }',
  '  p-gateway:',
  '    dependsOn: [policy-enforcer]',
  '    aws: { taskDefinition: ecs/p-gateway.task.json, serviceDefinition: ecs/p-gateway.service.json }',
].join('\n');

const output = (r: CliResult) => r.stdout + r.stderr;

async function deployed(): Promise<{
  h: Harness;
  dir: string;
  run: (args: string[]) => Promise<CliResult>;
  env: Record<string, string>;
}> {
  const h = await harness({ images: [{ image: '*', logs: ['{container} up in task {task}'] }] });
  harnesses.push(h);
  const { dir } = await copyExample('parental-control');
  writeFileSync(join(dir, 'drift.yaml'), STACK);
  const env = emulatorEnv(h.em.url, { CONVOY_AWS_POLL_MS: '40' });
  const run = (args: string[]) => cli(['-f', 'drift.yaml', ...args], { cwd: dir, env });
  const r = await run(['deploy']);
  assert.equal(r.code, 0, output(r));
  return { h, dir, run, env };
}

describe('e2e: drift, status and logs on the aws target against the emulator', { concurrency: false }, () => {
  it('diff exits 0 while all runs as deployed, and 1 with what was changed in the console', async () => {
    const { h, run } = await deployed();
    const clean = await run(['diff']);
    assert.equal(clean.code, 0, output(clean));
    assert.match(clean.stdout, /^no drift: 3 services/);

    // "In the console": p-gateway scaled to 3; policy-enforcer on a new task definition with LOG_LEVEL=debug.
    await h.ecs.send(
      new UpdateServiceCommand({
        cluster: 'default',
        service: 'parental-control-p-gateway',
        desiredCount: 3,
      }),
    );
    const svc = (
      await h.ecs.send(
        new DescribeServicesCommand({ cluster: 'default', services: ['parental-control-policy-enforcer'] }),
      )
    ).services![0]!;
    const td = (await h.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: svc.taskDefinition })))
      .taskDefinition!;
    const input: RegisterTaskDefinitionCommandInput = {
      family: td.family,
      networkMode: td.networkMode,
      requiresCompatibilities: td.requiresCompatibilities,
      cpu: td.cpu,
      memory: td.memory,
      executionRoleArn: td.executionRoleArn,
      taskRoleArn: td.taskRoleArn,
      containerDefinitions: td.containerDefinitions!.map((c) => ({
        ...c,
        environment: c.environment!.map((e) => (e.name === 'LOG_LEVEL' ? { ...e, value: 'debug' } : e)),
      })),
    };
    const registered = (await h.ecs.send(new RegisterTaskDefinitionCommand(input))).taskDefinition!;
    await h.ecs.send(
      new UpdateServiceCommand({
        cluster: 'default',
        service: 'parental-control-policy-enforcer',
        taskDefinition: registered.taskDefinitionArn,
      }),
    );

    const r = await run(['diff']);
    assert.equal(r.code, 1, output(r));
    assert.match(r.stdout, /^policy-enforcer: changed outside Convoy since its last good deployment/m);
    assert.match(
      r.stdout,
      /runs task definition parental-control-policy-enforcer:2, which Convoy did not register/,
    );
    assert.match(
      r.stdout,
      /^-container policy-enforcer\.env\.LOG_LEVEL: debug\n\+container policy-enforcer\.env\.LOG_LEVEL: info$/m,
    );
    assert.match(r.stdout, /^p-gateway: changed outside Convoy/m);
    assert.match(r.stdout, /^-service\.desiredCount: 3\n\+service\.desiredCount: 2$/m);
    // Unchanged fields are context, not changes.
    assert.match(r.stdout, /^ service\.capacity: FARGATE$/m);

    const json = JSON.parse((await run(['diff', '--json'])).stdout) as {
      drift: boolean;
      services: { name: string; drifted: boolean; changes: { field: string }[] }[];
    };
    assert.equal(json.drift, true);
    assert.deepEqual(
      json.services
        .filter((s) => s.name !== 'network')
        .map((s) => [s.name, s.drifted, s.changes.map((c) => c.field)]),
      [
        ['policy-enforcer', true, ['container policy-enforcer.env.LOG_LEVEL', 'revision']],
        ['p-gateway', true, ['service.desiredCount']],
      ],
    );
    const plan = await run(['plan']);
    assert.match(plan.stdout, /p-gateway .*changed: service\.desiredCount/);
  });

  it('status shows running, pending and desired counts, the rollout, the strategy and the console link', async () => {
    const { h, run, dir, env } = await deployed();
    const st = await run(['status', '--json']);
    assert.equal(st.code, 0, output(st));
    const all = JSON.parse(st.stdout) as {
      name: string;
      ecs: {
        running: number;
        pending: number;
        desired: number;
        rolloutState: string;
        strategy: string;
        console: string;
      };
    }[];
    // The network phase (CloudFormation) has no ECS counts.
    const rows = all.filter((r) => r.name !== 'network');
    assert.deepEqual(
      rows.map((r) => [r.name, r.ecs.running, r.ecs.pending, r.ecs.desired, r.ecs.rolloutState]),
      [
        ['policy-enforcer', 2, 0, 2, 'COMPLETED'],
        ['p-gateway', 2, 0, 2, 'COMPLETED'],
      ],
    );
    assert.equal(rows[0]!.ecs.strategy, 'rolling 100–200%, circuit breaker with rollback');
    assert.match(
      rows[1]!.ecs.console,
      /^https:\/\/us-east-1\.console\.aws\.amazon\.com\/ecs\/v2\/clusters\/default\/services\/parental-control-p-gateway\//,
    );
    const table = await run(['status']);
    assert.match(table.stdout, /^p-gateway +service +\S+ +2\/2 running +COMPLETED +rolling 100–200%/m);

    // --watch without a terminal prints again when something changes, and ends cleanly on SIGINT.
    const watch = startCli(['-f', 'drift.yaml', 'status', '--watch'], { cwd: dir, env });
    await waitForOutput(watch, /p-gateway +service +\S+ +2\/2 running/);
    await h.ecs.send(
      new UpdateServiceCommand({
        cluster: 'default',
        service: 'parental-control-p-gateway',
        desiredCount: 3,
      }),
    );
    await waitForOutput(watch, /p-gateway +service +\S+ +3\/3 running/);
    watch.child.kill('SIGINT');
    const done = await watch.done;
    assert.equal(done.code, 0, done.stderr);
    assert.equal(done.stderr, '');
  });

  it('logs --follow picks up the tasks a new deployment starts, and stops cleanly on SIGINT', async () => {
    const { h, dir, env } = await deployed();
    const before = new Set(h.em.world.ecs.allTasks().map((t) => t.id));
    const follow = startCli(['-f', 'drift.yaml', 'logs', 'p-gateway', '--follow', '--since', '10m'], {
      cwd: dir,
      env,
    });
    await waitForOutput(follow, /^\[\w{8}\] p-gateway up in task \w+$/m);
    await h.ecs.send(
      new UpdateServiceCommand({
        cluster: 'default',
        service: 'parental-control-p-gateway',
        forceNewDeployment: true,
      }),
    );
    // A line of a task that did not exist when logs --follow started.
    const deadline = Date.now() + 60_000;
    const fresh = () =>
      [...follow.output().matchAll(/up in task (\w+)$/gm)].map((m) => m[1]!).filter((id) => !before.has(id));
    while (!fresh().length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    assert.ok(fresh().length > 0, `no line of a new task:\n${follow.output()}`);
    follow.child.kill('SIGINT');
    const done = await follow.done;
    assert.equal(done.code, 0, done.stderr);
    assert.equal(done.stderr, '', 'no stack trace');

    const unknown = await cli(['-f', 'drift.yaml', 'logs', 'p-gatewy'], { cwd: dir, env });
    assert.equal(unknown.code, 3);
    assert.match(unknown.stderr, /did you mean "p-gateway"\?/);
  });
});
