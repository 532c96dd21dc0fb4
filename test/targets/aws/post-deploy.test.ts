import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gate, serviceDef, taskDef, unitOf, useHarness, writeStack } from './fixture.js';

/** What the aws target reads for post-deploy checks, against the emulator: a service's log lines and alarm states. */
describe('aws target: post-deploy reads (searchLogs, alarmState)', () => {
  const h = useHarness({
    images: [
      { image: 'worker:1', logs: ['worker starting', 'job 1 done', 'ERROR job 2 failed'] },
      { image: 'worker:2', logs: ['worker 2 starting', 'job 3 done', 'job 4 done'] },
    ],
    // AWS returns FilterLogEvents results in pieces; the target must follow nextToken.
    logs: { filterPageSize: 2 },
    alarms: [{ name: 'api-5xx', state: 'OK' }],
  });

  const stackOf = (name: string, image: string, logs = true) => {
    const td = taskDef(`${name}-worker`, [{ image, healthCheck: false }]);
    if (!logs) {
      for (const c of td.containerDefinitions as Record<string, unknown>[]) delete c.logConfiguration;
    }
    return writeStack(h.dir, name, {
      worker: { taskDefinition: td, serviceDefinition: serviceDef(`${name}-worker`) },
    });
  };

  it("searchLogs reads every revision's lines since a moment, follows nextToken, and pushes a literal down", async () => {
    const since = Date.now() - 1000;
    const { t, u } = await h.start(stackOf('pl1', 'worker:1'), 'worker');
    assert.equal((await t.awaitGate(u, 'healthy', gate())).ok, true);
    const stack2 = stackOf('pl1', 'worker:2');
    const t2 = h.target(stack2);
    const u2 = unitOf(stack2, 'worker');
    await t2.start(u2);
    assert.equal((await t2.awaitGate(u2, 'healthy', gate())).ok, true);

    const before = h.counter.count('logs', 'FilterLogEvents');
    const lines = await t2.searchLogs('worker', { sinceMs: since });
    assert.ok(h.counter.count('logs', 'FilterLogEvents') - before >= 3, 'six lines in pages of two');
    const text = lines.map((l) => l.line);
    for (const want of ['job 1 done', 'ERROR job 2 failed', 'job 3 done', 'job 4 done']) {
      assert.ok(text.includes(want), `${want} in ${JSON.stringify(text)}`);
    }
    assert.deepEqual(
      lines.map((l) => l.at),
      [...lines.map((l) => l.at)].sort((a, b) => a - b),
      'oldest first',
    );
    assert.ok(lines.every((l) => l.at >= since));

    const done = await t2.searchLogs('worker', { sinceMs: since, literal: 'done' });
    assert.deepEqual(
      done.map((l) => l.line),
      ['job 1 done', 'job 3 done', 'job 4 done'],
      'only the lines holding the literal came back',
    );
    const later = await t2.searchLogs('worker', { sinceMs: Math.max(...lines.map((l) => l.at)) + 1 });
    assert.deepEqual(later, []);
  });

  it('searchLogs says why it cannot read: no awslogs container, a log group that does not exist', async () => {
    const { t, u } = await h.start(stackOf('pl2', 'worker:1', false), 'worker');
    assert.equal((await t.awaitGate(u, 'healthy', gate())).ok, true);
    await assert.rejects(t.searchLogs('worker', { sinceMs: 0 }), /no container logging to CloudWatch Logs/);

    const s3 = await h.start(stackOf('pl3', 'worker:1'), 'worker');
    assert.equal((await s3.t.awaitGate(s3.u, 'healthy', gate())).ok, true);
    h.em.world.logs.deleteLogGroup({ logGroupName: '/ecs/pl3-worker' });
    await assert.rejects(
      s3.t.searchLogs('worker', { sinceMs: 0 }),
      /log group \/ecs\/pl3-worker does not exist \(the awslogs-group of container app in task definition pl3-worker:1\)/,
    );
    await assert.rejects(s3.t.searchLogs('nope', { sinceMs: 0 }), /no service named nope/);
  });

  it('alarmState reads a CloudWatch alarm, and names one that does not exist', async () => {
    const t = h.target(stackOf('pl4', 'worker:1'));
    assert.equal((await t.alarmState('api-5xx')).state, 'OK');
    const before = Date.now();
    h.em.world.cloudwatch.setAlarmState({
      AlarmName: 'api-5xx',
      StateValue: 'ALARM',
      StateReason: 'Threshold Crossed: 1 datapoint [12.0] was greater than the threshold (5.0).',
    });
    const a = await t.alarmState('api-5xx');
    assert.equal(a.state, 'ALARM');
    assert.match(a.reason!, /Threshold Crossed/);
    assert.ok(typeof a.updatedAt === 'number' && a.updatedAt >= before - 1000, 'epoch ms on the wall clock');
    assert.ok(h.counter.count('cloudwatch', 'DescribeAlarms') >= 2, 'counted like every other call');
    await assert.rejects(t.alarmState('nope'), /CloudWatch alarm nope does not exist in us-east-1/);
  });
});
