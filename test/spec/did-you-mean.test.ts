import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { didYouMean, editDistance } from '../../src/spec/did-you-mean.js';

describe('didYouMean', () => {
  const fields = ['command', 'http', 'tcp', 'interval', 'timeout', 'retries', 'startPeriod'];

  it('suggests the closest candidate for a typo', () => {
    assert.equal(didYouMean('intervl', fields), 'interval');
    assert.equal(didYouMean('retires', fields), 'retries');
    assert.equal(didYouMean('startperiod', fields), 'startPeriod');
  });

  it('suggests nothing when no candidate is close', () => {
    assert.equal(didYouMean('volumes', fields), undefined);
    assert.equal(didYouMean('x', ['db', 'api']), undefined);
    assert.equal(didYouMean('a', []), undefined);
  });

  it('counts a swap of adjacent letters as one edit', () => {
    assert.equal(editDistance('ab', 'ba'), 1);
    assert.equal(editDistance('kitten', 'sitting'), 3);
    assert.equal(editDistance('', 'abc'), 3);
  });
});
