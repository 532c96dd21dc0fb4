import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Scenario } from './scenario.js';
import { World } from './world.js';

/**
 * ECS's native strategies in the model, on virtual time: lifecycle stages, traffic steps, PAUSE hooks, bake time,
 * alarms, StopServiceDeployment and the service deployment records ListServiceDeployments/DescribeServiceDeployments
 * return. Minutes of bake time run in milliseconds.
 */

const T0 = Date.UTC(2026, 0, 1);
const LIMIT = T0 + 4 * 3_600_000;

function fargate(image: string) {
  return {
    family: 'web',
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    cpu: '256',
    memory: '512',
    containerDefinitions: [{ name: 'app', image, portMappings: [{ containerPort: 80 }] }],
  };
}

/** A service on `web:1`, then updated to `web:2` with `deploymentConfiguration`; returns its model objects. */
function updated(
  deploymentConfiguration: Record<string, unknown>,
  scenario: Scenario = {},
  desiredCount = 2,
) {
  const w = new World(scenario, T0);
  w.ecs.registerTaskDefinition(fargate('web:1'));
  w.ecs.createService({
    serviceName: 'web',
    taskDefinition: 'web',
    desiredCount,
    launchType: 'FARGATE',
    networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1'] } },
    loadBalancers: [
      {
        targetGroupArn: 'arn:tg/blue',
        containerName: 'app',
        containerPort: 80,
        advancedConfiguration: { alternateTargetGroupArn: 'arn:tg/green' },
      },
    ],
  });
  const svc = w.ecs.findService('default', 'web')!;
  run(w, () => svc.serviceDeployments[0]!.status === 'SUCCESSFUL');
  w.ecs.registerTaskDefinition(fargate('web:2'));
  w.ecs.updateService({ service: 'web', taskDefinition: 'web:2', deploymentConfiguration });
  const sd = svc.serviceDeployments[0]!;
  const describe = () =>
    w.ecs.describeServiceDeployments({ serviceDeploymentArns: [sd.arn] }).serviceDeployments[0]!;
  return { w, svc, sd, describe };
}

function run(w: World, done: () => boolean, observe: () => void = () => {}): void {
  for (;;) {
    observe();
    if (done()) return;
    const next = w.queue.nextEventTime();
    if (next === undefined || next > LIMIT) throw new Error('not done in four model hours');
    w.queue.advance(next);
  }
}

describe('ECS native strategies in the model', () => {
  it('walks a CANARY through its stages: green scaled up beside blue, 10% of traffic, then all, bake, clean-up', () => {
    const { w, svc, sd, describe } = updated({
      strategy: 'CANARY',
      canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 3 },
      bakeTimeInMinutes: 5,
    });
    const seen: string[] = [];
    const weights: number[] = [];
    let bothRunning = false;
    run(
      w,
      () => sd.status === 'SUCCESSFUL',
      () => {
        const d = describe();
        if (d.lifecycleStage && seen.at(-1) !== d.lifecycleStage) seen.push(d.lifecycleStage);
        const weight = d.targetServiceRevision.requestedProductionTrafficWeight;
        if (weights.at(-1) !== weight) weights.push(weight);
        if (svc.runningCount === 4) bothRunning = true;
      },
    );
    assert.deepEqual(seen, [
      'SCALE_UP',
      'POST_SCALE_UP',
      'TEST_TRAFFIC_SHIFT',
      'POST_TEST_TRAFFIC_SHIFT',
      'PRODUCTION_TRAFFIC_SHIFT',
      'POST_PRODUCTION_TRAFFIC_SHIFT',
      'BAKE_TIME',
      'CLEAN_UP',
    ]);
    assert.deepEqual(weights, [0, 10, 100]);
    assert.ok(bothRunning, 'blue and green ran side by side');
    run(w, () => svc.runningCount === 2 && svc.deployments.length === 1);
    assert.equal(svc.primary.rolloutState, 'COMPLETED');
    // Green registered in the alternate target group, which now takes production traffic.
    assert.ok(w.elb.describeTargetHealth('arn:tg/green').length > 0);
  });

  it('holds a PAUSE hook until ContinueServiceDeployment, with the hook and its timeout action shown', () => {
    const { w, sd, describe } = updated({
      strategy: 'LINEAR',
      linearConfiguration: { stepPercent: 50, stepBakeTimeInMinutes: 1 },
      lifecycleHooks: [{ targetType: 'PAUSE', lifecycleStages: ['POST_TEST_TRAFFIC_SHIFT'] }],
    });
    run(w, () => describe().lifecycleHookDetails?.[0]?.status === 'AWAITING_ACTION');
    const d = describe();
    assert.equal(d.lifecycleStage, 'POST_TEST_TRAFFIC_SHIFT');
    assert.equal(d.lifecycleHookDetails![0]!.timeoutAction, 'ROLLBACK');
    // The developer guide's "Pause hooks for Amazon ECS service deployments" shows ids of this shape.
    assert.match(d.lifecycleHookDetails![0]!.hookId!, /^ecs-pause-[A-Za-z0-9_-]{43}$/);
    w.queue.advance(w.queue.now + 3_600_000); // an hour later it still waits
    assert.equal(describe().status, 'IN_PROGRESS');
    w.ecs.continueServiceDeployment({
      serviceDeploymentArn: sd.arn,
      hookId: d.lifecycleHookDetails![0]!.hookId,
    });
    run(w, () => sd.status === 'SUCCESSFUL');
    assert.throws(
      () =>
        w.ecs.continueServiceDeployment({
          serviceDeploymentArn: sd.arn,
          hookId: d.lifecycleHookDetails![0]!.hookId,
        }),
      /not awaiting an action/,
    );
  });

  it('ends an unanswered pause by its timeoutAction', () => {
    const { w, sd, svc } = updated({
      strategy: 'BLUE_GREEN',
      lifecycleHooks: [
        {
          targetType: 'PAUSE',
          lifecycleStages: ['POST_SCALE_UP'],
          timeoutConfiguration: { timeoutInMinutes: 10, action: 'ROLLBACK' },
        },
      ],
    });
    const blue = svc.deployments[1]!.taskDefinition.taskDefinitionArn;
    run(w, () => sd.status === 'ROLLBACK_SUCCESSFUL');
    assert.match(sd.statusReason!, /lifecycle hook timed out/);
    assert.equal(sd.hooks[0]!.status, 'TIMED_OUT');
    assert.equal(svc.primary.taskDefinition.taskDefinitionArn, blue);
  });

  it('rolls back when a deployment alarm goes into ALARM, naming it', () => {
    const { w, sd, describe } = updated(
      {
        strategy: 'CANARY',
        canaryConfiguration: { canaryPercent: 20, canaryBakeTimeInMinutes: 10 },
        alarms: { alarmNames: ['web-5xx', 'web-latency'], enable: true, rollback: true },
      },
      { alarms: [{ name: 'web-5xx', on: { image: 'web:2', afterSeconds: 400, state: 'ALARM' } }] },
    );
    run(w, () => sd.status === 'ROLLBACK_SUCCESSFUL');
    const d = describe();
    assert.deepEqual(d.alarms.triggeredAlarmNames, ['web-5xx']);
    assert.equal(d.alarms.status, 'TRIGGERED');
    assert.match(d.rollback!.reason, /web-5xx/);
    assert.equal(d.lifecycleStage, 'PRODUCTION_TRAFFIC_SHIFT', 'it fired once the canary took traffic');
  });

  it('rolls back with ROLLBACK_SUCCESSFUL when the circuit breaker trips on the green tasks', () => {
    const { w, sd, describe } = updated(
      { strategy: 'BLUE_GREEN', deploymentCircuitBreaker: { enable: true, rollback: true } },
      { images: [{ image: 'web:2', exitAfterSeconds: 5, exitCode: 1 }] },
      3,
    );
    run(w, () => sd.status === 'ROLLBACK_SUCCESSFUL');
    const d = describe();
    assert.match(d.statusReason!, /circuit breaker threshold/);
    assert.deepEqual(
      {
        failureCount: d.deploymentCircuitBreaker.failureCount,
        threshold: d.deploymentCircuitBreaker.threshold,
      },
      { failureCount: 3, threshold: 3 },
    );
  });

  it('StopServiceDeployment rolls an in-progress deployment back; a finished one is a ConflictException', () => {
    const { w, sd, svc } = updated({
      strategy: 'LINEAR',
      linearConfiguration: { stepPercent: 25, stepBakeTimeInMinutes: 5 },
    });
    run(w, () => sd.lifecycleStage === 'PRODUCTION_TRAFFIC_SHIFT');
    w.ecs.stopServiceDeployment({ serviceDeploymentArn: sd.arn, stopType: 'ROLLBACK' });
    run(w, () => sd.status === 'ROLLBACK_SUCCESSFUL');
    assert.equal(sd.productionWeight, 0);
    assert.throws(() => w.ecs.stopServiceDeployment({ serviceDeploymentArn: sd.arn }), {
      name: 'ConflictException',
    });
    const listed = w.ecs.listServiceDeployments({ service: 'web', status: ['ROLLBACK_SUCCESSFUL'] });
    assert.deepEqual(
      listed.serviceDeployments.map((b) => b.serviceDeploymentArn),
      [sd.arn],
    );
    assert.equal(w.ecs.listServiceDeployments({ service: 'web' }).serviceDeployments.length, 2);
    assert.equal(svc.serviceDeployments[1]!.status, 'SUCCESSFUL');
  });
});
