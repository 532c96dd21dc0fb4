import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  nextProbeAfter,
  nextRound,
  settleOf,
  type Candidate,
} from '../../../src/targets/aws/poll-schedule.js';

/** Pure schedule: given now, the back-off interval and the candidates → the next round's time. */
describe('aws target: when the next poll round comes', () => {
  const share = 300;

  it('probes run at start + k·interval, k ≥ 1', () => {
    assert.equal(nextProbeAfter(0, 10_000, 0), 10_000);
    assert.equal(nextProbeAfter(0, 10_000, 10_000), 20_000);
    assert.equal(nextProbeAfter(5_000, 10_000, 31_000), 35_000);
  });

  it('without a candidate ahead, the back-off decides', () => {
    assert.deepEqual(nextRound(0, 3_000, [], share, 3_000), { at: 3_000, onProbe: false });
    assert.deepEqual(nextRound(5_000, 3_000, [{ at: 4_000, weight: 9 }], share, 3_000), {
      at: 8_000,
      onProbe: false,
    });
  });

  it('a candidate within about an interval is the next round, earlier or later', () => {
    assert.deepEqual(nextRound(0, 3_000, [{ at: 4_000, weight: 1 }], share, 3_000), {
      at: 4_000,
      onProbe: true,
    });
    assert.deepEqual(nextRound(0, 3_000, [{ at: 1_500, weight: 1 }], share, 3_000), {
      at: 1_500,
      onProbe: true,
    });
  });

  it('spreads the rounds up to a far candidate evenly, as many as the back-off runs meanwhile, rounded down', () => {
    // 10 s at 3 s: three steps of 3.33 s, so the third lands on the probe's consequence.
    const far: Candidate[] = [{ at: 10_000, weight: 1 }];
    assert.deepEqual(nextRound(0, 3_000, far, share, 3_000), { at: 3_333, onProbe: false });
    assert.deepEqual(nextRound(3_333, 3_000, far, share, 3_000), { at: 6_667, onProbe: false });
    assert.deepEqual(nextRound(6_667, 3_000, far, share, 3_000), { at: 10_000, onProbe: true });
    // 5.5 s at 3 s is 1.83 intervals: one step (the count never exceeds the back-off's by rounding up).
    assert.deepEqual(nextRound(0, 3_000, [{ at: 5_500, weight: 1 }], share, 3_000), {
      at: 5_500,
      onProbe: true,
    });
  });

  it('takes a target too close for a step of its own only as far earlier as earlier rounds ran late', () => {
    // 1.5 s at a 3 s interval: under 0.85 intervals away.
    const close: Candidate[] = [{ at: 1_500, weight: 1 }];
    assert.deepEqual(nextRound(0, 3_000, close, share, 1_500), { at: 1_500, onProbe: true });
    assert.deepEqual(nextRound(0, 3_000, close, share, 1_000), { at: 3_000, onProbe: false });
    // Without the credit, a candidate up to half an interval after the back-off's round still takes it.
    const both: Candidate[] = [...close, { at: 4_000, weight: 1 }];
    assert.deepEqual(nextRound(0, 3_000, both, share, 0), { at: 4_000, onProbe: true });
    // An interval longer than the probes' (15 s, probes every 10 s) never brings rounds forward without credit.
    assert.deepEqual(nextRound(0, 15_000, [{ at: 9_000, weight: 1 }], share, 0), {
      at: 15_000,
      onProbe: false,
    });
  });

  it('aims at the candidate that holds up the most, the earliest of equals', () => {
    const c: Candidate[] = [
      { at: 2_500, weight: 10 },
      { at: 3_500, weight: 50 },
    ];
    assert.deepEqual(nextRound(0, 3_000, c, share, 3_000), { at: 3_500, onProbe: true });
    const equal: Candidate[] = [
      { at: 3_900, weight: 5 },
      { at: 2_600, weight: 5 },
    ];
    assert.deepEqual(nextRound(0, 3_000, equal, share, 3_000), { at: 2_600, onProbe: true });
  });

  it('on the way to a far target, a step moves onto the candidates near its slot that one round serves most', () => {
    // Target at 10 s: the first step's slot is 3.33 s; candidates from 1.67 s to 5 s may take it.
    const c: Candidate[] = [
      { at: 10_000, weight: 100 },
      { at: 2_800, weight: 30 },
      { at: 3_000, weight: 30 },
      { at: 4_500, weight: 50 },
      { at: 6_000, weight: 90 },
    ];
    // 3 s sees 2.8 s and itself (60), more than 4.5 s alone (50); 6 s is beyond the slot.
    assert.deepEqual(nextRound(0, 3_000, c, share, 3_000), { at: 3_000, onProbe: true });
  });

  it('learns how long after the deciding probe ECS marked the rollout', () => {
    assert.equal(settleOf(31_000, [0, 0], 10_000), 1_000);
    // Two tasks on different grids: the latest probe before the moment decided it.
    assert.equal(settleOf(35_500, [0, 4_000], 10_000), 1_500);
    // Before any probe: nothing to learn.
    assert.equal(settleOf(8_000, [0], 10_000), undefined);
  });
});
