import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { GetRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { DescribeSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { GetParameterCommand, GetParametersCommand, SSMClient } from '@aws-sdk/client-ssm';
import { parseScenario } from './scenario.js';
import { startEmulator, type Emulator } from './server.js';

/**
 * IAM, Secrets Manager and SSM as the real SDK clients see them: each protocol's reply and error shapes, and the
 * scenario keys that decide what exists ({} = everything asked for; a list = only those).
 */
describe('emulator: IAM roles, Secrets Manager and SSM parameters', () => {
  let em: Emulator;
  let iam: IAMClient;
  let sm: SecretsManagerClient;
  let ssm: SSMClient;
  before(async () => {
    em = await startEmulator({ timeScale: 0.01 });
    const config = {
      region: 'us-east-1',
      endpoint: em.url,
      credentials: { accessKeyId: 'AKIDEMULATOR', secretAccessKey: 'emulator-secret' },
      maxAttempts: 1,
    };
    iam = new IAMClient(config);
    sm = new SecretsManagerClient(config);
    ssm = new SSMClient(config);
  });
  after(async () => {
    for (const c of [iam, sm, ssm]) c.destroy();
    await em.close();
  });

  it('IAM GetRole (query protocol): any role in {}, NoSuchEntity (404) for an unlisted one', async () => {
    em.reset({});
    const { Role } = await iam.send(new GetRoleCommand({ RoleName: 'anything' }));
    assert.equal(Role?.Arn, 'arn:aws:iam::123456789012:role/anything');
    assert.ok(Role?.CreateDate instanceof Date && Role.RoleId?.startsWith('AROA'));
    em.reset({ iam: { roles: ['ecsTaskExecutionRole'] } });
    await iam.send(new GetRoleCommand({ RoleName: 'ecsTaskExecutionRole' }));
    await assert.rejects(
      iam.send(new GetRoleCommand({ RoleName: 'api-task' })),
      (e: Error & { $metadata: { httpStatusCode: number } }) => {
        assert.equal(e.name, 'NoSuchEntityException');
        assert.equal(e.message, 'The role with name api-task cannot be found.');
        assert.equal(e.$metadata.httpStatusCode, 404);
        return true;
      },
    );
  });

  it('Secrets Manager DescribeSecret (JSON 1.1): by name, partial or full ARN; ResourceNotFoundException otherwise', async () => {
    em.reset({ secrets: ['prod/db'] });
    const arn = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf';
    const full = await sm.send(new DescribeSecretCommand({ SecretId: arn }));
    assert.equal(full.ARN, arn);
    assert.equal(full.Name, 'prod/db');
    assert.deepEqual(Object.values(full.VersionIdsToStages ?? {}), [['AWSCURRENT']]);
    const byName = await sm.send(new DescribeSecretCommand({ SecretId: 'prod/db' }));
    assert.match(byName.ARN!, /:secret:prod\/db-[A-Za-z0-9]{6}$/);
    assert.equal('SecretString' in byName, false, 'metadata only');
    await assert.rejects(sm.send(new DescribeSecretCommand({ SecretId: 'prod/other' })), {
      name: 'ResourceNotFoundException',
      message: "Secrets Manager can't find the specified secret.",
    });
  });

  it('SSM GetParameters lists the missing in InvalidParameters; GetParameter fails with ParameterNotFound', async () => {
    em.reset({
      ssmParameters: [{ name: '/prod/key', type: 'SecureString', value: 'plain-text-value' }, 'plain'],
    });
    const r = await ssm.send(
      new GetParametersCommand({
        Names: ['/prod/key', 'arn:aws:ssm:us-east-1:123456789012:parameter/plain', '/prod/missing'],
      }),
    );
    assert.deepEqual(
      r.Parameters?.map((p) => p.Name),
      ['/prod/key', 'plain'],
    );
    assert.notEqual(r.Parameters![0]!.Value, 'plain-text-value', 'a SecureString stays encrypted');
    assert.deepEqual(r.InvalidParameters, ['/prod/missing']);
    const d = await ssm.send(new GetParameterCommand({ Name: '/prod/key', WithDecryption: true }));
    assert.equal(d.Parameter?.Value, 'plain-text-value');
    await assert.rejects(ssm.send(new GetParameterCommand({ Name: '/prod/missing' })), {
      name: 'ParameterNotFound',
    });
    await assert.rejects(
      ssm.send(new GetParametersCommand({ Names: Array.from({ length: 11 }, (_, i) => `/p${i}`) })),
      { name: 'ValidationException' },
    );
  });

  it('scenario keys are validated: unknown fields are errors', () => {
    assert.throws(() => parseScenario({ iam: { role: ['x'] } }), /iam/);
    assert.throws(() => parseScenario({ ssmParameters: [{ name: 'a', secure: true }] }), /ssmParameters/);
  });
});
