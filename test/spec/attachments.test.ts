import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { revisionOf } from '../../src/plan/revision.js';
import { loadStack } from '../../src/spec/load.js';
import { writeStack } from './fixtures.js';

const STACK = `stack: shop
target: aws
aws: { region: us-east-1, cluster: prod }
services:
  infra:
    kind: cloudformation
    cloudformation: { stackName: shop-infra, template: cfn/infra.yaml, parameters: { Env: prod } }
  migrate:
    kind: job
    dependsOn: [infra]
    aws: { taskDefinition: ecs/migrate.json, runTask: ecs/migrate.run.json }
  api:
    dependsOn: [migrate]
    aws: { taskDefinition: ecs/api.json, serviceDefinition: ecs/api.service.json }
`;

function project(files: Record<string, string>): string {
  const file = writeStack(STACK);
  for (const [rel, text] of Object.entries(files)) {
    const p = join(dirname(file), rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, text);
  }
  return file;
}

const TASKDEF = JSON.stringify(
  { family: 'api', containerDefinitions: [{ name: 'app', image: 'repo/api:${IMAGE_TAG}', essential: true }] },
  null,
  2,
);
const FILES = {
  'cfn/infra.yaml':
    'Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Sub "${AWS::StackName}-data"\n',
  'ecs/migrate.json': JSON.stringify({
    taskDefinition: {
      family: 'migrate',
      containerDefinitions: [{ name: 'm', image: 'repo/api:${IMAGE_TAG}' }],
    },
  }),
  'ecs/migrate.run.json': '{ "launchType": "FARGATE" }',
  'ecs/api.json': TASKDEF,
  'ecs/api.service.json': '{ "serviceName": "api", "desiredCount": 2 }',
};

describe('aws and cloudformation blocks: native files read with the stack file', () => {
  it('reads task/service definitions with ${VAR} interpolation, unwraps describe output, keeps templates verbatim', () => {
    const stack = loadStack(project(FILES), { env: { IMAGE_TAG: 'abc123' } });
    const [infra, migrate, api] = stack.services;
    assert.equal(stack.aws?.cluster, 'prod');
    assert.equal(infra?.cloudformation?.stackName, 'shop-infra');
    assert.match(infra?.cloudformation?.templateBody ?? '', /\$\{AWS::StackName\}-data/);
    assert.deepEqual(infra?.cloudformation?.parameters, { Env: 'prod' });
    assert.equal(
      migrate?.aws?.taskDefinition.family,
      'migrate',
      'describe-task-definition output is unwrapped',
    );
    assert.deepEqual(migrate?.aws?.runTask, { launchType: 'FARGATE' });
    const containers = api?.aws?.taskDefinition.containerDefinitions as { image: string }[];
    assert.equal(containers[0]?.image, 'repo/api:abc123');
    assert.equal(api?.aws?.serviceDefinition?.desiredCount, 2);
    // Short dependsOn: a cloudformation phase and a job are waited for until completed.
    assert.deepEqual(migrate?.dependsOn, [{ name: 'infra', condition: 'completed' }]);
  });

  it('a new image tag is a new revision; moving the files is not', () => {
    const a = loadStack(project(FILES), { env: { IMAGE_TAG: 'abc' } }).services[2]!;
    const b = loadStack(project(FILES), { env: { IMAGE_TAG: 'def' } }).services[2]!;
    const c = loadStack(project(FILES), { env: { IMAGE_TAG: 'abc' } }).services[2]!;
    assert.notEqual(revisionOf(a), revisionOf(b));
    assert.equal(revisionOf(a), revisionOf(c));
  });

  it('a missing ${VAR} in a task definition is located in that file', () => {
    assert.throws(
      () => loadStack(project(FILES), { env: {} }),
      /ecs\/migrate\.json:1:\d+: taskDefinition\.containerDefinitions\.0\.image: .*IMAGE_TAG/,
    );
  });

  it('malformed JSON and missing files name file, line and column', () => {
    assert.throws(
      () =>
        loadStack(
          project({ ...FILES, 'ecs/api.json': '{\n  "family": "api",\n  "containerDefinitions": [\n}' }),
          { env: { IMAGE_TAG: 'x' } },
        ),
      /ecs\/api\.json:\d+:\d+: invalid YAML|ecs\/api\.json:\d+:\d+/,
    );
    const { 'ecs/api.service.json': _gone, ...rest } = FILES;
    assert.throws(
      () => loadStack(project(rest), { env: { IMAGE_TAG: 'x' } }),
      /convoy\.yaml:\d+:\d+: services\.api\.aws\.serviceDefinition: no such file/,
    );
  });
});
