import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  diagnose,
  gatherCapture,
  localCapture,
  publicFinding,
  stripAnnotations,
  topFindings,
  type FailedService,
} from '../../src/diagnose/index.js';
import { systemClock } from '../../src/core/clock.js';

const BROKEN_OUTPUT =
  'HTTP 503: {"status":"unhealthy","reason":"rule cache failed to load: RULES_URL not set","service":"evaluator","version":"2"}';

const evaluator: FailedService = {
  service: 'evaluator',
  verdict: {
    reason: 'unhealthy',
    message: 'health check failed 3 times in a row after the 2s start period',
    check: 'http GET http://127.0.0.1:7104/health',
    output: BROKEN_OUTPUT,
  },
  logs: ['2026-01-01T00:00:00.000Z evaluator@2 unhealthy: rule cache failed to load: RULES_URL not set'],
};

describe('gatherCapture', () => {
  it('without target evidence, builds a local capture from the verdict and log lines', async () => {
    const c = await gatherCapture({}, evaluator, { clock: systemClock });
    assert.deepEqual(c, {
      service: 'evaluator',
      local: {
        healthOutput: BROKEN_OUTPUT,
        logs: evaluator.logs,
        check: 'http GET http://127.0.0.1:7104/health',
        reason: 'unhealthy',
        message: 'health check failed 3 times in a row after the 2s start period',
      },
    });
  });

  it("prefers the target's evidence, with the service name first", async () => {
    const c = await gatherCapture(
      { evidence: async () => ({ tasks: [{ stoppedReason: 'x' }] }) },
      evaluator,
      { clock: systemClock },
    );
    assert.deepEqual(Object.keys(c), ['service', 'tasks']);
  });

  it('falls back to the verdict when the evidence fails, is empty or is too slow', async () => {
    const fallback = (await gatherCapture({}, evaluator, { clock: systemClock })) as unknown;
    for (const evidence of [
      () => Promise.reject(new Error('no credentials')),
      () => Promise.resolve({}),
      () => new Promise<Record<string, unknown>>(() => {}),
    ]) {
      const c = await gatherCapture({ evidence }, evaluator, { clock: systemClock, timeoutMs: 50 });
      assert.deepEqual(c, fallback);
    }
  });
});

describe('findings for a failure report', () => {
  it('the broken alerting example is a config-env finding naming RULES_URL', () => {
    const [top, ...rest] = topFindings(
      localCapture({
        ...evaluator.verdict,
        service: 'evaluator',
        healthOutput: BROKEN_OUTPUT,
        logs: evaluator.logs,
      }),
    );
    assert.equal(top?.category, 'config-env');
    assert.match(top!.cause, /RULES_URL/);
    assert.match(top!.fix, /RULES_URL/);
    assert.ok(top!.evidence.some((e) => e.startsWith('local.healthOutput[0]: HTTP 503')));
    assert.ok(rest.length <= 2);
  });

  it('carry exactly the five public keys, at most three, best first', () => {
    const f = topFindings({
      tasks: [
        {
          stoppedReason: 'OutOfMemoryError: Container killed due to memory usage',
          containers: [{ exitCode: 137 }],
        },
      ],
      logs: { app: ['Traceback (most recent call last):'] },
    });
    assert.ok(f.length >= 1 && f.length <= 3);
    for (const x of f)
      assert.deepEqual(Object.keys(x), ['category', 'cause', 'fix', 'evidence', 'confidence']);
    assert.deepEqual(
      f.map((x) => x.confidence),
      [...f.map((x) => x.confidence)].sort((a, b) => b - a),
    );
    assert.deepEqual(publicFinding(diagnose({})[0]!).category, 'other');
  });

  it('an unreadable capture gives no findings rather than an error', () => {
    assert.deepEqual(topFindings({ tasks: 'not a list' }), []);
  });

  it('local launch failures and missing health check programs have their own signatures', () => {
    const launch = topFindings(
      localCapture({
        service: 'api',
        reason: 'start-failed',
        message: 'could not start node20: spawn node20 ENOENT',
      }),
    );
    assert.equal(launch[0]?.category, 'config-env');
    assert.match(launch[0]!.cause, /node20/);
    const cwd = topFindings(
      localCapture({
        service: 'api',
        reason: 'start-failed',
        message: 'could not start node: working folder /x/api does not exist',
      }),
    );
    assert.equal(cwd[0]?.category, 'config-env');
    const probe = topFindings(
      localCapture({
        service: 'api',
        reason: 'unhealthy',
        healthOutput: 'exit 127: /bin/sh: 1: grpc_health_probe: not found',
      }),
    );
    assert.equal(probe[0]?.category, 'health-check-command');
    assert.match(probe[0]!.cause, /grpc_health_probe/);
  });
});

describe('stripAnnotations', () => {
  it('drops the _ keys of the shared examples and keeps the rest', () => {
    assert.deepEqual(
      stripAnnotations({ _expect: 'config-env', _source: 'https://x', service: 'a', local: {} }),
      {
        service: 'a',
        local: {},
      },
    );
  });
});
