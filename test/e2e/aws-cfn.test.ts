import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { startEmulator, type Emulator } from '../emulator/server.js';
import type { Scenario } from '../emulator/scenario.js';
import {
  cli,
  copyExample,
  emulatorEnv,
  events,
  startCli,
  tempDir,
  writeStack,
  type CliResult,
} from './helpers.js';
import { readFileSync, writeFileSync } from 'node:fs';

/**
 * CloudFormation outputs into later units (`${cfn:unit.Key}`) and the gate on destructive change sets, through the
 * built CLI against the AWS emulator, which reports what it received.
 */

const emulators: Emulator[] = [];
after(async () => {
  await Promise.all(emulators.map((e) => e.close()));
});

async function emulator(scenario: Scenario = {}): Promise<Emulator> {
  const em = await startEmulator({ timeScale: 0.01, scenario });
  emulators.push(em);
  return em;
}

const awsEnv = (em: Emulator, extra: Record<string, string> = {}) =>
  emulatorEnv(em.url, { CONVOY_AWS_POLL_MS: '40', ...extra });
const output = (r: CliResult) => r.stdout + r.stderr;
/** Change sets created and never executed: what a stopped deployment or a plan must not leave behind. */
const unexecuted = (em: Emulator) =>
  em.world.cfn.allChangeSets().filter((c) => !c.executionStatus.startsWith('EXECUTE_'));

/** A database phase: one RDS instance whose engine comes from DB_ENGINE, and its endpoint as an output. */
const DB_TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Engine: { Type: String }
Resources:
  Database:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: !Ref Engine
      DBInstanceClass: db.t4g.micro
      AllocatedStorage: '20'
  Uploads:
    Type: AWS::SQS::Queue
    Properties: { QueueName: shop-uploads }
Outputs:
  Endpoint:
    Value: !GetAtt Database.Endpoint.Address
`;

function dbStack(): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'db.yaml'), DB_TEMPLATE);
  writeStack(
    dir,
    [
      'stack: shop',
      'target: aws',
      'services:',
      '  db:',
      '    kind: cloudformation',
      '    cloudformation:',
      '      stackName: shop-db',
      '      template: db.yaml',
      "      parameters: { Engine: '${DB_ENGINE:-postgres}' }",
    ].join('\n'),
  );
  return dir;
}

describe('e2e: CloudFormation outputs and the gate on destructive changes (aws target, emulator)', () => {
  it('plan shows the services as "known after network" and leaves no change set; deploy fills in the outputs', async () => {
    const em = await emulator();
    const { dir } = await copyExample('parental-control');
    const env = awsEnv(em);
    const plan = await cli(['-f', 'convoy.aws.yaml', 'plan'], { cwd: dir, env });
    assert.equal(plan.code, 0, output(plan));
    assert.match(
      plan.stdout,
      /policy-enforcer .*\$\{cfn:network\.PrivateSubnetA\}, \$\{cfn:network\.PrivateSubnetB\}, \$\{cfn:network\.ServiceSecurityGroup\}: known after network/,
    );
    assert.match(
      plan.stdout,
      /network: change set \(created to compute it, then deleted\)\n {2}Add AWS::EC2::VPC Vpc/,
    );
    const json = JSON.parse(
      (await cli(['-f', 'convoy.aws.yaml', 'plan', '--json'], { cwd: dir, env })).stdout,
    ) as {
      services: { name: string; knownAfter?: string[] }[];
    };
    assert.deepEqual(json.services.find((s) => s.name === 'p-gateway')?.knownAfter, ['network']);
    // The preview's change set, and the stack it had to create for it, are gone again.
    assert.deepEqual(em.world.cfn.allChangeSets(), []);
    assert.deepEqual(
      em.world.cfn
        .allStacks()
        .filter((s) => !s.deleted)
        .map((s) => s.name),
      [],
    );

    const r = await cli(['-f', 'convoy.aws.yaml', 'deploy', '--json'], { cwd: dir, env });
    assert.equal(r.code, 0, output(r));
    const network = em.world.cfn
      .allStacks()
      .find((s) => s.name === 'parental-control-network' && !s.deleted)!;
    const out = Object.fromEntries(network.outputs.map((o) => [o.OutputKey, o.OutputValue]));
    assert.match(out.PrivateSubnetA ?? '', /^subnet-[0-9a-f]{17}$/);
    assert.match(out.ServiceSecurityGroup ?? '', /^sg-[0-9a-f]{17}$/);
    // What ECS received: the network phase's outputs, in every service definition.
    for (const svc of em.world.ecs.allServices()) {
      assert.deepEqual(
        svc.config.networkConfiguration?.awsvpcConfiguration,
        {
          subnets: [out.PrivateSubnetA, out.PrivateSubnetB],
          securityGroups: [out.ServiceSecurityGroup],
          assignPublicIp: 'DISABLED',
        },
        svc.name,
      );
    }
    // Recorded with the phase: a later plan resolves them without asking, and nothing changes.
    const ready = events(r.stdout).find((e) => e.code === 'service.ready' && e.service === 'network');
    assert.deepEqual(ready?.outputs, out);
    const again = await cli(['-f', 'convoy.aws.yaml', 'plan', '--json'], { cwd: dir, env });
    const replan = JSON.parse(again.stdout) as { services: { changed: boolean; knownAfter?: string[] }[] };
    assert.deepEqual(
      replan.services.map((s) => [s.changed, s.knownAfter]),
      replan.services.map(() => [false, undefined]),
    );
  });

  it('a plan interrupted while CloudFormation computes its change set deletes it, and the stack it created', async () => {
    // A change set takes 10 model minutes to compute (6 s here): the plan is surely waiting when Ctrl-C comes.
    const em = await emulator({ cfn: { changeSetSeconds: 600 } });
    const { dir } = await copyExample('parental-control');
    const run = startCli(['-f', 'convoy.aws.yaml', 'plan'], { cwd: dir, env: awsEnv(em) });
    const deadline = Date.now() + 60_000;
    while (em.world.cfn.allChangeSets().length === 0 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    assert.equal(em.world.cfn.allChangeSets().length, 1, run.output());
    run.child.kill('SIGINT');
    const r = await run.done;
    assert.equal(r.code, 1, output(r));
    assert.match(
      r.stderr,
      /plan stopped \(cancelled by SIGINT\); the change set it was computing was deleted/,
    );
    assert.deepEqual(em.world.cfn.allChangeSets(), []);
    assert.deepEqual(
      em.world.cfn
        .allStacks()
        .filter((s) => !s.deleted)
        .map((s) => s.name),
      [],
    );
  });

  it('a missing output stops the deployment (exit 3), naming the unit, the key and the outputs there are', async () => {
    const em = await emulator();
    const { dir } = await copyExample('parental-control');
    const file = join(dir, 'ecs/policy-enforcer.service.json');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('network.PrivateSubnetB', 'network.PrivateSubnetC'),
    );
    const r = await cli(['-f', 'convoy.aws.yaml', 'deploy'], { cwd: dir, env: awsEnv(em) });
    assert.equal(r.code, 3, output(r));
    assert.match(
      output(r),
      /policy-enforcer uses \$\{cfn:network\.PrivateSubnetC\}, but the stack of network has no output PrivateSubnetC; its outputs are PrivateSubnetA, PrivateSubnetB, ServiceSecurityGroup, VpcId/,
    );
    assert.equal(em.world.ecs.allServices().length, 0, 'no service was created');
  });

  it('a reference to a unit that is not earlier in the order is an error at its file, line and column (exit 3)', async () => {
    const { dir } = await copyExample('parental-control');
    const yaml = join(dir, 'convoy.aws.yaml');
    writeFileSync(yaml, readFileSync(yaml, 'utf8').replace('    dependsOn: [network]\n', ''));
    const r = await cli(['-f', 'convoy.aws.yaml', 'validate'], { cwd: dir });
    assert.equal(r.code, 3, output(r));
    assert.match(
      r.stderr,
      /policy-enforcer\.service\.json:7:\d+: networkConfiguration\.awsvpcConfiguration\.subnets\.0: \$\{cfn:network\.PrivateSubnetA\}: network is not earlier in the deployment order than policy-enforcer/,
    );
  });

  it('a change set replacing an RDS instance stops before it runs (exit 3), and goes through with --allow-replace', async () => {
    const em = await emulator();
    const dir = dbStack();
    const env = awsEnv(em);
    const first = await cli(['deploy'], { cwd: dir, env });
    assert.equal(first.code, 0, output(first));
    const before = em.world.cfn.allStacks().find((s) => s.name === 'shop-db' && !s.deleted)!;
    const physical = before.resources.get('Database')!.physicalId;

    const mysql = awsEnv(em, { DB_ENGINE: 'mysql' });
    const plan = await cli(['plan'], { cwd: dir, env: mysql });
    assert.equal(plan.code, 0, output(plan));
    assert.match(
      plan.stdout,
      /Modify AWS::RDS::DBInstance Database \(replacement: True; properties: Engine\)/,
    );
    assert.match(
      plan.stdout,
      /the deployment would stop here \(exit 3\).*\n {4}Database \(AWS::RDS::DBInstance\): Modify, replacement True, caused by Engine\n {2}to let it, deploy with --allow-replace Database/,
    );
    assert.deepEqual(unexecuted(em), [], 'plan deleted its change set');

    const stopped = await cli(['deploy', '--json'], { cwd: dir, env: mysql });
    assert.equal(stopped.code, 3, output(stopped));
    assert.match(
      stopped.stderr,
      /would remove or replace a protected resource: Database \(AWS::RDS::DBInstance\): Modify, replacement True, caused by Engine\. Nothing was executed and the change set was deleted; to let it happen, deploy again with --allow-replace Database/,
    );
    assert.deepEqual(unexecuted(em), [], 'the stopped change set is deleted');
    assert.equal(before.status, 'CREATE_COMPLETE', 'the stack was not touched');
    assert.equal(before.resources.get('Database')!.physicalId, physical);
    // Persisted, and the lock released.
    const stored = await cli(['events', '--json'], { cwd: dir, env: mysql });
    const failed = events(stored.stdout).find((e) => e.code === 'service.failed' && e.service === 'db');
    assert.match(String(failed?.message), /--allow-replace Database/);
    const locks = await cli(['lock', 'list'], { cwd: dir, env: mysql });
    assert.doesNotMatch(locks.stdout, /shop/);

    const allowed = await cli(['deploy', '--allow-replace', 'Database'], { cwd: dir, env: mysql });
    assert.equal(allowed.code, 0, output(allowed));
    assert.match(allowed.stdout, /allowed by --allow-replace: Database \(AWS::RDS::DBInstance\)/);
    assert.equal(before.status, 'UPDATE_COMPLETE');
    assert.notEqual(before.resources.get('Database')!.physicalId, physical, 'a new instance replaced it');
  });
});
