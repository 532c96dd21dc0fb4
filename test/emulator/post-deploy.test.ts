import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DescribeAlarmsCommand, SetAlarmStateCommand } from '@aws-sdk/client-cloudwatch';
import { FilterLogEventsCommand, type FilteredLogEvent } from '@aws-sdk/client-cloudwatch-logs';
import {
  CreateServiceCommand,
  DescribeServicesCommand,
  RegisterTaskDefinitionCommand,
  RunTaskCommand,
  UpdateServiceCommand,
} from '@aws-sdk/client-ecs';
import { fargateTaskDef, harness, network, until, type Harness } from './helpers.js';

/**
 * What post-deploy checks read on AWS, through the real SDK clients: CloudWatch alarms, CloudWatch Logs'
 * FilterLogEvents, and a load balancer's listener answering for its target group's tasks.
 */

const TG = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/broker/6d0ecf831eec9f09';
const ALARM_TG = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/alarmed/0123456789abcdef';

describe('post-deploy reads: CloudWatch alarms, FilterLogEvents and load balancer listeners', () => {
  let h: Harness;
  before(async () => {
    h = await harness({
      images: [
        { image: '*:worker', logs: ['worker starting', 'job 1 done', 'ERROR job 2 failed', 'job 3 done'] },
      ],
      elb: { healthCheckIntervalSeconds: 5, healthyThresholdCount: 2, registrationSeconds: 1 },
      alarms: [
        { name: 'steady', state: 'OK' },
        {
          name: 'broker-5xx',
          on: { service: 'alarmed', image: '*:bad', afterSeconds: 20, state: 'ALARM' },
        },
      ],
      loadBalancers: [
        {
          name: 'broker-lb',
          targetGroup: 'broker',
          responses: [
            { path: '/health', body: { status: 'ok' } },
            {
              method: 'OPTIONS',
              path: '/v1/*',
              status: 204,
              body: '',
              headers: {
                'Access-Control-Allow-Origin': '*',
                'Access-Control-Allow-Headers': 'Content-Type, X-Client-Version',
              },
            },
            { path: '/v1/catalog', latencyMs: 120, cachedLatencyMs: 5 },
            { image: '*:no-cors', headers: { 'Access-Control-Allow-Headers': null } },
            { revision: 2, headers: { 'X-Revision': '2' } },
            { image: '*:no-cors', path: '/health', afterHealthySeconds: 3000, status: 500, body: 'boom' },
          ],
        },
      ],
    });
  });
  after(() => h.close());

  const alarm = async (name: string) =>
    (await h.cloudwatch.send(new DescribeAlarmsCommand({ AlarmNames: [name] }))).MetricAlarms?.[0];

  it('DescribeAlarms reads state, reason and times; SetAlarmState changes them; errors carry the query codes', async () => {
    const before = Date.now();
    const a = (await alarm('steady'))!;
    assert.equal(a.StateValue, 'OK');
    assert.equal(a.AlarmArn, 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:steady');
    assert.ok(a.StateUpdatedTimestamp instanceof Date);
    assert.ok(a.StateUpdatedTimestamp.getTime() <= before + 1000, 'times read on the wall clock');
    const none = await h.cloudwatch.send(new DescribeAlarmsCommand({ AlarmNames: ['missing'] }));
    assert.deepEqual(none.MetricAlarms, [], 'an unknown name is no error, just no alarm');

    await h.cloudwatch.send(
      new SetAlarmStateCommand({
        AlarmName: 'steady',
        StateValue: 'ALARM',
        StateReason: 'testing the pager',
      }),
    );
    const set = (await alarm('steady'))!;
    assert.equal(set.StateValue, 'ALARM');
    assert.equal(set.StateReason, 'testing the pager');
    assert.ok(set.StateTransitionedTimestamp!.getTime() >= a.StateTransitionedTimestamp!.getTime());

    await assert.rejects(
      h.cloudwatch.send(
        new SetAlarmStateCommand({ AlarmName: 'nope', StateValue: 'ALARM', StateReason: 'x' }),
      ),
      (e: Error & { Code?: string; $metadata?: { httpStatusCode?: number } }) => {
        assert.equal(e.name, 'ResourceNotFound');
        assert.equal(e.Code, 'ResourceNotFound');
        assert.equal(e.$metadata?.httpStatusCode, 404);
        return true;
      },
    );
    await assert.rejects(
      h.cloudwatch.send(
        new SetAlarmStateCommand({ AlarmName: 'steady', StateValue: 'RED' as 'OK', StateReason: 'x' }),
      ),
      (e: Error & { Code?: string }) => {
        assert.equal(e.Code, 'ValidationError');
        assert.match(e.message, /Value 'RED' at 'stateValue' failed to satisfy constraint/);
        return true;
      },
    );
  });

  it('a scenario alarm goes to ALARM a set time after a matching deployment was created, and not for others', async () => {
    const register = async (image: string) =>
      (
        await h.ecs.send(
          new RegisterTaskDefinitionCommand(fargateTaskDef('alarmed', image, { healthCheck: false })),
        )
      ).taskDefinition!.taskDefinitionArn!;
    await h.ecs.send(
      new CreateServiceCommand({
        serviceName: 'alarmed',
        taskDefinition: await register('registry.example.com/api:good'),
        desiredCount: 1,
        launchType: 'FARGATE',
        networkConfiguration: network,
        loadBalancers: [{ targetGroupArn: ALARM_TG, containerName: 'app', containerPort: 8080 }],
      }),
    );
    await until(
      async () => (await h.ecs.send(new DescribeServicesCommand({ services: ['alarmed'] }))).services![0]!,
      (s) => s.runningCount === 1,
      { what: 'the good revision to run' },
    );
    h.em.advance(60);
    assert.equal((await alarm('broker-5xx'))!.StateValue, 'OK', 'the good revision trips nothing');

    await h.ecs.send(
      new UpdateServiceCommand({
        service: 'alarmed',
        taskDefinition: await register('registry.example.com/api:bad'),
      }),
    );
    const svc = (await h.ecs.send(new DescribeServicesCommand({ services: ['alarmed'] }))).services![0]!;
    const created = svc.deployments!.find((d) => d.status === 'PRIMARY')!.createdAt!.getTime();
    const tripped = await until(
      () => alarm('broker-5xx'),
      (a) => a?.StateValue === 'ALARM',
      { what: 'the alarm to trip' },
    );
    assert.match(tripped!.StateReason!, /^Threshold Crossed/);
    // 20 model seconds after the deployment, on the wall clock at time scale 0.01.
    assert.equal(tripped!.StateTransitionedTimestamp!.getTime() - created, 200);
  });

  it('FilterLogEvents: quoted terms, time bounds, stream prefix or names, limit and nextToken; a missing group is ResourceNotFoundException', async () => {
    const td = (
      await h.ecs.send(
        new RegisterTaskDefinitionCommand(
          fargateTaskDef('worker', 'registry.example.com/worker:worker', { healthCheck: false }),
        ),
      )
    ).taskDefinition!.taskDefinitionArn!;
    const run = await h.ecs.send(
      new RunTaskCommand({
        taskDefinition: td,
        count: 2,
        launchType: 'FARGATE',
        networkConfiguration: network,
      }),
    );
    const ids = run.tasks!.map((t) => t.taskArn!.split('/').pop()!);
    const filter = (i: Omit<ConstructorParameters<typeof FilterLogEventsCommand>[0], 'logGroupName'>) =>
      h.logs.send(new FilterLogEventsCommand({ logGroupName: '/ecs/worker', ...i }));
    const all = await until(
      // The group comes into being with the first line (awslogs-create-group).
      () => filter({ logStreamNamePrefix: 'ecs/app/' }).catch(() => ({ events: [] as FilteredLogEvent[] })),
      (r) => (r.events ?? []).length === 8,
      { what: 'both tasks to log' },
    );
    assert.deepEqual(
      new Set(all.events!.map((e) => e.logStreamName)),
      new Set(ids.map((id) => `ecs/app/${id}`)),
    );

    const done = await filter({ filterPattern: '"done"' });
    assert.equal(done.events!.length, 4);
    assert.ok(done.events!.every((e) => e.message!.endsWith(' done')));
    const phrase = await filter({ filterPattern: '"ERROR job"' });
    assert.equal(phrase.events!.length, 2);

    const one = await filter({ logStreamNames: [`ecs/app/${ids[0]}`] });
    assert.equal(one.events!.length, 4);
    assert.ok(one.events!.every((e) => e.logStreamName === `ecs/app/${ids[0]}`));

    const last = all.events!.at(-1)!.timestamp!;
    const later = await filter({ startTime: last + 1 });
    assert.deepEqual(later.events, [], 'startTime excludes what came before');
    const upTo = await filter({ endTime: all.events![0]!.timestamp! });
    assert.ok(upTo.events!.length >= 1 && upTo.events!.length < 8, 'endTime bounds from above');

    const seen: string[] = [];
    let nextToken: string | undefined;
    let pages = 0;
    do {
      const page = await filter({ limit: 3, ...(nextToken ? { nextToken } : {}) });
      assert.ok(page.events!.length <= 3);
      seen.push(...page.events!.map((e) => e.eventId!));
      nextToken = page.nextToken;
      pages++;
    } while (nextToken);
    assert.equal(pages, 3);
    assert.deepEqual(
      seen,
      all.events!.map((e) => e.eventId),
    );

    await assert.rejects(h.logs.send(new FilterLogEventsCommand({ logGroupName: '/ecs/nowhere' })), {
      name: 'ResourceNotFoundException',
      message: 'The specified log group does not exist.',
    });
  });

  it("the load balancer's listener answers for the target group's tasks as each revision is told to", async () => {
    const urls = await h.em.loadBalancerUrls();
    const url = urls['broker-lb']!;
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
    const nothing = await fetch(`${url}/health`);
    assert.equal(nothing.status, 503, 'no registered target: the load balancer answers itself');
    assert.equal(nothing.headers.get('server'), 'awselb/2.0');
    assert.match(await nothing.text(), /503 Service Temporarily Unavailable/);

    const register = async (image: string) =>
      (
        await h.ecs.send(
          new RegisterTaskDefinitionCommand(fargateTaskDef('broker', image, { healthCheck: false })),
        )
      ).taskDefinition!.taskDefinitionArn!;
    await h.ecs.send(
      new CreateServiceCommand({
        serviceName: 'broker',
        taskDefinition: await register('registry.example.com/broker:1'),
        desiredCount: 2,
        launchType: 'FARGATE',
        networkConfiguration: network,
        loadBalancers: [{ targetGroupArn: TG, containerName: 'app', containerPort: 8080 }],
      }),
    );
    const health = await until(
      () => fetch(`${url}/health`).then(async (r) => ({ status: r.status, body: await r.text() })),
      (r) => r.status === 200,
      { what: 'a healthy target behind the listener' },
    );
    assert.deepEqual(JSON.parse(health.body), { status: 'ok' });
    const preflight = await fetch(`${url}/v1/sessions`, { method: 'OPTIONS' });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-headers'), 'Content-Type, X-Client-Version');
    const control = (await (await fetch(`${h.em.url}/_emulator/load-balancers`)).json()) as Record<
      string,
      { url: string; targetGroup: string; targets: { state: string; taskDefinition: string }[] }
    >;
    assert.equal(control['broker-lb']!.url, url);
    assert.ok(
      control['broker-lb']!.targets.some((t) => t.state === 'healthy' && t.taskDefinition.endsWith(':1')),
    );
    // Latency is wall time, measured by whoever calls; the model says what it will be: slow first, then cached.
    const lbs = h.em.world.loadBalancers;
    assert.equal(lbs.answer('broker-lb', { method: 'GET', path: '/v1/catalog' }).latencyMs, 120);
    assert.equal(lbs.answer('broker-lb', { method: 'GET', path: '/v1/catalog' }).latencyMs, 5);

    await h.ecs.send(
      new UpdateServiceCommand({
        service: 'broker',
        taskDefinition: await register('registry.example.com/broker:no-cors'),
      }),
    );
    const dropped = await until(
      async () => {
        const lb = (await (await fetch(`${h.em.url}/_emulator/load-balancers`)).json()) as typeof control;
        const pre = await fetch(`${url}/v1/sessions`, { method: 'OPTIONS' });
        return {
          live: lb['broker-lb']!.targets.filter((t) => t.state !== 'draining').map((t) => t.taskDefinition),
          header: pre.headers.get('access-control-allow-headers'),
          status: pre.status,
        };
      },
      (r) => r.live.length > 0 && r.live.every((td) => td.endsWith(':2')),
      { what: 'revision 2 alone behind the listener' },
    );
    assert.equal(dropped.status, 204);
    assert.equal(dropped.header, null, 'revision 2 drops the header');
    assert.equal(
      (await fetch(`${url}/health`)).headers.get('x-revision'),
      '2',
      'rules match the task definition revision',
    );
    const early = await fetch(`${url}/health`);
    assert.equal(early.status, 200, 'healthy at first');
    h.em.advance(3000);
    const late = await fetch(`${url}/health`);
    assert.equal(late.status, 500, '3000 model seconds after it went healthy it fails');
    assert.equal(await late.text(), 'boom');
    assert.equal(late.headers.get('content-type'), 'text/plain');
  });
});
