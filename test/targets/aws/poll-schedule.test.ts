import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  nextProbeAfter,
  nextRound,
  settleOf,
  type Candidate,
} from '../../../src/targets/aws/poll-schedule.js';

/** Pure schedule: given now, the back-off interval, the candidates and the credit → the next round's time. */
describe('aws target: when the next poll round comes', () => {
  const share = 300;

  it('probes run at start + k·interval, k ≥ 1', () => {
    assert.equal(nextProbeAfter(0, 10_000, 0), 10_000);
    assert.equal(nextProbeAfter(0, 10_000, 10_000), 20_000);
    assert.equal(nextProbeAfter(5_000, 10_000, 31_000), 35_000);
  });

  it('without a candidate, the back-off decides', () => {
    assert.deepEqual(nextRound(0, 3_000, [], share, 3_000), { at: 3_000, onProbe: false });
  });

  it('moves the round later onto a candidate up to half an interval after it', () => {
    const c: Candidate[] = [{ at: 4_000, weight: 1 }];
    assert.deepEqual(nextRound(0, 3_000, c, share, 0), { at: 4_000, onProbe: true });
    assert.deepEqual(nextRound(0, 3_000, [{ at: 4_600, weight: 1 }], share, 0), {
      at: 3_000,
      onProbe: false,
    });
  });

  it('moves it earlier only as far as earlier rounds ran late (no more rounds than the back-off makes)', () => {
    const c: Candidate[] = [{ at: 1_500, weight: 1 }];
    assert.deepEqual(nextRound(0, 3_000, c, share, 0), { at: 3_000, onProbe: false });
    assert.deepEqual(nextRound(0, 3_000, c, share, 1_000), { at: 3_000, onProbe: false });
    assert.deepEqual(nextRound(0, 3_000, c, share, 1_500), { at: 1_500, onProbe: true });
    // In debt (rounds ran early), a later candidate is still taken: it pays the debt back.
    assert.deepEqual(nextRound(0, 3_000, [{ at: 1_500, weight: 1 }], share, -500), {
      at: 3_000,
      onProbe: false,
    });
    assert.deepEqual(nextRound(0, 3_000, [{ at: 3_200, weight: 1 }], share, -500), {
      at: 3_200,
      onProbe: true,
    });
  });

  it('prefers the candidate that holds up the most, and one round that serves several', () => {
    const c: Candidate[] = [
      { at: 2_500, weight: 10 },
      { at: 3_500, weight: 50 },
    ];
    assert.deepEqual(nextRound(0, 3_000, c, share, 3_000), { at: 3_500, onProbe: true });
    // 3.2 s sees both the candidate at 3 s and its own: 30 + 30 outweighs 50.
    const shared: Candidate[] = [
      { at: 3_000, weight: 30 },
      { at: 3_200, weight: 30 },
      { at: 4_000, weight: 50 },
    ];
    assert.deepEqual(nextRound(0, 3_000, shared, share, 3_000), { at: 3_200, onProbe: true });
    // Equal weight: the earliest.
    const equal: Candidate[] = [
      { at: 3_900, weight: 5 },
      { at: 2_600, weight: 5 },
    ];
    assert.deepEqual(nextRound(0, 3_000, equal, share, 3_000), { at: 2_600, onProbe: true });
  });

  it('learns how long after the deciding probe ECS marked the rollout', () => {
    assert.equal(settleOf(31_000, [0, 0], 10_000), 1_000);
    // Two tasks on different grids: the latest probe before the moment decided it.
    assert.equal(settleOf(35_500, [0, 4_000], 10_000), 1_500);
    // Before any probe: nothing to learn.
    assert.equal(settleOf(8_000, [0], 10_000), undefined);
  });
});
