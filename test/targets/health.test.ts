import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatDuration, HealthTracker, type HealthTiming } from '../../src/targets/health.js';

const timing = (t: Partial<HealthTiming> = {}): HealthTiming => ({
  interval: 200,
  timeout: 100,
  retries: 3,
  startPeriod: 0,
  ...t,
});
const START = 10_000;

/** Feeds the tracker probes on its own schedule until it decides; returns the deciding probe time and status. */
function run(tracker: HealthTracker, okAt: (at: number) => boolean, until = START + 60_000) {
  for (let at = tracker.nextProbeAt(); at < until; at = tracker.nextProbeAt()) {
    const status = tracker.record({ at, ok: okAt(at), output: `probe at ${at - START}` });
    if (status !== 'starting') return { at: at - START, status };
  }
  return { at: Infinity, status: tracker.status };
}

describe('HealthTracker', () => {
  it('turns unhealthy after `retries` consecutive failures when there is no start period', () => {
    const t = new HealthTracker(timing(), START);
    assert.deepEqual(
      run(t, () => false),
      { at: 600, status: 'unhealthy' },
    );
    assert.equal(t.failingStreak, 3);
    assert.equal(t.lastResult?.output, 'probe at 600');
  });

  it('ignores failures inside the start period (judged by probe start, as Docker does)', () => {
    const t = new HealthTracker(timing({ startPeriod: 1000 }), START);
    // Probes at 200..800 are ignored; 1000, 1200, 1400 count.
    assert.deepEqual(
      run(t, () => false),
      { at: 1400, status: 'unhealthy' },
    );
  });

  it('counts the first probe at or after a start period that is not a multiple of the interval', () => {
    const t = new HealthTracker(timing({ startPeriod: 500 }), START);
    assert.deepEqual(
      run(t, () => false),
      { at: 1000, status: 'unhealthy' },
    );
  });

  it('becomes healthy on the first pass, even inside the start period', () => {
    const t = new HealthTracker(timing({ startPeriod: 5000 }), START);
    assert.deepEqual(
      run(t, (at) => at - START >= 600),
      { at: 600, status: 'healthy' },
    );
  });

  it('counts failures inside the start period once the check has passed', () => {
    const t = new HealthTracker(timing({ startPeriod: 5000 }), START);
    t.record({ at: START + 200, ok: true, output: '' });
    t.record({ at: START + 400, ok: false, output: '' });
    t.record({ at: START + 600, ok: false, output: '' });
    assert.equal(t.status, 'healthy');
    assert.equal(t.record({ at: START + 800, ok: false, output: 'down' }), 'unhealthy');
  });

  it('needs the failures to be consecutive', () => {
    const t = new HealthTracker(timing(), START);
    const statuses = [false, false, true, false, false, true, false, false, false].map((ok, i) =>
      t.record({ at: START + 200 * (i + 1), ok, output: '' }),
    );
    assert.deepEqual(statuses, [
      'starting',
      'starting',
      'healthy',
      'healthy',
      'healthy',
      'healthy',
      'healthy',
      'healthy',
      'unhealthy',
    ]);
  });

  it('recovers from unhealthy on a pass', () => {
    const t = new HealthTracker(timing({ retries: 1 }), START);
    assert.equal(t.record({ at: START + 200, ok: false, output: '' }), 'unhealthy');
    assert.equal(t.record({ at: START + 400, ok: true, output: '' }), 'healthy');
    assert.equal(t.failingStreak, 0);
  });

  it('treats a probe slower than the timeout as a failure even if it succeeded', () => {
    const t = new HealthTracker(timing({ retries: 1, timeout: 100 }), START);
    assert.equal(t.record({ at: START + 200, ok: true, output: 'HTTP 200', durationMs: 100 }), 'healthy');
    assert.equal(t.record({ at: START + 400, ok: true, output: 'HTTP 200', durationMs: 101 }), 'unhealthy');
    assert.equal(t.lastResult?.output, 'timed out after 100ms');
  });

  it('schedules probes on the grid start + k·interval and skips slots already past', () => {
    const t = new HealthTracker(timing(), START);
    assert.equal(t.nextProbeAt(), START + 200);
    assert.equal(t.nextProbeAt(START - 50), START + 200, 'never before the first slot');
    assert.equal(t.nextProbeAt(START + 200), START + 200, 'a slot due now is due');
    t.record({ at: START + 203, ok: false, output: '' }); // timers fire a little late
    assert.equal(t.nextProbeAt(), START + 400);
    assert.equal(t.nextProbeAt(START + 650), START + 800, 'a slow probe overran 600');
    assert.equal(t.nextProbeAt(START + 400), START + 400);
  });

  it('startInterval probes more often inside the start period only, so a fast boot is seen fast', () => {
    const t = new HealthTracker(timing({ interval: 1000, startPeriod: 2000, startInterval: 250 }), START);
    // A service that answers from 600 ms: seen at the 750 ms probe, not at the 1 s interval.
    assert.deepEqual(
      run(t, (at) => at - START >= 600),
      { at: 750, status: 'healthy' },
    );
    // Failing all along: the verdict comes no sooner than without startInterval (2000, 3000, 4000 count).
    const f = new HealthTracker(timing({ interval: 1000, startPeriod: 2000, startInterval: 250 }), START);
    assert.deepEqual(
      run(f, () => false),
      { at: 4000, status: 'unhealthy' },
    );
    const without = new HealthTracker(timing({ interval: 1000, startPeriod: 2000 }), START);
    assert.deepEqual(
      run(without, () => false),
      { at: 4000, status: 'unhealthy' },
    );
  });

  it('explains the failure in one sentence', () => {
    assert.equal(
      new HealthTracker(timing({ startPeriod: 2000 }), 0).describeFailure(),
      'health check failed 3 times in a row after the 2s start period',
    );
    assert.equal(
      new HealthTracker(timing({ retries: 1 }), 0).describeFailure(),
      'health check failed 1 time',
    );
  });
});

describe('formatDuration', () => {
  it('uses the unit a person would write', () => {
    assert.deepEqual([250, 2000, 1500, 90_000, 7_200_000].map(formatDuration), [
      '250ms',
      '2s',
      '1.5s',
      '1.5m',
      '2h',
    ]);
  });
});
