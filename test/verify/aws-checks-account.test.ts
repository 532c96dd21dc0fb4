import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  ACCOUNT,
  ROOT,
  closedPort,
  container,
  failures,
  oneService,
  results,
  taskDef,
  useEmulator,
  writeStack,
} from './aws-preflight-fixture.js';
import { formatResult } from '../../src/verify/index.js';

const OURS = ['aws-credentials', 'ecs-cluster', 'iam-roles', 'secrets'];

describe('aws pre-flight: credentials, clusters, IAM roles (against the emulator)', () => {
  const { em, reset } = useEmulator();

  it('the healthy account ({} scenario) passes every check, parental-control included', async () => {
    reset();
    const r = await results(join(ROOT, 'examples/parental-control/convoy.aws.yaml'), ...OURS);
    assert.deepEqual(
      r.map((x) => [x.id, x.ok, x.ok ? '' : x.message]),
      OURS.map((id) => [id, true, '']),
    );
    const file = writeStack(oneService(), { 'api.task.json': taskDef() });
    assert.deepEqual(
      (await results(file, ...OURS)).filter((x) => !x.ok),
      [],
    );
    assert.equal(em().calls.count('sts', 'GetCallerIdentity'), 2, 'asked once per verify run, not per check');
  });

  it('ecs-cluster: a missing stack-wide cluster points at aws.cluster, once for all services', async () => {
    reset();
    const file = writeStack(
      `aws:\n  cluster: prod\nservices:\n  api:\n    aws: { taskDefinition: api.task.json }\n  web:\n    aws: { taskDefinition: api.task.json }\n`,
      { 'api.task.json': taskDef() },
    );
    const r = await failures(file, 'ecs-cluster');
    assert.equal(r.length, 1);
    assert.match(r[0]!.message, /^api, web run in ECS cluster prod, which does not exist in us-east-1$/);
    assert.match(r[0]!.fix!, /aws ecs create-cluster --cluster-name prod --region us-east-1/);
    assert.match(r[0]!.fix!, /change aws\.cluster/);
    assert.equal(r[0]!.location?.field, 'aws.cluster');
    assert.equal(r[0]!.location?.line, 4);

    reset({ clusters: ['prod'] });
    assert.deepEqual(await failures(file, 'ecs-cluster'), []);
  });

  it("ecs-cluster: an INACTIVE (deleted) cluster, named by the service's own aws.cluster", async () => {
    reset({ clusters: ['old'] });
    em().world.ecs.deleteCluster({ cluster: 'old' });
    const file = writeStack(oneService('      cluster: old\n'), { 'api.task.json': taskDef() });
    const [r, more] = await failures(file, 'ecs-cluster');
    assert.equal(more, undefined);
    assert.match(r!.message, /api runs in ECS cluster old, which is INACTIVE \(deleted\) in us-east-1/);
    assert.equal(r!.location?.field, 'services.api.aws.cluster');
  });

  it('iam-roles: a missing task role names the file, the role and IAM’s own error; the location is the taskDefinition field', async () => {
    reset({ iam: { roles: ['ecsTaskExecutionRole'] } });
    const file = writeStack(oneService(), { 'api.task.json': taskDef() });
    const r = await failures(file, 'iam-roles');
    assert.equal(r.length, 1, JSON.stringify(r));
    assert.match(
      r[0]!.message,
      new RegExp(
        `^api: taskRoleArn in api\\.task\\.json: IAM role api-task does not exist in account ${ACCOUNT} ` +
          `\\(NoSuchEntityException: The role with name api-task cannot be found\\.\\)$`,
      ),
    );
    assert.match(r[0]!.fix!, /create the role api-task .* or change taskRoleArn in api\.task\.json/);
    assert.equal(r[0]!.location?.field, 'services.api.aws.taskDefinition');
    assert.equal(r[0]!.location?.line, 6);

    reset({ iam: { roles: ['ecsTaskExecutionRole', 'api-task'] } });
    assert.deepEqual(await failures(file, 'iam-roles'), []);
  });

  it('iam-roles: a role of another account, and a role path (service-role/…) looked up by its name', async () => {
    reset({ iam: { roles: ['ecsTaskExecutionRole', 'api-task'] } });
    const file = writeStack(oneService(), {
      'api.task.json': taskDef({
        executionRoleArn: `arn:aws:iam::${ACCOUNT}:role/service-role/ecsTaskExecutionRole`,
        taskRoleArn: 'arn:aws:iam::999999999999:role/api-task',
      }),
    });
    const r = await failures(file, 'iam-roles');
    assert.equal(r.length, 1, JSON.stringify(r));
    assert.match(
      r[0]!.message,
      /^api: taskRoleArn in api\.task\.json: arn:aws:iam::999999999999:role\/api-task is in account 999999999999, but the credentials are for account 123456789012/,
    );
    assert.equal(em().calls.count('iam', 'GetRole'), 1, 'the other account’s role is not looked up here');
  });

  it('iam-roles: secrets, ECR images or awslogs on Fargate without an executionRoleArn', async () => {
    reset();
    const file = writeStack(oneService(), {
      'api.task.json': taskDef({ executionRoleArn: undefined }, [
        container({
          image: `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/api:1`,
          secrets: [{ name: 'DB_URL', valueFrom: '/prod/db-url' }],
          logConfiguration: { logDriver: 'awslogs', options: {} },
        }),
      ]),
    });
    const [r, more] = await failures(file, 'iam-roles');
    assert.equal(more, undefined);
    assert.match(
      r!.message,
      /^api: api\.task\.json has no executionRoleArn, but container app uses secrets, container app pulls its image from ECR, container app logs with awslogs/,
    );
    assert.match(
      r!.fix!,
      /add "executionRoleArn": "arn:aws:iam::123456789012:role\/ecsTaskExecutionRole" to api\.task\.json/,
    );
    // On EC2 the instance role pulls and logs; only the secrets still need an execution role.
    const ec2 = writeStack(oneService(), {
      'api.task.json': taskDef({ executionRoleArn: undefined, requiresCompatibilities: ['EC2'] }, [
        container({ image: `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/api:1` }),
      ]),
    });
    assert.deepEqual(await failures(ec2, 'iam-roles'), []);
  });

  it('aws-credentials: no credentials anywhere says how to get some, naming the region', async () => {
    reset();
    const saved = { ...process.env };
    for (const k of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_PROFILE'])
      delete process.env[k];
    // No shared files either: only the environment decides, whatever this machine has in ~/.aws.
    process.env.AWS_SHARED_CREDENTIALS_FILE = join(tmpdir(), 'convoy-no-such-credentials');
    process.env.AWS_CONFIG_FILE = join(tmpdir(), 'convoy-no-such-config');
    try {
      const file = writeStack(`aws:\n  region: eu-west-1\n${oneService()}`, { 'api.task.json': taskDef() });
      const r = await results(file, ...OURS);
      assert.deepEqual(
        r.filter((x) => !x.ok).map((x) => x.id),
        ['aws-credentials'],
      );
      assert.match(
        r[0]!.message,
        /^AWS credentials do not work in eu-west-1 \(aws\.region\) at AWS_ENDPOINT_URL=.*: /,
      );
      assert.match(r[0]!.message, /Could not load credentials/);
      assert.match(
        r[0]!.fix!,
        /set AWS_PROFILE .*run `aws sso login`.*export AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY/,
      );
      assert.match(r[0]!.fix!, /aws sts get-caller-identity --region eu-west-1/);
      assert.equal(r[0]!.location?.field, 'aws.region');
      assert.equal(em().calls.count('sts', 'GetCallerIdentity'), 0, 'nothing was sent without credentials');
    } finally {
      for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
      Object.assign(process.env, saved);
    }
  });

  it('aws-credentials: an unreachable endpoint fails fast and once; the other checks do not pile on', async () => {
    const port = await closedPort();
    const saved = process.env.AWS_ENDPOINT_URL;
    process.env.AWS_ENDPOINT_URL = `http://127.0.0.1:${port}`;
    try {
      const file = writeStack(oneService('      cluster: prod\n'), { 'api.task.json': taskDef() });
      const r = await results(file, ...OURS);
      // One error; the checks that need the API say they did not look, rather than pass.
      assert.deepEqual(
        r.map((x) => [x.id, x.ok, x.skipped ?? false]),
        [
          ['aws-credentials', false, false],
          ['ecs-cluster', true, true],
          ['iam-roles', true, true],
          // No secrets referenced: nothing to ask, a real pass.
          ['secrets', true, false],
        ],
      );
      assert.match(r[1]!.message, /^not checked: the AWS credentials do not work/);
      assert.match(formatResult(r[1]!), /^– ecs-cluster/);
      assert.match(
        r[0]!.message,
        new RegExp(
          `^AWS credentials do not work in us-east-1 at AWS_ENDPOINT_URL=http://127\\.0\\.0\\.1:${port}: .*ECONNREFUSED`,
        ),
      );
      assert.match(
        r[0]!.fix!,
        new RegExp(`nothing answers at AWS_ENDPOINT_URL=http://127\\.0\\.0\\.1:${port}`),
      );
      assert.equal(r[0]!.location?.field, 'target');
    } finally {
      process.env.AWS_ENDPOINT_URL = saved;
    }
  });
});
