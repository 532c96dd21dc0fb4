import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  CreateServiceCommand,
  DeleteServiceCommand,
  DescribeServicesCommand,
  DescribeTasksCommand,
  ListTasksCommand,
  RegisterTaskDefinitionCommand,
  UpdateServiceCommand,
  waitUntilServicesStable,
  type Service,
  type Task,
} from '@aws-sdk/client-ecs';
import { fargateTaskDef, harness, network, until, type Harness } from './helpers.js';

/** Services through the real ECS client: lifecycle, health checks, the replacement loop and the circuit breaker. */

const BAD_HEALTH = 'registry.example.com/api:broken-health';
const PULL_FAILS = 'nginx:doesnotexist';

describe('ECS services (SDK against the emulator)', () => {
  let h: Harness;

  before(async () => {
    h = await harness({
      images: [
        { image: BAD_HEALTH, health: 'fail', healthOutput: '/bin/sh: wget: not found' },
        { image: PULL_FAILS, pullError: true },
      ],
    });
  });
  after(() => h.close());

  const register = async (family: string, image: string) =>
    (await h.ecs.send(new RegisterTaskDefinitionCommand(fargateTaskDef(family, image)))).taskDefinition!
      .taskDefinitionArn!;

  const service = async (name: string): Promise<Service> =>
    (await h.ecs.send(new DescribeServicesCommand({ services: [name] }))).services![0]!;

  /** The SDK waiter only compares counts, so it can return before the rollout completes — as against real ECS. */
  const completed = (name: string) =>
    until(
      () => service(name),
      (s) => s.deployments?.length === 1 && s.deployments[0]!.rolloutState === 'COMPLETED',
      { what: `${name} rollout to complete` },
    );

  const tasks = async (name: string, desiredStatus: 'RUNNING' | 'STOPPED'): Promise<Task[]> => {
    const arns =
      (await h.ecs.send(new ListTasksCommand({ serviceName: name, desiredStatus }))).taskArns ?? [];
    return arns.length ? ((await h.ecs.send(new DescribeTasksCommand({ tasks: arns }))).tasks ?? []) : [];
  };

  it('runs a service: tasks go PROVISIONING → PENDING → RUNNING, turn HEALTHY, and waitUntilServicesStable returns', async () => {
    const seen = new Map<string, string[]>();
    const unsubscribe = h.em.world.ecs.subscribe(({ task }) => {
      const list = seen.get(task.id) ?? ['PROVISIONING'];
      if (list.at(-1) !== task.lastStatus) list.push(task.lastStatus);
      seen.set(task.id, list);
    });
    const td = await register('web', 'nginx:1.27');
    const { service: created } = await h.ecs.send(
      new CreateServiceCommand({
        serviceName: 'web',
        taskDefinition: td,
        desiredCount: 2,
        launchType: 'FARGATE',
        networkConfiguration: network,
      }),
    );
    assert.equal(created!.deployments?.[0]?.rolloutState, 'IN_PROGRESS');
    assert.match(
      created!.deployments![0]!.rolloutStateReason!,
      /^ECS deployment ecs-svc\/\d{19} in progress\.$/,
    );

    const result = await waitUntilServicesStable(
      { client: h.ecs, maxWaitTime: 20, minDelay: 0.05, maxDelay: 0.1 },
      { services: ['web'] },
    );
    assert.equal(result.state, 'SUCCESS');
    const svc = await completed('web');
    unsubscribe();

    assert.equal(svc.runningCount, 2);
    assert.equal(svc.deployments?.length, 1);
    assert.equal(svc.deployments![0]!.rolloutState, 'COMPLETED');
    const messages = svc.events!.map((e) => e.message!);
    assert.match(
      messages.at(-1)!,
      /^\(service web\) has started 2 tasks: \(task [0-9a-f]{32}\) \(task [0-9a-f]{32}\)\.$/,
    );
    assert.ok(messages.includes('(service web) has reached a steady state.'));
    assert.ok(
      messages.some((m) => /^\(service web\) \(deployment ecs-svc\/\d+\) deployment completed\.$/.test(m)),
    );

    const running = await tasks('web', 'RUNNING');
    assert.equal(running.length, 2);
    for (const t of running) {
      assert.equal(t.lastStatus, 'RUNNING');
      assert.equal(t.healthStatus, 'HEALTHY');
      assert.equal(t.containers![0]!.healthStatus, 'HEALTHY');
      assert.equal(t.launchType, 'FARGATE');
      assert.equal(t.group, 'service:web');
      assert.match(t.taskArn!, /^arn:aws:ecs:us-east-1:123456789012:task\/default\/[0-9a-f]{32}$/);
      assert.ok(t.startedAt instanceof Date && t.startedAt >= t.createdAt!);
      assert.deepEqual(seen.get(t.taskArn!.split('/').pop()!), ['PROVISIONING', 'PENDING', 'RUNNING']);
    }
  });

  it('a failing health check makes the task UNHEALTHY and STOPPED, and the scheduler replaces it forever without the circuit breaker', async () => {
    const td = await register('api', BAD_HEALTH);
    await h.ecs.send(
      new CreateServiceCommand({
        serviceName: 'api',
        taskDefinition: td,
        desiredCount: 1,
        launchType: 'FARGATE',
        networkConfiguration: network,
      }),
    );
    const stopped = await until(
      () => tasks('api', 'STOPPED'),
      (ts) => ts.filter((t) => t.lastStatus === 'STOPPED').length >= 4,
      {
        what: 'four replaced tasks',
      },
    );
    for (const t of stopped.filter((x) => x.lastStatus === 'STOPPED')) {
      assert.equal(t.stoppedReason, 'Task failed container health checks');
      assert.equal(t.stopCode, 'ServiceSchedulerInitiated');
      assert.equal(t.healthStatus, 'UNHEALTHY');
      assert.equal(t.containers![0]!.healthStatus, 'UNHEALTHY');
      assert.ok(t.stoppedAt! >= t.startedAt!);
    }
    const svc = await service('api');
    const d = svc.deployments![0]!;
    assert.equal(d.rolloutState, 'IN_PROGRESS', 'no circuit breaker: the deployment never fails');
    assert.ok(d.failedTasks! >= 4);
    const messages = svc.events!.map((e) => e.message!);
    const first = stopped[stopped.length - 1]!.taskArn!.split('/').pop();
    assert.ok(
      messages.some((m) =>
        /^\(service api\) \(task [0-9a-f]{32}\) failed container health checks\.$/.test(m),
      ),
    );
    assert.ok(messages.some((m) => m.endsWith('Amazon ECS replaced 1 tasks due to an unhealthy status.')));
    assert.ok(
      messages.some(
        (m) =>
          m === `(service api) has stopped 1 running tasks: (task ${first}).` ||
          m.includes('has stopped 1 running tasks'),
      ),
    );
    const output = h.em.world.ecs.findTask(stopped[0]!.taskArn!)!.containers[0]!.lastProbe?.output;
    assert.equal(output, '/bin/sh: wget: not found');
    await h.ecs.send(new DeleteServiceCommand({ service: 'api', force: true }));
  });

  it('the circuit breaker fails a deployment after the threshold and rolls back to the last completed one', async () => {
    const good = await register('shop', 'shop:1.0');
    await h.ecs.send(
      new CreateServiceCommand({
        serviceName: 'shop',
        taskDefinition: good,
        desiredCount: 1,
        launchType: 'FARGATE',
        networkConfiguration: network,
        deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: true } },
      }),
    );
    const completedId = (await completed('shop')).deployments![0]!.id!;
    const bad = await register('shop', BAD_HEALTH);
    const { service: updated } = await h.ecs.send(
      new UpdateServiceCommand({ service: 'shop', taskDefinition: bad }),
    );
    const failedId = updated!.deployments![0]!.id!;
    assert.notEqual(failedId, completedId);

    const final = await until(
      () => service('shop'),
      (s) =>
        s.deployments?.length === 1 &&
        s.deployments[0]!.rolloutState === 'COMPLETED' &&
        s.taskDefinition === good,
      { what: 'rollback to complete' },
    );
    assert.equal(
      final.deployments![0]!.id,
      completedId,
      'ECS rolls back to the completed deployment, under its ID',
    );
    const messages = final.events!.map((e) => e.message!);
    const failedAt = messages.indexOf(
      `(service shop) (deployment ${failedId}) deployment failed: tasks failed to start.`,
    );
    const rollingBackAt = messages.indexOf(`(service shop) rolling back to deployment ${completedId}.`);
    assert.ok(
      failedAt > 0 && rollingBackAt >= 0 && rollingBackAt < failedAt,
      'newest first: failed, then rolling back',
    );
    assert.ok(
      messages
        .slice(0, rollingBackAt)
        .includes(`(service shop) (deployment ${completedId}) deployment completed.`),
    );
    const failed = h.em.world.ecs.findService('default', 'shop')!.history.get(failedId)!;
    assert.equal(failed.rolloutState, 'FAILED');
    assert.equal(failed.rolloutStateReason, 'ECS deployment circuit breaker: tasks failed to start.');
    assert.equal(failed.breakerFailures, 3, 'threshold for one desired task is the minimum, 3');
  });

  it('without rollback, the circuit breaker leaves the FAILED deployment in place and stops launching', async () => {
    const good = await register('halt', 'halt:1.0');
    await h.ecs.send(
      new CreateServiceCommand({
        serviceName: 'halt',
        taskDefinition: good,
        desiredCount: 1,
        launchType: 'FARGATE',
        networkConfiguration: network,
        deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: false } },
      }),
    );
    await completed('halt');
    const bad = await register('halt', BAD_HEALTH);
    await h.ecs.send(new UpdateServiceCommand({ service: 'halt', taskDefinition: bad }));
    const failed = await until(
      () => service('halt'),
      (s) => s.deployments![0]!.rolloutState === 'FAILED',
      { what: 'FAILED' },
    );
    const [primary, old] = failed.deployments!;
    assert.equal(primary!.status, 'PRIMARY');
    assert.equal(primary!.taskDefinition, bad);
    assert.equal(primary!.rolloutStateReason, 'ECS deployment circuit breaker: tasks failed to start.');
    assert.equal(primary!.failedTasks, 3);
    assert.equal(old!.status, 'ACTIVE');
    assert.equal(old!.runningCount, 1, 'the old task keeps serving');
    h.em.advance(600);
    const later = await service('halt');
    assert.equal(later.deployments![0]!.failedTasks, 3, 'no task launched after the breaker tripped');
    assert.equal(later.runningCount, 1);
  });

  it('an image that cannot be pulled stops the task with TaskFailedToStart and CannotPullContainerError', async () => {
    const td = await register('pull', PULL_FAILS);
    await h.ecs.send(
      new CreateServiceCommand({
        serviceName: 'pull',
        taskDefinition: td,
        desiredCount: 1,
        launchType: 'FARGATE',
        networkConfiguration: network,
      }),
    );
    const [t] = await until(
      () => tasks('pull', 'STOPPED'),
      (ts) => ts.some((x) => x.lastStatus === 'STOPPED'),
      { what: 'a stopped task' },
    );
    const reason =
      'CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref ' +
      'docker.io/library/nginx:doesnotexist: docker.io/library/nginx:doesnotexist: not found';
    const stopped = (await tasks('pull', 'STOPPED')).find((x) => x.lastStatus === 'STOPPED') ?? t!;
    assert.equal(stopped.stopCode, 'TaskFailedToStart');
    assert.equal(stopped.stoppedReason, reason);
    assert.equal(stopped.containers![0]!.reason, reason);
    assert.equal(stopped.containers![0]!.exitCode, undefined);
    assert.equal(stopped.startedAt, undefined, 'it never ran');
    assert.ok(stopped.pullStartedAt instanceof Date);
    await h.ecs.send(new DeleteServiceCommand({ service: 'pull', force: true }));
  });

  it('rejects bad requests with ECS error types and messages', async () => {
    const td = await register('errs', 'nginx:1.27');
    const cases: [() => Promise<unknown>, string, string][] = [
      [
        () => h.ecs.send(new DescribeServicesCommand({ cluster: 'nope', services: ['x'] })),
        'ClusterNotFoundException',
        'Cluster not found.',
      ],
      [
        () => h.ecs.send(new UpdateServiceCommand({ service: 'nope', desiredCount: 1 })),
        'ServiceNotFoundException',
        'Service not found.',
      ],
      [
        () =>
          h.ecs.send(
            new CreateServiceCommand({ serviceName: 'x', taskDefinition: 'missing:3', desiredCount: 1 }),
          ),
        'ClientException',
        'TaskDefinition not found.',
      ],
      [
        () =>
          h.ecs.send(
            new CreateServiceCommand({
              serviceName: 'x',
              taskDefinition: td,
              desiredCount: 1,
              launchType: 'FARGATE',
            }),
          ),
        'InvalidParameterException',
        "Network Configuration must be provided when networkMode 'awsvpc' is specified.",
      ],
      [
        () =>
          h.ecs.send(
            new CreateServiceCommand({
              serviceName: 'web',
              taskDefinition: td,
              desiredCount: 1,
              launchType: 'FARGATE',
              networkConfiguration: network,
            }),
          ),
        'InvalidParameterException',
        'Creation of service was not idempotent.',
      ],
    ];
    for (const [call, name, message] of cases) {
      await assert.rejects(call, (e: Error & { $metadata?: { httpStatusCode?: number } }) => {
        assert.equal(e.name, name);
        assert.equal(e.message, message);
        assert.equal(e.$metadata?.httpStatusCode, 400);
        return true;
      });
    }
    const missing = await h.ecs.send(new DescribeServicesCommand({ services: ['ghost'] }));
    assert.deepEqual(missing.failures, [
      { arn: 'arn:aws:ecs:us-east-1:123456789012:service/default/ghost', reason: 'MISSING' },
    ]);
  });
});
