import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Service as EcsService, Task } from '@aws-sdk/client-ecs';
import {
  conclusiveByLogs,
  containerRoles,
  judgeDeployment,
  judgeJob,
  judgeTask,
  stopDecides,
} from '../../../src/targets/aws/judge.js';

/** The fail-fast rules on DescribeTasks / DescribeServices shapes, with the wording real ECS uses. */

const roles = containerRoles([
  { name: 'web', essential: true, healthCheck: { command: ['CMD-SHELL', 'true'] } },
  { name: 'log-router', essential: false },
]);
const arn = 'arn:aws:ecs:us-east-1:123456789012:task/default/0123456789abcdef0123456789abcdef';

function task(t: Partial<Task>): Task {
  return { taskArn: arn, lastStatus: 'STOPPED', desiredStatus: 'STOPPED', ...t };
}

describe('aws judge: conclusive or verdict', () => {
  const stopped = (stoppedReason: string, containers: Task['containers'] = []) =>
    judgeTask(task({ stopCode: 'TaskFailedToStart', stoppedReason, containers }), roles)!;

  it('says which kind of evidence decided: an image or secret that does not exist is conclusive', () => {
    const missing = stopped(
      'CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref docker.io/library/web:9: docker.io/library/web:9: not found',
    );
    assert.equal(missing.decidedBy, 'conclusive');
    assert.equal(
      stopped('CannotPullContainerError: ref pull has been retried 1 time(s): manifest unknown').decidedBy,
      'conclusive',
    );
    assert.equal(
      stopped(
        "ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secret from asm: ResourceNotFoundException: Secrets Manager can't find the specified secret.",
      ).decidedBy,
      'conclusive',
    );
    const exec = judgeTask(
      task({
        stoppedReason: 'Essential container in task exited',
        stopCode: 'EssentialContainerExited',
        containers: [{ name: 'web', lastStatus: 'STOPPED', exitCode: 255, reason: 'exec format error' }],
      }),
      roles,
    )!;
    assert.equal(exec.decidedBy, 'conclusive');
  });

  it('a pull that timed out, a health check that failed, a crash: the task’s own verdict', () => {
    assert.equal(
      stopped(
        'CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to do request: dial tcp 52.0.0.1:443: i/o timeout',
      ).decidedBy,
      'verdict',
    );
    const health = judgeTask(
      task({
        stoppedReason: 'Task failed container health checks',
        containers: [{ name: 'web', lastStatus: 'STOPPED', healthStatus: 'UNHEALTHY' }],
      }),
      roles,
    )!;
    assert.equal(health.decidedBy, 'verdict');
    const crash = judgeTask(
      task({
        stoppedReason: 'Essential container in task exited',
        stopCode: 'EssentialContainerExited',
        containers: [{ name: 'web', lastStatus: 'STOPPED', exitCode: 1 }],
      }),
      roles,
    )!;
    assert.equal(crash.decidedBy, 'verdict');
  });
});

describe('aws judge: which stopped task fails the service', () => {
  const other = 'arn:aws:ecs:us-east-1:123456789012:task/default/fedcba9876543210fedcba9876543210';
  const crashed = (taskArn: string, exitCode: number) =>
    judgeTask(
      task({
        taskArn,
        stoppedReason: 'Essential container in task exited',
        stopCode: 'EssentialContainerExited',
        containers: [{ name: 'web', lastStatus: 'STOPPED', exitCode }],
      }),
      roles,
    )!;

  it('a first stop that may not repeat is let go for ECS to replace; a second task of the revision decides', () => {
    const first = crashed(arn, 1);
    assert.equal(first.decidedBy, 'verdict');
    assert.equal(stopDecides(first, []), false, 'the first crash: ECS replaces the task');
    assert.equal(stopDecides(first, [arn]), false, 'the same task seen again is not a second one');
    assert.equal(
      stopDecides(crashed(other, 1), [arn]),
      true,
      'a second task stopped: the revision’s failure',
    );
  });

  it('a crash is conclusive by its last log lines when they say a required setting is missing, not otherwise', () => {
    const first = crashed(arn, 1);
    const c = conclusiveByLogs(first, [
      'booting',
      'Error: DATABASE_URL is not set',
      'npm ERR! code ELIFECYCLE',
    ]);
    assert.equal(c?.decidedBy, 'conclusive');
    assert.match(
      c!.message,
      /a required setting is missing from its environment: Error: DATABASE_URL is not set$/,
    );
    assert.match(c!.output, /container web log: Error: DATABASE_URL is not set/);
    assert.equal(stopDecides(c!, []), true);
    assert.equal(conclusiveByLogs(first, ['Error: connect ECONNREFUSED 10.0.12.7:5432']), undefined);
    assert.equal(conclusiveByLogs(first, []), undefined, 'no lines (a failed read): not conclusive');
  });

  it('conclusive evidence decides at the first stopped task', () => {
    const notFound = crashed(arn, 127);
    assert.equal(notFound.decidedBy, 'conclusive');
    assert.equal(stopDecides(notFound, []), true);
    const pull = judgeTask(
      task({ stopCode: 'TaskFailedToStart', stoppedReason: 'CannotPullContainerError: manifest unknown' }),
      roles,
    )!;
    assert.equal(stopDecides(pull, []), true);
  });
});

describe('aws judge: one task', () => {
  it('judges containers by name, not position: a Fargate sidecar listed first does not hide the app', () => {
    const t = task({
      stoppedReason: 'Essential container in task exited',
      stopCode: 'EssentialContainerExited',
      containers: [
        { name: 'aws-guardduty-agent-abc', lastStatus: 'STOPPED', exitCode: 0 },
        { name: 'log-router', lastStatus: 'STOPPED', exitCode: 0 },
        {
          name: 'web',
          lastStatus: 'STOPPED',
          exitCode: 137,
          reason: 'OutOfMemoryError: Container killed due to memory usage',
        },
      ],
    });
    const f = judgeTask(t, roles)!;
    assert.equal(f.reason, 'exited');
    assert.equal(f.exitCode, 137);
    assert.equal(f.container, 'web');
    assert.equal(f.check, 'ECS essential container (web)');
    assert.match(f.message, /container web exited with code 137 \(OutOfMemoryError/);
    assert.match(f.output, /stoppedReason: Essential container in task exited/);
  });

  it('an image that cannot be pulled, secrets that cannot be read, a container that cannot start: conclusive at once', () => {
    const pull = judgeTask(
      task({
        stopCode: 'TaskFailedToStart',
        stoppedReason:
          'CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref docker.io/library/web:9: not found',
        containers: [{ name: 'web', lastStatus: 'STOPPED', reason: 'CannotPullContainerError: … not found' }],
      }),
      roles,
    )!;
    assert.equal(pull.reason, 'start-failed');
    assert.equal(pull.check, 'ECS image pull (web)');
    const secrets = judgeTask(
      task({
        stopCode: 'TaskFailedToStart',
        stoppedReason: 'ResourceInitializationError: unable to pull secrets or registry auth: AccessDenied',
      }),
      roles,
    )!;
    assert.equal(secrets.reason, 'start-failed');
    assert.match(secrets.check, /secrets/);
    const cannot = judgeTask(
      task({
        stoppedReason: 'CannotStartContainerError: Error response from daemon: exec: "node": not found',
      }),
      roles,
    )!;
    assert.equal(cannot.reason, 'start-failed');
  });

  it('a failed container health check is decided when ECS decides to stop the task, before it has stopped', () => {
    const f = judgeTask(
      task({
        lastStatus: 'RUNNING',
        desiredStatus: 'STOPPED',
        stoppedReason: 'Task failed container health checks',
        containers: [{ name: 'web', lastStatus: 'RUNNING', healthStatus: 'UNHEALTHY' }],
      }),
      roles,
    )!;
    assert.equal(f.reason, 'unhealthy');
    assert.equal(f.check, 'ECS container health check (web)');
  });

  it('a failed load balancer health check names the target group', () => {
    const f = judgeTask(
      task({
        stoppedReason:
          'Task failed ELB health checks in (target-group arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-tg/0123456789abcdef)',
      }),
      roles,
    )!;
    assert.equal(f.reason, 'unhealthy');
    assert.equal(f.check, 'ELB health check (web-tg)');
  });

  it('scaling, people and spot reclaims are not the revision’s fault; a running task is not judged', () => {
    for (const stoppedReason of [
      'Scaling activity initiated by (deployment ecs-svc/1234567890123456789)',
      'Task stopped by user',
      'Your Spot Task was interrupted.',
    ]) {
      assert.equal(
        judgeTask(task({ stoppedReason, stopCode: 'ServiceSchedulerInitiated' }), roles),
        undefined,
      );
    }
    assert.equal(judgeTask(task({ lastStatus: 'RUNNING', desiredStatus: 'RUNNING' }), roles), undefined);
  });
});

describe('aws judge: jobs', () => {
  it('completed when every essential container exited 0, whatever a sidecar did', () => {
    const t = task({
      stoppedReason: 'Essential container in task exited',
      containers: [
        { name: 'log-router', lastStatus: 'STOPPED', exitCode: 143 },
        { name: 'web', lastStatus: 'STOPPED', exitCode: 0 },
      ],
    });
    assert.deepEqual(judgeJob(t, roles), { ok: true });
  });

  it('fails with the exit code of the essential container that failed', () => {
    const t = task({
      stoppedReason: 'Essential container in task exited',
      containers: [{ name: 'web', lastStatus: 'STOPPED', exitCode: 1 }],
    });
    const j = judgeJob(t, roles);
    assert.ok(j && !j.ok);
    assert.equal(j.failure.exitCode, 1);
    assert.match(j.failure.message, /job container web exited with code 1/);
  });

  it('waits while the task runs', () => {
    assert.equal(judgeJob(task({ lastStatus: 'RUNNING', desiredStatus: 'RUNNING' }), roles), undefined);
  });
});

describe('aws judge: the deployment', () => {
  const svc = (
    d: Partial<NonNullable<EcsService['deployments']>[number]>[],
    extra: Partial<EcsService> = {},
  ): EcsService => ({
    status: 'ACTIVE',
    desiredCount: 2,
    deployments: d.map((x) => ({ status: 'PRIMARY', desiredCount: 2, runningCount: 0, ...x })),
    ...extra,
  });

  it('done when PRIMARY and COMPLETED with the desired count running', () => {
    const s = svc([{ id: 'd1', rolloutState: 'COMPLETED', runningCount: 2 }]);
    assert.deepEqual(judgeDeployment(s, 'd1', [], roles), { state: 'done' });
  });

  it('without rolloutState: done when it alone runs the desired count', () => {
    assert.deepEqual(judgeDeployment(svc([{ id: 'd1', runningCount: 2 }]), 'd1', [], roles), {
      state: 'done',
    });
    const two = svc([
      { id: 'd1', runningCount: 2 },
      { id: 'd0', status: 'ACTIVE', runningCount: 1 },
    ]);
    assert.equal(judgeDeployment(two, 'd1', [], roles).state, 'waiting');
  });

  it('FAILED (the circuit breaker) fails; replaced before completing fails', () => {
    const failedRollout = judgeDeployment(
      svc([
        {
          id: 'd1',
          rolloutState: 'FAILED',
          rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.',
        },
      ]),
      'd1',
      [],
      roles,
    );
    assert.equal(failedRollout.state, 'failed');
    assert.match((failedRollout as { message: string }).message, /circuit breaker/);
    assert.equal(
      judgeDeployment(svc([{ id: 'd2', rolloutState: 'IN_PROGRESS' }]), 'd1', [], roles).state,
      'failed',
    );
  });
});
