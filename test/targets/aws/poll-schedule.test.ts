import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  nextPoll,
  nextProbeAfter,
  settleOf,
  type PollInput,
} from '../../../src/targets/aws/poll-schedule.js';

/** A service whose two tasks started at 0 and probe every 10 s; ECS marks the rollout 1 s after a probe. */
const base: PollInput = {
  now: 0,
  intervalMs: 3_000,
  expected: { lowAt: 0, highAt: 120_000 },
  probeMs: 10_000,
  starting: [0, 0],
  settleMs: 1_000,
};

describe('aws target: when to poll a service next', () => {
  it('probes run at start + k·interval, k ≥ 1', () => {
    assert.equal(nextProbeAfter(0, 10_000, 0), 10_000);
    assert.equal(nextProbeAfter(0, 10_000, 10_000), 20_000);
    assert.equal(nextProbeAfter(5_000, 10_000, 31_000), 35_000);
  });

  it('without an expected finish, a probe interval or a starting task, the back-off decides', () => {
    const regular = { at: 28_000, onProbe: false };
    const at = { ...base, now: 25_000 };
    assert.deepEqual(nextPoll({ ...at, expected: undefined }), regular);
    assert.deepEqual(nextPoll({ ...at, probeMs: undefined }), regular);
    assert.deepEqual(nextPoll({ ...at, starting: [] }), regular);
  });

  it('moves a poll onto the moment ECS shows the next probe, inside the expected window', () => {
    // Regular at 30 s; the probe at 30 s shows at 31 s, within half an interval after it: that poll replaces it.
    assert.deepEqual(nextPoll({ ...base, now: 27_000 }), { at: 31_000, onProbe: true });
    // Earlier than the regular poll too.
    assert.deepEqual(nextPoll({ ...base, now: 29_000 }), { at: 31_000, onProbe: true });
  });

  it('never waits more than 1.5 × the back-off for a probe', () => {
    // Regular at 15 s; the next probe shows at 21 s, too far: the regular poll stays.
    assert.deepEqual(nextPoll({ ...base, now: 12_000 }), { at: 15_000, onProbe: false });
  });

  it('still catches the consequence of a probe that just ran', () => {
    // The probe at 30 s has run, ECS shows it at 31 s: poll then, not at the next probe.
    assert.deepEqual(nextPoll({ ...base, now: 30_500 }), { at: 31_000, onProbe: true });
  });

  it('follows the earliest of the tasks’ probes', () => {
    assert.deepEqual(nextPoll({ ...base, now: 27_000, starting: [0, 4_000] }), { at: 31_000, onProbe: true });
    assert.deepEqual(nextPoll({ ...base, now: 31_000, starting: [0, 4_000] }), { at: 35_000, onProbe: true });
  });

  it('outside the expected window (widened by one probe), polls stay on the back-off', () => {
    const early = { ...base, now: 27_000, expected: { lowAt: 60_000, highAt: 90_000 } };
    assert.deepEqual(nextPoll(early), { at: 30_000, onProbe: false });
    const late = { ...base, now: 125_000, expected: { lowAt: 60_000, highAt: 100_000 } };
    assert.deepEqual(nextPoll(late), { at: 128_000, onProbe: false });
    const edge = { ...base, now: 47_000, expected: { lowAt: 60_000, highAt: 90_000 } };
    assert.deepEqual(nextPoll(edge), { at: 51_000, onProbe: true });
  });

  it('learns how long after the deciding probe ECS marked the rollout', () => {
    assert.equal(settleOf(31_000, [0, 0], 10_000), 1_000);
    // Two tasks on different grids: the latest probe before the moment decided it.
    assert.equal(settleOf(35_500, [0, 4_000], 10_000), 1_500);
    // Before any probe: nothing to learn.
    assert.equal(settleOf(8_000, [0], 10_000), undefined);
  });
});
