import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ConvoyEvent } from '../../../src/engine/events.js';
import { ttyView } from '../../../src/cli/render/views.js';

/** The terminal view counts the estimate down below the services, and says so once the deployment runs late. */

const T0 = Date.UTC(2026, 0, 1);
const at = (ms: number) => new Date(T0 + ms).toISOString();
const base = { stack: 'shop', deploymentId: 'd1' };

const started: ConvoyEvent = {
  ...base,
  code: 'deploy.started',
  at: at(0),
  kind: 'deploy',
  correlationId: 'c',
  actor: 'me',
  waves: [['db'], ['api']],
  changes: [
    { service: 'db', to: 'r1', changed: true, reasons: ['new service'] },
    { service: 'api', to: 'r2', changed: true, reasons: ['new service'] },
  ],
  estimate: { lowMs: 20_000, highMs: 40_000, coverage: 0.8, basis: 'history' },
};

function view() {
  let clock = T0;
  let text = '';
  const v = ttyView({ write: (s: string) => (text += s) }, () => clock);
  return {
    send: (e: ConvoyEvent) => v.subscriber(e),
    at: (ms: number) => (clock = T0 + ms),
    last: () => text.split('\n').filter(Boolean).at(-1) ?? '',
    text: () => text,
    stop: v.stop,
  };
}

describe('ttyView: the estimate', () => {
  it('shows what is left while within the interval', () => {
    const v = view();
    v.at(5_000);
    v.send(started);
    v.stop();
    assert.equal(v.last(), '  15s – 35s (80%, from history) left');
  });

  it('says "taking longer than usual" with by how much, once past the top of the interval', () => {
    const v = view();
    v.send(started);
    v.at(100_000);
    v.send({
      ...base,
      code: 'service.starting',
      at: at(100_000),
      service: 'db',
      revision: 'r1',
      gate: 'healthy',
      wave: 0,
    });
    v.stop();
    assert.equal(v.last(), '  taking longer than usual (+60s)');
  });

  it('follows the latest remaining interval, and drops it once the deployment ended', () => {
    const v = view();
    v.send(started);
    v.at(10_000);
    v.send({
      ...base,
      code: 'service.ready',
      at: at(10_000),
      service: 'db',
      revision: 'r1',
      gate: 'healthy',
      elapsedMs: 10_000,
      remaining: { lowMs: 3_000, highMs: 6_000, coverage: 0.8, basis: 'history' },
    });
    assert.equal(v.last(), '  3.0s – 6.0s (80%, from history) left');
    v.send({
      ...base,
      code: 'deploy.succeeded',
      at: at(15_000),
      elapsedMs: 15_000,
      changed: 2,
      unchanged: 0,
    });
    v.stop();
    assert.doesNotMatch(v.last(), /left|longer/);
  });

  it('marks a service late in its own row once it passes the top of its interval, before the stall line', () => {
    const v = view();
    v.send(started);
    v.send({
      ...base,
      code: 'service.starting',
      at: at(0),
      service: 'db',
      revision: 'r1',
      gate: 'healthy',
      wave: 0,
      estimate: { lowMs: 1_000, highMs: 4_000, coverage: 0.8, basis: 'history' },
    });
    v.at(3_000);
    v.send({ ...base, code: 'service.progress', at: at(3_000), service: 'db', message: 'probing' });
    assert.doesNotMatch(v.text(), /db .*longer/);
    v.at(12_000);
    v.send({
      ...base,
      code: 'deploy.stalled',
      at: at(12_000),
      service: 'db',
      elapsedMs: 12_000,
      medianMs: 2_000,
    });
    v.stop();
    const late = v.text().indexOf('taking longer than usual (+8.0s)');
    assert.ok(late >= 0, v.text());
    assert.ok(
      late < v.text().indexOf('db: taking longer than usual: 12s so far, 6.0× its usual 2.0s'),
      v.text(),
    );
  });
});
