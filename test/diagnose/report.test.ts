import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FailureReport } from '../../src/cli/render/report.js';
import type { ConvoyEvent } from '../../src/engine/events.js';

type Failed = Extract<ConvoyEvent, { code: 'service.failed' }>;

const base = { at: '2026-01-01T00:00:00.000Z', stack: 's', deploymentId: 'd' };

function render(failed: Partial<Failed>): string {
  const r = new FailureReport();
  r.subscriber({
    ...base,
    code: 'service.failed',
    service: 'evaluator',
    revision: 'abcdef123456',
    elapsedMs: 4000,
    reason: 'unhealthy',
    message: 'health check failed 3 times in a row',
    logs: [],
    ...failed,
  } as Failed);
  r.subscriber({
    ...base,
    code: 'deploy.failed',
    elapsedMs: 5000,
    service: 'evaluator',
    message: 'x',
    rolledBack: [],
  });
  return r.render() ?? '';
}

const finding = (category: string, confidence: number) => ({
  category,
  cause: `cause ${category}`,
  fix: `fix ${category}`,
  evidence: ['local.x: y'],
  confidence,
});

describe('failure report: likely cause', () => {
  it('renders the top finding and its fix, and strong runners-up', () => {
    const text = render({
      findings: [
        finding('config-env', 0.8),
        finding('port-binding', 0.55),
        finding('health-check-command', 0.3),
      ],
    });
    assert.match(text, /\n {2}likely cause: \[config-env\] cause config-env\n {2}fix: {10}fix config-env\n/);
    assert.match(text, /also possible: \[port-binding\]/);
    assert.doesNotMatch(text, /health-check-command/);
  });

  it('diagnoses the event itself when it carries no findings', () => {
    const text = render({
      output: 'HTTP 503: {"reason":"rule cache failed to load: RULES_URL not set"}',
      check: 'http GET http://127.0.0.1:7104/health',
    });
    assert.match(text, /likely cause: \[config-env\] .*RULES_URL/);
  });

  it('says so when nothing is recognised', () => {
    assert.match(
      render({ findings: [finding('other', 0.05)] }),
      /likely cause: not recognised .*convoy diagnose evaluator/,
    );
  });
});
