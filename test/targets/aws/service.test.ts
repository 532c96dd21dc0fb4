import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AwsClients, EcsApi } from '../../../src/targets/aws/clients.js';
import { gate, revisionsOf, serviceDef, taskDef, unitOf, useHarness, writeStack } from './fixture.js';

/** ECS services through the target, against the emulator: deploy, fail fast, roll back, and what is kept. */
describe('aws target: ECS services', () => {
  const h = useHarness({
    ecs: {
      extraContainers: [
        { name: 'aws-guardduty-agent-x1y2z3', image: 'guardduty-agent:1', position: 'first' },
      ],
      // ECS's back-off between relaunches, long: no replacement can fail before the verdict on a loaded machine.
      launchBackoff: { afterFailures: 1, baseSeconds: 600, maxSeconds: 900 },
    },
    images: [
      { image: 'web:pull-broken', pullError: true },
      { image: 'web:no-secret', secretsError: true },
      { image: 'web:oom', oomAfterSeconds: 4, exitLogs: ['java.lang.OutOfMemoryError: Java heap space'] },
      { image: 'web:no-wget', health: 'fail', healthOutput: '/bin/sh: wget: not found' },
      { image: 'web:exits', exitAfterSeconds: 3, exitCode: 1, exitLogs: ['Error: REDIS_URL is not set'] },
      {
        image: 'web:exits-plain',
        exitAfterSeconds: 3,
        exitCode: 1,
        exitLogs: ['Error: unexpected token in config'],
      },
      { image: 'web:elb-bad', elb: 'Target.ResponseCodeMismatch', elbHttpCode: 404 },
      // The first task crashes (exit 1), every later one is healthy.
      { image: 'web:flaky', transientFailures: 1, exitLogs: ['Error: connect ECONNREFUSED 10.0.12.7:5432'] },
    ],
    elb: {
      healthCheckIntervalSeconds: 5,
      healthyThresholdCount: 2,
      unhealthyThresholdCount: 2,
      deregistrationDelaySeconds: 60,
    },
  });

  const stackFor = (
    name: string,
    image: string,
    o: { breaker?: boolean; desired?: number; targetGroup?: string; failFast?: string } = {},
    hc?: Record<string, unknown>,
  ) =>
    writeStack(
      h.dir,
      name,
      {
        web: {
          taskDefinition: taskDef(`${name}-web`, [{ image, ...(hc ? { healthCheck: hc } : {}) }]),
          serviceDefinition: serviceDef(`${name}-web`, o),
        },
      },
      o.failFast ? `deploy: { failFast: ${o.failFast} }` : '',
    );

  it('creates the service, reaches healthy with a Fargate sidecar listed first, and reports status and logs', async () => {
    const { t, u } = await h.start(stackFor('s1', 'web:1'), 'web');
    const g = gate();
    const v = await t.awaitGate(u, 'healthy', g);
    assert.equal(v.ok, true, JSON.stringify(v));
    assert.ok(
      g.lines.some((l) => /has started 1 tasks/.test(l.message)),
      'service events arrive as progress',
    );
    const [st] = await t.status(['web']);
    assert.equal(st!.health, 'healthy');
    assert.equal(st!.revision, u.revision, 'revision read back from the task definition tag');
    assert.ok((await t.logs('web', 10)).some((l) => /listening/.test(l)));
  });

  it('skips registering a task definition identical to the latest ACTIVE one', async () => {
    const stack = stackFor('s2', 'web:1');
    const u = unitOf(stack, 'web');
    const t = h.target(stack);
    await t.start(u);
    assert.equal((await t.awaitGate(u, 'healthy', gate())).ok, true);
    await t.stop('web');
    assert.equal((await t.status(['web']))[0]!.health, 'stopped');
    const t2 = h.target(stack);
    await t2.start(u);
    assert.equal((await t2.awaitGate(u, 'healthy', gate())).ok, true);
    assert.equal(revisionsOf(h.em, 's2-web').length, 1, 'one revision, reused');
  });

  it('fails fast on an image that cannot be pulled, and rollback reuses the previous revision', async () => {
    const { t, u: u1 } = await h.start(stackFor('s3', 'web:1', { breaker: true }), 'web');
    assert.equal((await t.awaitGate(u1, 'healthy', gate())).ok, true);
    const bad = stackFor('s3', 'web:pull-broken', { breaker: true });
    const u2 = unitOf(bad, 'web');
    await t.start(u2);
    const v = await t.awaitGate(u2, 'healthy', gate());
    assert.equal(v.ok, false);
    if (v.ok) return;
    assert.equal(v.reason, 'start-failed');
    assert.match(v.message, /CannotPullContainerError/);
    assert.equal(v.check, 'ECS image pull (app)');
    assert.match(
      v.output!,
      /console: https:\/\/us-east-1\.console\.aws\.amazon\.com\/ecs\/v2\/clusters\/default\/services\/s3-web/,
    );
    const svc = h.em.world.ecs.findService('default', 's3-web')!;
    assert.ok(
      svc.history.size === 2 && [...svc.history.values()][1]!.failedTasks <= 1,
      'decided at the first failed task',
    );
    const capture = await t.evidence('web');
    assert.match(JSON.stringify(capture.tasks), /CannotPullContainerError/);
    // The engine's rollback: start() with the previous revision's service.
    await t.start(u1);
    assert.equal((await t.awaitGate(u1, 'healthy', gate())).ok, true);
    assert.deepEqual(
      revisionsOf(h.em, 's3-web').length,
      2,
      'the old revision was found, not registered again',
    );
    assert.match(svc.taskDefinition.taskDefinitionArn, /s3-web:1$/);
    assert.match(
      JSON.stringify(await t.evidence('web')),
      /CannotPullContainerError/,
      'evidence survives the rollback',
    );
  });

  it('secrets that cannot be fetched: ResourceInitializationError at once', async () => {
    const { t, u } = await h.start(stackFor('s4', 'web:no-secret'), 'web');
    const v = await t.awaitGate(u, 'healthy', gate());
    assert.ok(!v.ok && /ResourceInitializationError/.test(v.message), JSON.stringify(v));
  });

  it('an essential container killed for memory: exit code 137, its last log lines kept', async () => {
    const { t, u } = await h.start(stackFor('s5', 'web:oom'), 'web');
    const v = await t.awaitGate(u, 'healthy', gate());
    assert.ok(!v.ok, JSON.stringify(v));
    if (v.ok) return;
    assert.equal(v.reason, 'exited');
    assert.equal(v.exitCode, 137);
    assert.match(v.message, /container app exited with code 137 \(OutOfMemoryError/);
    assert.ok((await t.logs('web', 5, { currentRun: true })).some((l) => /Java heap space/.test(l)));
  });

  it('a health command missing at run time is failed at once on conclusive evidence, inside the start period, quoting the 127 output', async () => {
    // Start period 600 s: ECS itself would not decide for 10 minutes (of emulator time).
    const stack = stackFor(
      's6c',
      'web:no-wget',
      { breaker: false },
      { interval: 10, startPeriod: 600, retries: 3 },
    );
    const { t, u } = await h.start(stack, 'web');
    const v = await t.awaitGate(u, 'healthy', gate());
    const now = h.em.world.queue.now;
    assert.ok(!v.ok, JSON.stringify(v));
    if (v.ok) return;
    assert.equal(v.reason, 'unhealthy');
    assert.equal(v.decidedBy, 'conclusive');
    assert.match(
      v.message,
      /conclusive evidence .*: exit 127: \/bin\/sh: wget: not found — waiting cannot change it$/,
    );
    assert.match(v.output ?? '', /^exit 127: \/bin\/sh: wget: not found/);
    assert.equal(v.check, 'ECS container health check (app)');
    assert.match(
      v.output ?? '',
      /\nhealth check: CMD-SHELL curl -fs http:\/\/localhost:8080\/health \|\| exit 1\n/,
    );
    const tasks = h.em.world.ecs.allTasks().filter((x) => x.def.family === 's6c-web');
    assert.ok(tasks.every((x) => x.stoppedReason !== 'Task failed container health checks'));
    // ≤ 2 probe intervals (10 s of emulator time) from the first task's start.
    const started = Math.min(...tasks.map((x) => x.startedAt ?? Infinity));
    assert.ok(
      now - started <= 2 * 10_000,
      `decided ${now - started} ms (emulator time) after the task started`,
    );
  });

  it('a failing container health check: the first task is replaced with a warning, the second one’s verdict decides, without a circuit breaker', async () => {
    const { t, u } = await h.start(
      stackFor('s6', 'web:no-wget', { breaker: false, failFast: 'verdict' }),
      'web',
    );
    const g = gate();
    const v = await t.awaitGate(u, 'healthy', g);
    assert.ok(!v.ok, JSON.stringify(v));
    if (v.ok) return;
    assert.equal(v.reason, 'unhealthy');
    assert.equal(v.decidedBy, 'verdict');
    assert.equal(v.check, 'ECS container health check (app)');
    const failedHealth = h.em.world.ecs
      .allTasks()
      .filter((x) => x.def.family === 's6-web' && x.stoppedReason === 'Task failed container health checks')
      .sort((a, b) => a.createdAt - b.createdAt);
    assert.equal(failedHealth.length, 2, 'two tasks failed their health checks, not one and not three');
    const [first, second] = failedHealth.map((x) => x.id.slice(0, 8));
    assert.match(v.message, new RegExp(`task ${second}`), 'the verdict is the second task’s');
    assert.match(
      v.output ?? '',
      new RegExp(`earlier stopped task \\(replaced\\): ECS stopped task ${first}`),
    );
    const warnings = g.lines.filter((l) => l.warning && /ECS replaces it/.test(l.message));
    assert.equal(warnings.length, 1, JSON.stringify(g.lines));
    assert.match(warnings[0]!.message, new RegExp(`task ${first}: Task failed container health checks`));
  });

  it('a transient failure deploys: the first task crashes, ECS replaces it, and Convoy warns once', async () => {
    const { t, u } = await h.start(stackFor('s6t', 'web:flaky'), 'web');
    const g = gate();
    const v = await t.awaitGate(u, 'healthy', g);
    assert.equal(v.ok, true, JSON.stringify(v));
    const tasks = h.em.world.ecs.allTasks().filter((x) => x.def.family === 's6t-web');
    const crashed = tasks.filter((x) => x.stoppedReason === 'Essential container in task exited');
    assert.equal(crashed.length, 1, 'the first task crashed');
    const warnings = g.lines.filter((l) => l.warning && /ECS replaces it/.test(l.message));
    assert.equal(warnings.length, 1, `one warning, never repeated: ${JSON.stringify(g.lines)}`);
    assert.match(
      warnings[0]!.message,
      new RegExp(
        `^ECS stopped task ${crashed[0]!.id.slice(0, 8)}: Essential container in task exited: container app exited with code 1`,
      ),
    );
  });

  it('at desired count 2 both tasks start together: a failure that repeats is decided when both stop, before a replacement', async () => {
    const { t, u } = await h.start(stackFor('s7d', 'web:exits-plain', { desired: 2 }), 'web');
    const v = await t.awaitGate(u, 'healthy', gate());
    assert.ok(!v.ok && v.exitCode === 1 && v.decidedBy === 'verdict', JSON.stringify(v));
    const tasks = h.em.world.ecs.allTasks().filter((x) => x.def.family === 's7d-web');
    assert.equal(tasks.length, 2, 'no replacement was launched before the verdict');
    assert.match(v.output ?? '', /earlier stopped task \(replaced\): ECS stopped task /);
  });

  it('a crash whose last log line says a required env var is missing fails at the first stopped task, quoting it', async () => {
    const { t, u } = await h.start(stackFor('s7e', 'web:exits'), 'web');
    const g = gate();
    const v = await t.awaitGate(u, 'healthy', g);
    assert.ok(!v.ok, JSON.stringify(v));
    if (v.ok) return;
    assert.equal(v.decidedBy, 'conclusive');
    assert.equal(v.exitCode, 1);
    assert.match(
      v.message,
      /conclusive evidence, a required setting is missing from its environment: Error: REDIS_URL is not set/,
    );
    assert.match(v.output ?? '', /container app log: Error: REDIS_URL is not set/);
    assert.doesNotMatch(v.output ?? '', /earlier stopped task/);
    const tasks = h.em.world.ecs.allTasks().filter((x) => x.def.family === 's7e-web');
    assert.equal(tasks.length, 1, 'failed at the first stopped task, before a replacement');
    assert.equal(
      g.lines.filter((l) => l.warning && /ECS replaces it/.test(l.message)).length,
      0,
      JSON.stringify(g.lines),
    );
  });

  it('a log read that fails is not evidence: the first crash is let go and the second task’s verdict decides', async () => {
    const logs = {
      ...h.clients.logs,
      getLogEvents: () =>
        Promise.reject(Object.assign(new Error('denied'), { name: 'AccessDeniedException' })),
    } as AwsClients['logs'];
    const { t, u } = await h.start(stackFor('s7f', 'web:exits'), 'web', {
      clients: { ...h.clients, logs },
    });
    const g = gate();
    const v = await t.awaitGate(u, 'healthy', g);
    assert.ok(!v.ok && v.decidedBy === 'verdict' && v.exitCode === 1, JSON.stringify(v));
    assert.match(v.output ?? '', /earlier stopped task \(replaced\): ECS stopped task /);
    const warnings = g.lines.filter((l) => l.warning && /ECS replaces it/.test(l.message));
    assert.equal(warnings.length, 1, JSON.stringify(g.lines));
  });

  it('an essential container that exits fails with its exit code', async () => {
    const { t, u } = await h.start(stackFor('s7', 'web:exits'), 'web');
    const v = await t.awaitGate(u, 'healthy', gate());
    assert.ok(!v.ok && v.exitCode === 1, JSON.stringify(v));
    const capture = await t.evidence('web');
    assert.deepEqual(Object.keys(capture).sort(), ['logs', 'services', 'taskDefinition', 'tasks']);
    assert.match(JSON.stringify(capture.logs), /REDIS_URL is not set/);
  });

  it('behind a load balancer: failed ELB health checks fail it, with the targets’ reason codes as evidence', async () => {
    const tg = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/s8-tg/0123456789abcdef';
    const { t, u } = await h.start(stackFor('s8', 'web:elb-bad', { targetGroup: tg }), 'web');
    const v = await t.awaitGate(u, 'healthy', gate());
    assert.ok(!v.ok, JSON.stringify(v));
    if (v.ok) return;
    assert.equal(v.check, 'ELB health check (s8-tg)');
    assert.match(v.output!, /Health checks failed with these codes: \[404\]/);
    const capture = await t.evidence('web');
    assert.match(
      JSON.stringify(capture.targetHealth),
      /s8-tg/,
      'DescribeTargetHealth of the service’s target group',
    );
  });

  it('down scales the stack’s services to zero and deletes them', async () => {
    const { t, u } = await h.start(stackFor('s9', 'web:1'), 'web');
    assert.equal((await t.awaitGate(u, 'healthy', gate())).ok, true);
    assert.deepEqual(await t.down(), ['web']);
    assert.equal((await t.status())[0]!.health, 'stopped');
    assert.deepEqual(await t.down(), []);
  });

  it('a timeout says where the deployment stood', async () => {
    const { t, u } = await h.start(stackFor('s10', 'web:1'), 'web');
    const v = await t.awaitGate(u, 'healthy', gate(30));
    assert.ok(!v.ok && v.reason === 'timeout', JSON.stringify(v));
  });
});

/**
 * ECS's circuit breaker on its own: with the tasks' stop reasons hidden (a swapped client), nothing is conclusive
 * early, so the FAILED rollout decides; the rollback then follows the deployment ECS itself revived.
 */
describe('aws target: the ECS circuit breaker', () => {
  const h = useHarness({ images: [{ image: 'web:crash', exitAfterSeconds: 1, exitCode: 2 }] });

  function blind(): AwsClients {
    const ecs: EcsApi = {
      ...h.clients.ecs,
      describeTasks: async (i) => {
        const out = await h.clients.ecs.describeTasks(i);
        for (const t of out.tasks ?? []) {
          t.stoppedReason = undefined;
          t.stopCode = undefined;
          for (const c of t.containers ?? []) c.reason = undefined;
        }
        return out;
      },
    };
    return { ...h.clients, ecs };
  }

  it('a FAILED rollout fails the gate, and rolling back adopts the deployment ECS revived', async () => {
    const def = (image: string) =>
      writeStack(h.dir, 'cb', {
        web: {
          taskDefinition: taskDef('cb-web', [{ image, healthCheck: false }]),
          serviceDefinition: serviceDef('cb-web', { breaker: true }),
        },
      });
    const t = h.target(def('web:1'), { clients: blind() });
    const good = unitOf(def('web:1'), 'web');
    await t.start(good);
    assert.equal((await t.awaitGate(good, 'healthy', gate())).ok, true);
    const bad = unitOf(def('web:crash'), 'web');
    await t.start(bad);
    const g = gate();
    const v = await t.awaitGate(bad, 'healthy', g);
    assert.ok(!v.ok, JSON.stringify(v));
    if (v.ok) return;
    assert.match(
      v.message,
      // FAILED as seen in a round, or already rolled back and drained before the round (a loaded machine).
      /ECS deployment failed: ECS deployment circuit breaker: tasks failed to start\. \(3 failed tasks\)|is gone before it completed: ECS's circuit breaker rolled it back/,
    );
    assert.ok(g.lines.some((l) => /rolling back to deployment/.test(l.message)));
    const svc = h.em.world.ecs.findService('default', 'cb-web')!;
    const revived = svc.primary.id;
    await t.start(good);
    assert.equal((await t.awaitGate(good, 'healthy', gate())).ok, true);
    assert.equal(svc.primary.id, revived, 'no extra deployment on top of ECS’s own rollback');
  });

  it('stops waiting when the engine aborts, rejecting with its reason', async () => {
    const stack = writeStack(h.dir, 'ab', {
      web: {
        taskDefinition: taskDef('ab-web', [{ image: 'web:1' }]),
        serviceDefinition: serviceDef('ab-web'),
      },
    });
    const t = h.target(stack);
    const u = unitOf(stack, 'web');
    await t.start(u);
    const ac = new AbortController();
    const waiting = t.awaitGate(u, 'healthy', { timeoutMs: 20_000, signal: ac.signal });
    ac.abort(new Error('another service failed'));
    await assert.rejects(waiting, /another service failed/);
  });
});
