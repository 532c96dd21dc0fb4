import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BehaviourRegistry } from './ecs/behaviour.js';
import { breakerThreshold } from './ecs/service.js';
import { World } from './world.js';

/**
 * The models on virtual time, with no server and no clock: how a benchmark simulator drives them. Hours of ECS and
 * CloudFormation behaviour run in milliseconds, and the same seed gives the same run.
 */

const T0 = Date.UTC(2026, 0, 1);

function fargate(
  family: string,
  image: string,
  health: { interval: number; retries: number; startPeriod: number },
) {
  return {
    family,
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    cpu: '256',
    memory: '512',
    containerDefinitions: [
      { name: 'app', image, healthCheck: { command: ['CMD-SHELL', 'true'], timeout: 2, ...health } },
    ],
  };
}

const network = { awsvpcConfiguration: { subnets: ['subnet-1'] } };

/** Runs the world event by event until `done` or `limit` (virtual ms) — what a simulator's main loop does. */
function runUntil(world: World, done: () => boolean, limit: number): number {
  for (;;) {
    if (done()) return world.queue.now;
    const next = world.queue.nextEventTime();
    if (next === undefined || next > limit) throw new Error(`not done by ${new Date(limit).toISOString()}`);
    world.queue.advance(next);
  }
}

describe('ECS model on virtual time', () => {
  it('computes the circuit breaker threshold as documented: half the desired count, between 3 and 200', () => {
    assert.deepEqual([1, 6, 10, 11, 1000].map(breakerThreshold), [3, 3, 5, 6, 200]);
  });

  it('judges a task unhealthy exactly when the health check says so (start period, interval, retries)', () => {
    const w = new World({ images: [{ image: 'bad', health: 'fail' }] }, T0);
    w.ecs.registerTaskDefinition(fargate('hc', 'bad', { interval: 10, retries: 3, startPeriod: 20 }));
    w.ecs.createService({
      serviceName: 'hc',
      taskDefinition: 'hc',
      desiredCount: 1,
      launchType: 'FARGATE',
      networkConfiguration: network,
    });
    const svc = w.ecs.findService('default', 'hc')!;
    runUntil(w, () => svc.tasks.some((t) => t.desiredStatus === 'STOPPED'), T0 + 600_000);
    const t = svc.tasks.find((x) => x.desiredStatus === 'STOPPED')!;
    // Probes at 10 s (ignored, start period), 20, 30, 40 s: the third counted failure decides.
    assert.equal(t.stoppingAt! - t.startedAt!, 40_000);
    assert.equal(t.stoppedReason, 'Task failed container health checks');
  });

  it('replaces failing tasks forever without the circuit breaker (an hour of it, without waiting)', () => {
    const w = new World({ images: [{ image: 'bad', health: 'fail' }] }, T0);
    w.ecs.registerTaskDefinition(fargate('loop', 'bad', { interval: 5, retries: 2, startPeriod: 0 }));
    w.ecs.createService({
      serviceName: 'loop',
      taskDefinition: 'loop',
      desiredCount: 2,
      launchType: 'FARGATE',
      networkConfiguration: network,
    });
    w.ecs.advance(T0 + 3600_000);
    const d = w.ecs.findService('default', 'loop')!.primary;
    assert.equal(d.rolloutState, 'IN_PROGRESS');
    assert.ok(d.failedTasks > 200, `${d.failedTasks} failed tasks in an hour`);
  });

  it('fails the deployment at the threshold and, with rollback, returns to the last completed deployment', () => {
    const w = new World({ images: [{ image: 'bad', health: 'fail' }] }, T0);
    const health = { interval: 5, retries: 2, startPeriod: 0 };
    w.ecs.registerTaskDefinition(fargate('cb', 'good', health));
    w.ecs.registerTaskDefinition(fargate('cb', 'bad', health));
    w.ecs.createService({
      serviceName: 'cb',
      taskDefinition: 'cb:1',
      desiredCount: 10,
      launchType: 'FARGATE',
      networkConfiguration: network,
      deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: true } },
    });
    const svc = w.ecs.findService('default', 'cb')!;
    runUntil(w, () => svc.stable, T0 + 600_000);
    const good = svc.primary;
    w.ecs.updateService({ service: 'cb', taskDefinition: 'cb:2' });
    const bad = svc.primary;
    runUntil(w, () => bad.rolloutState === 'FAILED', T0 + 3600_000);
    assert.equal(bad.breakerFailures, 5, 'the breaker trips at the threshold for ten tasks');
    assert.ok(bad.failedTasks >= 5, 'tasks failing at the same moment all count');
    assert.equal(svc.primary, good);
    runUntil(w, () => svc.stable, T0 + 7200_000);
    assert.equal(svc.taskDefinition.taskDefinitionArn.endsWith(':1'), true);
    assert.equal(svc.runningCount, 10);
  });

  it('slows relaunches down when the launch backoff is configured', () => {
    const w = new World(
      {
        images: [{ image: 'bad', pullError: true }],
        ecs: { launchBackoff: { afterFailures: 2, baseSeconds: 60, maxSeconds: 600 } },
      },
      T0,
    );
    w.ecs.registerTaskDefinition(fargate('slow', 'bad', { interval: 5, retries: 2, startPeriod: 0 }));
    w.ecs.createService({
      serviceName: 'slow',
      taskDefinition: 'slow',
      desiredCount: 1,
      launchType: 'FARGATE',
      networkConfiguration: network,
    });
    w.ecs.advance(T0 + 1800_000);
    const svc = w.ecs.findService('default', 'slow')!;
    assert.ok(svc.primary.failedTasks >= 5 && svc.primary.failedTasks <= 8, String(svc.primary.failedTasks));
    assert.ok(
      svc.events.some((e) =>
        e.message.startsWith('(service slow) is unable to consistently start tasks successfully.'),
      ),
    );
  });

  it('is deterministic for a seed', () => {
    const run = () => {
      const w = new World({ seed: 42, images: [{ image: 'bad', health: 'fail' }] }, T0);
      w.ecs.registerTaskDefinition(fargate('d', 'bad', { interval: 5, retries: 2, startPeriod: 0 }));
      w.ecs.createService({
        serviceName: 'd',
        taskDefinition: 'd',
        desiredCount: 2,
        launchType: 'FARGATE',
        networkConfiguration: network,
      });
      w.ecs.advance(T0 + 300_000);
      return w.ecs.findService('default', 'd')!.events.map((e) => `${e.createdAt} ${e.message}`);
    };
    assert.deepEqual(run(), run());
  });
});

describe('CloudFormation model on virtual time', () => {
  it('gives up on an ECS service that never stabilizes after three hours, then rolls back', () => {
    const w = new World({ images: [{ image: 'bad', health: 'fail' }] }, T0);
    const template = (image: string) =>
      JSON.stringify({
        Resources: {
          Td: {
            Type: 'AWS::ECS::TaskDefinition',
            Properties: {
              Family: 'slow',
              Cpu: 256,
              Memory: 512,
              NetworkMode: 'awsvpc',
              RequiresCompatibilities: ['FARGATE'],
              ContainerDefinitions: [
                {
                  Name: 'app',
                  Image: image,
                  HealthCheck: { Command: ['CMD', 'true'], Interval: 5, Retries: 2 },
                },
              ],
            },
          },
          Svc: {
            Type: 'AWS::ECS::Service',
            Properties: {
              ServiceName: 'slow',
              TaskDefinition: { Ref: 'Td' },
              DesiredCount: 1,
              LaunchType: 'FARGATE',
              NetworkConfiguration: { AwsvpcConfiguration: { Subnets: ['subnet-1'] } },
            },
          },
        },
      });
    w.cfn.createStack({ StackName: 'slow', TemplateBody: template('good') });
    const stack = () => w.cfn.allStacks()[0]!;
    runUntil(w, () => stack().status === 'CREATE_COMPLETE', T0 + 3600_000);
    w.cfn.updateStack({ StackName: 'slow', TemplateBody: template('bad') });
    const updating = w.queue.now;
    runUntil(w, () => stack().status === 'UPDATE_ROLLBACK_COMPLETE', T0 + 6 * 3600_000);
    const failed = stack().events.find(
      (e) => e.LogicalResourceId === 'Svc' && e.ResourceStatus === 'UPDATE_FAILED',
    )!;
    assert.match(failed.ResourceStatusReason!, /HandlerErrorCode: NotStabilized\)$/);
    assert.ok(failed.Timestamp - updating >= 3 * 3600_000);
    assert.ok(failed.Timestamp - updating < 3 * 3600_000 + 60_000);
  });
});

describe('behaviours: a transient failure', () => {
  it('transientFailures: the first containers of the image exit 1 after 4 s, later ones as the rule says', () => {
    const reg = new BehaviourRegistry([{ image: 'app:2', transientFailures: 1 }]);
    const subject = { image: 'app:2', container: 'app', family: 'app', command: '' };
    const first = reg.launch(subject);
    assert.deepEqual([first.exitAfterSeconds, first.exitCode], [4, 1]);
    const second = reg.launch(subject);
    assert.deepEqual([second.exitAfterSeconds, second.exitCode], [undefined, 0]);
  });
});
