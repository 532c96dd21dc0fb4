import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  DescribeTasksCommand,
  RegisterTaskDefinitionCommand,
  RunTaskCommand,
  StopTaskCommand,
  type Task,
} from '@aws-sdk/client-ecs';
import { fargateTaskDef, harness, network, until, type Harness } from './helpers.js';

/** One-off tasks through RunTask: exit codes per scenario, the failures that stop a task, sidecars, StopTask. */

const SIDECAR = 'aws-guardduty-agent-FjH3s1';

describe('ECS one-off tasks (SDK against the emulator)', () => {
  let h: Harness;

  before(async () => {
    h = await harness({
      images: [
        {
          command: 'migrate',
          exitAfterSeconds: 4,
          exitCode: 1,
          exitLogs: ['Error: relation "users" already exists'],
        },
        { image: '*:one-shot', exitAfterSeconds: 2, exitCode: 0 },
        { image: '*:leaky', oomAfterSeconds: 20, exitLogs: ['FATAL ERROR: Reached heap limit'] },
        { image: '*:needs-secret', secretsError: true },
      ],
      ecs: {
        extraContainers: [
          {
            name: SIDECAR,
            image: '593207742271.dkr.ecr.us-east-1.amazonaws.com/aws-guardduty-agent-fargate:v1.5.0',
            position: 'first',
          },
        ],
      },
    });
  });
  after(() => h.close());

  async function run(family: string, image: string, command?: string[], secrets = false): Promise<Task> {
    const def = fargateTaskDef(family, image, { healthCheck: false });
    if (secrets) {
      Object.assign(def.containerDefinitions[0]!, {
        secrets: [
          {
            name: 'DB_PASSWORD',
            valueFrom: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db-password-AbCdEf',
          },
        ],
      });
    }
    const td = (await h.ecs.send(new RegisterTaskDefinitionCommand(def))).taskDefinition!.taskDefinitionArn!;
    const r = await h.ecs.send(
      new RunTaskCommand({
        taskDefinition: td,
        launchType: 'FARGATE',
        networkConfiguration: network,
        startedBy: 'convoy',
        ...(command ? { overrides: { containerOverrides: [{ name: 'app', command }] } } : {}),
      }),
    );
    assert.equal(r.tasks![0]!.lastStatus, 'PROVISIONING');
    assert.equal(r.tasks![0]!.desiredStatus, 'RUNNING');
    return r.tasks![0]!;
  }

  const describeTask = async (arn: string) =>
    (await h.ecs.send(new DescribeTasksCommand({ tasks: [arn] }))).tasks![0]!;
  const stopped = (arn: string) =>
    until(
      () => describeTask(arn),
      (t) => t.lastStatus === 'STOPPED',
      { what: 'task to stop' },
    );
  const app = (t: Task) => t.containers!.find((c) => c.name === 'app')!;

  it('a migration that exits 1 stops with EssentialContainerExited and exit code 1; Fargate adds its own sidecar first', async () => {
    const t = await stopped(
      (await run('migrate', 'registry.example.com/api:7f3c2e1', ['npm', 'run', 'migrate'])).taskArn!,
    );
    assert.equal(t.stopCode, 'EssentialContainerExited');
    assert.equal(t.stoppedReason, 'Essential container in task exited');
    assert.equal(app(t).exitCode, 1);
    assert.equal(t.containers![0]!.name, SIDECAR, 'clients must find containers by name');
    assert.equal(t.containers![0]!.exitCode, 0);
    assert.equal(t.startedBy, 'convoy');
    assert.ok(t.executionStoppedAt! <= t.stoppedAt!);
  });

  it('a one-off task that exits 0 is still stopped as "Essential container in task exited"', async () => {
    const t = await stopped((await run('oneshot', 'registry.example.com/tool:one-shot')).taskArn!);
    assert.equal(app(t).exitCode, 0);
    assert.equal(t.stopCode, 'EssentialContainerExited');
  });

  it('OOM: exit 137 with OutOfMemoryError', async () => {
    const t = await stopped((await run('leaky', 'registry.example.com/api:leaky')).taskArn!);
    assert.equal(app(t).exitCode, 137);
    assert.equal(app(t).reason, 'OutOfMemoryError: Container killed due to memory usage');
    assert.equal(t.stoppedReason, 'Essential container in task exited');
  });

  it('secrets that cannot be fetched fail the task before it starts', async () => {
    const t = await stopped(
      (await run('secretive', 'registry.example.com/api:needs-secret', undefined, true)).taskArn!,
    );
    assert.equal(t.stopCode, 'TaskFailedToStart');
    assert.match(
      t.stoppedReason!,
      /^ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secret from asm: service call has been retried 1 time\(s\): failed to fetch secret arn:aws:secretsmanager:us-east-1:123456789012:secret:db-password-AbCdEf from secrets manager: .*api error AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role\/ecsTaskExecutionRole\/[0-9a-f]{32} is not authorized to perform: secretsmanager:GetSecretValue/,
    );
    assert.equal(t.pullStartedAt, undefined, 'nothing was pulled');
  });

  it('StopTask stops a running task with the given reason and UserInitiated', async () => {
    const started = await run('idle', 'registry.example.com/worker:1');
    await until(
      () => describeTask(started.taskArn!),
      (t) => t.lastStatus === 'RUNNING',
    );
    const r = await h.ecs.send(new StopTaskCommand({ task: started.taskArn!, reason: 'Stopped by convoy' }));
    assert.equal(r.task!.desiredStatus, 'STOPPED');
    const t = await stopped(started.taskArn!);
    assert.equal(t.stopCode, 'UserInitiated');
    assert.equal(t.stoppedReason, 'Stopped by convoy');
    await assert.rejects(h.ecs.send(new StopTaskCommand({ task: 'deadbeef' })), {
      name: 'InvalidParameterException',
      message: 'The referenced task was not found.',
    });
  });
});
