import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ecsTemplate } from '../targets/aws/templates.js';
import type { Scenario } from '../emulator/scenario.js';
import { startEmulator, type Emulator } from '../emulator/server.js';
import { cli, copyExample, emulatorEnv, events, tempDir, type CliResult } from './helpers.js';

/**
 * The built CLI, unchanged, against the AWS emulator through AWS_ENDPOINT_URL — as a user would point it at
 * LocalStack. The emulator runs in this process at 1/100 speed (a 30 s health check interval takes 300 ms), so each
 * test can read its books: the tasks it ran and the API calls it served.
 */

const TIME_SCALE = 0.01;
const emulators: Emulator[] = [];
after(async () => {
  await Promise.all(emulators.map((e) => e.close()));
});

async function emulator(scenario: Scenario = {}, timeScale = TIME_SCALE): Promise<Emulator> {
  const em = await startEmulator({ timeScale, scenario });
  emulators.push(em);
  return em;
}

function awsEnv(em: Emulator, extra: Record<string, string> = {}): Record<string, string> {
  return emulatorEnv(em.url, { CONVOY_AWS_POLL_MS: '40', ...extra });
}

/** The API calls the emulator served, as a table in the test output. */
function report(title: string, em: Emulator): ReturnType<Emulator['calls']['snapshot']> {
  const s = em.calls.snapshot();
  const rows = Object.entries(s.byOperation).map(
    ([op, c]) =>
      `#   ${op.padEnd(36)} ${String(c.calls).padStart(4)}${c.throttled ? `  (${c.throttled} throttled)` : ''}`,
  );
  console.log([`# ${title}: ${s.total} AWS API calls, ${s.throttled} throttled`, ...rows].join('\n'));
  return s;
}

const output = (r: CliResult) => r.stdout + r.stderr;

/**
 * ECS's own back-off between relaunches of a failing service (SERVICE_TASK_START_IMPAIRED), made long: a replacement
 * task cannot fail before Convoy's verdict however loaded this machine is, so "decided at the first failure" is
 * measured, not raced. 600 model seconds are 6 s of wall time.
 */
const SLOW_RELAUNCH = { launchBackoff: { afterFailures: 1, baseSeconds: 600, maxSeconds: 900 } };

/** The parental-control example deployed on `em` at its first version, then at 2.0.0 with `--json`: that second run. */
async function deployVersion2(em: Emulator) {
  const { dir } = await copyExample('parental-control');
  const env = awsEnv(em);
  assert.equal((await cli(['-f', 'convoy.aws.yaml', 'deploy'], { cwd: dir, env })).code, 0);
  return cli(['-f', 'convoy.aws.yaml', 'deploy', '--json'], {
    cwd: dir,
    env: { ...env, IMAGE_TAG: '2.0.0' },
  });
}

/** The warnings that a task of the new revision stopped and ECS replaces it. */
const replacedWarnings = (stdout: string) =>
  events(stdout).filter(
    (e) => e.code === 'service.progress' && e.warning && /ECS replaces it/.test(String(e.message)),
  );

// One test at a time: each already runs the CLI against its own emulator, and the rest of the suite runs beside it.
describe('e2e: the aws target against the emulator', () => {
  it('deploys the network phase and the five parental-control services to ECS (exit 0), then finds nothing to change', async () => {
    const em = await emulator();
    const { dir } = await copyExample('parental-control');
    const env = awsEnv(em, { CONVOY_AWS_CALLS_FILE: join(dir, 'calls.json') });
    const r = await cli(['-f', 'convoy.aws.yaml', 'deploy'], { cwd: dir, env });
    assert.equal(r.code, 0, output(r));
    assert.match(r.stdout, /deployment succeeded .*6 changed, 0 unchanged/);
    const services = em.world.ecs.allServices();
    assert.equal(services.length, 5);
    for (const s of services) assert.equal(s.primary.rolloutState, 'COMPLETED', s.name);
    const st = await cli(['-f', 'convoy.aws.yaml', 'status', '--json'], { cwd: dir, env });
    assert.deepEqual(
      (JSON.parse(st.stdout) as { health: string }[]).map((x) => x.health),
      ['healthy', 'healthy', 'healthy', 'healthy', 'healthy', 'healthy'],
    );
    const calls = report('5-service deploy', em);
    const own = JSON.parse(readFileSync(join(dir, 'calls.json'), 'utf8')) as { total: number };
    assert.ok(own.total > 0 && own.total <= calls.total, 'convoy counts its own requests');
    em.calls.reset();
    const again = await cli(['-f', 'convoy.aws.yaml', 'deploy'], { cwd: dir, env });
    assert.equal(again.code, 0, output(again));
    assert.match(again.stdout, /0 changed, 6 unchanged/);
    report('the same deploy again (nothing to change)', em);
    assert.equal(em.calls.count('ecs', 'RegisterTaskDefinition') + em.calls.count('ecs', 'UpdateService'), 0);
  });

  it('watching 12 services costs ceil(12/10) = 2 DescribeServices per poll, not 12', async () => {
    const em = await emulator();
    const { dir } = await copyExample('parental-control');
    const names = Array.from({ length: 12 }, (_, i) => `svc${String(i).padStart(2, '0')}`);
    const yaml = [
      'stack: wide',
      'target: aws',
      'services:',
      ...names.flatMap((n) => [
        `  ${n}:`,
        '    aws:',
        `      taskDefinition: ecs/kafka-subscriber.task.json`,
        `      serviceDefinition: ecs/${n}.service.json`,
      ]),
    ].join('\n');
    // Without the example's network phase: the subnets are written out instead of its outputs.
    const sd = JSON.parse(
      readFileSync(join(dir, 'ecs/kafka-subscriber.service.json'), 'utf8').replace(
        /\$\{cfn:network\.(\w+)\}/g,
        (_, key: string) => `${key === 'ServiceSecurityGroup' ? 'sg' : 'subnet'}-0123456789abcdef0`,
      ),
    ) as Record<string, unknown>;
    for (const n of names)
      writeFileSync(join(dir, `ecs/${n}.service.json`), JSON.stringify({ ...sd, serviceName: n }));
    writeFileSync(join(dir, 'wide.yaml'), yaml);
    const callsFile = join(dir, 'calls.json');
    const r = await cli(['-f', 'wide.yaml', 'deploy'], {
      cwd: dir,
      env: awsEnv(em, { CONVOY_AWS_CALLS_FILE: callsFile }),
    });
    assert.equal(r.code, 0, output(r));
    const own = JSON.parse(readFileSync(callsFile, 'utf8')) as { pollRounds: Record<string, number> };
    const rounds = own.pollRounds.default!;
    const ds = report('12 services in one wave', em).byOperation['ecs.DescribeServices']!.calls;
    // Per poll 2; plus 2 for the batched start-time lookups and 2 each for the status reads before and after.
    const watching = Math.max(0, ds - 6);
    console.log(
      `#   ${ds} DescribeServices = 6 (start-time lookups, status before and after) + ${watching} over ${rounds} ` +
        `poll rounds: ${(watching / rounds).toFixed(2)} per round (one call per service would be 12)`,
    );
    assert.ok(ds <= 2 * rounds + 6, `${ds} DescribeServices for ${rounds} rounds`);
    assert.ok(ds < 12 * rounds, 'batched, not one call per service');
  });

  it('convoy rollback puts a service back on its previous task definition without registering a copy', async () => {
    const em = await emulator();
    const { dir } = await copyExample('parental-control');
    const env = awsEnv(em);
    const deploy = (tag: string) =>
      cli(['-f', 'convoy.aws.yaml', 'deploy'], { cwd: dir, env: { ...env, IMAGE_TAG: tag } });
    assert.equal((await deploy('1.0.0')).code, 0);
    assert.equal((await deploy('1.1.0')).code, 0);
    const family = 'parental-control-policy-enforcer';
    const registered = em.world.ecs.taskDefinitions.list({ familyPrefix: family });
    assert.equal(registered.length, 2, registered.join(' '));
    const r = await cli(['-f', 'convoy.aws.yaml', 'rollback', 'policy-enforcer'], {
      cwd: dir,
      env: { ...env, IMAGE_TAG: '1.1.0' },
    });
    assert.equal(r.code, 0, output(r));
    assert.deepEqual(em.world.ecs.taskDefinitions.list({ familyPrefix: family }), registered);
    const svc = em.world.ecs.allServices().find((x) => x.name === 'parental-control-policy-enforcer')!;
    assert.equal(svc.primary.taskDefinition.taskDefinitionArn, registered[0]);
  });

  it('an image that cannot be pulled fails fast, is rolled back to the previous task definition, and says why', async () => {
    const em = await emulator({
      images: [{ image: '*/policy-enforcer:2.0.0', pullError: true }],
      ecs: SLOW_RELAUNCH,
    });
    const { dir } = await copyExample('parental-control');
    const env = awsEnv(em);
    assert.equal((await cli(['-f', 'convoy.aws.yaml', 'deploy'], { cwd: dir, env })).code, 0);
    em.calls.reset();
    // Pre-flight would refuse the missing tag before the lock (e2e/verify-aws-images.test.ts); --skip-verify stands
    // for a tag deleted between verify and the pull, so the deploy-time path stays proven.
    const r = await cli(['-f', 'convoy.aws.yaml', 'deploy', '--json', '--skip-verify'], {
      cwd: dir,
      env: { ...env, IMAGE_TAG: '2.0.0' },
    });
    assert.equal(r.code, 1, output(r));
    const failedAt = Date.parse(events(r.stdout).find((e) => e.code === 'service.failed')!.at);
    const pullFailures = em.world.ecs
      .allTasks()
      .filter((t) => /CannotPullContainerError/.test(t.stoppedReason ?? ''))
      .map((t) => em.clock.toWall(t.stoppingAt!));
    const before = pullFailures.filter((at) => at <= failedAt).length;
    console.log(
      `#   ${before} failed task(s) before Convoy's verdict (desired count 2; circuit breaker threshold 3)`,
    );
    assert.ok(before <= 2, `${before} tasks had failed before the verdict`);
    assert.match(r.stdout, /"code":"service.failed".*CannotPullContainerError/);
    const plain = await cli(['-f', 'convoy.aws.yaml', 'deploy', '--skip-verify'], {
      cwd: dir,
      env: { ...env, IMAGE_TAG: '2.0.0' },
    });
    assert.equal(plain.code, 1, output(plain));
    assert.match(
      plain.stdout,
      /policy-enforcer: FAILED after .*CannotPullContainerError: .*policy-enforcer:2\.0\.0: not found/,
    );
    // The failure report (stderr): the check, its output with console links, the likely cause, what was rolled back.
    assert.match(plain.stderr, /check: +ECS image pull \(policy-enforcer\)/);
    assert.match(plain.stderr, /likely cause: \[image-pull\]/);
    assert.match(
      plain.stderr,
      /console: https:\/\/us-east-1\.console\.aws\.amazon\.com\/ecs\/v2\/clusters\/default\/services\/parental-control-policy-enforcer/,
    );
    assert.match(plain.stderr, /rollback: policy-enforcer → /);
    const svc = em.world.ecs.findService('default', 'parental-control-policy-enforcer')!;
    assert.match(
      svc.taskDefinition.taskDefinitionArn,
      /parental-control-policy-enforcer:1$/,
      'back on revision 1, not a copy',
    );
    assert.equal(svc.primary.rolloutState, 'COMPLETED');
    assert.equal(
      em.world.ecs.findService('default', 'parental-control-p-gateway')!.history.size,
      1,
      'wave 2 never touched',
    );
    report('failed deploy with rollback (image pull)', em);
  });

  it('a failing health check: the first task is replaced with a warning, the second one’s verdict fails it, not a third', async () => {
    const em = await emulator({
      images: [
        // Not conclusive (a missing curl would be caught inside the start period: test/targets/aws/service.test.ts).
        {
          image: '*/kafka-subscriber:2.0.0',
          health: 'fail',
          healthOutput: 'curl: (22) The requested URL returned error: 503',
        },
      ],
      ecs: SLOW_RELAUNCH,
    });
    const r = await deployVersion2(em);
    assert.equal(r.code, 1, output(r));
    const failed = events(r.stdout).find((e) => e.code === 'service.failed')!;
    assert.equal(failed.service, 'kafka-subscriber');
    assert.equal(failed.check, 'ECS container health check (kafka-subscriber)');
    assert.match(String(failed.message), /Task failed container health checks/);
    // The tasks ECS stopped for failed health checks, on the emulator's clock mapped to the wall clock.
    const failedAt = Date.parse(failed.at);
    const verdicts = em.world.ecs
      .allTasks()
      .filter(
        (t) =>
          t.def.family === 'parental-control-kafka-subscriber' &&
          t.stoppedReason === 'Task failed container health checks',
      )
      .map((t) => em.clock.toWall(t.stoppingAt!))
      .sort();
    const before = verdicts.filter((at) => at <= failedAt);
    // One task at a time (desired count 1): the first verdict may be that task's bad luck, the second is the revision's.
    assert.equal(
      before.length,
      2,
      `health verdicts before the failure: ${before.length} (all: ${verdicts.length})`,
    );
    const replaced = replacedWarnings(r.stdout);
    assert.equal(replaced.length, 1, output(r));
    assert.equal(replaced[0]!.service, 'kafka-subscriber');
    assert.match(String(replaced[0]!.message), /Task failed container health checks/);
    const rolledBack = em.world.ecs.findService('default', 'parental-control-kafka-subscriber')!;
    assert.match(rolledBack.taskDefinition.taskDefinitionArn, /:1$/);
    console.log(`#   failed ${failedAt - before[1]!} ms (wall) after the second health verdict`);
  });

  it('a transient crash is not a false alarm: the first task crashes, ECS replaces it, the deployment succeeds with a warning', async () => {
    const em = await emulator({
      images: [
        {
          image: '*/kafka-subscriber:2.0.0',
          transientFailures: 1,
          exitLogs: ['Error: connect ECONNREFUSED 10.0.12.7:5432'],
        },
      ],
    });
    const r = await deployVersion2(em);
    assert.equal(r.code, 0, output(r));
    const all = events(r.stdout);
    assert.equal(all.filter((e) => e.code === 'service.failed' || e.code === 'rollback.started').length, 0);
    const crashed = em.world.ecs
      .allTasks()
      .filter((t) => t.def.family === 'parental-control-kafka-subscriber' && t.def.revision === 2)
      .filter((t) => t.stoppedReason === 'Essential container in task exited');
    assert.equal(crashed.length, 1, 'the first task of the new revision crashed');
    const replaced = replacedWarnings(r.stdout);
    assert.equal(replaced.length, 1, output(r));
    assert.equal(replaced[0]!.service, 'kafka-subscriber');
    assert.match(
      String(replaced[0]!.message),
      new RegExp(
        `task ${crashed[0]!.id.slice(0, 8)}: Essential container in task exited: .*exited with code 1`,
      ),
    );
    const svc = em.world.ecs.findService('default', 'parental-control-kafka-subscriber')!;
    assert.match(svc.taskDefinition.taskDefinitionArn, /:2$/);
  });

  it('a migration task that exits 1 stops the deployment before any service is touched', async () => {
    const em = await emulator({
      images: [
        {
          command: 'migrate',
          exitAfterSeconds: 5,
          exitCode: 1,
          exitLogs: ['ERROR: column "email" contains null values'],
        },
      ],
    });
    const dir = tempDir();
    const td = (family: string, command: string[]) => ({
      family,
      networkMode: 'awsvpc',
      requiresCompatibilities: ['FARGATE'],
      cpu: '256',
      memory: '512',
      executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
      containerDefinitions: [
        {
          name: 'app',
          image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/accounts:${IMAGE_TAG:-1}',
          essential: true,
          command,
          logConfiguration: {
            logDriver: 'awslogs',
            options: {
              'awslogs-group': '/ecs/accounts',
              'awslogs-region': 'us-east-1',
              'awslogs-stream-prefix': 'app',
            },
          },
        },
      ],
    });
    const vpc = {
      awsvpcConfiguration: {
        subnets: ['subnet-0123456789abcdef0'],
        securityGroups: ['sg-0123456789abcdef0'],
      },
    };
    writeFileSync(join(dir, 'migrate.json'), JSON.stringify(td('accounts-migrate', ['./bin/migrate', 'up'])));
    writeFileSync(
      join(dir, 'run.json'),
      JSON.stringify({ launchType: 'FARGATE', networkConfiguration: vpc }),
    );
    writeFileSync(join(dir, 'api.json'), JSON.stringify(td('accounts-api', ['./bin/serve'])));
    writeFileSync(
      join(dir, 'api.service.json'),
      JSON.stringify({ serviceName: 'accounts-api', launchType: 'FARGATE', networkConfiguration: vpc }),
    );
    writeFileSync(
      join(dir, 'convoy.yaml'),
      [
        'stack: accounts',
        'target: aws',
        'services:',
        '  migrate:',
        '    kind: job',
        '    aws: { taskDefinition: migrate.json, runTask: run.json }',
        '  api:',
        '    dependsOn: [migrate]',
        '    aws: { taskDefinition: api.json, serviceDefinition: api.service.json }',
      ].join('\n'),
    );
    const r = await cli(['deploy'], { cwd: dir, env: awsEnv(em) });
    assert.equal(r.code, 1, output(r));
    assert.match(r.stdout, /migrate: FAILED after .*job container app exited with code 1/);
    assert.match(r.stderr, /exit code: 1/);
    assert.match(
      r.stderr,
      /column "email" contains null values/,
      'the task’s last log lines are in the report',
    );
    assert.match(r.stdout, /api: skipped/);
    assert.equal(em.calls.count('ecs', 'CreateService') + em.calls.count('ecs', 'UpdateService'), 0);
    assert.equal(em.world.ecs.allServices().length, 0);
    report('migration failure', em);
  });

  it('throttled API calls are retried by the SDK and the deployment still succeeds', async () => {
    const em = await emulator({
      throttle: [
        { service: 'ecs', operation: 'DescribeServices', first: 2 },
        { service: 'ecs', operation: 'RegisterTaskDefinition', first: 1 },
      ],
    });
    const { dir } = await copyExample('parental-control');
    const r = await cli(['-f', 'convoy.aws.yaml', 'deploy'], { cwd: dir, env: awsEnv(em) });
    assert.equal(r.code, 0, output(r));
    const calls = report('deploy under throttling', em);
    assert.equal(calls.throttled, 3);
  });
});

describe('e2e: CloudFormation phases against the emulator', () => {
  function cfnStack(dir: string, stackName: string): void {
    writeFileSync(join(dir, 'template.yaml'), ecsTemplate(stackName));
    writeFileSync(
      join(dir, 'convoy.yaml'),
      [
        'stack: infra',
        'target: aws',
        'services:',
        '  app-stack:',
        '    kind: cloudformation',
        '    cloudformation:',
        `      stackName: ${stackName}`,
        '      template: template.yaml',
        "      parameters: { ImageTag: '${IMAGE_TAG:-1}' }",
      ].join('\n'),
    );
  }

  it('an update stuck on a failing ECS service is cancelled, rolled back by CloudFormation, and the reason printed', async () => {
    // Slower model time than the other tests: the bound below is in model minutes, which a loaded machine eats.
    const em = await emulator(
      { images: [{ image: '*:broken', health: 'fail', healthOutput: '/bin/sh: wget: not found' }] },
      0.05,
    );
    const dir = tempDir();
    cfnStack(dir, 'orders');
    const env = awsEnv(em);
    const first = await cli(['deploy'], { cwd: dir, env });
    assert.equal(first.code, 0, output(first));
    assert.match(first.stdout, /app-stack: Add AWS::ECS::Service Service/);
    const t0 = em.world.queue.now;
    const r = await cli(['deploy'], { cwd: dir, env: { ...env, IMAGE_TAG: 'broken' } });
    assert.equal(r.code, 1, output(r));
    assert.match(
      r.stdout,
      /app-stack: WARNING: ECS service orders \(Service\) cannot become stable: .*Task failed container health checks.*; cancelled the stack update/,
    );
    assert.match(
      r.stderr,
      /why: +ECS service orders \(Service\) in stack orders failed: .*Task failed container health checks.*UPDATE_ROLLBACK_COMPLETE/,
    );
    assert.match(
      r.stderr,
      /stack: https:\/\/us-east-1\.console\.aws\.amazon\.com\/cloudformation\/home\?region=us-east-1#\/stacks\/events\?stackId=/,
    );
    const stack = em.world.cfn.allStacks().find((s) => s.name === 'orders')!;
    assert.equal(stack.status, 'UPDATE_ROLLBACK_COMPLETE');
    const minutes = (em.world.queue.now - t0) / 60_000;
    console.log(
      `#   decided and rolled back in ${minutes.toFixed(1)} model minutes (CloudFormation alone: up to 180)`,
    );
    assert.ok(minutes < 60, `${minutes.toFixed(1)} model minutes`);
    report('CloudFormation update cancelled on a failing ECS service', em);
  });

  it('a stack in ROLLBACK_COMPLETE: the failed creation is explained, the next deploy exits 3 with what to do', async () => {
    const em = await emulator({
      cfn: {
        failResources: [
          {
            logicalId: 'Queue',
            on: 'create',
            message:
              'Resource handler returned message: "Access to the resource https://sqs.us-east-1.amazonaws.com/ is denied."',
          },
        ],
      },
    });
    const dir = tempDir();
    cfnStack(dir, 'billing');
    const env = awsEnv(em);
    const first = await cli(['deploy'], { cwd: dir, env });
    assert.equal(first.code, 1, output(first));
    assert.match(
      first.stdout,
      /stack billing ended in ROLLBACK_COMPLETE: Queue \(AWS::SQS::Queue\) CREATE_FAILED: .*is denied/,
    );
    const r = await cli(['deploy'], { cwd: dir, env });
    assert.equal(r.code, 3, output(r));
    assert.match(r.stderr, /CloudFormation stack billing is in ROLLBACK_COMPLETE.*must be deleted/);
    assert.match(r.stderr, /aws cloudformation delete-stack --stack-name billing/);
    // Refused by the pre-flight check, before the lock: no deployment is left half-started.
    const h = JSON.parse((await cli(['history', '--json'], { cwd: dir, env })).stdout) as {
      outcome: string;
    }[];
    assert.deepEqual(
      h.map((x) => x.outcome),
      ['failed'],
    );
    const st = await cli(['status', '--json'], { cwd: dir, env });
    assert.equal(st.code, 0, output(st));
    assert.equal((JSON.parse(st.stdout) as { health: string }[])[0]!.health, 'unhealthy');
  });
});
