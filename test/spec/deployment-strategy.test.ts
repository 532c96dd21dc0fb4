import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { InvalidInputError } from '../../src/errors.js';
import { loadStack } from '../../src/spec/load.js';
import { writeStack } from './fixtures.js';

/** `aws.deploymentConfiguration`, `waitUntil` and `pauseAt`: laid over the service definition, checked on load. */

function load(aws: string) {
  const file = writeStack(`stack: shop
target: aws
services:
  api:
    aws:
      taskDefinition: ecs/api.json
      serviceDefinition: ecs/api.service.json
${aws
  .split('\n')
  .map((l) => `      ${l}`)
  .join('\n')}
`);
  const files = {
    'ecs/api.json': JSON.stringify({
      family: 'api',
      containerDefinitions: [{ name: 'app', image: 'repo/api:1' }],
    }),
    'ecs/api.service.json': JSON.stringify({
      serviceName: 'api',
      deploymentConfiguration: {
        strategy: 'ROLLING',
        deploymentCircuitBreaker: { enable: true, rollback: true },
        lifecycleHooks: [
          { targetType: 'AWS_LAMBDA', hookTargetArn: 'arn:fn', lifecycleStages: ['POST_SCALE_UP'] },
        ],
      },
    }),
  };
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dirname(file), rel)), { recursive: true });
    writeFileSync(join(dirname(file), rel), text);
  }
  return loadStack(file, { env: {} }).services[0]!.aws!;
}

describe('native deployment strategies in the stack file', () => {
  it("lays the stack file's deploymentConfiguration over the definition's and adds a PAUSE hook for pauseAt", () => {
    const aws = load(
      [
        'deploymentConfiguration: { strategy: CANARY, canaryConfiguration: { canaryPercent: 10 }, bakeTimeInMinutes: 5 }',
        'waitUntil: ecs:BAKE_TIME',
        'pauseAt: POST_TEST_TRAFFIC_SHIFT',
      ].join('\n'),
    );
    const dc = aws.serviceDefinition!.deploymentConfiguration as Record<string, unknown>;
    assert.equal(dc.strategy, 'CANARY');
    assert.deepEqual(dc.canaryConfiguration, { canaryPercent: 10 });
    assert.deepEqual(dc.deploymentCircuitBreaker, { enable: true, rollback: true }, "the definition's stays");
    assert.deepEqual(dc.lifecycleHooks, [
      { targetType: 'AWS_LAMBDA', hookTargetArn: 'arn:fn', lifecycleStages: ['POST_SCALE_UP'] },
      { targetType: 'PAUSE', lifecycleStages: ['POST_TEST_TRAFFIC_SHIFT'] },
    ]);
    assert.equal(aws.waitUntil, 'ecs:BAKE_TIME');
    assert.equal(aws.pauseAt, 'POST_TEST_TRAFFIC_SHIFT');
  });

  for (const [bad, field] of [
    ['deploymentConfiguration: { strategy: RED_BLACK }', 'deploymentConfiguration.strategy'],
    ['waitUntil: ecs:WARM_UP', 'waitUntil'],
    ['pauseAt: BAKE_TIME', 'pauseAt'],
  ] as const) {
    it(`refuses ${bad}, naming the field`, () => {
      assert.throws(
        () => load(bad),
        (err: unknown) =>
          err instanceof InvalidInputError &&
          err.message.includes(`services.api.aws.${field}`) &&
          err.exitCode === 3,
      );
    });
  }
});
