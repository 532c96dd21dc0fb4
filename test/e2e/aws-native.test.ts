import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { deploy, emulator, output, stack } from './aws-native-stack.js';
import { events } from './helpers.js';

/**
 * ECS's native strategies through the built CLI against the emulator (at 1/100 speed: a two-minute canary bake is
 * 1.2 s): the service deployment is the gate, ECS's own rollbacks are failures quoting ECS, and a wave's pauses
 * are answered together.
 */

describe('e2e: ECS native strategies against the emulator', () => {
  it('rolls back a canary whose alarm fires during its bake, naming the alarm (exit 1)', async () => {
    const em = await emulator({
      alarms: [{ name: 'kafka-5xx', on: { image: '*:2.0.0', afterSeconds: 60, state: 'ALARM' } }],
    });
    const { dir } = await stack(
      ['canary'],
      [
        'deploymentConfiguration:',
        '  strategy: CANARY',
        '  canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 2 }',
        '  bakeTimeInMinutes: 1',
        '  alarms: { alarmNames: [kafka-5xx], enable: true, rollback: true }',
      ],
    );
    const first = await deploy(em, dir, '1.0.0');
    assert.equal(first.code, 0, output(first));
    const svc = em.world.ecs.findService('default', 'canary')!;
    assert.equal(svc.serviceDeployments[0]!.status, 'SUCCESSFUL');
    const blue = svc.taskDefinition.taskDefinitionArn;

    const r = await deploy(em, dir, '2.0.0');
    assert.equal(r.code, 1, output(r));
    const failed = events(r.stdout).find((e) => e.code === 'service.failed')!;
    assert.match(String(failed.message), /ROLLBACK_SUCCESSFUL/);
    assert.match(String(failed.message), /kafka-5xx/);
    assert.match(String(failed.output), /triggered: kafka-5xx/);
    assert.match(
      JSON.stringify(failed.findings),
      /CloudWatch alarm named in the service's deploymentConfiguration/,
    );
    const progress = events(r.stdout)
      .filter((e) => e.code === 'service.progress')
      .map((e) => String(e.message));
    assert.ok(
      progress.some((m) => /stage PRODUCTION_TRAFFIC_SHIFT/.test(m)),
      progress.join('\n'),
    );
    const sd = svc.serviceDeployments[0]!;
    assert.equal(sd.status, 'ROLLBACK_SUCCESSFUL');
    assert.deepEqual(sd.triggeredAlarms, ['kafka-5xx']);
    assert.equal(svc.primary.taskDefinition.taskDefinitionArn, blue, 'the blue revision serves again');
  });

  it('pauses a wave of three LINEAR services at POST_TEST_TRAFFIC_SHIFT and answers them together', async () => {
    const em = await emulator();
    const names = ['linear-a', 'linear-b', 'linear-c'];
    const { dir } = await stack(names, [
      'deploymentConfiguration:',
      '  strategy: LINEAR',
      '  linearConfiguration: { stepPercent: 50, stepBakeTimeInMinutes: 1 }',
      'pauseAt: POST_TEST_TRAFFIC_SHIFT',
    ]);
    const ok = await deploy(em, dir, '1.0.0', ['--approve']);
    assert.equal(ok.code, 0, output(ok));
    const okEvents = events(ok.stdout);
    const waiting = okEvents.find((e) => e.code === 'pause.waiting')!;
    assert.deepEqual([...(waiting.services as string[])].sort(), names);
    const decided = okEvents.find((e) => e.code === 'pause.decided')!;
    assert.equal(decided.action, 'CONTINUE');
    assert.equal(decided.stage, 'POST_TEST_TRAFFIC_SHIFT');
    assert.ok(String(decided.by).length > 0, 'who decided is recorded');
    for (const n of names) {
      const s = em.world.ecs.findService('default', n)!;
      assert.equal(s.serviceDeployments[0]!.status, 'SUCCESSFUL', n);
      assert.equal(s.serviceDeployments[0]!.hooks[0]!.status, 'SUCCEEDED', n);
    }
    const blue = new Map(
      names.map((n) => [n, em.world.ecs.findService('default', n)!.taskDefinition.taskDefinitionArn]),
    );

    const no = await deploy(em, dir, '2.0.0', ['--reject']);
    assert.equal(no.code, 1, output(no));
    const rejected = events(no.stdout).find((e) => e.code === 'pause.decided')!;
    assert.equal(rejected.action, 'ROLLBACK');
    assert.equal((rejected.services as string[]).length, 3);
    for (const n of names) {
      const s = em.world.ecs.findService('default', n)!;
      assert.equal(s.serviceDeployments[0]!.status, 'ROLLBACK_SUCCESSFUL', n);
      assert.equal(
        s.primary.taskDefinition.taskDefinitionArn,
        blue.get(n),
        `${n} is back on its blue revision`,
      );
    }
  });

  it("lets the paused services' post-deploy checks decide: all continue when they pass, all roll back when one fails", async () => {
    const em = await emulator();
    const names = ['linear-a', 'linear-b', 'linear-c'];
    const { dir } = await stack(names, [
      'deploymentConfiguration:',
      '  strategy: LINEAR',
      '  linearConfiguration: { stepPercent: 50, stepBakeTimeInMinutes: 1 }',
      'pauseAt: POST_TEST_TRAFFIC_SHIFT',
    ]);
    // Each service's smoke check fails once a file named after it exists: the test breaks linear-b by creating it.
    let yaml = readFileSync(join(dir, 'native.yaml'), 'utf8');
    for (const n of names)
      yaml = yaml.replace(
        `  ${n}:\n`,
        `  ${n}:\n    verify: [{ name: smoke, command: { run: [test, '!', -e, '${join(dir, `broken-${n}`)}'] } }]\n`,
      );
    writeFileSync(join(dir, 'native.yaml'), yaml);

    const ok = await deploy(em, dir, '1.0.0');
    assert.equal(ok.code, 0, output(ok));
    const okEvents = events(ok.stdout);
    const decided = okEvents.find((e) => e.code === 'pause.decided')!;
    assert.equal(decided.action, 'CONTINUE');
    assert.match(String(decided.by), /post-deploy checks/);
    const atPause = okEvents.filter((e) => e.code === 'check.passed' && e.phase === 'pause');
    assert.deepEqual(atPause.map((e) => e.service).sort(), names);
    assert.ok(
      okEvents.indexOf(atPause[0]!) < okEvents.indexOf(decided),
      'the checks ran before the decision',
    );

    writeFileSync(join(dir, 'broken-linear-b'), '');
    const no = await deploy(em, dir, '2.0.0');
    assert.equal(no.code, 1, output(no));
    const noEvents = events(no.stdout);
    const rejected = noEvents.find((e) => e.code === 'pause.decided')!;
    assert.equal(rejected.action, 'ROLLBACK');
    assert.match(String(rejected.by), /smoke of linear-b/);
    assert.equal((rejected.services as string[]).length, 3);
    for (const n of names)
      assert.equal(
        em.world.ecs.findService('default', n)!.serviceDeployments[0]!.status,
        'ROLLBACK_SUCCESSFUL',
        n,
      );
  });

  it('stops the service deployments still in progress with ROLLBACK when a service of their wave fails', async () => {
    const em = await emulator({
      images: [{ image: '*/policy-enforcer:2.0.0', exitAfterSeconds: 5, exitCode: 1 }],
    });
    const { dir } = await stack(
      ['paused'],
      ['deploymentConfiguration: { strategy: LINEAR }', 'pauseAt: POST_TEST_TRAFFIC_SHIFT'],
    );
    const yaml = readFileSync(join(dir, 'native.yaml'), 'utf8');
    writeFileSync(
      join(dir, 'native.yaml'),
      yaml +
        [
          '',
          '  crashing:',
          "    version: '${IMAGE_TAG:-1.0.0}'",
          '    aws:',
          '      taskDefinition: ecs/policy-enforcer.task.json',
          '      serviceDefinition: ecs/crashing.service.json',
          '      deploymentConfiguration:',
          '        strategy: BLUE_GREEN',
          // Without ECS's breaker its deployment is still in progress when Convoy rolls back.
          '        deploymentCircuitBreaker: { enable: false, rollback: false }',
        ].join('\n'),
    );
    const paused = JSON.parse(readFileSync(join(dir, 'ecs/paused.service.json'), 'utf8')) as object;
    writeFileSync(
      join(dir, 'ecs/crashing.service.json'),
      JSON.stringify({ ...paused, serviceName: 'crashing' }),
    );
    const first = await deploy(em, dir, '1.0.0', ['--approve']);
    assert.equal(first.code, 0, output(first));
    em.calls.reset();
    const r = await deploy(em, dir, '2.0.0');
    assert.equal(r.code, 1, output(r));
    const failed = events(r.stdout).find((e) => e.code === 'service.failed')!;
    assert.equal(failed.service, 'crashing');
    assert.equal(em.calls.count('ecs', 'StopServiceDeployment'), 2, output(r));
    for (const n of ['paused', 'crashing']) {
      const sd = em.world.ecs.findService('default', n)!.serviceDeployments[0]!;
      assert.equal(sd.status, 'ROLLBACK_SUCCESSFUL', n);
      assert.match(sd.statusReason ?? '', /StopServiceDeployment/, n);
    }
  });

  it("reports ECS's circuit breaker rollback as ROLLBACK_SUCCESSFUL with ECS's reason (exit 1)", async () => {
    const em = await emulator({ images: [{ image: '*:2.0.0', exitAfterSeconds: 5, exitCode: 1 }] });
    const { dir } = await stack(['green'], ['deploymentConfiguration: { strategy: BLUE_GREEN }'], {
      desiredCount: 3,
    });
    const first = await deploy(em, dir, '1.0.0');
    assert.equal(first.code, 0, output(first));
    const r = await deploy(em, dir, '2.0.0');
    assert.equal(r.code, 1, output(r));
    const failed = events(r.stdout).find((e) => e.code === 'service.failed')!;
    assert.match(String(failed.message), /ROLLBACK_SUCCESSFUL/);
    assert.match(String(failed.message), /circuit breaker threshold was exceeded/);
    assert.match(String(failed.output), /circuit breaker: \w+, 3 of 3 failed tasks/);
    assert.equal(
      em.world.ecs.findService('default', 'green')!.serviceDeployments[0]!.status,
      'ROLLBACK_SUCCESSFUL',
    );
  });
});
