import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ServiceDeployment } from '@aws-sdk/client-ecs';
import {
  facts,
  judgeServiceDeployment,
  pausedHook,
  summary,
} from '../../../src/targets/aws/service-deployment.js';

/** The service deployment as the gate: pure judgements over DescribeServiceDeployments output. */

const sd = (o: Partial<ServiceDeployment>): ServiceDeployment => ({
  serviceDeploymentArn: 'arn:aws:ecs:us-east-1:1:service-deployment/c/api/abc',
  status: 'IN_PROGRESS',
  ...o,
});

describe('judging a service deployment', () => {
  it('passes at SUCCESSFUL, or at the named stage or a later one while it goes on', () => {
    assert.deepEqual(judgeServiceDeployment(sd({ status: 'SUCCESSFUL' }), 'deployed'), { state: 'passed' });
    assert.deepEqual(judgeServiceDeployment(sd({ lifecycleStage: 'BAKE_TIME' }), 'deployed'), {
      state: 'waiting',
    });
    assert.deepEqual(judgeServiceDeployment(sd({ lifecycleStage: 'SCALE_UP' }), 'ecs:BAKE_TIME'), {
      state: 'waiting',
    });
    assert.deepEqual(judgeServiceDeployment(sd({ lifecycleStage: 'BAKE_TIME' }), 'ecs:BAKE_TIME'), {
      state: 'passed',
    });
    assert.deepEqual(judgeServiceDeployment(sd({ lifecycleStage: 'CLEAN_UP' }), 'ecs:BAKE_TIME'), {
      state: 'passed',
    });
  });

  it("waits for ECS's rollback to end, then fails quoting ECS's reason", () => {
    assert.deepEqual(judgeServiceDeployment(sd({ status: 'ROLLBACK_IN_PROGRESS' }), 'deployed'), {
      state: 'rolling-back',
    });
    const v = judgeServiceDeployment(
      sd({ status: 'ROLLBACK_SUCCESSFUL', rollback: { reason: 'alarm api-5xx in ALARM' } }),
      'ecs:BAKE_TIME',
    );
    assert.equal(v.state, 'failed');
    assert.match((v as { message: string }).message, /ROLLBACK_SUCCESSFUL\): "alarm api-5xx in ALARM"/);
    assert.equal(judgeServiceDeployment(sd({ status: 'STOPPED' }), 'deployed').state, 'failed');
  });

  it('finds the PAUSE hook waiting at the stage, and only there', () => {
    const paused = sd({
      lifecycleStage: 'POST_TEST_TRAFFIC_SHIFT',
      lifecycleHookDetails: [{ hookId: 'h1', targetType: 'PAUSE', status: 'AWAITING_ACTION' }],
    });
    assert.equal(pausedHook(paused, 'POST_TEST_TRAFFIC_SHIFT'), 'h1');
    assert.equal(pausedHook(paused, 'POST_SCALE_UP'), undefined);
    assert.equal(
      pausedHook({ ...paused, status: 'ROLLBACK_IN_PROGRESS' }, 'POST_TEST_TRAFFIC_SHIFT'),
      undefined,
    );
  });

  it('summarises and reports the breaker count and triggered alarms', () => {
    const d = sd({
      lifecycleStage: 'PRODUCTION_TRAFFIC_SHIFT',
      targetServiceRevision: { requestedProductionTrafficWeight: 10 },
      deploymentCircuitBreaker: { status: 'MONITORING', failureCount: 1, threshold: 3 },
      alarms: { status: 'TRIGGERED', alarmNames: ['api-5xx'], triggeredAlarmNames: ['api-5xx'] },
    });
    assert.equal(
      summary(d),
      'service deployment IN_PROGRESS · stage PRODUCTION_TRAFFIC_SHIFT · production traffic 10% on the new revision · circuit breaker 1/3 · alarms in ALARM: api-5xx',
    );
    assert.match(
      facts(d),
      /circuit breaker: MONITORING, 1 of 3 failed tasks\nalarms: api-5xx \(TRIGGERED; triggered: api-5xx\)/,
    );
  });
});
