import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  DescribeLogStreamsCommand,
  FilterLogEventsCommand,
  GetLogEventsCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import {
  CreateServiceCommand,
  DescribeServicesCommand,
  DescribeTasksCommand,
  ListTasksCommand,
  RegisterTaskDefinitionCommand,
  RunTaskCommand,
} from '@aws-sdk/client-ecs';
import { DescribeTargetHealthCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { fargateTaskDef, harness, network, until, type Harness } from './helpers.js';

/** The evidence a deploy tool gathers: container logs, load balancer target health, and who the caller is. */

const TG = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/front/73e2d6bc24d8a067';

describe('CloudWatch Logs, ELBv2 and STS (SDK against the emulator)', () => {
  let h: Harness;
  before(async () => {
    h = await harness({
      images: [
        {
          image: '*:crashing',
          exitAfterSeconds: 3,
          exitCode: 1,
          logs: ['listening on :8080'],
          exitLogs: ['Error: connect ECONNREFUSED 10.0.3.17:5432', 'process exited'],
        },
        { image: '*:bad-gateway', elb: 'Target.ResponseCodeMismatch', elbHttpCode: 502 },
      ],
      // Slow checks, so each target state lasts long enough to be seen by polling under load.
      elb: { targetGroups: { [TG]: { healthCheckIntervalSeconds: 20, unhealthyThresholdCount: 2 } } },
    });
  });
  after(() => h.close());

  it('STS answers GetCallerIdentity', async () => {
    const id = await h.sts.send(new GetCallerIdentityCommand({}));
    assert.equal(id.Account, '123456789012');
    assert.equal(id.Arn, 'arn:aws:iam::123456789012:user/convoy');
  });

  it('awslogs containers write to group / prefix/container/taskId, readable with GetLogEvents and FilterLogEvents', async () => {
    const td = (
      await h.ecs.send(
        new RegisterTaskDefinitionCommand(
          fargateTaskDef('crash', 'registry.example.com/api:crashing', { healthCheck: false }),
        ),
      )
    ).taskDefinition!.taskDefinitionArn!;
    const taskArn = (
      await h.ecs.send(
        new RunTaskCommand({ taskDefinition: td, launchType: 'FARGATE', networkConfiguration: network }),
      )
    ).tasks![0]!.taskArn!;
    const task = await until(
      async () => (await h.ecs.send(new DescribeTasksCommand({ tasks: [taskArn] }))).tasks![0]!,
      (t) => t.lastStatus === 'STOPPED',
    );
    const taskId = taskArn.split('/').pop()!;
    const stream = `ecs/app/${taskId}`;
    const streams = await h.logs.send(
      new DescribeLogStreamsCommand({ logGroupName: '/ecs/crash', logStreamNamePrefix: 'ecs/app/' }),
    );
    assert.deepEqual(
      streams.logStreams!.map((s) => s.logStreamName),
      [stream],
    );

    const all = await h.logs.send(
      new GetLogEventsCommand({ logGroupName: '/ecs/crash', logStreamName: stream, startFromHead: true }),
    );
    assert.deepEqual(
      all.events!.map((e) => e.message),
      ['listening on :8080', 'Error: connect ECONNREFUSED 10.0.3.17:5432', 'process exited'],
    );
    const startedAt = task.startedAt!.getTime();
    assert.ok(
      Math.abs(all.events![0]!.timestamp! - startedAt) < 50,
      'log times are on the same clock as task times',
    );

    const tail = await h.logs.send(
      new GetLogEventsCommand({ logGroupName: '/ecs/crash', logStreamName: stream, limit: 2 }),
    );
    assert.deepEqual(
      tail.events!.map((e) => e.message),
      ['Error: connect ECONNREFUSED 10.0.3.17:5432', 'process exited'],
    );
    const earlier = await h.logs.send(
      new GetLogEventsCommand({
        logGroupName: '/ecs/crash',
        logStreamName: stream,
        limit: 2,
        nextToken: tail.nextBackwardToken,
      }),
    );
    assert.deepEqual(
      earlier.events!.map((e) => e.message),
      ['listening on :8080'],
    );
    const end = await h.logs.send(
      new GetLogEventsCommand({
        logGroupName: '/ecs/crash',
        logStreamName: stream,
        nextToken: tail.nextForwardToken,
      }),
    );
    assert.deepEqual(end.events, []);
    assert.equal(end.nextForwardToken, tail.nextForwardToken, 'the same token at the end of the stream');

    const filtered = await h.logs.send(
      new FilterLogEventsCommand({ logGroupName: '/ecs/crash', filterPattern: '?ECONNREFUSED ?FATAL' }),
    );
    assert.deepEqual(
      filtered.events!.map((e) => [e.logStreamName, e.message]),
      [[stream, 'Error: connect ECONNREFUSED 10.0.3.17:5432']],
    );

    await assert.rejects(
      h.logs.send(new GetLogEventsCommand({ logGroupName: '/ecs/crash', logStreamName: 'nope' })),
      {
        name: 'ResourceNotFoundException',
        message: 'The specified log stream does not exist.',
      },
    );
  });

  it('DescribeTargetHealth reports registration, initial checks and the failure reason; ECS stops the task for it', async () => {
    const def = fargateTaskDef('front', 'registry.example.com/front:bad-gateway', { healthCheck: false });
    const td = (await h.ecs.send(new RegisterTaskDefinitionCommand(def))).taskDefinition!.taskDefinitionArn!;
    await h.ecs.send(
      new CreateServiceCommand({
        serviceName: 'front',
        taskDefinition: td,
        desiredCount: 1,
        launchType: 'FARGATE',
        networkConfiguration: network,
        healthCheckGracePeriodSeconds: 90,
        loadBalancers: [{ targetGroupArn: TG, containerName: 'app', containerPort: 8080 }],
      }),
    );
    const reasons = new Set<string>();
    const unhealthy = await until(
      async () =>
        (await h.elb.send(new DescribeTargetHealthCommand({ TargetGroupArn: TG })))
          .TargetHealthDescriptions ?? [],
      (d) => {
        d.forEach((x) => reasons.add(x.TargetHealth!.Reason ?? x.TargetHealth!.State!));
        return d.some((x) => x.TargetHealth!.State === 'unhealthy');
      },
      { intervalMs: 5 },
    );
    assert.ok(reasons.has('Elb.InitialHealthChecking'));
    const bad = unhealthy.find((x) => x.TargetHealth!.State === 'unhealthy')!;
    assert.deepEqual(bad.TargetHealth, {
      State: 'unhealthy',
      Reason: 'Target.ResponseCodeMismatch',
      Description: 'Health checks failed with these codes: [502]',
    });
    assert.equal(bad.Target!.Port, 8080);

    const stoppedArns = await until(
      async () =>
        (await h.ecs.send(new ListTasksCommand({ serviceName: 'front', desiredStatus: 'STOPPED' })))
          .taskArns ?? [],
      (a) => a.length > 0,
      { what: 'ECS to stop the task after the grace period' },
    );
    const t = (await h.ecs.send(new DescribeTasksCommand({ tasks: stoppedArns }))).tasks![0]!;
    assert.equal(t.stoppedReason, `Task failed ELB health checks in (target-group ${TG})`);
    const events = (
      await h.ecs.send(new DescribeServicesCommand({ services: ['front'] }))
    ).services![0]!.events!.map((e) => e.message);
    assert.ok(events.includes(`(service front) registered 1 targets in (target-group ${TG})`));
    assert.ok(
      events.includes(
        `(service front) (port 8080) is unhealthy in (target-group ${TG}) due to (reason Health checks failed with these codes: [502]).`,
      ),
    );
    const draining = (await h.elb.send(new DescribeTargetHealthCommand({ TargetGroupArn: TG })))
      .TargetHealthDescriptions!;
    assert.ok(
      draining.some(
        (x) =>
          x.TargetHealth!.State === 'draining' &&
          x.TargetHealth!.Reason === 'Target.DeregistrationInProgress',
      ),
    );
  });
});
