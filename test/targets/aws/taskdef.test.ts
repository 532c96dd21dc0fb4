import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Service } from '../../../src/spec/types.js';
import { ensureTaskDefinition, registrationFor, tagValue } from '../../../src/targets/aws/taskdef.js';
import { revisionsOf, taskDef, useHarness } from './fixture.js';

/** Registration: read-only fields stripped, identical definitions reused, revisions tagged. */
describe('aws target: task definitions', () => {
  const h = useHarness();

  const service = (td: Record<string, unknown>, extra: Partial<Service> = {}): Service => ({
    name: 'web',
    kind: 'service',
    dependsOn: [],
    aws: { taskDefinitionFile: 'web.json', taskDefinition: td },
    ...extra,
  });

  it('accepts `describe-task-definition` output: read-only fields are stripped before registering', async () => {
    const described = {
      ...taskDef('td-a', [{ image: 'web:1' }]),
      taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/td-a:7',
      revision: 7,
      status: 'ACTIVE',
      requiresAttributes: [{ name: 'ecs.capability.task-eni' }],
      compatibilities: ['EC2', 'FARGATE'],
      registeredAt: '2026-01-01T00:00:00Z',
      registeredBy: 'arn:aws:iam::123456789012:user/someone',
    };
    const r = await ensureTaskDefinition(
      h.clients.ecs,
      registrationFor(service(described), 'rev1', 'st'),
      'rev1',
      [],
    );
    assert.equal(r.registered, true);
    assert.match(r.taskDefinition.taskDefinitionArn!, /td-a:1$/);
    assert.equal(tagValue(r.tags, 'convoy:revision'), 'rev1');
    assert.equal(tagValue(r.tags, 'convoy:stack'), 'st');
  });

  it('reuses the latest ACTIVE revision when identical, registers when anything changed', async () => {
    const td = taskDef('td-b', [{ image: 'web:1' }]);
    const first = await ensureTaskDefinition(
      h.clients.ecs,
      registrationFor(service(td), 'r1', 'st'),
      'r1',
      [],
    );
    const same = await ensureTaskDefinition(
      h.clients.ecs,
      registrationFor(service(td), 'r1', 'st'),
      'r1',
      [],
    );
    assert.equal(same.registered, false);
    assert.equal(same.taskDefinition.taskDefinitionArn, first.taskDefinition.taskDefinitionArn);
    const next = await ensureTaskDefinition(
      h.clients.ecs,
      registrationFor(service(taskDef('td-b', [{ image: 'web:2' }])), 'r2', 'st'),
      'r2',
      [],
    );
    assert.equal(next.registered, true);
    // Back to the first: not the latest any more, but a known candidate (what the service ran before).
    const back = await ensureTaskDefinition(h.clients.ecs, registrationFor(service(td), 'r1', 'st'), 'r1', [
      first.taskDefinition.taskDefinitionArn!,
    ]);
    assert.equal(back.registered, false);
    assert.equal(back.taskDefinition.taskDefinitionArn, first.taskDefinition.taskDefinitionArn);
    assert.equal(revisionsOf(h.em, 'td-b').length, 2);
  });

  it('recognises an identical definition registered by another tool (no convoy tags), ECS defaults and all', async () => {
    const td = taskDef('td-c', [{ image: 'web:1' }]);
    await h.clients.ecs.registerTaskDefinition(td as never);
    const r = await ensureTaskDefinition(h.clients.ecs, registrationFor(service(td), 'r1', 'st'), 'r1', []);
    assert.equal(r.registered, false);
    const changed = await ensureTaskDefinition(
      h.clients.ecs,
      registrationFor(service(taskDef('td-c', [{ image: 'web:1', healthCheck: false }])), 'r2', 'st'),
      'r2',
      [],
    );
    assert.equal(changed.registered, true, 'removing the health check is a change');
  });

  it('the stack file’s command health check goes to the main container when it has none', () => {
    const td = taskDef('td-d', [{ image: 'web:1', healthCheck: false }]);
    const reg = registrationFor(
      service(td, {
        healthCheck: {
          command: ['CMD-SHELL', 'curl -f localhost:8080/health'],
          interval: 10_000,
          timeout: 2_000,
          retries: 2,
          startPeriod: 5_000,
        },
      }),
      'r',
      'st',
    );
    assert.deepEqual(reg.input.containerDefinitions![0]!.healthCheck, {
      command: ['CMD-SHELL', 'curl -f localhost:8080/health'],
      interval: 10,
      timeout: 2,
      retries: 2,
      startPeriod: 5,
    });
  });
});
