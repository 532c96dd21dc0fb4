import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseRef } from '../../src/verify/aws/secret-refs.js';
import {
  ACCOUNT,
  container,
  failures,
  oneService,
  taskDef,
  useEmulator,
  writeStack,
} from './aws-preflight-fixture.js';

const SM = `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:prod/db-AbCdEf`;
const SSM_ARN = `arn:aws:ssm:us-east-1:${ACCOUNT}:parameter/prod/api-url`;

/** One container using every kind of reference ECS accepts. */
const stack = () =>
  writeStack(oneService(), {
    'api.task.json': taskDef({}, [
      container({
        secrets: [
          { name: 'DB_PASSWORD', valueFrom: `${SM}:password::` },
          { name: 'API_URL', valueFrom: SSM_ARN },
          { name: 'API_KEY', valueFrom: '/prod/api-key' },
        ],
        repositoryCredentials: {
          credentialsParameter: `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:dockerhub-XyZ123`,
        },
      }),
    ]),
  });

describe('aws pre-flight: secrets (against the emulator)', () => {
  const { em, reset } = useEmulator();

  it('passes when every secret and parameter exists (any name in {}, the listed ones otherwise)', async () => {
    reset();
    assert.deepEqual(await failures(stack(), 'secrets'), []);
    reset({ secrets: ['prod/db', 'dockerhub'], ssmParameters: ['/prod/api-url', '/prod/api-key'] });
    assert.deepEqual(await failures(stack(), 'secrets'), []);
    assert.equal(em().calls.count('ssm', 'GetParameters'), 1, 'both parameters in one call');
  });

  it('a missing secret and parameter: named with file, container and variable, the location and a fix', async () => {
    reset({ secrets: ['dockerhub'], ssmParameters: ['/prod/api-url'] });
    const r = await failures(stack(), 'secrets');
    assert.equal(r.length, 2, JSON.stringify(r, null, 2));
    assert.equal(
      r[0]!.message,
      `api: api.task.json, container app, secret DB_PASSWORD: valueFrom ${SM}:password::: Secrets Manager has no ` +
        `secret prod/db-AbCdEf (ResourceNotFoundException: Secrets Manager can't find the specified secret.)`,
    );
    assert.match(r[0]!.fix!, /create the secret .* or change valueFrom in api\.task\.json/);
    assert.equal(
      r[1]!.message,
      'api: api.task.json, container app, secret API_KEY: valueFrom /prod/api-key: SSM Parameter Store has no ' +
        'parameter /prod/api-key in us-east-1',
    );
    assert.match(r[1]!.fix!, /aws ssm put-parameter --name \/prod\/api-key/);
    for (const x of r) {
      assert.equal(x.location?.field, 'services.api.aws.taskDefinition');
      assert.equal(x.location?.line, 6);
    }
  });

  it('never prints a value, and never asks for one', async () => {
    reset({
      secrets: [],
      ssmParameters: [
        { name: '/prod/api-url', type: 'String', value: 'https://internal.example/very-secret-token-1' },
        { name: '/prod/api-key', type: 'SecureString', value: 'very-secret-token-2' },
      ],
    });
    const r = await failures(stack(), 'secrets');
    assert.equal(r.length, 2, 'both Secrets Manager references are missing');
    assert.doesNotMatch(JSON.stringify(r), /very-secret-token/);
    assert.equal(em().calls.count('secretsmanager', 'GetSecretValue'), 0);
  });

  it('a version stage no version of the secret has', async () => {
    reset();
    const file = writeStack(oneService(), {
      'api.task.json': taskDef({}, [
        container({ secrets: [{ name: 'DB_PASSWORD', valueFrom: `${SM}:password:AWSPENDING:` }] }),
      ]),
    });
    const [r, more] = await failures(file, 'secrets');
    assert.equal(more, undefined);
    assert.match(r!.message, /no version of secret prod\/db has the stage AWSPENDING/);
  });

  it('a Parameter Store reference to Secrets Manager is looked up in Secrets Manager', async () => {
    reset({ secrets: ['prod/db'], ssmParameters: [] });
    const file = writeStack(oneService(), {
      'api.task.json': taskDef({}, [
        container({
          secrets: [
            { name: 'A', valueFrom: '/aws/reference/secretsmanager/prod/db' },
            { name: 'B', valueFrom: '/aws/reference/secretsmanager/prod/gone' },
          ],
        }),
      ]),
    });
    const r = await failures(file, 'secrets');
    assert.deepEqual(
      r.map((x) => x.message.replace(/ \(Resource.*/, '')),
      [
        'api: api.task.json, container app, secret B: valueFrom /aws/reference/secretsmanager/prod/gone: ' +
          'Secrets Manager has no secret prod/gone',
      ],
    );
    assert.equal(em().calls.count('ssm', 'GetParameters'), 0);
  });

  it('a secret scheduled for deletion: restore it', async () => {
    reset({ secrets: [{ name: 'prod/db', deleted: true }, 'dockerhub'] });
    const file = writeStack(oneService(), {
      'api.task.json': taskDef({}, [container({ secrets: [{ name: 'DB_PASSWORD', valueFrom: SM }] })]),
    });
    const [r, more] = await failures(file, 'secrets');
    assert.equal(more, undefined);
    assert.match(r!.message, /secret prod\/db is scheduled for deletion: ECS can no longer read it$/);
    assert.match(
      r!.fix!,
      new RegExp(`^restore it \\(aws secretsmanager restore-secret --secret-id ${SM}\\)`),
    );
  });

  it('parses valueFrom as ECS does', () => {
    assert.deepEqual(parseRef(`${SM}:password:AWSPREVIOUS:`), {
      kind: 'secretsmanager',
      ref: `${SM}:password:AWSPREVIOUS:`,
      secretId: SM,
      region: 'us-east-1',
      versionStage: 'AWSPREVIOUS',
      versionId: undefined,
    });
    assert.deepEqual(parseRef('arn:aws:ssm:eu-west-1:123456789012:parameter/a/b'), {
      kind: 'ssm',
      ref: 'arn:aws:ssm:eu-west-1:123456789012:parameter/a/b',
      region: 'eu-west-1',
    });
    assert.deepEqual(parseRef('DB_URL'), { kind: 'ssm', ref: 'DB_URL', region: undefined });
  });

  it('asks for parameters ten at a time, and reports each missing one', async () => {
    reset({ ssmParameters: [] });
    const secrets = Array.from({ length: 12 }, (_, i) => ({ name: `V${i}`, valueFrom: `/p/v${i}` }));
    const file = writeStack(oneService(), { 'api.task.json': taskDef({}, [container({ secrets })]) });
    const r = await failures(file, 'secrets');
    assert.equal(r.length, 12);
    assert.equal(em().calls.count('ssm', 'GetParameters'), 2);
  });
});
