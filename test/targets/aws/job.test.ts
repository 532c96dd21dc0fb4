import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gate, network, taskDef, unitOf, useHarness, writeStack } from './fixture.js';

/** One-off tasks (RunTask): a migration that exits 0 completes; one that exits 1 fails with its code and logs. */
describe('aws target: jobs', () => {
  const h = useHarness({
    ecs: {
      extraContainers: [
        { name: 'aws-guardduty-agent-x1y2z3', image: 'guardduty-agent:1', position: 'first' },
      ],
    },
    images: [
      {
        image: 'app:*',
        command: 'migrate',
        exitAfterSeconds: 3,
        exitCode: 0,
        logs: ['applying 3 migrations'],
      },
      {
        image: 'broken:*',
        command: 'migrate',
        exitAfterSeconds: 2,
        exitCode: 1,
        exitLogs: ['ERROR: relation "users" already exists'],
      },
    ],
  });

  const job = (name: string, image: string) =>
    writeStack(h.dir, name, {
      migrate: {
        kind: 'job',
        taskDefinition: taskDef(`${name}-migrate`, [
          { name: 'migrate', image, healthCheck: false, command: ['./migrate', 'up'] },
        ]),
        runTask: { launchType: 'FARGATE', networkConfiguration: network },
      },
    });

  it('completes when the task’s essential container exits 0 (a GuardDuty sidecar listed first changes nothing)', async () => {
    const { t, u } = await h.start(job('j1', 'app:2'), 'migrate');
    const g = gate();
    const v = await t.awaitGate(u, 'completed', g);
    assert.equal(v.ok, true, JSON.stringify(v));
    assert.ok(g.lines.some((l) => /STOPPED/.test(l.message)));
    const [st] = await t.status(['migrate']);
    assert.equal(st!.health, 'stopped');
    assert.equal(st!.exitCode, 0);
    assert.equal(st!.revision, u.revision);
    assert.deepEqual(await t.logs('migrate', 5), ['applying 3 migrations']);
  });

  it('fails with the exit code and the container’s last log lines', async () => {
    const { t, u } = await h.start(job('j2', 'broken:2'), 'migrate');
    const v = await t.awaitGate(u, 'completed', gate());
    assert.ok(!v.ok, JSON.stringify(v));
    if (v.ok) return;
    assert.equal(v.exitCode, 1);
    assert.match(v.message, /job container migrate exited with code 1/);
    assert.match(
      v.output!,
      /task: https:\/\/us-east-1\.console\.aws\.amazon\.com\/ecs\/v2\/clusters\/default\/tasks\//,
    );
    assert.ok((await t.logs('migrate', 5, { currentRun: true })).some((l) => /already exists/.test(l)));
    const capture = await t.evidence('migrate');
    assert.match(JSON.stringify(capture.tasks), /"exitCode":1/);
  });

  it('a RunTask that ECS refuses makes start() fail with ECS’s words', async () => {
    const stack = writeStack(h.dir, 'j3', {
      migrate: {
        kind: 'job',
        taskDefinition: taskDef('j3-migrate', [{ name: 'migrate', image: 'app:2', healthCheck: false }]),
        runTask: { launchType: 'FARGATE' },
      },
    });
    const t = h.target(stack);
    await assert.rejects(t.start(unitOf(stack, 'migrate')), /Network Configuration must be provided/);
  });
});
