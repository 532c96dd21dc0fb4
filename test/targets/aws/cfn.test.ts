import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidInputError } from '../../../src/errors.js';
import { gate, TIME_SCALE, unitOf, useHarness, writeStack } from './fixture.js';
import { ecsTemplate } from './templates.js';

/** CloudFormation phases: change sets, stack events, the states that need a person, and the ECS guard. */

describe('aws target: CloudFormation phases', () => {
  const h = useHarness({
    images: [
      {
        image: 'registry.example.com/app:broken',
        health: 'fail',
        healthOutput: '/bin/sh: wget: not found',
      },
    ],
  });

  const phase = (stackName: string, o: { tag?: string; template?: string; stallWarning?: string } = {}) =>
    writeStack(h.dir, stackName, {
      infra: {
        kind: 'cloudformation',
        cloudformation: {
          stackName,
          ...(o.template !== undefined ? { template: o.template } : {}),
          parameters: o.template === undefined ? undefined : { ImageTag: o.tag ?? '1' },
          stallWarning: o.stallWarning,
        },
      },
    });
  const deploy = async (stack: ReturnType<typeof phase>, opts = {}) => {
    const { t, u } = await h.start(stack, 'infra', opts);
    const g = gate();
    const v = await t.awaitGate(u, 'completed', g);
    return { t, v, lines: g.lines.map((l) => (l.warning ? `WARNING ${l.message}` : l.message)) };
  };
  const status = (name: string) =>
    h.em.world.cfn
      .allStacks()
      .filter((s) => s.name === name)
      .at(-1)?.status;

  it('creates through a change set, showing the changes and the stack events', async () => {
    const { v, lines } = await deploy(phase('cf-create', { template: ecsTemplate('cf-create') }));
    assert.equal(v.ok, true, JSON.stringify(v));
    assert.ok(lines.includes('change set ' + lines.find((l) => l.startsWith('change set '))!.slice(11)));
    assert.ok(
      lines.some((l) => /^Add AWS::ECS::Service Service/.test(l)),
      lines.join('\n'),
    );
    assert.ok(lines.some((l) => /^Service CREATE_COMPLETE/.test(l)));
    assert.equal(status('cf-create'), 'CREATE_COMPLETE');
  });

  it('an update that changes nothing is a success, not an error', async () => {
    const { v, lines } = await deploy(phase('cf-create', { template: ecsTemplate('cf-create') }));
    assert.equal(v.ok, true, JSON.stringify(v));
    assert.ok(lines.some((l) => /no changes/.test(l)));
  });

  it('an update stuck on a failing ECS service is cancelled at the first failed task, and can be redeployed after', async () => {
    const name = 'cf-stuck';
    assert.equal((await deploy(phase(name, { template: ecsTemplate(name) }))).v.ok, true);
    const t0 = h.em.world.queue.now;
    const { v, lines } = await deploy(phase(name, { template: ecsTemplate(name), tag: 'broken' }));
    assert.ok(!v.ok, JSON.stringify(v));
    if (v.ok) return;
    assert.match(
      v.message,
      /ECS service cf-stuck \(Service\) in stack cf-stuck failed: ECS stopped task \w+: Task failed container health checks/,
    );
    assert.match(v.message, /cancelled the stack update .*UPDATE_ROLLBACK_COMPLETE/);
    assert.equal(v.check, 'ECS container health check (app)');
    assert.match(v.output!, /stack: https:\/\/us-east-1\.console\.aws\.amazon\.com\/cloudformation/);
    assert.ok(lines.some((l) => l.startsWith('WARNING ECS service cf-stuck (Service) cannot become stable')));
    assert.equal(status(name), 'UPDATE_ROLLBACK_COMPLETE');
    const modelMinutes = (h.em.world.queue.now - t0) / 60_000;
    assert.ok(
      modelMinutes < 10,
      `decided in ${modelMinutes.toFixed(1)} model minutes, not CloudFormation's 3 hours`,
    );
    // UPDATE_ROLLBACK_COMPLETE is a normal state: the next update goes ahead.
    const again = await deploy(phase(name, { template: ecsTemplate(name), tag: '2' }));
    assert.equal(again.v.ok, true, JSON.stringify(again.v));
    assert.equal(status(name), 'UPDATE_COMPLETE');
  });

  it('a creation stuck on a failing ECS service cannot be cancelled: it fails at once and says so', async () => {
    const { v } = await deploy(phase('cf-newbad', { template: ecsTemplate('cf-newbad'), tag: 'broken' }));
    assert.ok(!v.ok, JSON.stringify(v));
    if (v.ok) return;
    assert.match(v.message, /Task failed container health checks.*CloudFormation cannot cancel a creation/);
    assert.equal(status('cf-newbad'), 'CREATE_IN_PROGRESS');
  });

  it('ROLLBACK_COMPLETE: the creation failed with the resource’s reason; the next deploy is refused with the fix', async () => {
    const name = 'cf-norb';
    h.em.applyScenario({
      cfn: {
        failResources: [
          {
            logicalId: 'Queue',
            on: 'create',
            message: 'Resource handler returned message: "Access denied for sqs:CreateQueue"',
          },
        ],
      },
    });
    const first = await deploy(phase(name, { template: ecsTemplate(name) }));
    h.em.applyScenario({ cfn: { failResources: [] } });
    assert.ok(!first.v.ok);
    assert.match(
      first.v.ok ? '' : first.v.message,
      /ended in ROLLBACK_COMPLETE: Queue \(AWS::SQS::Queue\) CREATE_FAILED: .*Access denied/,
    );
    const stack = phase(name, { template: ecsTemplate(name) });
    const t = h.target(stack);
    await assert.rejects(t.start(unitOf(stack, 'infra')), (err: Error) => {
      assert.ok(err instanceof InvalidInputError);
      assert.match(err.message, /is in ROLLBACK_COMPLETE.*must be deleted/);
      assert.match(err.message, /aws cloudformation delete-stack --stack-name cf-norb/);
      return true;
    });
    // While a deployment plans it stops there (exit 3); `convoy status` just shows it.
    await assert.rejects(h.target(stack, { refuseBrokenStacks: true }).status(), InvalidInputError);
    assert.equal((await t.status())[0]!.health, 'unhealthy');
  });

  it('UPDATE_ROLLBACK_FAILED is refused with the ContinueUpdateRollback command', async () => {
    const name = 'cf-urf';
    assert.equal((await deploy(phase(name, { template: ecsTemplate(name) }))).v.ok, true);
    h.em.applyScenario({
      cfn: { failResources: [{ logicalId: 'Queue', on: 'update', message: 'Queue is being deleted' }] },
    });
    const changed = ecsTemplate(name).replace("'${AWS::StackName}-jobs'", "'${AWS::StackName}-jobs2'");
    const { v } = await deploy(phase(name, { template: changed }));
    h.em.applyScenario({ cfn: { failResources: [] } });
    assert.ok(!v.ok);
    assert.equal(status(name), 'UPDATE_ROLLBACK_FAILED');
    const t = h.target(phase(name, { template: ecsTemplate(name) }));
    await assert.rejects(
      t.start(unitOf(phase(name, { template: ecsTemplate(name) }), 'infra')),
      /continue-update-rollback --stack-name cf-urf/,
    );
  });

  it('warns when no stack event arrives for the stall time, naming what it waits on', async () => {
    const name = 'cf-slow';
    h.em.applyScenario({ cfn: { resourceSeconds: 200 } });
    const slow = `
Parameters:
  ImageTag:
    Type: String
Resources:
  Bucket:
    Type: AWS::S3::Bucket
`;
    const { v, lines } = await deploy(
      phase(name, { template: slow, stallWarning: `${Math.round(50_000 * TIME_SCALE)}ms` }),
    );
    h.em.applyScenario({ cfn: { resourceSeconds: 2 } });
    assert.equal(v.ok, true, JSON.stringify(v));
    assert.ok(
      lines.some((l) =>
        /^WARNING no CloudFormation event for .*; stack cf-slow is CREATE_IN_PROGRESS, waiting on Bucket \(AWS::S3::Bucket\)/.test(
          l,
        ),
      ),
      lines.join('\n'),
    );
  });

  it('without a template the phase only watches: a settled stack passes at once, a missing one fails', async () => {
    assert.equal((await deploy(phase('cf-create'))).v.ok, true);
    const missing = await deploy(phase('cf-none'));
    assert.ok(!missing.v.ok && /does not exist/.test(missing.v.message));
  });
});
